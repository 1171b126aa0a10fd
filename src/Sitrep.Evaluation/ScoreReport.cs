using System.Globalization;
using System.Text;

namespace Sitrep.Evaluation;

/// <summary>Prints a <see cref="Scorer.Result"/> exactly as score.py does (table or --json).</summary>
public static class ScoreReport
{
    public static string Table(Scorer.Result result)
    {
        var sb = new StringBuilder();
        sb.Append(Format("{0,-22} {1,6} {2,6} {3,6}   {4,5} {5,5} {6,5}", "metric", "P", "R", "F1", "tp", "fp", "fn")).Append('\n');
        foreach (var (key, count) in result.Counts)
        {
            var (p, r, f) = Rounded(count);
            sb.Append(Format("{0,-22} {1,6:F3} {2,6:F3} {3,6:F3}   {4,5} {5,5} {6,5}", key, p, r, f, count.Tp, count.Fp, count.Fn)).Append('\n');
        }
        foreach (var (key, acc) in result.Accuracies)
        {
            var value = acc.Value is double v ? Format("{0,6:F3}", Round3(v)) : "   n/a";
            sb.Append(Format("{0,-22} acc {1}  (n={2})", key, value, acc.N)).Append('\n');
        }
        if (result.Unreadable.Count > 0)
        {
            sb.Append(Format("unreadable predictions: {0} ({1})", result.Unreadable.Count, string.Join(", ", result.Unreadable.Take(10)))).Append('\n');
        }
        double F(string k) => Rounded(result.Counts[k]).F;
        sb.Append(Format("summary events_f1={0:F3} places_f1={1:F3} actors_f1={2:F3} casualties_f1={3:F3} statements_f1={4:F3} docs={5}",
            F("events"), F("places"), F("actors"), F("casualties"), F("statements"), result.Documents)).Append('\n');
        return sb.ToString();
    }

    /// <summary>The JSON object of score.py --json, laid out as Python's json.dumps(indent=2).</summary>
    public static string Json(Scorer.Result result)
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"documents\": ").Append(result.Documents).Append(",\n");
        sb.Append("  \"unreadable_predictions\": ");
        if (result.Unreadable.Count == 0)
        {
            sb.Append("[]");
        }
        else
        {
            sb.Append("[\n").Append(string.Join(",\n", result.Unreadable.Select(u => "    " + System.Text.Json.JsonSerializer.Serialize(u)))).Append("\n  ]");
        }
        foreach (var (key, count) in result.Counts)
        {
            var (p, r, f) = Rounded(count);
            sb.Append(",\n  \"").Append(key).Append("\": {\n")
                .Append("    \"p\": ").Append(PyFloat(p)).Append(",\n")
                .Append("    \"r\": ").Append(PyFloat(r)).Append(",\n")
                .Append("    \"f1\": ").Append(PyFloat(f)).Append(",\n")
                .Append("    \"tp\": ").Append(count.Tp).Append(",\n")
                .Append("    \"fp\": ").Append(count.Fp).Append(",\n")
                .Append("    \"fn\": ").Append(count.Fn).Append("\n  }");
        }
        foreach (var (key, acc) in result.Accuracies)
        {
            sb.Append(",\n  \"").Append(key).Append("\": {\n")
                .Append("    \"acc\": ").Append(acc.Value is double v ? PyFloat(Round3(v)) : "null").Append(",\n")
                .Append("    \"n\": ").Append(acc.N).Append("\n  }");
        }
        sb.Append("\n}\n");
        return sb.ToString();
    }

    private static (double P, double R, double F) Rounded(Scorer.Count count)
    {
        var (p, r, f) = count.Prf();
        return (Round3(p), Round3(r), Round3(f));
    }

    /// <summary>Python's round(x, 3): the nearest 3-decimal value, from the exact decimal expansion.</summary>
    private static double Round3(double v) => (double)Math.Round((decimal)v, 3, MidpointRounding.ToEven);

    private static string PyFloat(double v)
    {
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
