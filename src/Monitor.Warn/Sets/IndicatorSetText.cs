using System.Globalization;

namespace Monitor.Warn.Sets;

/// <summary>
/// A set's members as the admin page edits them: one indicator a line, <c>series_id, theme, weight[, counter][, family]</c>
/// (theme in Chinese or English; <c>counter</c> marks a counter-cyclical indicator; blank lines and lines starting with # are skipped).
/// </summary>
public static class IndicatorSetText
{
    public const string CounterMark = "counter";

    public static string Format(IEnumerable<IndicatorSetMember> members) => string.Join("\n", members.Select(m =>
        string.Join(", ", m.SeriesId, m.Theme, m.Weight.ToString("0.###", CultureInfo.InvariantCulture), m.CounterCyclical ? CounterMark : "", m.Family ?? "")
            .TrimEnd(',', ' ')));

    /// <summary>The members, or the problems found, each naming the line, the field and the reason.</summary>
    public static (List<IndicatorSetMember> Members, List<string> Problems) Parse(string? text)
    {
        var members = new List<IndicatorSetMember>();
        var problems = new List<string>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var n = 1; n <= lines.Length; n++)
        {
            var line = lines[n - 1].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            var found = new List<string>();
            if (fields.Length > 5) found.Add($"fields: {fields.Length} given, at most 5 (series_id, theme, weight, counter, family)");
            var member = new IndicatorSetMember { SeriesId = fields[0], Theme = Theme(fields.ElementAtOrDefault(1) ?? "") };
            if (fields.Length < 2 || fields[1].Length == 0) found.Add("theme: missing");
            if (fields.ElementAtOrDefault(2) is { Length: > 0 } weight)
            {
                if (double.TryParse(weight, NumberStyles.Float, CultureInfo.InvariantCulture, out var w)) member.Weight = w;
                else found.Add($"weight: '{weight}' is not a number");
            }
            if (fields.ElementAtOrDefault(3) is { Length: > 0 } direction)
            {
                if (direction.Equals(CounterMark, StringComparison.OrdinalIgnoreCase) || direction is "逆" or "↓") member.CounterCyclical = true;
                else found.Add($"direction: '{direction}' is not '{CounterMark}' (or empty)");
            }
            if (fields.ElementAtOrDefault(4) is { Length: > 0 } family) member.Family = family;
            if (!found.Contains("theme: missing")) found.AddRange(IndicatorSetValidator.MemberProblems(member, members));
            problems.AddRange(found.Select(p => $"line {n}: {p}"));
            if (found.Count == 0) members.Add(member);
        }
        if (members.Count == 0 && problems.Count == 0) problems.Add("members: the set has no indicator");
        return (members, problems);
    }

    /// <summary>The Chinese theme for a Chinese or English theme name (as given when unknown, for the validator to report).</summary>
    private static string Theme(string given) =>
        Themes.All.FirstOrDefault(t => t == given || Themes.English(t).Equals(given, StringComparison.OrdinalIgnoreCase)) ?? given;
}
