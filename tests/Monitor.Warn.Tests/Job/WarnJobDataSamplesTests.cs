using System.Globalization;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Ingest.Store;
using Monitor.Testing;
using Monitor.Warn.Job;

namespace Monitor.Warn.Tests.Job;

/// <summary>
/// The benchmark of docs/benchmarks.md ("data-samples precision / recall") as a test: both releases of the sample panel
/// ingested, forecast and warned as the product does, then the anomalies on the labelled series against labels.csv.
/// </summary>
[TestClass]
public sealed class WarnJobDataSamplesTests
{
    [TestMethod]
    public async Task On_the_sample_panel_seven_of_eight_planted_episodes_are_found_and_most_flags_on_their_series_are_planted()
    {
        var clock = new ManualClock(new DateTime(2025, 10, 20));
        using var test = TestStore.OnDisk(IngestSchema.Scripts.Concat(WarnSchemas.All));
        WarnStoreSeed.SamplePanel(test.Store, clock);
        await new WarnJob(test.Store, new WarnInputReader(test.Store, new SeriesReader(test.Store)), Options.Create(new WarnOptions()), clock)
            .RunAsync(CancellationToken.None);

        var labels = File.ReadLines(Path.Combine(RepoPaths.DataSamples, "labels.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Series: f[0], Period: DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        var flags = Anomalies(test.Store).Where(a => labels.Any(l => l.Series == a.Series)).ToList();
        static bool Planted((string Series, DateOnly Period, string Kind) a, (string Series, DateOnly Period) l) =>
            a.Series == l.Series && Math.Abs(((a.Period.Year - l.Period.Year) * 12) + a.Period.Month - l.Period.Month) <= 1;
        var found = labels.Count(l => flags.Any(a => Planted(a, l)));
        var planted = flags.Count(a => labels.Any(l => Planted(a, l)));
        var report = string.Join("; ", flags.Select(a => $"{a.Series} {a.Period:yyyy-MM} {a.Kind}"));

        Assert.HasCount(8, labels);
        Assert.IsGreaterThanOrEqualTo(7, found, report);
        Assert.IsGreaterThanOrEqualTo(0.7, planted / (double)flags.Count, $"{planted} of {flags.Count} flags planted: {report}");
    }

    private static List<(string Series, DateOnly Period, string Kind)> Anomalies(MonitorStore store)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_id, period, kind FROM anomalies ORDER BY ALL";
        using var reader = command.ExecuteReader();
        var result = new List<(string, DateOnly, string)>();
        while (reader.Read()) result.Add((reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetString(2)));
        return result;
    }
}
