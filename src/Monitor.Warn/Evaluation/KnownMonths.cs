using Monitor.Core.Domain;
using Monitor.Core.RealTime;

namespace Monitor.Warn.Evaluation;

/// <summary>
/// Which month of each series a decision taken at the end of month t could see: the ragged edge. With release lags the
/// answer comes from the release calendar through <see cref="AsOf.IsKnown"/> (the one as-of function); without them
/// (the old behaviour) every month is known at its own end.
/// </summary>
public sealed class KnownMonths
{
    private readonly DatasetFolder _data;
    private readonly Func<string, ReleaseSchedule>? _schedule;
    private readonly Dictionary<string, int[]> _lastKnown = new(StringComparer.Ordinal);

    private KnownMonths(DatasetFolder data, Func<string, ReleaseSchedule>? schedule)
    {
        _data = data;
        _schedule = schedule;
    }

    /// <summary>True when the release calendar is applied.</summary>
    public bool Lagged => _schedule is not null;

    /// <summary>Every month known at its own end (no publication lags).</summary>
    public static KnownMonths Unlagged(DatasetFolder data) => new(data, null);

    /// <summary>Months known as the release calendar of <paramref name="dataset"/> says.</summary>
    public static KnownMonths FromCalendar(DatasetFolder data, string dataset, ReleaseCalendar calendar) =>
        new(data, code => calendar.For(dataset, code, Frequency.Monthly));

    /// <summary>The instant of the decision for month t: the start of the month's last day (a release dated that day counts).</summary>
    public DateTime DecisionTime(int t)
    {
        var month = _data.MonthAt(t);
        return AsOf.At(month.AddMonths(1).AddDays(-1));
    }

    /// <summary>The index of the last month of <paramref name="code"/> known at the decision of month t (−1 if none).</summary>
    public int LastKnown(string code, int t)
    {
        if (_schedule is null) return t;
        if (!_lastKnown.TryGetValue(code, out var last))
        {
            var schedule = _schedule(code);
            last = new int[_data.Months];
            for (var m = 0; m < _data.Months; m++)
            {
                var j = m;
                while (j >= 0 && !AsOf.IsKnown(schedule, _data.MonthAt(j), DecisionTime(m))) j--;
                last[m] = j;
            }
            _lastKnown[code] = last;
        }
        return last[t];
    }

    /// <summary>A rule computed month by month on complete data, seen in real time: at t it shows its value at the last month all its inputs were known.</summary>
    public bool[] InRealTime(bool[] computed, params string[] codes)
    {
        var result = new bool[computed.Length];
        for (var t = 0; t < computed.Length; t++)
        {
            var k = codes.Min(c => LastKnown(c, t));
            result[t] = k >= 0 && computed[k];
        }
        return result;
    }
}
