namespace Sitrep.Core.Pipeline;

/// <summary>An ordered list of annotators whose requirements are checked when it is built.</summary>
public sealed class Pipeline
{
    private readonly IReadOnlyList<IAnnotator> _components;

    public Pipeline(IEnumerable<IAnnotator> components)
    {
        _components = components.ToList();
        var provided = new HashSet<string>();
        foreach (var component in _components)
        {
            var missing = component.Requires.Where(r => !provided.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Pipeline component '{component.Name}' requires {string.Join(", ", missing)}, which no earlier component provides.");
            }
            provided.UnionWith(component.Provides);
        }
    }

    public IReadOnlyList<IAnnotator> Components => _components;

    public Document Run(Document document)
    {
        foreach (var component in _components)
        {
            component.Annotate(document);
        }
        return document;
    }
}
