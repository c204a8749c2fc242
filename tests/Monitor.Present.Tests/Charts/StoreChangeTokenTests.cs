using Monitor.Present.Charts;
using Monitor.Testing;

namespace Monitor.Present.Tests.Charts;

[TestClass]
public sealed class StoreChangeTokenTests
{
    [TestMethod]
    public void A_finished_job_changes_the_token()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        var token = new StoreChangeToken(test.Store);
        var before = token.Current();

        ChartSeed.Execute(test.Store, "INSERT INTO job_runs VALUES (1, 'warn', TIMESTAMP '2026-01-01', TIMESTAMP '2026-01-01 00:01', 'succeeded', 'ok')");

        Assert.AreNotEqual(before, token.Current());
    }

    [TestMethod]
    public void Inside_a_pin_the_token_is_read_once_and_kept()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        var token = new StoreChangeToken(test.Store);

        string pinned, afterWrite;
        using (token.Pin())
        {
            pinned = token.Current();
            ChartSeed.Execute(test.Store, "INSERT INTO forecast_runs (run_id, started_at, status) VALUES (1, TIMESTAMP '2026-01-01', 'running')");
            afterWrite = token.Current();
        }

        Assert.AreEqual(pinned, afterWrite, "one request sees one state of the store");
        Assert.AreNotEqual(pinned, token.Current(), "the next request sees the write");
    }
}
