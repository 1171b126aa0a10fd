using System.Text.Json.Serialization;

namespace Sitrep.Core.Annotations;

public static class ActorType
{
    public const string StateForces = "state_forces";
    public const string RebelGroup = "rebel_group";
    public const string PoliticalMilitia = "political_militia";
    public const string IdentityMilitia = "identity_militia";
    public const string Rioters = "rioters";
    public const string Protesters = "protesters";
    public const string Civilians = "civilians";
    public const string ExternalForces = "external_forces";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        StateForces, RebelGroup, PoliticalMilitia, IdentityMilitia, Rioters, Protesters, Civilians, ExternalForces,
    };
}

/// <summary>A canonical actor as ACLED names it.</summary>
public sealed record Actor(string Name, string Type, string? Country);

public sealed class ActorMention : ISpanned
{
    public string Text { get; init; } = "";

    public int Start { get; init; }

    public int End { get; init; }

    public string Name { get; init; } = "";

    public string Type { get; init; } = "";

    public string? Country { get; init; }

    [JsonIgnore]
    public TextSpan Span => new(Start, End);

    [JsonIgnore]
    public Actor Actor => new(Name, Type, Country);

    /// <summary>Government or seat-of-power mentions ("the Kremlin") speak; they rarely fight.</summary>
    [JsonIgnore]
    public bool IsMetonym { get; init; }
}
