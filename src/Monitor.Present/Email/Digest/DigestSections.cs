namespace Monitor.Present.Email.Digest;

/// <summary>
/// One alert group as a digest lists it: a heading when the group holds several changes, the changes shown, how many
/// more the group has, and the dashboard link that opens the group to all its members.
/// </summary>
public sealed record DigestSection(string? Heading, IReadOnlyList<DigestEvent> Shown, int Hidden, string Link);

/// <summary>Lays a digest out by alert group (the same groups as the dashboard), most important first, within the digest's size.</summary>
public static class DigestSections
{
    /// <summary>Changes listed per group; the rest are counted and linked (a late source can have a hundred series).</summary>
    public const int PerGroup = 5;

    /// <summary>The sections, and the changes left out because the digest holds at most <see cref="DigestContext.MaxEvents"/>.</summary>
    public static (IReadOnlyList<DigestSection> Sections, int Left) Plan(IReadOnlyList<DigestEvent> events, DigestContext context)
    {
        var budget = context.MaxEvents;
        var sections = new List<DigestSection>();
        var left = 0;
        foreach (var group in DigestRanking.Grouped(events))
        {
            var members = group.ToList();
            if (budget <= 0)
            {
                left += members.Count;
                continue;
            }
            var shown = members.Take(Math.Min(budget, PerGroup)).ToList();
            budget -= shown.Count;
            var heading = members.Count > 1 ? DigestLabels.Group(members[0], members.Count, context.Chinese) : null;
            sections.Add(new DigestSection(heading, shown, members.Count - shown.Count, members[0].GroupLink(context.DashboardUrl)));
        }
        return (sections, left);
    }
}
