using System.Globalization;
using DuckDB.NET.Data;

namespace ScaleBench;

/// <summary>
/// Where a distributed run's time went, from its own records (scale_runs, scale_shards) and the bytes in its shard folder:
/// the owner's prepare (plan + inputs), waiting for the first worker, the shards' work, and the owner's merge.
/// </summary>
public sealed record RunBreakdown(double PrepareSeconds, double PlanSeconds, double QueueSeconds, double ShardSpanSeconds, double ShardWorkSeconds, double MergeSeconds, long ShardBytes, int Shards)
{
    public static RunBreakdown Read(string database, DateTime started, double totalSeconds, double planSeconds, string shardRoot)
    {
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.started_at, min(s.started_at), max(s.finished_at), sum(epoch(s.finished_at - s.started_at)), count(*)
            FROM scale_runs r JOIN scale_shards s USING (run_id)
            WHERE r.run_id = (SELECT max(run_id) FROM scale_runs) GROUP BY r.started_at
            """;
        using var r = command.ExecuteReader();
        r.Read();
        var (prepared, firstShard, lastShard) = (r.GetDateTime(0), r.GetDateTime(1), r.GetDateTime(2));
        var prepare = (prepared - started).TotalSeconds;
        var bytes = Directory.Exists(shardRoot) ? Directory.EnumerateFiles(shardRoot, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
        return new RunBreakdown(prepare, planSeconds, (firstShard - prepared).TotalSeconds, (lastShard - firstShard).TotalSeconds, r.GetDouble(3),
            totalSeconds - (lastShard - started).TotalSeconds, bytes, Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture));
    }

    /// <summary>The planning seconds the forecast stage states in its preparation summary ("planned in 12.3 s").</summary>
    public static double PlanSecondsOf(string summary)
    {
        var match = System.Text.RegularExpressions.Regex.Match(summary, @"planned in ([0-9.]+) s");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// Projects the measured parts: planning is fixed by Scale:PlanSample (the same sample at any size); the owner's
    /// other preparing (reading histories, writing inputs) and its merge grow with the series and stay serial; the shards'
    /// work grows with the series and divides over the workers.
    /// </summary>
    public string Projection(int measuredSeries, int series, int workers)
    {
        var factor = (double)series / measuredSeries;
        var owner = PlanSeconds + (PrepareSeconds - PlanSeconds + MergeSeconds) * factor;
        var shards = ShardWorkSeconds * factor / workers;
        var gigabytes = ShardBytes * factor / 1e9;
        return string.Create(CultureInfo.InvariantCulture,
            $"projection: series={series} workers={workers} plan_s={PlanSeconds:F0} owner_io_merge_s={owner - PlanSeconds:F0} shard_s={shards:F0} total_s={owner + shards:F0} shard_folder_gb={gigabytes:F1} (at 100 MB/s: {gigabytes * 10:F0} s of transfer)");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"breakdown: prepare_s={PrepareSeconds:F1} plan_s={PlanSeconds:F1} queue_s={QueueSeconds:F1} shards={Shards} shard_span_s={ShardSpanSeconds:F1} shard_work_s={ShardWorkSeconds:F1} merge_s={MergeSeconds:F1} shard_bytes={ShardBytes}");
}
