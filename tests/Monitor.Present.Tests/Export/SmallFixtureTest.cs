using Monitor.Core.Store;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

/// <summary>A fresh store holding <see cref="ForecastFixture.Small"/> and a scratch folder for each test.</summary>
public abstract class SmallFixtureTest
{
    private TestStore _test = null!;

    protected MonitorStore Store => _test.Store;

    protected string Folder { get; private set; } = null!;

    /// <summary>Whether the store is a real DuckDB file (for exports that DuckDB itself writes) rather than in memory.</summary>
    protected virtual bool OnDisk => false;

    [TestInitialize]
    public void StartFixture()
    {
        _test = OnDisk ? TestStore.OnDisk(PresentSchemas.All) : TestStore.InMemory(PresentSchemas.All);
        ForecastFixture.Small(_test.Store);
        Folder = TempFolder.Create();
    }

    [TestCleanup]
    public void StopFixture()
    {
        _test.Dispose();
        TempFolder.Delete(Folder);
    }
}
