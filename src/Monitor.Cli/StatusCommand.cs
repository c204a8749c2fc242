using System.CommandLine;
using System.Globalization;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Core.Store;

namespace Monitor.Cli;

/// <summary><c>monitor status [--db FILE]</c>: what the store holds and when the pipeline last ran.</summary>
internal sealed class StatusCommand(MonitorStore store, JobRunLog runs) : ICliVerb
{
    public static Command Define() => new("status", "series, observations and the last successful run of the store");

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM series), (SELECT count(*) FROM observations WHERE known_to IS NULL),
                   (SELECT count(*) FROM observations WHERE known_to IS NOT NULL), (SELECT count(*) FROM ingest_runs)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        var last = runs.LastSucceeded();
        var lastText = last is null ? "no successful run yet" : $"last run {last.JobKey} at {last.FinishedAt.ToString("u", CultureInfo.InvariantCulture)}";
        output.WriteLine($"store {store.DatabasePath}: {reader.GetInt64(0)} series, {reader.GetInt64(1)} current observations, {reader.GetInt64(2)} superseded, {reader.GetInt64(3)} ingest runs; {lastText}");
        return Task.FromResult(0);
    }
}
