using System.Globalization;
using System.Text;
using Monitor.Core.Store;

namespace Monitor.Present.Charts;

/// <summary>
/// A cheap stamp of "has anything in the store changed?", read from the small bookkeeping tables that every writer touches
/// when it finishes (job_runs, ingest_runs, forecast_runs, alert_events, alerts). Caches keyed by it serve no stale data
/// beyond the re-check interval (Charts:ChangeCheckMilliseconds; 0 = read on every use), and none at all after changes made
/// in this process that call <see cref="Invalidate"/>.
/// </summary>
public sealed class StoreChangeToken
{
    private static readonly AsyncLocal<Lazy<string>?> Pinned = new();
    private readonly MonitorStore _store;
    private readonly TimeSpan _recheck;
    private long _generation;
    private Snapshot? _last;

    public StoreChangeToken(MonitorStore store, TimeSpan recheck = default)
    {
        _store = store;
        _recheck = recheck;
    }

    public StoreChangeToken(MonitorStore store, Microsoft.Extensions.Options.IOptions<ChartOptions> options)
        : this(store, TimeSpan.FromMilliseconds(Math.Max(0, options.Value.ChangeCheckMilliseconds)))
    {
    }

    /// <summary>The current token (inside a <see cref="Pin"/> scope, the one read on first use in that scope).</summary>
    public string Current() => Pinned.Value?.Value ?? Read();

    /// <summary>
    /// Until the scope ends, the token is read at most once (on first use) and then reused: one web request costs one read
    /// however many charts and queries it serves, and sees one state of the store.
    /// </summary>
    public IDisposable Pin()
    {
        var previous = Pinned.Value;
        Pinned.Value = new Lazy<string>(Read);
        return new Scope(previous);
    }

    /// <summary>Forgets the last reading: the next use reads the store (called after this process changes data).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _last = null;
    }

    private string Read()
    {
        if (_recheck > TimeSpan.Zero && _last is { } last && System.Diagnostics.Stopwatch.GetElapsedTime(last.At) < _recheck) return last.Token;
        var generation = Interlocked.Read(ref _generation);
        var token = generation.ToString(CultureInfo.InvariantCulture) + "|" + ReadFromStore();
        // A reading that raced with Invalidate is used once but not kept.
        if (generation == Interlocked.Read(ref _generation)) _last = new Snapshot(token, System.Diagnostics.Stopwatch.GetTimestamp());
        return token;
    }

    private string ReadFromStore()
    {
        using var connection = _store.Open();
        using var command = connection.CreateCommand();
        // One small aggregate per table; a UNION ALL costs well under a millisecond where nested scalar subqueries cost several.
        command.CommandText = """
            SELECT max(job_run_id), max(finished_at) FROM job_runs
            UNION ALL SELECT max(run_id), max(finished_at) FROM ingest_runs
            UNION ALL SELECT max(run_id), max(finished_at) FROM forecast_runs
            UNION ALL SELECT max(event_id), max(occurred_at) FROM alert_events
            UNION ALL SELECT max(alert_id), max(updated_at) FROM alerts
            """;
        var token = new StringBuilder();
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            for (var i = 0; i < 2; i++)
                token.Append(row.IsDBNull(i) ? "-" : Convert.ToString(row.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
        }
        return token.ToString();
    }

    private sealed record Snapshot(string Token, long At);

    private sealed class Scope(Lazy<string>? previous) : IDisposable
    {
        public void Dispose() => Pinned.Value = previous;
    }
}
