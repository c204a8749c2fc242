using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Forecast.Shards;

namespace Monitor.Forecast.Store;

/// <summary>
/// The forecast stage: re-forecasts every series whose data stamp (latest vintage) is newer than its latest forecast,
/// as a sharded run (<see cref="ForecastShardStage"/>): one shard in this process by default, or shards on workers.
/// </summary>
public sealed class ForecastJob(MonitorStore store, ShardCoordinator coordinator) : IMonitorJob
{
    /// <summary>A job with its own in-process coordinator (tools and tests without a host).</summary>
    public ForecastJob(MonitorStore store, SeriesReader reader, IOptions<ForecastOptions> options, TimeProvider clock, ScaleOptions? scale = null)
        : this(store, ShardCoordinator.InProcess(store, new ForecastShardStage(store, reader, options, Options.Create(scale ?? new ScaleOptions()), clock), clock, scale))
    {
    }

    public string Key => JobKeys.Forecast;

    public string Name => "Forecast changed series";

    public string? DefaultCron => null;

    public Task<string> RunAsync(CancellationToken cancellationToken) => Task.FromResult(Run(cancellationToken).Summary);

    public ForecastJobResult Run(CancellationToken cancellationToken = default)
    {
        var (hasWork, summary) = coordinator.Run(Key, cancellationToken);
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id, series_count, (SELECT count(*) FROM series) FROM forecast_runs WHERE status = 'succeeded' ORDER BY run_id DESC LIMIT 1";
        using var r = command.ExecuteReader();
        return hasWork && !coordinator.Distributed && r.Read()
            ? new ForecastJobResult(r.GetInt64(0), Convert.ToInt32(r.GetValue(2)), r.GetInt32(1), summary)
            : new ForecastJobResult(0, 0, 0, summary);
    }
}

/// <summary>What one forecast run did.</summary>
public sealed record ForecastJobResult(long RunId, int CatalogueSize, int SeriesWritten, string Summary);
