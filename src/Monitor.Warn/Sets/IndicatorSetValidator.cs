namespace Monitor.Warn.Sets;

/// <summary>Checks a set before it is saved: code and economy given, known themes, positive finite weights, no series twice.</summary>
public static class IndicatorSetValidator
{
    public static IReadOnlyList<string> Problems(IndicatorSet set)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(set.Code)) problems.Add("code: missing");
        if (set.Members.Count == 0) problems.Add("members: the set has no indicator");
        for (var i = 0; i < set.Members.Count; i++)
        {
            var m = set.Members[i];
            var line = $"line {i + 1}";
            if (string.IsNullOrWhiteSpace(m.SeriesId)) problems.Add($"{line}: series: missing");
            if (!Themes.All.Contains(m.Theme)) problems.Add($"{line}: theme: '{m.Theme}' is not one of {string.Join(", ", Themes.All)}");
            if (!double.IsFinite(m.Weight) || m.Weight <= 0) problems.Add($"{line}: weight: must be a positive number");
            if (set.Members.Take(i).Any(p => p.SeriesId == m.SeriesId)) problems.Add($"{line}: series: {m.SeriesId} is listed twice");
        }
        return problems;
    }

    public static void ThrowIfInvalid(IndicatorSet set)
    {
        var problems = Problems(set);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(set));
    }
}
