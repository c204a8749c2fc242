using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.RealTime;
using Monitor.Core.Store;
using Monitor.Forecast.Ensemble;

namespace Monitor.Forecast.Store;

/// <summary>
/// <c>monitor forecast --as-of DATE [--out FILE]</c>: forecasts every series from the data known at DATE (through
/// <see cref="AsOf"/>), with the same pipeline and settings as the forecast job, and writes nothing to the store; the
/// forecasts go to FILE as CSV (series_id,train_end,step,period,point,lo80,hi80,lo95,hi95) when asked.
/// </summary>
public sealed class ForecastAsOf(MonitorStore store, SeriesReader reader, Microsoft.Extensions.Options.IOptions<ForecastOptions> options)
{
    public string Run(DateTime asOf, string? outPath, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var rows = new List<string>();
        var count = 0;
        DateOnly? latest = null;
        using var connection = store.Open();
        foreach (var group in reader.Catalogue().GroupBy(s => s.Frequency))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grids = group.Select(s => (s.SeriesId, Grid: SeriesGrid.From(AsOf.Known(connection, s.SeriesId, asOf), group.Key)))
                .Where(g => g.Grid.Values.Length > 0).ToList();
            if (grids.Count == 0) continue;
            var settings = new PipelineSettings { Candidates = o.Candidates, MinimumMembers = o.MinimumMembers, Origins = o.Origins, HeldOutOrigins = o.HeldOutOrigins, Threads = o.Threads };
            var inputs = grids.Select(g => new SeriesInput(g.SeriesId, g.Grid.Values, g.Grid.FirstCyclePosition)).ToList();
            var result = new ForecastPipeline(settings).Run(inputs, group.Key.SeasonLength(), o.HorizonFor(group.Key.Code()), o.DefaultMethod);
            for (var j = 0; j < grids.Count; j++)
            {
                var (id, grid) = grids[j];
                var f = result.Forecasts[j];
                if (!f.Point.All(double.IsFinite)) continue;
                count++;
                if (latest is null || grid.LastPeriod > latest) latest = grid.LastPeriod;
                for (var k = 0; k < f.Point.Length; k++)
                {
                    rows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{Csv(id)},{grid.LastPeriod:yyyy-MM-dd},{k + 1},{grid.Period(grid.Values.Length + k):yyyy-MM-dd},{f.Point[k]:R},{f.Lo80[k]:R},{f.Hi80[k]:R},{f.Lo95[k]:R},{f.Hi95[k]:R}"));
                }
            }
        }
        if (outPath is not null) Write(outPath, rows);
        return string.Create(CultureInfo.InvariantCulture,
            $"forecast as of {asOf:yyyy-MM-dd HH:mm}: {count} series forecast from the data known then (latest period {latest:yyyy-MM}){(outPath is null ? "" : $", written to {outPath}")}; nothing written to the store");
    }

    private static void Write(string path, List<string> rows)
    {
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, ["series_id,train_end,step,period,point,lo80,hi80,lo95,hi95", .. rows], new System.Text.UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private static string Csv(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
