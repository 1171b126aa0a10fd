using System.CommandLine;
using System.Globalization;
using Sitrep.Core.Data;
using Sitrep.Gazetteer;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

internal static class GazetteerCommand
{
    public static Command Create()
    {
        var command = new Command("gazetteer", "Build, extend and query the place index.");
        command.Subcommands.Add(Build());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Lookup());
        return command;
    }

    private static Command Build()
    {
        var cities = new Option<string>("--geonames") { Description = "GeoNames main-format dump (cities500.txt).", Required = true };
        var countries = new Option<string?>("--countries-json") { Description = "country-state-city country.json (representative points)." };
        var states = new Option<string?>("--states-json") { Description = "country-state-city state.json (first-level divisions)." };
        var gazetteer = CommonOptions.GazetteerPath();
        var command = new Command("build", "Build the default index from GeoNames cities500, the division lists and data/places.")
        {
            cities, countries, states, gazetteer, CommonOptions.Quiet(),
        };
        command.SetAction(parse =>
        {
            var builder = new GazetteerBuilder();
            builder.AddCountries(DataDirectory.File("actors", "countries.tsv"), parse.GetValue(countries));
            if (parse.GetValue(states) is { } s)
            {
                builder.AddStates(s);
            }
            var path = parse.GetValue(cities)!;
            using (var reader = new StreamReader(path))
            {
                builder.AddGeoNames(reader, path);
            }
            builder.AddCurated(DataDirectory.File("places", "places.tsv"));
            var index = builder.Build();
            var output = CommonOptions.ResolveGazetteer(parse.GetValue(gazetteer));
            index.Save(output);
            Console.Error.WriteLine($"gazetteer: {index.Count} places, {index.NameCount} names → {output}");
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var files = new Argument<string[]>("FILE") { Description = "GeoNames files: allCountries/XX.txt (or .zip), alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt.", Arity = ArgumentArity.OneOrMore };
        var gazetteer = CommonOptions.GazetteerPath();
        var command = new Command("import", "Add GeoNames-format dumps to the index (down to village level).") { files, gazetteer };
        command.SetAction(parse =>
        {
            var path = CommonOptions.ResolveGazetteer(parse.GetValue(gazetteer));
            var builder = File.Exists(path) ? GazetteerBuilder.From(Gazetteer.Gazetteer.Load(path)) : new GazetteerBuilder();
            int failures = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    var added = GeoNamesImport.Add(builder, file);
                    Console.Error.WriteLine($"{file}: {added} rows added");
                }
                catch (Exception e) when (e is IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
                {
                    failures++;
                    Console.Error.WriteLine($"sitrep gazetteer import: {file}: {e.Message}");
                }
            }
            builder.Build().Save(path);
            return failures > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command Lookup()
    {
        var name = new Argument<string>("NAME") { Description = "A place name as written in a report." };
        var country = new Option<string?>("--country") { Description = "Only candidates in this country (ISO alpha-2)." };
        var gazetteer = CommonOptions.GazetteerPath();
        var command = new Command("lookup", "Show the gazetteer's candidates for a name.") { name, country, gazetteer };
        command.SetAction(parse =>
        {
            var index = CommonOptions.LoadGazetteer(CommonOptions.ResolveGazetteer(parse.GetValue(gazetteer)));
            var (candidates, exact) = index.Lookup(parse.GetValue(name)!);
            var filter = parse.GetValue(country)?.ToUpperInvariant();
            var rows = candidates.Where(c => filter is null || c.Country == filter).OrderByDescending(c => c.Population).Take(50).ToList();
            if (rows.Count == 0)
            {
                Console.Error.WriteLine("no candidates");
                return 1;
            }
            var table = new Table().AddColumns("name", "kind", "country", "admin1", "lat", "lon", "population", "geonames_id");
            table.Caption = new TableTitle(exact ? "exact name matches" : "transliteration matches");
            foreach (var c in rows)
            {
                table.AddRow(Markup.Escape(c.Name), c.Kind, c.Country ?? "", Markup.Escape(c.Admin1 ?? ""),
                    c.Lat.ToString("F4", CultureInfo.InvariantCulture), c.Lon.ToString("F4", CultureInfo.InvariantCulture),
                    c.Population.ToString(CultureInfo.InvariantCulture), c.GeonamesId?.ToString(CultureInfo.InvariantCulture) ?? "");
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
