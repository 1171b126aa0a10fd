namespace Sitrep.Core;

/// <summary>An annotation with a place in the text, so its layer can be indexed by offset.</summary>
public interface ISpanned
{
    TextSpan Span { get; }
}

/// <summary>
/// Spans sorted by start, so that "which lie inside this sentence?", "does any overlap this?" and
/// "does any cover this?" cost a binary search instead of a scan: components ask once per
/// sentence or candidate, and a long report has many of both.
/// </summary>
public sealed class SpanIndex
{
    private readonly TextSpan[] _spans;

    // Each sorted span's position in the list it was built from, so answers keep that list's order.
    private readonly int[] _positions;

    // The largest end among the sorted spans up to each index.
    private readonly int[] _maxEnds;

    public SpanIndex(IEnumerable<TextSpan> spans)
    {
        var sorted = spans.Select((s, i) => (Span: s, Position: i)).OrderBy(x => x.Span.Start).ThenBy(x => x.Position).ToArray();
        _spans = sorted.Select(x => x.Span).ToArray();
        _positions = sorted.Select(x => x.Position).ToArray();
        _maxEnds = new int[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            _maxEnds[i] = Math.Max(_spans[i].End, i > 0 ? _maxEnds[i - 1] : int.MinValue);
        }
    }

    public int Count => _spans.Length;

    /// <summary>Positions, ascending, of the spans the window covers (<see cref="TextSpan.Covers"/>).</summary>
    public List<int> Within(TextSpan window)
    {
        var found = new List<int>();
        for (int i = FirstStartingAtOrAfter(window.Start); i < _spans.Length && _spans[i].Start <= window.End; i++)
        {
            if (_spans[i].End <= window.End)
            {
                found.Add(_positions[i]);
            }
        }
        found.Sort();
        return found;
    }

    /// <summary>Positions, ascending, of the spans that start at or after one offset and at or before another.</summary>
    public List<int> StartingBetween(int first, int last)
    {
        var found = new List<int>();
        for (int i = FirstStartingAtOrAfter(first); i < _spans.Length && _spans[i].Start <= last; i++)
        {
            found.Add(_positions[i]);
        }
        found.Sort();
        return found;
    }

    /// <summary>Whether any span overlaps this one (<see cref="TextSpan.Overlaps"/>): one that starts before its end ends after its start.</summary>
    public bool Overlaps(TextSpan span)
    {
        int last = FirstStartingAtOrAfter(span.End) - 1;
        return last >= 0 && _maxEnds[last] > span.Start;
    }

    /// <summary>Whether any span covers this one: one that starts at or before its start ends at or after its end.</summary>
    public bool AnyCovers(TextSpan span)
    {
        int last = FirstStartingAtOrAfter(span.Start + 1) - 1;
        return last >= 0 && _maxEnds[last] >= span.End;
    }

    private int FirstStartingAtOrAfter(int offset)
    {
        int lo = 0, hi = _spans.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_spans[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
