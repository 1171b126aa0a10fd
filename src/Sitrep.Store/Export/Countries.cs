using Sitrep.Core.Data;

namespace Sitrep.Store.Export;

public sealed record CountryCodes(string Iso2, string Name, string Iso3, int Numeric, string Region);

/// <summary>What the ACLED columns need per country: data/actors/countries.tsv joined with data/store/acled_countries.tsv.</summary>
public sealed class Countries
{
    private readonly Dictionary<string, CountryCodes> _byIso2;

    private Countries(Dictionary<string, CountryCodes> byIso2) => _byIso2 = byIso2;

    public static Countries Load() => Load(DataDirectory.File("actors", "countries.tsv"), DataDirectory.File("store", "acled_countries.tsv"));

    public static Countries Load(string countriesPath, string acledPath)
    {
        var names = Tsv.Read(countriesPath, "iso2", "name").ToDictionary(r => r["iso2"], r => r["name"]);
        var codes = new Dictionary<string, CountryCodes>();
        foreach (var row in Tsv.Read(acledPath, "iso2", "iso3", "numeric", "region"))
        {
            if (!names.TryGetValue(row["iso2"], out var name))
            {
                throw row.Error($"'{row["iso2"]}' is not in {Path.GetFileName(countriesPath)}");
            }
            if (!int.TryParse(row["numeric"], out var numeric))
            {
                throw row.Error($"numeric code '{row["numeric"]}' is not a number");
            }
            codes[row["iso2"]] = new CountryCodes(row["iso2"], name, row["iso3"], numeric, row["region"]);
        }
        return new Countries(codes);
    }

    public CountryCodes? this[string? iso2] => iso2 is not null && _byIso2.TryGetValue(iso2, out var c) ? c : null;
}
