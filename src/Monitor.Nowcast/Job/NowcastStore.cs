using DuckDB.NET.Data;
using Monitor.Core.RealTime;
using Monitor.Core.Store;

namespace Monitor.Nowcast.Job;

/// <summary>A stored nowcast row (table nowcasts).</summary>
public sealed record NowcastRow(
    long Id, string Target, string TargetSeries, DateOnly? Quarter, DateTime InfoDate, DateOnly? AsOfMonth, DateTime MadeAt, string Kind, string Status,
    double? Mean, double? Sd, double? Low80, double? High80, double? PreviousMean, double? RevisionEffect, double? Outturn, int? EmIterations, string? Note);

/// <summary>A stored news row (table nowcast_news).</summary>
public sealed record NewsRow(long NowcastId, string SeriesId, string Block, DateOnly Period, double Actual, double Expected, double Weight, double Impact);

/// <summary>A stored input row (table nowcast_inputs).</summary>
public sealed record InputRow(long NowcastId, string SeriesId, string Block, DateOnly? LastPeriod, double? LastValue, DateTime? ReleasedAt, string Status, string? Note);

/// <summary>Reads and writes the nowcast stage's tables; values come through the one as-of predicate (<see cref="AsOf"/>).</summary>
public sealed class NowcastStore(MonitorStore store)
{
    private const string RowColumns = "nowcast_id, target, target_series, quarter, info_date, as_of_month, made_at, kind, status, mean, sd, low80, high80, previous_mean, revision_effect, outturn, em_iterations, note";

    /// <summary>The nowcasts as other stages read them (API, exports): one row per nowcast, filter on its columns.</summary>
    public const string PathSelect = $"SELECT * FROM (SELECT {RowColumns} FROM nowcasts)";

    /// <summary>Each news item with the nowcast it moved (target, quarter, information date), for the API and exports.</summary>
    public const string NewsSelect = """
        SELECT * FROM (
            SELECT n.nowcast_id, n.target, n.quarter, n.info_date, w.series_id, w.block, w.period, w.actual, w.expected, w.weight, w.impact
            FROM nowcast_news w JOIN nowcasts n USING (nowcast_id))
        """;

    /// <summary>Each nowcast's inputs: latest value and release date, used or dropped.</summary>
    public const string InputsSelect = "SELECT * FROM (SELECT nowcast_id, series_id, block, last_period, last_value, released_at, status, note FROM nowcast_inputs)";

    /// <summary>A series' values known at <paramref name="at"/> (null = current), with the time each became known.</summary>
    public static IReadOnlyList<StoredValue> Values(DuckDBConnection connection, string seriesId, DateTime? at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT period, value, known_from FROM observations WHERE series_id = $id AND {AsOf.Filter(command, at)} ORDER BY period";
        command.Parameters.Add(new DuckDBParameter("id", seriesId));
        var result = new List<StoredValue>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add(new StoredValue(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetDouble(1), reader.GetDateTime(2)));
        return result;
    }

    /// <summary>Nowcasts of a target (all targets when null), oldest first.</summary>
    public IReadOnlyList<NowcastRow> Nowcasts(string? target = null)
    {
        using var connection = store.Open();
        return Nowcasts(connection, target);
    }

    public static IReadOnlyList<NowcastRow> Nowcasts(DuckDBConnection connection, string? target)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RowColumns} FROM nowcasts WHERE $target IS NULL OR target = $target ORDER BY info_date, nowcast_id";
        command.Parameters.Add(new DuckDBParameter("target", target));
        using var r = command.ExecuteReader();
        var result = new List<NowcastRow>();
        while (r.Read())
        {
            result.Add(new NowcastRow(r.GetInt64(0), r.GetString(1), r.GetString(2), Date(r, 3), r.GetDateTime(4), Date(r, 5), r.GetDateTime(6), r.GetString(7), r.GetString(8),
                r.Number(9), r.Number(10), r.Number(11), r.Number(12), r.Number(13), r.Number(14), r.Number(15), r.IsDBNull(16) ? null : r.GetInt32(16), r.Text(17)));
        }
        return result;
    }

    public IReadOnlyList<NewsRow> News(long nowcastId) =>
        Sql.Rows(store, "SELECT nowcast_id, series_id, block, period, actual, expected, weight, impact FROM nowcast_news WHERE nowcast_id = $1 ORDER BY block, abs(impact) DESC",
            r => new NewsRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.Day(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7)), nowcastId);

    public IReadOnlyList<InputRow> Inputs(long nowcastId) =>
        Sql.Rows(store, "SELECT nowcast_id, series_id, block, last_period, last_value, released_at, status, note FROM nowcast_inputs WHERE nowcast_id = $1 ORDER BY status DESC, block, series_id",
            r => new InputRow(r.GetInt64(0), r.GetString(1), r.GetString(2), Date(r, 3), r.Number(4), r.Time(5), r.GetString(6), r.Text(7)), nowcastId);

    /// <summary>Writes nowcasts with their news and inputs in one transaction (all or nothing); returns their ids.</summary>
    public IReadOnlyList<long> Write(IReadOnlyList<(NowcastRow Row, IReadOnlyList<NewsRow> News, IReadOnlyList<InputRow> Inputs)> items) =>
        store.InTransaction((connection, _) =>
        {
            var ids = new List<long>();
            using (var rows = connection.CreateAppender("nowcasts"))
            using (var news = connection.CreateAppender("nowcast_news"))
            using (var inputs = connection.CreateAppender("nowcast_inputs"))
            {
                foreach (var (row, newsRows, inputRows) in items)
                {
                    var id = MonitorStore.NextId(connection, "nowcast_seq");
                    ids.Add(id);
                    rows.CreateRow().AppendValue(id).AppendValue(row.Target).AppendValue(row.TargetSeries).AppendValue(At(row.Quarter)).AppendValue(row.InfoDate)
                        .AppendValue(At(row.AsOfMonth)).AppendValue(row.MadeAt).AppendValue(row.Kind).AppendValue(row.Status).AppendValue(row.Mean).AppendValue(row.Sd)
                        .AppendValue(row.Low80).AppendValue(row.High80).AppendValue(row.PreviousMean).AppendValue(row.RevisionEffect).AppendValue(row.Outturn)
                        .AppendValue(row.EmIterations).AppendValue(row.Note).EndRow();
                    foreach (var n in newsRows)
                        news.CreateRow().AppendValue(id).AppendValue(n.SeriesId).AppendValue(n.Block).AppendValue(n.Period.ToDateTime(TimeOnly.MinValue))
                            .AppendValue(n.Actual).AppendValue(n.Expected).AppendValue(n.Weight).AppendValue(n.Impact).EndRow();
                    foreach (var i in inputRows)
                        inputs.CreateRow().AppendValue(id).AppendValue(i.SeriesId).AppendValue(i.Block).AppendValue(At(i.LastPeriod)).AppendValue(i.LastValue)
                            .AppendValue(i.ReleasedAt).AppendValue(i.Status).AppendValue(i.Note).EndRow();
                }
            }
            return (IReadOnlyList<long>)ids;
        });

    private static DateTime? At(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? Date(DuckDBDataReader r, int i) => r.IsDBNull(i) ? null : DateOnly.FromDateTime(r.GetDateTime(i));
}
