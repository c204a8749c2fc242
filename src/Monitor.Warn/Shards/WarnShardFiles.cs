using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Domain;
using Monitor.Core.Scale;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Job;

namespace Monitor.Warn.Shards;

/// <summary>
/// The warn shards' files: one Parquet row per series, its catalogue order and its record as JSON. The records are
/// nested (lights with check points, findings, seasonal scores), and JSON gives every double back bit for bit
/// (NaN included), which the equality of one and many shards needs.
/// </summary>
public static class WarnShardFiles
{
    private const string Columns = "ord INTEGER, item VARCHAR";

    public static JsonSerializerOptions Json { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // computed properties (SeriesInfo.Economy, LightReading.Colour…) are derived again, not shipped
        IgnoreReadOnlyProperties = true,
    };

    public static void WriteInput(string path, IEnumerable<(int Order, WarnShardSeries Series)> series) => Write(path, series);

    public static List<(int Order, WarnShardSeries Series)> ReadInput(string path)
    {
        var rows = new List<(int, WarnShardSeries)>();
        ShardParquet.Read(path, "SELECT ord, item FROM rows ORDER BY ord", r => rows.Add((r.GetInt32(0), Parse<WarnShardSeries>(r.GetString(1)))));
        return rows;
    }

    public static void WriteOutput(string path, IEnumerable<SeriesOutcome> outcomes) => Write(path, outcomes.Select(o => (o.Order, o)));

    /// <summary>
    /// Every shard's outcomes in catalogue order. Read shard by shard in a private DuckDB, not on the store's connection:
    /// the JSON of 10,000 series' lights is about half a gigabyte, and sorting it there ran out of the store's memory limit.
    /// </summary>
    public static List<SeriesOutcome> ReadOutputs(ShardRun run)
    {
        var outcomes = new List<SeriesOutcome>();
        for (var shard = 0; shard < run.ShardCount; shard++)
            ShardParquet.Read(run.Output(shard), "SELECT item FROM rows", r => outcomes.Add(Parse<SeriesOutcome>(r.GetString(0))));
        return [.. outcomes.OrderBy(o => o.Order)];
    }

    private static void Write<T>(string path, IEnumerable<(int Order, T Item)> rows) => ShardParquet.Write(path, Columns, appender =>
    {
        foreach (var (order, item) in rows) appender.CreateRow().AppendValue(order).AppendValue(JsonSerializer.Serialize(item, Json)).EndRow();
    });

    private static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, Json) ?? throw new ShardException($"empty {typeof(T).Name} in a warn shard file");
}

/// <summary>One series handed to a warn shard: its catalogue row (direction set), observations and stored one-step forecasts.</summary>
public sealed record WarnShardSeries(SeriesInfo Series, List<Observation> Observations, List<OneStepForecast>? OneStep);
