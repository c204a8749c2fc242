namespace Monitor.Present.Export;

/// <summary>How a column's values are typed in every format (numbers stay numbers, dates stay dates).</summary>
public enum ColumnKind
{
    Text,
    Integer,
    Number,
    Date,
    Timestamp,
}

/// <summary>One exported column: its machine name (CSV/Parquet/JSON header), labels for the metadata sheet, and type.</summary>
public sealed record ExportColumn(string Name, ColumnKind Kind, string LabelZh, string LabelEn);

/// <summary>The columns of a forecast export, in file order; <see cref="ForecastExportQuery"/> selects them in this order.</summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("series_id", ColumnKind.Text, "序列编号", "series identifier (dataset:code[:region[:industry]])"),
        new("dataset", ColumnKind.Text, "数据集", "dataset"),
        new("code", ColumnKind.Text, "指标代码", "indicator code"),
        new("name", ColumnKind.Text, "名称（英文）", "name"),
        new("name_zh", ColumnKind.Text, "名称", "Chinese name"),
        new("domain", ColumnKind.Text, "领域", "domain: macro, regional or industry"),
        new("region_code", ColumnKind.Text, "地区代码", "region (province) code"),
        new("industry_code", ColumnKind.Text, "行业代码", "industry code"),
        new("frequency", ColumnKind.Text, "频率", "frequency: D, W, M, Q or A"),
        new("unit", ColumnKind.Text, "单位", "unit"),
        new("run_id", ColumnKind.Integer, "预测批次", "forecast run"),
        new("model", ColumnKind.Text, "模型", "model"),
        new("model_version", ColumnKind.Text, "模型版本", "model version"),
        new("train_end", ColumnKind.Date, "训练截止期", "last period used for training"),
        new("vintage", ColumnKind.Timestamp, "数据版本时间", "vintage: latest time the data used became known"),
        new("step", ColumnKind.Integer, "预测步长（第几次发布）", "horizon step in releases ahead (1 = next published period; months never published, such as a merged January, are skipped)"),
        new("period", ColumnKind.Date, "预测期", "forecast period (first day)"),
        new("point", ColumnKind.Number, "预测值", "point forecast"),
        new("lo80", ColumnKind.Number, "80%下限", "80 % interval, lower bound"),
        new("hi80", ColumnKind.Number, "80%上限", "80 % interval, upper bound"),
        new("lo95", ColumnKind.Number, "95%下限", "95 % interval, lower bound"),
        new("hi95", ColumnKind.Number, "95%上限", "95 % interval, upper bound"),
        new("fallback_reason", ColumnKind.Text, "降级原因", "why a simpler model was used, if it was"),
        new("smape", ColumnKind.Number, "回测sMAPE", "backtest sMAPE of the model on the series"),
        new("mase", ColumnKind.Number, "回测MASE", "backtest MASE of the model on the series"),
        new("cov80", ColumnKind.Number, "80%覆盖率", "backtest coverage of the 80 % interval"),
        new("cov95", ColumnKind.Number, "95%覆盖率", "backtest coverage of the 95 % interval"),
        new("origins", ColumnKind.Integer, "回测起点数", "number of backtest origins"),
        new("accuracy_sample", ColumnKind.Text, "精度样本", "out-of-sample (origins held back from model choice and interval calibration) or in-sample"),
    ];

    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Name == name) return i;
        }
        throw new ArgumentException($"no export column '{name}'", nameof(name));
    }
}
