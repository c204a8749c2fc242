using System.Globalization;
using System.Text;

namespace Monitor.Present.Email.Digest;

/// <summary>Writes a digest's subject and its plain-text part in the subscriber's language (the HTML part is <see cref="DigestHtml"/>).</summary>
public static class DigestComposer
{
    private static readonly string[] Kinds = ["opened", "escalated", "resolved"];

    public static DigestContent Compose(IReadOnlyList<DigestEvent> events, DigestContext context) =>
        new(Subject(events, context.Chinese), Text(events, context), DigestHtml.Render(events, context), context.Charts);

    /// <summary>e.g. "[Monitor] 3 条新预警 · 1 条解除 · 最高: 红色 过热" or "[Monitor] 3 new alerts · worst: red (overheating)".</summary>
    public static string Subject(IReadOnlyList<DigestEvent> events, bool chinese) => "[Monitor] " + Summary(events, chinese);

    /// <summary>The subject without its "[Monitor]" tag: counts by kind of change, then the worst light (or severity).</summary>
    public static string Summary(IReadOnlyList<DigestEvent> events, bool chinese)
    {
        var parts = Kinds
            .Select(kind => (kind, count: events.Count(e => e.Event == kind)))
            .Where(p => p.count > 0)
            .Select(p => DigestLabels.Count(p.kind, p.count, chinese))
            .ToList();
        if (DigestRanking.WorstColour(events) is { } colour)
            parts.Add($"{DigestLabels.Worst(chinese)}: {DigestLabels.Colour(colour, chinese)}");
        else if (DigestRanking.WorstSeverity(events) is { } severity)
            parts.Add($"{DigestLabels.Worst(chinese)}: {DigestLabels.Severity(severity, chinese)}");
        return string.Join(" · ", parts);
    }

    public static string Text(IReadOnlyList<DigestEvent> events, DigestContext context)
    {
        var chinese = context.Chinese;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{DigestLabels.Heading(chinese)} — {Summary(events, chinese)}");
        text.AppendLine();
        var (sections, left) = DigestSections.Plan(events, context);
        foreach (var section in sections)
        {
            if (section.Heading is { } heading) text.AppendLine(CultureInfo.InvariantCulture, $"■ {heading}");
            foreach (var e in section.Shown)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"[{DigestLabels.Event(e.Event, chinese)}] {e.DisplayTitle(chinese)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"    {Describe(e, context)}");
                if (e.DisplayMessage(chinese) is { Length: > 0 } message) text.AppendLine(CultureInfo.InvariantCulture, $"    {message}");
            }
            if (section.Hidden > 0) text.AppendLine(CultureInfo.InvariantCulture, $"    … {DigestLabels.MoreInGroup(section.Hidden, chinese)}: {section.Link}");
        }
        if (left > 0) text.AppendLine(DigestLabels.More(left, chinese));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{DigestLabels.OpenDashboard(chinese)}: {context.DashboardUrl}");
        text.AppendLine(DigestLabels.Footer(chinese));
        text.AppendLine(CultureInfo.InvariantCulture, $"{DigestLabels.Unsubscribe(chinese)}: {context.UnsubscribeUrl}");
        return text.ToString();
    }

    /// <summary>"series · period · severity · light · local time" of one change.</summary>
    internal static string Describe(DigestEvent e, DigestContext context)
    {
        var chinese = context.Chinese;
        var parts = new List<string>();
        if (e.DisplaySeries(chinese) is { Length: > 0 } series) parts.Add(series);
        if (e.Period is { } period) parts.Add(period.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        parts.Add(DigestLabels.Severity(e.Severity, chinese));
        if (e.Colour is { } colour) parts.Add(DigestLabels.Colour(colour, chinese));
        var local = TimeZoneInfo.ConvertTime(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc), context.Zone);
        parts.Add(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return string.Join(" · ", parts);
    }
}
