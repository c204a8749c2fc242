using System.Globalization;
using Monitor.Core.Store;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Sources;
using Monitor.Ingest.Store;
using Monitor.Ingest.Vintage;
using Monitor.Testing;

namespace Monitor.Ingest.Tests;

/// <summary>A store with the ingest schema, the writer and every reader, plus a scratch folder for input files.</summary>
internal sealed class IngestHarness : IDisposable
{
    private readonly TestStore _test;

    public IngestHarness(bool onDisk = false, TimeProvider? clock = null)
    {
        _test = onDisk ? TestStore.OnDisk(IngestSchema.Scripts) : TestStore.InMemory(IngestSchema.Scripts);
        Folder = TempFolder.Create();
        Writer = new VintageWriter(Store, clock ?? TimeProvider.System);
        Ingestor = new FileIngestor(Writer, new ReaderCatalog(IngestReaders.All()));
    }

    public MonitorStore Store => _test.Store;

    public string Folder { get; }

    public VintageWriter Writer { get; }

    public FileIngestor Ingestor { get; }

    public IngestResult Ingest(string path, string source = "test", string? dataset = "t", string? format = null) =>
        Ingestor.Ingest(new FileIngestor.Request(source, path, dataset, format));

    /// <summary>Writes a file in the scratch folder (UTF-8, no BOM) and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }

    public long Count(string sql)
    {
        using var connection = Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public object? Scalar(string sql)
    {
        using var connection = Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>A fingerprint of everything ingest writes except its own run log: proves a rejected file changed nothing.</summary>
    public string DataFingerprint() =>
        $"{Count("SELECT count(*) FROM series")}/{Count("SELECT count(*) FROM observations")}/" +
        $"{Scalar("SELECT coalesce(sum(hash(series_id, period, value, known_from, known_to)), 0) FROM observations")}/" +
        $"{Scalar("SELECT coalesce(sum(hash(series_id, name, updated_at)), 0) FROM series")}";

    public void Dispose()
    {
        _test.Dispose();
        TempFolder.Delete(Folder);
    }
}
