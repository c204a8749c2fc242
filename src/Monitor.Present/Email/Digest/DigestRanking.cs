namespace Monitor.Present.Email.Digest;

/// <summary>Orders alert changes by how much they matter: severity, then how far the light is from green.</summary>
public static class DigestRanking
{
    /// <summary>Red and blue are the extremes of the five lights (2), yellow and light blue next (1), green 0.</summary>
    public static int Extremity(string? colour) => colour switch
    {
        "red" or "blue" => 2,
        "yellow" or "lightblue" => 1,
        _ => 0,
    };

    /// <summary>The colour the subject reports: the most extreme light among new and escalated alerts (red wins a tie with blue).</summary>
    public static string? WorstColour(IEnumerable<DigestEvent> events) => Live(events)
        .Where(e => e.Colour is not null)
        .OrderByDescending(e => Extremity(e.Colour))
        .ThenByDescending(e => Subscriptions.Severities.Rank(e.Severity))
        .ThenByDescending(e => e.Colour == "red")
        .Select(e => e.Colour)
        .FirstOrDefault();

    public static string? WorstSeverity(IEnumerable<DigestEvent> events) => Live(events)
        .Select(e => e.Severity)
        .OrderByDescending(Subscriptions.Severities.Rank)
        .FirstOrDefault();

    /// <summary>Most important first: open changes before resolutions, then severity, extremity, and newest.</summary>
    public static IReadOnlyList<DigestEvent> Ordered(IEnumerable<DigestEvent> events) => events
        .OrderBy(e => e.Event == "resolved")
        .ThenByDescending(e => Subscriptions.Severities.Rank(e.Severity))
        .ThenByDescending(e => Extremity(e.Colour))
        .ThenByDescending(e => e.EventId)
        .ToList();

    /// <summary>
    /// The changes by alert group, as the dashboard groups them: groups with open changes first, then by their highest
    /// priority (severity × weight in the indicator set), then by their most important change; within a group, <see cref="Ordered"/>.
    /// </summary>
    public static IReadOnlyList<IGrouping<string, DigestEvent>> Grouped(IEnumerable<DigestEvent> events) => Ordered(events)
        .GroupBy(e => e.Group)
        .OrderBy(g => g.All(e => e.Event == "resolved"))
        .ThenByDescending(g => Live(g).Select(e => e.Priority).DefaultIfEmpty(0).Max())
        .ToList();

    /// <summary>The series whose charts the digest embeds: the top open changes, one chart per series.</summary>
    public static IReadOnlyList<DigestEvent> TopForCharts(IEnumerable<DigestEvent> events, int count) => Ordered(Live(events))
        .Where(e => !string.IsNullOrWhiteSpace(e.SeriesId))
        .DistinctBy(e => e.SeriesId)
        .Take(Math.Max(0, count))
        .ToList();

    private static IEnumerable<DigestEvent> Live(IEnumerable<DigestEvent> events) => events.Where(e => e.Event != "resolved");
}
