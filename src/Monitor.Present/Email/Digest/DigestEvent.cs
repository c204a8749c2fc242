namespace Monitor.Present.Email.Digest;

/// <summary>One alert change (opened, escalated, resolved) as a digest lists it, with its alert and series labels.</summary>
public sealed record DigestEvent(
    long EventId,
    string Event,
    string Severity,
    DateTime OccurredAt,
    long AlertId,
    string Rule,
    string? SeriesId,
    DateOnly? Period,
    string? Colour,
    string Title,
    string? TitleZh,
    string? Message,
    string? MessageZh,
    string? SeriesName,
    string? SeriesNameZh,
    string? GroupKey = null,
    string? GroupKind = null,
    string? GroupLabel = null,
    string? GroupLabelZh = null,
    double Priority = 1.0,
    string? PagePath = null)
{
    /// <summary>The alert group (docs/warn.md "Alert groups"); an alert outside any group is a group of its own.</summary>
    public string Group => GroupKey ?? "alert:" + AlertId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The dashboard link that lists every member of this change's group: its own page, or the Alerts page of the group.</summary>
    public string GroupLink(string dashboardUrl) => dashboardUrl.TrimEnd('/') +
        (PagePath ?? "/Alerts?group=" + Uri.EscapeDataString(Group));

    public string DisplayGroup(bool chinese) => chinese && !string.IsNullOrWhiteSpace(GroupLabelZh) ? GroupLabelZh! : GroupLabel ?? DisplayTitle(chinese);

    public string DisplayTitle(bool chinese) => chinese && !string.IsNullOrWhiteSpace(TitleZh) ? TitleZh! : Title;

    public string? DisplayMessage(bool chinese) => chinese && !string.IsNullOrWhiteSpace(MessageZh) ? MessageZh : Message;

    public string? DisplaySeries(bool chinese) => chinese && !string.IsNullOrWhiteSpace(SeriesNameZh) ? SeriesNameZh : SeriesName ?? SeriesId;
}

/// <summary>The events of one digest and the newest alert event id seen when they were read (the next cursor).</summary>
public sealed record DigestBatch(IReadOnlyList<DigestEvent> Events, long HighWater);
