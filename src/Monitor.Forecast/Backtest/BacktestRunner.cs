using System.Diagnostics;
using Monitor.Forecast.Ensemble;
using Monitor.Forecast.Evaluation;

namespace Monitor.Forecast.Backtest;

/// <summary>One method's test-split accuracy on one series.</summary>
/// <remarks>Milliseconds is the wall time of the whole pipeline per series; CpuMilliseconds the process CPU time (all threads) per series.</remarks>
public sealed record SeriesScore(McompSeries Series, string Method, string Model, double Smape, double Mase, double Cov80, double Cov95, double Milliseconds, double CpuMilliseconds, string? FallbackReason);

/// <summary>
/// Runs the M4 protocol: per frequency, the pipeline sees only the train splits and forecasts the official horizon;
/// the test splits are used afterwards to score points (sMAPE, MASE) and bounds (coverage). Time covers every stage.
/// </summary>
public sealed class BacktestRunner(PipelineSettings settings)
{
    public IReadOnlyList<SeriesScore> Run(IReadOnlyList<McompSeries> series, IReadOnlyList<string> methods, TextWriter? progress = null)
    {
        var scores = new List<SeriesScore>();
        foreach (var method in methods)
        {
            foreach (var group in series.GroupBy(s => (s.Frequency, s.Horizon)))
            {
                var list = group.ToList();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = new ForecastPipeline(settings).Run(list.Select(s => new SeriesInput(s.Id, s.Train)).ToList(), list[0].SeasonLength, group.Key.Horizon, method);
                var perSeries = watch.Elapsed.TotalMilliseconds / list.Count;
                var cpuPerSeries = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / list.Count;
                progress?.WriteLine($"  {method} {group.Key.Frequency}: {list.Count} series in {watch.Elapsed.TotalSeconds:F1} s, chosen {result.Chosen.Name}");
                for (var i = 0; i < list.Count; i++) scores.Add(Score(list[i], method, result.Forecasts[i], perSeries, cpuPerSeries));
            }
        }
        return scores;
    }

    private static SeriesScore Score(McompSeries s, string method, SeriesForecast f, double milliseconds, double cpuMilliseconds)
    {
        var h = Math.Min(s.Test.Length, f.Point.Length);
        var actual = s.Test.AsSpan(0, h);
        var scale = Metrics.NaiveScale(s.Train, s.SeasonLength);
        return new SeriesScore(s, method, f.Model, Metrics.Smape(actual, f.Point.AsSpan(0, h)), Metrics.Mase(actual, f.Point.AsSpan(0, h), scale),
            Metrics.Coverage(actual, f.Lo80.AsSpan(0, h), f.Hi80.AsSpan(0, h)), Metrics.Coverage(actual, f.Lo95.AsSpan(0, h), f.Hi95.AsSpan(0, h)),
            milliseconds, cpuMilliseconds, f.FallbackReason);
    }
}
