namespace Sitrep.Tests.Ingest;

/// <summary>Paths of the ingest fixtures and scratch directories for tests that write files.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ingest", name);

    public static string Read(string name) => File.ReadAllText(Path(name));
}

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Root = Directory.CreateTempSubdirectory("sitrep-ingest-").FullName;
    }

    public string Root { get; }

    public string File(string name) => Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
