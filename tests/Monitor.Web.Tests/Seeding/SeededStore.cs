using Monitor.Core.Store;
using Monitor.Testing;

namespace Monitor.Web.Tests.Seeding;

/// <summary>One seeded in-memory store shared by the read-only query tests (tests that write make their own).</summary>
public static class SeededStore
{
    private static readonly Lazy<TestStore> Store = new(() =>
    {
        var store = TestStore.InMemory(WebSchemas.All);
        WebSeed.Fill(store.Store);
        return store;
    });

    public static MonitorStore Shared => Store.Value.Store;

    internal static void DisposeShared()
    {
        if (Store.IsValueCreated) Store.Value.Dispose();
    }
}
