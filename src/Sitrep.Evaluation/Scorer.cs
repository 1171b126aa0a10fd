using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sitrep.Evaluation;

/// <summary>
/// The reference scorer (shared/tools/score.py) in C#: same matching, same figures, same output.
/// Micro-averaged over documents; gold and prediction files are matched by name.
/// </summary>
public static partial class Scorer
{
    private static readonly string[] CountKeys = ["places", "actors", "casualties", "statements", "events"];

    private static readonly string[] AccuracyKeys =
    [
        "casualty_victims", "casualty_source", "event_sub_type", "event_actor1", "event_actor2", "event_fatalities",
        "published",
    ];

    private static readonly HashSet<string> Generic = new(
        """
        ministry ministries office forces force army military government authorities
        authority agency council committee command media police service services officials official
        sources source spokesman spokeswoman spokesperson monitor observatory organization organisation
        department group groups council union nations commission residents witnesses witness people
        army's guard corps front movement party state
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    public sealed class Count
    {
        public int Tp;
        public int Fp;
        public int Fn;

        public void Add(int tp, int nPred, int nGold)
        {
            Tp += tp;
            Fp += nPred - tp;
            Fn += nGold - tp;
        }

        public (double P, double R, double F) Prf()
        {
            double p = Tp + Fp > 0 ? (double)Tp / (Tp + Fp) : 0.0;
            double r = Tp + Fn > 0 ? (double)Tp / (Tp + Fn) : 0.0;
            double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
            return (p, r, f);
        }
    }

    public sealed class Accuracy
    {
        public int Ok;
        public int N;

        public void Add(bool ok)
        {
            N++;
            Ok += ok ? 1 : 0;
        }

        public double? Value => N > 0 ? (double)Ok / N : null;
    }

    public sealed record Result(
        int Documents,
        IReadOnlyList<string> Unreadable,
        IReadOnlyDictionary<string, Count> Counts,
        IReadOnlyDictionary<string, Accuracy> Accuracies);

    public static Result Score(string goldDir, string predDir)
    {
        var c = CountKeys.ToDictionary(k => k, _ => new Count());
        var a = AccuracyKeys.ToDictionary(k => k, _ => new Accuracy());
        var failed = new List<string>();
        var files = Directory.GetFiles(goldDir, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        foreach (var name in files)
        {
            var gold = Load(Path.Combine(goldDir, name!)) ?? new JsonObject();
            var pred = Load(Path.Combine(predDir, name!));
            if (pred is null)
            {
                failed.Add(name!);
                pred = new JsonObject();
            }
            ScoreDocument(gold, pred, c, a);
        }
        return new Result(files.Count, failed, c, a);
    }

    private static void ScoreDocument(JsonObject gold, JsonObject pred, Dictionary<string, Count> c, Dictionary<string, Accuracy> a)
    {
        if (gold["places"] is JsonArray gp)
        {
            var pp = DedupePlaces(Items(pred["places"]));
            var m = Greedy(pp, Items(gp), PlaceCost);
            c["places"].Add(m.Count, pp.Count, gp.Count);
        }
        if (gold["actors"] is JsonArray ga)
        {
            var golds = Items(ga);
            var pa = new List<string>();
            foreach (var actor in Items(pred["actors"]))
            {
                var n = Fold(Str(actor["name"]));
                if (n.Length > 0 && !pa.Contains(n))
                {
                    pa.Add(n);
                }
            }
            var used = new HashSet<int>();
            int tp = 0;
            foreach (var n in pa)
            {
                for (int j = 0; j < golds.Count; j++)
                {
                    if (!used.Contains(j) && NamesOf(golds[j]).Contains(n))
                    {
                        used.Add(j);
                        tp++;
                        break;
                    }
                }
            }
            c["actors"].Add(tp, pa.Count, golds.Count);
        }
        if (gold["casualties"] is JsonArray gc)
        {
            var pc = Items(pred["casualties"]);
            var m = Greedy(pc, Items(gc), (p, g) =>
            {
                if (Str(p["outcome"]) != Str(g["outcome"]) || !SameNumber(p["count"]?["best"], g["count"]?["best"]))
                {
                    return null;
                }
                return Str(p["victims"]) == Str(g["victims"]) ? 0 : 1;
            });
            c["casualties"].Add(m.Count, pc.Count, gc.Count);
            foreach (var (p, g) in m)
            {
                a["casualty_victims"].Add(Str(p["victims"]) == Str(g["victims"]));
                var ps = Str(p["source"]);
                a["casualty_source"].Add(SourceOk(ps, Str(g["source"])) ||
                                         Strings(g["source_aliases"]).Any(x => SourceOk(ps, x)));
            }
        }
        if (gold["statements"] is JsonArray gs)
        {
            var seen = new HashSet<string>();
            var uniq = new List<JsonObject>();
            foreach (var s in Items(pred["statements"]))
            {
                var k = Fold(Str(s["speaker"]));
                if (k.Length > 0 && seen.Add(k))
                {
                    uniq.Add(s);
                }
            }
            var m = Greedy(uniq, Items(gs), (p, g) => SpeakerMatch(p, g) ? 0 : null);
            c["statements"].Add(m.Count, uniq.Count, gs.Count);
        }
        if (gold["events"] is JsonArray gev)
        {
            var ge = Items(gev).Where(e => (Str(e["timeframe"]) ?? "current") == "current").ToList();
            var pe = Items(pred["events"]).Where(e => (Str(e["timeframe"]) ?? "current") == "current").ToList();
            var m = Greedy(pe, ge, EventCost);
            c["events"].Add(m.Count, pe.Count, ge.Count);
            foreach (var (p, g) in m)
            {
                a["event_sub_type"].Add(Str(p["sub_event_type"]) == Str(g["sub_event_type"]));
                a["event_actor1"].Add(ActorOk(p["actor1"] as JsonObject, g["actor1"] as JsonObject));
                a["event_actor2"].Add(ActorOk(p["actor2"] as JsonObject, g["actor2"] as JsonObject));
                a["event_fatalities"].Add(SameNumber(p["fatalities"]?["best"], g["fatalities"]?["best"]));
            }
        }
        var gpub = Str(gold["document"]?["published"]);
        if (!string.IsNullOrEmpty(gpub))
        {
            a["published"].Add(Str(pred["document"]?["published"]) == gpub);
        }
    }

    public static string Fold(string? s)
    {
        if (s is null)
        {
            return "";
        }
        var sb = new StringBuilder();
        foreach (char ch in s.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                sb.Append(ch);
            }
        }
        var folded = sb.ToString().ToLowerInvariant().Replace('\u2019', '\'');
        folded = NonAlnum().Replace(folded, " ").Trim();
        return LeadingThe().Replace(folded, "");
    }

    private static HashSet<string> NamesOf(JsonObject item)
    {
        var set = new HashSet<string> { Fold(Str(item["name"])) };
        foreach (var alias in Strings(item["aliases"]))
        {
            set.Add(Fold(alias));
        }
        set.Remove("");
        return set;
    }

    public static double Km(double? aLat, double? aLon, double? bLat, double? bLon)
    {
        if (aLat is null || aLon is null || bLat is null || bLon is null)
        {
            return double.PositiveInfinity;
        }
        double p1 = aLat.Value * Math.PI / 180, p2 = bLat.Value * Math.PI / 180;
        double dp = p2 - p1, dl = (bLon.Value - aLon.Value) * Math.PI / 180;
        double h = Math.Pow(Math.Sin(dp / 2), 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(dl / 2), 2);
        return 2 * 6371.0 * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    private static double PlaceLimit(string? kind) => kind switch
    {
        "admin1" => 100.0,
        "region" => 150.0,
        "country" => 1500.0,
        _ => 25.0,
    };

    private static double? PlaceCost(JsonObject p, JsonObject g)
    {
        if ((Str(p["country"]) ?? "").ToUpperInvariant() != (Str(g["country"]) ?? "").ToUpperInvariant())
        {
            return null;
        }
        string? pk = Str(p["kind"]), gk = Str(g["kind"]);
        if (gk == "country" || pk == "country")
        {
            return pk == "country" && gk == "country" ? 0.0 : null;
        }
        if (gk == "admin1" && pk == "admin1")
        {
            var gnames = NamesOf(g);
            gnames.Add(Fold(Str(g["admin1"])));
            if (gnames.Contains(Fold(Str(p["name"]))) || gnames.Contains(Fold(Str(p["admin1"]))))
            {
                return 0.0;
            }
        }
        double d = Km(Num(p["lat"]), Num(p["lon"]), Num(g["lat"]), Num(g["lon"]));
        double limit = Math.Max(PlaceLimit(gk), PlaceLimit(pk));
        return d <= limit ? d : null;
    }

    private static List<JsonObject> DedupePlaces(List<JsonObject> places)
    {
        var seen = new HashSet<string>();
        var output = new List<JsonObject>();
        foreach (var p in places)
        {
            var lat = Num(p["lat"]);
            var lon = Num(p["lon"]);
            var key = string.Join("|", Fold(Str(p["name"])), (Str(p["country"]) ?? "").ToUpperInvariant(),
                lat is null ? "None" : PyRound2(lat.Value), lon is null ? "None" : PyRound2(lon.Value));
            if (seen.Add(key))
            {
                output.Add(p);
            }
        }
        return output;
    }

    private static string PyRound2(double v) => Math.Round(v, 2, MidpointRounding.ToEven).ToString("R", CultureInfo.InvariantCulture);

    private static bool SpeakerMatch(JsonObject p, JsonObject g)
    {
        var pk = Fold(Str(p["speaker"]));
        if (pk.Length == 0)
        {
            return false;
        }
        var keys = new HashSet<string> { Fold(Str(g["speaker"])) };
        foreach (var alias in Strings(g["aliases"]))
        {
            keys.Add(Fold(alias));
        }
        var surnames = keys.Select(k => k.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 2 && !Generic.Contains(parts[^1])).Select(parts => parts[^1]).ToHashSet();
        var pParts = pk.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return keys.Contains(pk) || (pParts.Length >= 2 && surnames.Contains(pParts[^1]));
    }

    private static int DateGap(JsonNode? p, JsonNode? g)
    {
        string? pd = Str(p?["start"]), gd = Str(g?["start"]);
        if (string.IsNullOrEmpty(pd) || string.IsNullOrEmpty(gd))
        {
            return 0;
        }
        if (!TryDate(pd, out var a) || !TryDate(gd, out var b) ||
            !TryDate(NonEmpty(Str(p?["end"])) ?? pd, out var pe) || !TryDate(NonEmpty(Str(g?["end"])) ?? gd, out var ge))
        {
            return 99;
        }
        if (pe < b)
        {
            return b.DayNumber - pe.DayNumber;
        }
        if (ge < a)
        {
            return a.DayNumber - ge.DayNumber;
        }
        return 0;
    }

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s.Length >= 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static double? EventCost(JsonObject p, JsonObject g)
    {
        if (Str(p["event_type"]) != Str(g["event_type"]))
        {
            return null;
        }
        var pl = p["location"] as JsonObject ?? new JsonObject();
        var gl = g["location"] as JsonObject ?? new JsonObject();
        if ((Str(pl["country"]) ?? "").ToUpperInvariant() != (Str(gl["country"]) ?? "").ToUpperInvariant())
        {
            return null;
        }
        double d;
        if (Str(pl["kind"]) == "country" || Str(gl["kind"]) == "country")
        {
            d = Str(pl["kind"]) == Str(gl["kind"]) ? 0.0 : 1000.0;
        }
        else
        {
            double limit = Num(pl["precision"]) == 3 || Num(gl["precision"]) == 3 ? 150.0 : 50.0;
            d = Km(Num(pl["lat"]), Num(pl["lon"]), Num(gl["lat"]), Num(gl["lon"]));
            if (d > limit)
            {
                return null;
            }
        }
        int gap = DateGap(p["date"], g["date"]);
        return gap > 1 ? null : d + 100 * gap;
    }

    private static bool ActorOk(JsonObject? p, JsonObject? g)
    {
        if (g is null)
        {
            return p is null || Fold(Str(p["name"])).Length == 0;
        }
        return p is not null && NamesOf(g).Contains(Fold(Str(p["name"])));
    }

    private static bool SourceOk(string? p, string? g)
    {
        string ps = Fold(p), gs = Fold(g);
        if (gs.Length == 0)
        {
            return ps.Length == 0;
        }
        return ps.Length > 0 && (ps == gs || gs.Contains(ps, StringComparison.Ordinal) || ps.Contains(gs, StringComparison.Ordinal));
    }

    /// <summary>Pairs each gold with at most one prediction, cheapest pairs first (a stable sort, as Python's).</summary>
    private static List<(JsonObject P, JsonObject G)> Greedy(List<JsonObject> preds, List<JsonObject> golds, Func<JsonObject, JsonObject, double?> cost)
    {
        var pairs = new List<(double C, int I, int J)>();
        for (int i = 0; i < preds.Count; i++)
        {
            for (int j = 0; j < golds.Count; j++)
            {
                if (cost(preds[i], golds[j]) is double c)
                {
                    pairs.Add((c, i, j));
                }
            }
        }
        pairs.Sort();
        var usedP = new HashSet<int>();
        var usedG = new HashSet<int>();
        var output = new List<(JsonObject, JsonObject)>();
        foreach (var (_, i, j) in pairs)
        {
            if (usedP.Contains(i) || usedG.Contains(j))
            {
                continue;
            }
            usedP.Add(i);
            usedG.Add(j);
            output.Add((preds[i], golds[j]));
        }
        return output;
    }

    private static JsonObject? Load(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static List<JsonObject> Items(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Str).Where(s => s is not null).Select(s => s!) : [];

    private static string? Str(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static double? Num(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static bool SameNumber(JsonNode? a, JsonNode? b)
    {
        var x = Num(a);
        var y = Num(b);
        if (x is not null && y is not null)
        {
            return x.Value == y.Value;
        }
        return (a?.ToJsonString() ?? "null") == (b?.ToJsonString() ?? "null");
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlnum();

    [GeneratedRegex("^the ")]
    private static partial Regex LeadingThe();
}
