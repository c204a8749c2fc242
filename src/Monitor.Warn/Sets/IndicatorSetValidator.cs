using System.Text.RegularExpressions;

namespace Monitor.Warn.Sets;

/// <summary>Checks a set before it is saved: a code of letters, digits, '_' or '-', known themes, positive finite weights, no series twice.</summary>
public static partial class IndicatorSetValidator
{
    public static IReadOnlyList<string> Problems(IndicatorSet set)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(set.Code)) problems.Add("code: missing");
        else if (!CodePattern().IsMatch(set.Code)) problems.Add($"code: '{set.Code}' may hold only letters, digits, '_' and '-' (up to 40)");
        if (string.IsNullOrWhiteSpace(set.Name)) problems.Add("name: missing");
        if (set.Members.Count == 0) problems.Add("members: the set has no indicator");
        for (var i = 0; i < set.Members.Count; i++)
            problems.AddRange(MemberProblems(set.Members[i], set.Members.Take(i)).Select(p => $"line {i + 1}: {p}"));
        return problems;
    }

    /// <summary>What is wrong with one member given the members before it ("field: reason"; the caller names the line).</summary>
    public static IEnumerable<string> MemberProblems(IndicatorSetMember member, IEnumerable<IndicatorSetMember> earlier)
    {
        if (string.IsNullOrWhiteSpace(member.SeriesId)) yield return "series: missing";
        if (!Themes.All.Contains(member.Theme)) yield return $"theme: '{member.Theme}' is not one of {string.Join(", ", Themes.All)}";
        if (!double.IsFinite(member.Weight) || member.Weight <= 0) yield return "weight: must be a positive number";
        if (earlier.Any(p => p.SeriesId == member.SeriesId)) yield return $"series: {member.SeriesId} is listed twice";
    }

    public static void ThrowIfInvalid(IndicatorSet set)
    {
        var problems = Problems(set);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(set));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex CodePattern();
}
