using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Samples;
using Monitor.Enterprises.Store;
using Monitor.Ingest.Store;
using Monitor.Testing;

namespace Monitor.Enterprises.Tests;

/// <summary>The generated sample (3,000 firms) loaded once for every test class that reads it.</summary>
internal sealed class SampleFixture
{
    private static readonly Lazy<SampleFixture> Loaded = new(() => new SampleFixture());

    private SampleFixture()
    {
        Folder = TempFolder.Create();
        Store = TestStore.InMemory(EnterpriseSchema.Scripts.Concat(IngestSchema.Scripts));
        var panel = Path.Combine(Folder, "panel.csv.gz");
        Labels = new EnterpriseSampleGenerator().Write(panel, Path.Combine(Folder, "labels.csv"));
        Load = new PanelLoader(Store.Store, TimeProvider.System).Load(panel, "enterprise-samples");
    }

    public static SampleFixture Instance => Loaded.Value;

    public string Folder { get; }

    public TestStore Store { get; }

    public IReadOnlyList<DistressLabel> Labels { get; }

    public PanelLoadResult Load { get; }

    /// <summary>A store of the caller's own with the sample loaded (the shared one is written by classes running in parallel).</summary>
    public static TestStore OwnStore()
    {
        var owned = TestStore.InMemory(EnterpriseSchema.Scripts.Concat(IngestSchema.Scripts));
        var load = new PanelLoader(owned.Store, TimeProvider.System).Load(Path.Combine(Instance.Folder, "panel.csv.gz"), "enterprise-samples");
        if (!load.Succeeded) throw new InvalidOperationException(load.Summary());
        return owned;
    }

    public static void Release()
    {
        if (!Loaded.IsValueCreated) return;
        Loaded.Value.Store.Dispose();
        TempFolder.Delete(Loaded.Value.Folder);
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static void Cleanup() => SampleFixture.Release();
}
