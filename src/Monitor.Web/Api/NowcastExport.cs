using Monitor.Core.Store;
using Monitor.Nowcast.Job;
using Monitor.Present.Export;
using Monitor.Present.Export.Formats;

namespace Monitor.Web.Api;

/// <summary>CSV exports of the nowcast stage through the export code (typed rows, UTF-8 with BOM, formula guard): the path of nowcasts and their news.</summary>
public sealed class NowcastExport(MonitorStore store)
{
    public static readonly string[] Tables = ["path", "news"];

    public static readonly IReadOnlyList<ExportColumn> PathColumns =
    [
        new("nowcast_id", ColumnKind.Integer, "即时预测编号", "nowcast id"),
        new("target", ColumnKind.Text, "目标", "target code"),
        new("target_series", ColumnKind.Text, "目标序列", "series of the quarterly target"),
        new("quarter", ColumnKind.Date, "季度", "quarter nowcast (first day)"),
        new("info_date", ColumnKind.Timestamp, "信息截至", "latest release among the inputs used"),
        new("as_of_month", ColumnKind.Date, "最新指标月份", "latest month with indicator data"),
        new("made_at", ColumnKind.Timestamp, "计算时间", "when the nowcast was computed"),
        new("kind", ColumnKind.Text, "类型", "update (a job run) or replay (rebuilt from publication lags)"),
        new("status", ColumnKind.Text, "状态", "ok or failed"),
        new("mean", ColumnKind.Number, "即时预测", "nowcast (mean)"),
        new("sd", ColumnKind.Number, "标准差", "standard deviation"),
        new("low80", ColumnKind.Number, "80%下限", "80 % interval, lower bound"),
        new("high80", ColumnKind.Number, "80%上限", "80 % interval, upper bound"),
        new("previous_mean", ColumnKind.Number, "上次即时预测", "previous nowcast of the quarter"),
        new("revision_effect", ColumnKind.Number, "修订影响", "change due to revised values"),
        new("outturn", ColumnKind.Number, "实际公布值", "published value, when known"),
        new("em_iterations", ColumnKind.Integer, "EM迭代次数", "EM iterations"),
        new("note", ColumnKind.Text, "说明", "reasons, dropped indicators, EM problems"),
    ];

    public static readonly IReadOnlyList<ExportColumn> NewsColumns =
    [
        new("nowcast_id", ColumnKind.Integer, "即时预测编号", "nowcast id"),
        new("target", ColumnKind.Text, "目标", "target code"),
        new("quarter", ColumnKind.Date, "季度", "quarter nowcast (first day)"),
        new("info_date", ColumnKind.Timestamp, "信息截至", "information date of the nowcast"),
        new("series_id", ColumnKind.Text, "发布指标", "released series"),
        new("block", ColumnKind.Text, "板块", "block"),
        new("period", ColumnKind.Date, "期", "period released"),
        new("actual", ColumnKind.Number, "实际", "released value (model units)"),
        new("expected", ColumnKind.Number, "预期", "expected on the previous information set"),
        new("weight", ColumnKind.Number, "权重", "nowcast change per unit of surprise"),
        new("impact", ColumnKind.Number, "影响", "(actual − expected) × weight"),
    ];

    /// <summary>The table's columns and its SELECT (owned by the nowcast stage).</summary>
    public static (IReadOnlyList<ExportColumn> Columns, string Select, string OrderBy) Table(string table) => table switch
    {
        "path" => (PathColumns, NowcastStore.PathSelect, "target, info_date, nowcast_id"),
        "news" => (NewsColumns, NowcastStore.NewsSelect, "target, info_date, nowcast_id, block, abs(impact) DESC"),
        _ => throw new ArgumentException($"table: '{table}' is not one of {string.Join(", ", Tables)}", nameof(table)),
    };

    /// <summary>Writes one table, filtered, as CSV to <paramref name="output"/>; returns the rows written.</summary>
    public long WriteCsv(string table, SqlFilter filter, Stream output)
    {
        var (columns, select, orderBy) = Table(table);
        var names = string.Join(", ", columns.Select(c => c.Name));
        using var connection = store.Open();
        using var command = filter.CreateCommand(connection, $"SELECT {names} FROM ({select}) {filter.WhereClause} ORDER BY {orderBy}");
        using var reader = command.ExecuteReader();
        return CsvExportWriter.WriteTable(columns, new ExportRows(reader, columns).Read(), output);
    }
}
