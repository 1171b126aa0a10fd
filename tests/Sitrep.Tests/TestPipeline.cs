using Sitrep.Core;
using Sitrep.Core.Data;
using Sitrep.Extraction;
using Sitrep.Gazetteer;
using Sitrep.Ingest;
using Sitrep.Ingest.Cleaning;

namespace Sitrep.Tests;

/// <summary>
/// The real pipeline and dictionaries over a small gazetteer built from a GeoNames-format file
/// we wrote (Fixtures/geonames-mini.txt) plus data/places, so tests need no download.
/// </summary>
public static class TestPipeline
{
    private static readonly Lazy<ExtractionResources> LazyResources = new(() => ExtractionResources.Load(BuildGazetteer()));

    public static ExtractionResources Resources => LazyResources.Value;

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static global::Sitrep.Gazetteer.Gazetteer BuildGazetteer()
    {
        var builder = new GazetteerBuilder();
        builder.AddCountries(DataDirectory.File("actors", "countries.tsv"), null);
        using (var reader = new StreamReader(Fixture("geonames-mini.txt")))
        {
            builder.AddGeoNames(reader, "geonames-mini.txt");
        }
        builder.AddCurated(DataDirectory.File("places", "places.tsv"));
        return builder.Build();
    }

    public static TextCleaner Cleaner() => TextCleaner.FromData();

    public static Document Run(string text, string published = "2024-11-29")
    {
        var factory = new DocumentFactory(Cleaner(), DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        var document = factory.Create(new RawReport("test", "test.txt", text));
        return SitrepPipeline.Create(Resources).Run(document);
    }
}
