using System.Globalization;
using System.Text.Json;
using Sitrep.Core.Annotations;
using Sitrep.Core.Data;

namespace Sitrep.Gazetteer;

/// <summary>
/// Collects places from GeoNames dumps, country and first-level division lists and our curated
/// data/places/places.tsv, then builds the <see cref="Gazetteer"/> index.
/// </summary>
public sealed class GazetteerBuilder
{
    private static readonly string[] DivisionSuffixes =
    [
        " governorate", " oblast", " region", " province", " state", " district", " prefecture", " department",
        " county", " krai", " territory", " division", " municipality", " autonomous okrug", " republic",
    ];

    private readonly List<MutableEntry> _entries = [];
    private readonly Dictionary<long, int> _byGeonamesId = [];
    private readonly Dictionary<string, string> _admin1Names = new(StringComparer.Ordinal);

    private sealed class MutableEntry
    {
        public long? GeonamesId;
        public string Name = "";
        public string Kind = PlaceKind.PopulatedPlace;
        public string? Country;
        public string? Admin1;
        public string? Admin1Code;
        public double Lat;
        public double Lon;
        public long Population;
        public string FeatureCode = "";
        public readonly HashSet<string> Names = new(StringComparer.Ordinal);
    }

    public int Count => _entries.Count;

    /// <summary>Starts from an existing index, so an import adds to what is there.</summary>
    public static GazetteerBuilder From(Gazetteer gazetteer)
    {
        var builder = new GazetteerBuilder();
        foreach (var e in gazetteer.Entries)
        {
            builder.Add(new MutableEntry
            {
                GeonamesId = e.GeonamesId,
                Name = e.Name,
                Kind = e.Kind,
                Country = e.Country,
                Admin1 = e.Admin1,
                Lat = e.Lat,
                Lon = e.Lon,
                Population = e.Population,
                FeatureCode = e.FeatureCode,
            });
        }
        foreach (var (entry, key) in gazetteer.ExactKeys())
        {
            builder._entries[entry].Names.Add(key);
        }
        return builder;
    }

    /// <summary>A GeoNames main-format dump (cities500, allCountries, SY.txt): 19 tab-separated columns.</summary>
    public int AddGeoNames(TextReader reader, string source)
    {
        int added = 0;
        foreach (var (line, c) in Rows(reader))
        {
            if (c.Length < 15 || !long.TryParse(c[0], out var id) ||
                !double.TryParse(c[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ||
                !double.TryParse(c[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                throw new FormatException($"{source}:{line}: not a GeoNames row (expected 19 tab-separated columns)");
            }
            var kind = KindOf(c[6], c[7]);
            if (kind is null)
            {
                continue;
            }
            long.TryParse(c[14], out var population);
            var entry = new MutableEntry
            {
                GeonamesId = id,
                Name = c[1],
                Kind = kind,
                Country = NullIfEmpty(c[8]),
                Admin1Code = NullIfEmpty(c[10]),
                Lat = lat,
                Lon = lon,
                Population = population,
                FeatureCode = c[7],
            };
            entry.Names.Add(c[1]);
            entry.Names.Add(c[2]);
            foreach (var alt in c[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (IsLatin(alt))
                {
                    entry.Names.Add(alt);
                }
            }
            if (kind == PlaceKind.Admin1 && entry.Country is not null && entry.Admin1Code is not null)
            {
                _admin1Names.TryAdd(entry.Country + "." + entry.Admin1Code, StripDivisionSuffix(entry.Name));
            }
            if (_byGeonamesId.TryGetValue(id, out var existing))
            {
                var keep = _entries[existing];
                keep.Names.UnionWith(entry.Names);
                keep.Admin1Code ??= entry.Admin1Code;
                continue;
            }
            Add(entry);
            added++;
        }
        return added;
    }

    /// <summary>GeoNames admin1CodesASCII.txt: "SY.09	Aleppo	Aleppo	170062".</summary>
    public int AddAdmin1Codes(TextReader reader, string source)
    {
        int added = 0;
        foreach (var (line, c) in Rows(reader))
        {
            if (c.Length < 2 || !c[0].Contains('.'))
            {
                throw new FormatException($"{source}:{line}: not an admin1CodesASCII row (CC.CODE<tab>name)");
            }
            _admin1Names[c[0]] = StripDivisionSuffix(c[1]);
            added++;
        }
        return added;
    }

    /// <summary>GeoNames admin2Codes.txt: "SY.09.123	name	asciiname	geonameid"; names the second-level divisions present.</summary>
    public int AddAdmin2Codes(TextReader reader, string source)
    {
        int added = 0;
        foreach (var (line, c) in Rows(reader))
        {
            if (c.Length < 4 || c[0].Count(ch => ch == '.') != 2 || !long.TryParse(c[3], out var id))
            {
                throw new FormatException($"{source}:{line}: not an admin2Codes row (CC.ADM1.ADM2<tab>name<tab>asciiname<tab>geonameid)");
            }
            if (_byGeonamesId.TryGetValue(id, out var index))
            {
                _entries[index].Names.Add(c[1]);
                _entries[index].Names.Add(c[2]);
                added++;
            }
        }
        return added;
    }

    /// <summary>GeoNames alternateNamesV2.txt: adds names (Latin script) to entries already present.</summary>
    public int AddAlternateNames(TextReader reader, string source)
    {
        int added = 0;
        foreach (var (line, c) in Rows(reader))
        {
            if (c.Length < 4 || !long.TryParse(c[1], out var id))
            {
                throw new FormatException($"{source}:{line}: not an alternateNames row");
            }
            // Links, postal codes and airport codes are not names.
            if (c[2] is "link" or "post" or "iata" or "icao" or "faac" or "wkdt" or "abbr" || !IsLatin(c[3]))
            {
                continue;
            }
            if (_byGeonamesId.TryGetValue(id, out var index) && _entries[index].Names.Add(c[3]))
            {
                added++;
            }
        }
        return added;
    }

    /// <summary>Countries: data/actors/countries.tsv names and aliases, points from country-state-city.</summary>
    public void AddCountries(string countriesTsv, string? countryJson)
    {
        var points = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        if (countryJson is not null)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(countryJson));
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                if (TryPoint(c, out var p))
                {
                    points[c.GetProperty("isoCode").GetString()!] = p;
                }
            }
        }
        foreach (var row in Tsv.Read(countriesTsv, "iso2", "name"))
        {
            var iso = row["iso2"];
            var (lat, lon) = points.GetValueOrDefault(iso);
            var entry = new MutableEntry
            {
                Name = row["name"],
                Kind = PlaceKind.Country,
                Country = iso,
                Lat = lat,
                Lon = lon,
                Population = 1_000_000_000,
                FeatureCode = "PCLI",
            };
            entry.Names.Add(row["name"]);
            entry.Names.UnionWith(row.List("aliases"));
            Add(entry);
        }
    }

    /// <summary>First-level divisions from country-state-city's state.json.</summary>
    public void AddStates(string stateJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(stateJson));
        foreach (var s in doc.RootElement.EnumerateArray())
        {
            if (!TryPoint(s, out var p))
            {
                continue;
            }
            var name = s.GetProperty("name").GetString()!;
            var entry = new MutableEntry
            {
                Name = name,
                Kind = PlaceKind.Admin1,
                Country = s.GetProperty("countryCode").GetString(),
                Admin1 = StripDivisionSuffix(name),
                Lat = p.Lat,
                Lon = p.Lon,
                Population = 500_000,
                FeatureCode = "ADM1",
            };
            entry.Names.Add(name);
            entry.Names.Add(entry.Admin1);
            Add(entry);
        }
    }

    /// <summary>
    /// Our curated places (data/places/places.tsv). A curated admin1 replaces the listed division
    /// nearby in the same country, so English names ("Kharkiv Oblast") win over local forms.
    /// </summary>
    public void AddCurated(string placesTsv)
    {
        foreach (var row in Tsv.Read(placesTsv, "name", "kind", "lat", "lon"))
        {
            var lat = double.Parse(row["lat"], CultureInfo.InvariantCulture);
            var lon = double.Parse(row["lon"], CultureInfo.InvariantCulture);
            var kind = row["kind"];
            var country = row.Optional("country");
            MutableEntry? target = null;
            if (kind == PlaceKind.Admin1)
            {
                target = _entries
                    .Where(e => e.Kind == PlaceKind.Admin1 && e.Country == country && e.GeonamesId is null)
                    .Select(e => (e, d: Geo.Km(lat, lon, e.Lat, e.Lon)))
                    .Where(x => x.d < 120 || NameOverlap(x.e, row))
                    .OrderBy(x => NameOverlap(x.e, row) ? 0 : 1).ThenBy(x => x.d)
                    .Select(x => x.e).FirstOrDefault();
            }
            if (target is null)
            {
                target = new MutableEntry { Kind = kind, Country = country, Population = PopulationFor(kind), FeatureCode = "CURATED" };
                Add(target);
            }
            target.Name = row["name"];
            target.Admin1 = row.Optional("admin1") ?? target.Admin1;
            target.Lat = lat;
            target.Lon = lon;
            target.Names.Add(row["name"]);
            target.Names.UnionWith(row.List("aliases"));
        }
    }

    public Gazetteer Build()
    {
        ResolveAdmin1Names();
        var entries = new List<GazetteerEntry>(_entries.Count);
        var names = new List<(int, string)>();
        for (int i = 0; i < _entries.Count; i++)
        {
            var e = _entries[i];
            entries.Add(new GazetteerEntry(i, e.GeonamesId, e.Name, e.Kind, e.Country, e.Admin1, e.Lat, e.Lon,
                e.Population, e.FeatureCode));
            foreach (var n in e.Names)
            {
                names.Add((i, n));
            }
        }
        return Gazetteer.Build(entries, names);
    }

    /// <summary>
    /// GeoNames rows carry admin1 codes, not names. Without admin1CodesASCII, a code group takes the
    /// name of the division whose name its seat (PPLA) bears, else of the division nearest its centre.
    /// </summary>
    private void ResolveAdmin1Names()
    {
        var divisions = _entries.Where(e => e.Kind == PlaceKind.Admin1 && e.Country is not null)
            .GroupBy(e => e.Country!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in _entries.Where(e => e.Admin1 is null && e.Admin1Code is not null && e.Country is not null)
                     .GroupBy(e => e.Country + "." + e.Admin1Code))
        {
            if (!_admin1Names.TryGetValue(group.Key, out var name))
            {
                name = GuessAdmin1(group.ToList(), divisions.GetValueOrDefault(group.First().Country!));
            }
            if (name is null)
            {
                continue;
            }
            foreach (var e in group)
            {
                e.Admin1 = name;
            }
        }
    }

    private static string? GuessAdmin1(List<MutableEntry> members, List<MutableEntry>? divisions)
    {
        if (divisions is null || divisions.Count == 0)
        {
            return null;
        }
        var seat = members.Where(m => m.FeatureCode is "PPLA" or "PPLC").OrderByDescending(m => m.Population).FirstOrDefault();
        if (seat is not null)
        {
            var seatKeys = seat.Names.Select(PlaceNameKey.Exact).ToHashSet();
            var named = divisions.FirstOrDefault(d => d.Names.Any(n => seatKeys.Contains(PlaceNameKey.Exact(StripDivisionSuffix(n)))));
            if (named is not null)
            {
                return named.Admin1 ?? StripDivisionSuffix(named.Name);
            }
        }
        double lat = members.Average(m => m.Lat), lon = members.Average(m => m.Lon);
        var nearest = divisions.MinBy(d => Geo.Km(lat, lon, d.Lat, d.Lon))!;
        return nearest.Admin1 ?? StripDivisionSuffix(nearest.Name);
    }

    private void Add(MutableEntry entry)
    {
        if (entry.GeonamesId is long id)
        {
            _byGeonamesId[id] = _entries.Count;
        }
        _entries.Add(entry);
    }

    private static bool NameOverlap(MutableEntry e, TsvRow row)
    {
        var keys = e.Names.Select(n => PlaceNameKey.Exact(StripDivisionSuffix(n))).ToHashSet();
        return row.List("aliases").Append(row["name"]).Append(row.Optional("admin1") ?? "")
            .Any(n => n.Length > 0 && keys.Contains(PlaceNameKey.Exact(StripDivisionSuffix(n))));
    }

    private static string? KindOf(string featureClass, string code) => featureClass switch
    {
        "P" => code == "PPLX" ? PlaceKind.District : code is "PPLH" or "PPLQ" or "PPLW" ? null : PlaceKind.PopulatedPlace,
        "A" => code switch
        {
            "ADM1" => PlaceKind.Admin1,
            "ADM2" => PlaceKind.Admin2,
            _ => null,
        },
        "S" => code is "AIRP" or "AIRB" or "AIRF" or "MILB" or "INSM" or "PRN" or "DAM" or "BDG" or "PO" or "CMP" or "CMPRF"
            or "PS" or "PSN" or "PORT" or "HSP" or "MKT" or "SQR"
            ? PlaceKind.Feature : null,
        "L" => code is "RGN" or "AREA" or "CMPRF" ? PlaceKind.Region : null,
        "H" => code is "STM" or "SEA" or "GULF" or "STRT" or "LK" ? PlaceKind.Feature : null,
        "T" => code is "MT" or "MTS" or "PASS" ? PlaceKind.Feature : null,
        _ => null,
    };

    private static long PopulationFor(string kind) => kind switch
    {
        PlaceKind.Country => 1_000_000_000,
        PlaceKind.Admin1 => 500_000,
        PlaceKind.Region => 1_000_000,
        _ => 0,
    };

    public static string StripDivisionSuffix(string name)
    {
        foreach (var suffix in DivisionSuffixes)
        {
            if (name.Length > suffix.Length + 2 && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }

    private static bool TryPoint(JsonElement e, out (double Lat, double Lon) point)
    {
        point = default;
        if (!e.TryGetProperty("latitude", out var la) || !e.TryGetProperty("longitude", out var lo) ||
            !double.TryParse(la.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ||
            !double.TryParse(lo.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
        {
            return false;
        }
        point = (lat, lon);
        return true;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>The tab-separated rows of a GeoNames file with their line numbers; blank and '#' lines skipped.</summary>
    private static IEnumerable<(int Line, string[] Cells)> Rows(TextReader reader)
    {
        int line = 0;
        string? row;
        while ((row = reader.ReadLine()) is not null)
        {
            line++;
            if (row.Length > 0 && row[0] != '#')
            {
                yield return (line, row.Split('\t'));
            }
        }
    }

    private static bool IsLatin(string s)
    {
        foreach (char c in s)
        {
            if (c > 0x24F && !(c >= 0x1E00 && c <= 0x1EFF) && c is not ('‘' or '’' or 'ʿ' or 'ʾ' or '–'))
            {
                return false;
            }
        }
        return true;
    }
}
