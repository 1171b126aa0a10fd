using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Core;
using Sitrep.Core.Annotations;
using Sitrep.Core.Pipeline;

namespace Sitrep.Extraction.Layout;

/// <summary>
/// "MOSCOW (Reuters) -", "KHARTOUM, Sudan (AP) —", "PORT SUDAN —": the city the report was
/// filed from and the agency that filed it, at the start of the first paragraph after a caption.
/// </summary>
public sealed partial class DatelineRecognizer : IAnnotator
{
    public string Name => "dateline";

    public IReadOnlyList<string> Requires => [];

    public IReadOnlyList<string> Provides => [Layers.Dateline];

    public void Annotate(Document document)
    {
        int start = 0;
        foreach (var caption in document.Captions.Where(c => c.Span.Start <= start + 2))
        {
            start = Math.Max(start, caption.Span.End);
        }
        while (start < document.Text.Length && char.IsWhiteSpace(document.Text[start]))
        {
            start++;
        }
        var match = Pattern().Match(document.Text, start, Math.Min(160, document.Text.Length - start));
        if (!match.Success || match.Index != start)
        {
            return;
        }
        var city = match.Groups["city"];
        var place = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(city.Value.ToLowerInvariant());
        var outlet = match.Groups["outlet"].Success ? match.Groups["outlet"].Value.Trim() : null;
        document.Dateline = new Dateline(
            new TextSpan(match.Index, match.Index + match.Length),
            new TextSpan(city.Index, city.Index + city.Length),
            place,
            match.Groups["country"].Success ? match.Groups["country"].Value : null,
            outlet);
        document.Metadata.Outlet ??= outlet;
    }

    [GeneratedRegex(@"(?<city>\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]+){0,3})(?:, (?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}))?(?:, (?<country>\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+){0,2}))?(?: \((?<outlet>[\p{L}. -]{2,30})\))?\s*[-—–]{1,2}\s*")]
    private static partial Regex Pattern();
}
