using System.IO.Compression;

namespace Sitrep.Gazetteer;

/// <summary>Recognises a GeoNames file by name (or zip) and feeds it to the builder.</summary>
public static class GeoNamesImport
{
    public static int Add(GazetteerBuilder builder, string path)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var zip = ZipFile.OpenRead(path);
            int total = 0;
            foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) &&
                                                         !e.Name.Equals("readme.txt", StringComparison.OrdinalIgnoreCase)))
            {
                using var reader = new StreamReader(entry.Open());
                total += AddReader(builder, reader, entry.Name, $"{path}!{entry.FullName}");
            }
            return total;
        }
        using var file = new StreamReader(path);
        return AddReader(builder, file, Path.GetFileName(path), path);
    }

    private static int AddReader(GazetteerBuilder builder, TextReader reader, string name, string source)
    {
        var lower = name.ToLowerInvariant();
        if (lower.StartsWith("alternatenames", StringComparison.Ordinal))
        {
            return builder.AddAlternateNames(reader, source);
        }
        if (lower.StartsWith("admin1codes", StringComparison.Ordinal))
        {
            return builder.AddAdmin1Codes(reader, source);
        }
        if (lower.StartsWith("admin2codes", StringComparison.Ordinal))
        {
            return builder.AddAdmin2Codes(reader, source);
        }
        return builder.AddGeoNames(reader, source);
    }
}
