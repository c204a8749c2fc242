using Monitor.Core.Domain;

namespace Monitor.Core.RealTime;

/// <summary>
/// One publication-lag rule of the release calendar (a row of <c>release_rules</c>): when the value of a period is
/// published, relative to the period's last day. See <see cref="ReleaseCalendar"/> for how the rule of a series is chosen.
/// </summary>
public sealed record ReleaseRule(
    string Dataset,
    string CodePattern,
    string Frequency,
    int LagMonths,
    int? ReleaseDay,
    int? LagDays,
    bool MergeJanFeb = false,
    string? Note = null)
{
    /// <summary>The publication date of <paramref name="period"/> (the first day of a period of <paramref name="frequency"/>).</summary>
    public DateOnly ReleaseDate(Frequency frequency, DateOnly period)
    {
        // China publishes January of some indicators together with February.
        if (MergeJanFeb && frequency == Domain.Frequency.Monthly && period.Month == 1) period = period.AddMonths(1);
        var last = frequency.AddPeriods(period, 1).AddDays(-1);
        if (LagDays is { } days) return last.AddDays(days);
        var month = new DateOnly(last.Year, last.Month, 1).AddMonths(LagMonths);
        var length = DateTime.DaysInMonth(month.Year, month.Month);
        return month.AddDays(Math.Min(ReleaseDay ?? length, length) - 1);
    }

    /// <summary>Whether the rule applies to a series; null when not, else its specificity (higher wins).</summary>
    internal (int, int, int, int)? Match(string dataset, string code, Frequency frequency) =>
        Specificity(Dataset, CodePattern, dataset, code) is { } s && (Frequency == "*" || Frequency == frequency.Code())
            ? (s.Item1, s.Item2, s.Item3, Frequency == "*" ? 0 : 1)
            : null;

    /// <summary>How specifically a (dataset, code pattern) pair names a series; null when it does not match it.</summary>
    internal static (int Dataset, int Code, int Prefix)? Specificity(string datasetPattern, string codePattern, string dataset, string code)
    {
        if (datasetPattern != "*" && !string.Equals(datasetPattern, dataset, StringComparison.Ordinal)) return null;
        var datasetRank = datasetPattern == "*" ? 0 : 1;
        if (codePattern == "*") return (datasetRank, 0, 0);
        if (codePattern.EndsWith('*'))
        {
            var prefix = codePattern[..^1];
            return code.StartsWith(prefix, StringComparison.Ordinal) ? (datasetRank, 1, prefix.Length) : null;
        }
        return string.Equals(codePattern, code, StringComparison.Ordinal) ? (datasetRank, 2, 0) : null;
    }
}
