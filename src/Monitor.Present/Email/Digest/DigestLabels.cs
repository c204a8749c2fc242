namespace Monitor.Present.Email.Digest;

/// <summary>The words of a digest in Chinese and English: colours of the signal lights, severities, kinds of change.</summary>
public static class DigestLabels
{
    public static string Colour(string colour, bool chinese) => (colour, chinese) switch
    {
        ("red", true) => "红色 过热",
        ("yellow", true) => "黄色 趋热",
        ("green", true) => "绿色 正常",
        ("lightblue", true) => "浅蓝 趋冷",
        ("blue", true) => "蓝色 过冷",
        ("red", false) => "red (overheating)",
        ("yellow", false) => "yellow (warming)",
        ("green", false) => "green (normal)",
        ("lightblue", false) => "light blue (cooling)",
        ("blue", false) => "blue (overcooling)",
        _ => colour,
    };

    /// <summary>CSS colour of a signal light for the HTML part.</summary>
    public static string Swatch(string? colour) => colour switch
    {
        "red" => "#d7191c",
        "yellow" => "#f5c518",
        "green" => "#1a9641",
        "lightblue" => "#74add1",
        "blue" => "#2c7bb6",
        _ => "#999999",
    };

    public static string Severity(string severity, bool chinese) => (severity, chinese) switch
    {
        ("critical", true) => "严重",
        ("warning", true) => "警告",
        (_, true) => "提示",
        _ => severity,
    };

    public static string Event(string kind, bool chinese) => (kind, chinese) switch
    {
        ("opened", true) => "新预警",
        ("escalated", true) => "升级",
        ("resolved", true) => "解除",
        ("opened", false) => "new",
        _ => kind,
    };

    public static string Count(string kind, int count, bool chinese) => (kind, chinese) switch
    {
        ("opened", true) => $"{count} 条新预警",
        ("escalated", true) => $"{count} 条升级",
        ("resolved", true) => $"{count} 条解除",
        ("opened", false) => count == 1 ? "1 new alert" : $"{count} new alerts",
        ("escalated", false) => $"{count} escalated",
        _ => $"{count} resolved",
    };

    public static string Worst(bool chinese) => chinese ? "最高" : "worst";

    public static string Unsubscribe(bool chinese) => chinese ? "退订" : "Unsubscribe";

    public static string OpenDashboard(bool chinese) => chinese ? "打开监测仪表板" : "Open the dashboard";

    public static string Heading(bool chinese) => chinese ? "预警摘要" : "Alert digest";

    public static string Footer(bool chinese) => chinese
        ? "您收到此邮件是因为订阅了 Monitor 预警摘要。"
        : "You receive this e-mail because you subscribed to Monitor alert digests.";

    /// <summary>The heading of a group of changes: "数据未到：fred_md（126 条变化）" for a source, the indicator for a family.</summary>
    public static string Group(DigestEvent first, int count, bool chinese) => (first.GroupKind, chinese) switch
    {
        ("source", true) => $"数据未到：{first.DisplayGroup(true)}（{count} 条变化）",
        ("source", false) => $"Data not arrived: {first.DisplayGroup(false)} ({count} changes)",
        (_, true) => $"{first.DisplayGroup(true)}（{count} 条变化）",
        _ => $"{first.DisplayGroup(false)} ({count} changes)",
    };

    public static string MoreInGroup(int count, bool chinese) => chinese ? $"本组另有 {count} 条变化" : $"{count} more changes in this group";

    public static string More(int count, bool chinese) => chinese ? $"另有 {count} 条变化，请在仪表板查看。" : $"{count} more changes on the dashboard.";
}
