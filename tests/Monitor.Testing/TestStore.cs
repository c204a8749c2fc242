using Monitor.Core.Store;

namespace Monitor.Testing;

/// <summary>A store for one test: in memory by default, or a real DuckDB file in a temp folder that is deleted afterwards.</summary>
public sealed class TestStore : IDisposable
{
    private TestStore(MonitorStore store, string? folder)
    {
        Store = store;
        Folder = folder;
    }

    public MonitorStore Store { get; }

    /// <summary>The temp folder holding the file, or null for an in-memory store.</summary>
    public string? Folder { get; }

    public static TestStore InMemory(IEnumerable<SchemaScript>? scripts = null) =>
        new(new MonitorStore(new StoreOptions { Path = ":memory:", MemoryLimit = "512MB" }, scripts), null);

    public static TestStore OnDisk(IEnumerable<SchemaScript>? scripts = null)
    {
        var folder = TempFolder.Create();
        var store = new MonitorStore(new StoreOptions { Path = Path.Combine(folder, "monitor.duckdb"), MemoryLimit = "512MB" }, scripts);
        store.EnsureOpen(); // the file exists (and is held by this process) from here on, as tests expect
        return new(store, folder);
    }

    public void Dispose()
    {
        Store.Dispose();
        if (Folder is not null) TempFolder.Delete(Folder);
    }
}
