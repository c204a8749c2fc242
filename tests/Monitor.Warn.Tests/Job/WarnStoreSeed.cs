using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Forecast;
using Monitor.Forecast.Store;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Sources;
using Monitor.Ingest.Vintage;
using Monitor.Testing;

namespace Monitor.Warn.Tests.Job;

/// <summary>Seeds a small catalogue and observations into a test store.</summary>
internal static class WarnStoreSeed
{
    public static readonly DateOnly Start = new(2010, 1, 1);

    /// <summary>Both releases of the repo's sample panel (data-samples), ingested and forecast as the product does.</summary>
    public static void SamplePanel(MonitorStore store, TimeProvider clock)
    {
        var ingestor = new FileIngestor(new VintageWriter(store, clock), new ReaderCatalog(IngestReaders.All()));
        foreach (var release in new[] { "china_sample", "china_sample_revision" })
            ingestor.Ingest(new FileIngestor.Request("samples", Path.Combine(RepoPaths.DataSamples, release), "china_sample", null));
        new ForecastJob(store, new SeriesReader(store), Options.Create(new ForecastOptions()), clock).Run();
    }

    public static void Series(MonitorStore store, string id, string code, string? region = null, bool counterCyclical = false, string domain = "macro")
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO series (series_id, dataset, code, name, name_zh, domain, region_code, frequency, counter_cyclical)
            VALUES ($1, 'test', $2, $3, $4, $5, $6, 'M', $7)
            """;
        foreach (var v in new object?[] { id, code, code + " index", code + "指数", region is null ? domain : "regional", region, counterCyclical })
            command.Parameters.Add(new DuckDBParameter(v ?? DBNull.Value));
        command.ExecuteNonQuery();
    }

    public static void Observations(MonitorStore store, string id, IReadOnlyList<double> values, int from = 0)
    {
        using var connection = store.Open();
        using var appender = connection.CreateAppender("observations");
        for (var t = from; t < values.Count; t++)
        {
            appender.CreateRow().AppendValue(id).AppendValue(Start.AddMonths(t).ToDateTime(TimeOnly.MinValue)).AppendValue(values[t])
                .AppendValue(new DateTime(2026, 1, 1)).AppendNullValue().AppendValue(1L).EndRow();
        }
    }

    public static long Count(MonitorStore store, string sql)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Steady 3 % a year growth with a small wiggle, so lights sit mostly in the middle zones.</summary>
    public static double[] Steady(int months, double phase = 0) =>
        Enumerable.Range(0, months).Select(t => 100 * Math.Pow(1.03, t / 12.0) * (1 + (0.01 * Math.Sin((t / 5.0) + phase)))).ToArray();
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTime utcNow) : TimeProvider
{
    public DateTime UtcNow { get; set; } = utcNow;

    public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
}
