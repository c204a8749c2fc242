namespace Monitor.Enterprises.Warnings;

/// <summary>The names of the firm warning kinds in both languages.</summary>
public static class WarningKinds
{
    public static string Label(string kind, bool chinese) => (kind, chinese) switch
    {
        ("fall", true) => "产值骤降",
        ("fall", false) => "sharp fall",
        ("silent", true) => "连续未报",
        ("silent", false) => "not reporting",
        ("exit", true) => "退出",
        ("exit", false) => "exit",
        ("divergence", true) => "用电与产值背离",
        ("divergence", false) => "electricity/output divergence",
        _ => kind,
    };
}
