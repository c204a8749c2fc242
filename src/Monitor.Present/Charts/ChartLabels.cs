namespace Monitor.Present.Charts;

/// <summary>The words drawn inside charts, in Chinese or English.</summary>
internal sealed record ChartLabels(string History, string Forecast, string Band80, string Band95, string Anomaly, string AsOf, string NoData, string Index, string Peak, string Trough, string Nowcast, string Outturn)
{
    public static readonly ChartLabels Chinese = new("历史", "预测", "80% 区间", "95% 区间", "异常", "截至", "暂无数据", "预警指数", "峰", "谷", "即时预测", "实际公布值");
    public static readonly ChartLabels English = new("history", "forecast", "80% interval", "95% interval", "anomaly", "as of", "no data yet", "warning index", "peak", "trough", "nowcast", "outturn");

    public static ChartLabels For(string language) => language == "zh" ? Chinese : English;
}
