using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Domain;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Forecast.Ensemble;

namespace Monitor.Forecast.Store;

/// <summary>
/// The forecast stage: re-forecasts every series whose data stamp (latest vintage) is newer than its latest forecast.
/// Selection and calibration use every series of the frequency (more evidence); only changed series are written.
/// </summary>
public sealed class ForecastJob(MonitorStore store, SeriesReader reader, IOptions<ForecastOptions> options, TimeProvider clock) : IMonitorJob
{
    public string Key => JobKeys.Forecast;

    public string Name => "Forecast changed series";

    public string? DefaultCron => null;

    public Task<string> RunAsync(CancellationToken cancellationToken) => Task.FromResult(Run(cancellationToken).Summary);

    public ForecastJobResult Run(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var catalogue = reader.Catalogue();
        using var connection = store.Open();
        var forecastStamps = ForecastStamps(connection);
        var stamps = catalogue.ToDictionary(s => s.SeriesId, s => SeriesReader.LatestVintage(connection, s.SeriesId));
        var changed = catalogue.Where(s => stamps[s.SeriesId] is { } stamp && (!forecastStamps.TryGetValue(s.SeriesId, out var done) || stamp > done)).ToList();
        if (changed.Count == 0) return new ForecastJobResult(0, catalogue.Count, 0, $"forecast: 0 of {catalogue.Count} series changed; nothing to do");

        var runId = StartRun(connection);
        var written = 0;
        var fallbacks = 0;
        try
        {
            foreach (var group in catalogue.Where(s => stamps[s.SeriesId] is not null).GroupBy(s => s.Frequency))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (count, fallback) = ForecastGroup(connection, runId, group.Key, group.ToList(), changed.Select(c => c.SeriesId).ToHashSet(), stamps, o, cancellationToken);
                written += count;
                fallbacks += fallback;
            }
            var summary = $"forecast: run {runId} re-forecast {written} of {catalogue.Count} series ({fallbacks} with a fallback)";
            FinishRun(connection, runId, "succeeded", written, summary);
            return new ForecastJobResult(runId, catalogue.Count, written, summary);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FinishRun(connection, runId, "failed", written, ex.Message);
            throw;
        }
    }

    private (int Written, int Fallbacks) ForecastGroup(DuckDBConnection connection, long runId, Frequency frequency, List<SeriesInfo> series,
        HashSet<string> changed, Dictionary<string, DateTime?> stamps, ForecastOptions o, CancellationToken cancellationToken)
    {
        var grids = series.Select(s => SeriesGrid.From(SeriesReader.History(connection, s.SeriesId), frequency)).ToList();
        var usable = Enumerable.Range(0, series.Count).Where(i => grids[i].Values.Length > 0).ToList();
        if (usable.Count == 0) return (0, 0);
        var horizon = o.HorizonFor(frequency.Code());
        var seasonLength = frequency.SeasonLength();
        var settings = new PipelineSettings { Candidates = o.Candidates, MinimumMembers = o.MinimumMembers, Origins = o.Origins, Threads = o.Threads };
        var inputs = usable.Select(i => new SeriesInput(series[i].SeriesId, grids[i].Values, grids[i].FirstCyclePosition)).ToList();
        var result = new ForecastPipeline(settings).Run(inputs, seasonLength, horizon, o.DefaultMethod);
        ModelRegistry.Record(connection, runId, frequency.Code(), result, usable.Min(i => grids[i].FirstPeriod), usable.Max(i => grids[i].LastPeriod), clock.GetUtcNow().UtcDateTime);

        var oneStep = new OneStepBacktest(o.OneStepMembers, seasonLength);
        var oneStepModel = "onestep(" + string.Join("+", o.OneStepMembers) + ")";
        int written = 0, fallbacks = 0;
        for (var j = 0; j < usable.Count; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = series[usable[j]];
            if (!changed.Contains(info.SeriesId)) continue;
            var grid = grids[usable[j]];
            var forecast = result.Forecasts[j];
            if (!forecast.Point.All(double.IsFinite)) continue;
            ForecastWriter.WriteSeries(connection, runId, grid, stamps[info.SeriesId]!.Value, forecast, result.Validation[j], oneStepModel, oneStep.Run(grid.Values, o.OneStepPeriods));
            written++;
            if (forecast.FallbackReason is not null) fallbacks++;
        }
        return (written, fallbacks);
    }

    private static Dictionary<string, DateTime> ForecastStamps(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_id, max(vintage) FROM forecasts GROUP BY series_id";
        using var r = command.ExecuteReader();
        var result = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        while (r.Read()) result[r.GetString(0)] = r.GetDateTime(1);
        return result;
    }

    private long StartRun(DuckDBConnection connection)
    {
        var runId = MonitorStore.NextId(connection, "forecast_run_seq");
        ForecastWriter.Execute(connection, "INSERT INTO forecast_runs (run_id, started_at, status) VALUES ($1, $2, 'running')", runId, clock.GetUtcNow().UtcDateTime);
        return runId;
    }

    private void FinishRun(DuckDBConnection connection, long runId, string status, int count, string message) =>
        ForecastWriter.Execute(connection, "UPDATE forecast_runs SET finished_at = $2, status = $3, series_count = $4, message = $5 WHERE run_id = $1",
            runId, clock.GetUtcNow().UtcDateTime, status, count, message.Length > 4000 ? message[..4000] : message);
}

/// <summary>What one forecast run did.</summary>
public sealed record ForecastJobResult(long RunId, int CatalogueSize, int SeriesWritten, string Summary);
