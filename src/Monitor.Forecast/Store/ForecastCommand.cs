using Monitor.Core.Cli;

namespace Monitor.Forecast.Store;

/// <summary><c>monitor forecast</c>: runs the forecast job inline against the store and prints its one-line summary.</summary>
public sealed class ForecastCommand(ForecastJob job) : ICliCommand
{
    public string Name => "forecast";

    public string Usage => "forecast   (re-forecasts every series whose data changed since its last forecast)";

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var result = job.Run(cancellationToken);
            output.WriteLine(result.Summary);
            return Task.FromResult(0);
        }
        catch (DuckDB.NET.Data.DuckDBException ex)
        {
            Console.Error.WriteLine($"monitor forecast: {ex.Message.Split('\n')[0]} (run recorded as failed in forecast_runs)");
            return Task.FromResult(1);
        }
    }
}
