namespace Monitor.Web.Tests.Hosting;

/// <summary>One seeded host for the whole test assembly (starting a host costs about a second).</summary>
[TestClass]
public static class SharedHost
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RunningHost? _host;

    public static async Task<RunningHost> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _host ??= await RunningHost.StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        // the real-data host is shared by the board tests and the board's browser test, so it lives until the end too
        await Board.RealDataHost.StopAsync();
        Seeding.SeededStore.DisposeShared();
    }
}
