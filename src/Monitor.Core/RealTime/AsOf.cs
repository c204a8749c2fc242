using DuckDB.NET.Data;
using Monitor.Core.Domain;

namespace Monitor.Core.RealTime;

/// <summary>
/// "What was known on date D": the one as-of function of Monitor, used by forecast, warn, backtests and evaluations.
/// <list type="bullet">
/// <item><see cref="Known(DuckDBConnection, string, DateTime?)"/> and <see cref="KnownAll(DuckDBConnection, DateTime?)"/>
/// read the vintaged store: the rows with known_from ≤ D &lt; known_to (a first load of history without vintage
/// information gets known_from = the calendar's release date, so these reads are realistic for old dates too).</item>
/// <item><see cref="Known(IEnumerable{Observation}, ReleaseSchedule, DateTime)"/> and <see cref="IsKnown"/> answer the same
/// question for a single-vintage history read from a file (an evaluation): a value is known once its release date is
/// reached, exactly as the ingest would have stamped it.</item>
/// </list>
/// D is an instant; a date means its start (00:00 UTC), so releases dated D count as known on D.
/// </summary>
public static class AsOf
{
    // The one vintage predicate; $1 is the series (single reads), the instant is the named parameter at.
    private const string Vintage = "known_from <= $at AND (known_to IS NULL OR known_to > $at)";

    /// <summary>The history of one series known at <paramref name="at"/> (null = the current values), ordered by period.</summary>
    public static IReadOnlyList<Observation> Known(DuckDBConnection connection, string seriesId, DateTime? at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT period, value FROM observations WHERE series_id = $id AND {Filter(command, at)} ORDER BY period";
        command.Parameters.Add(new DuckDBParameter("id", seriesId));
        var result = new List<Observation>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add(new Observation(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetDouble(1)));
        return result;
    }

    /// <summary>Every series' history known at <paramref name="at"/> (null = current), in one scan, each ordered by period.</summary>
    public static Dictionary<string, List<Observation>> KnownAll(DuckDBConnection connection, DateTime? at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT series_id, period, value FROM observations WHERE {Filter(command, at)} ORDER BY series_id, period";
        var result = new Dictionary<string, List<Observation>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        List<Observation>? current = null;
        string? currentId = null;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (id != currentId)
            {
                currentId = id;
                result[id] = current = [];
            }
            current!.Add(new Observation(DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetDouble(2)));
        }
        return result;
    }

    /// <summary>The SQL condition (on table observations) for "known at <paramref name="at"/>", binding its parameter on <paramref name="command"/>.</summary>
    public static string Filter(DuckDBCommand command, DateTime? at)
    {
        if (at is not { } instant) return "known_to IS NULL";
        command.Parameters.Add(new DuckDBParameter("at", instant));
        return Vintage;
    }

    /// <summary>Whether the value of <paramref name="period"/> of a single-vintage history was public at <paramref name="at"/>.</summary>
    public static bool IsKnown(ReleaseSchedule schedule, DateOnly period, DateTime at) => schedule.KnownFrom(period) <= at;

    /// <summary>The part of a single-vintage history (from a file) that was public at <paramref name="at"/>.</summary>
    public static IReadOnlyList<Observation> Known(IEnumerable<Observation> history, ReleaseSchedule schedule, DateTime at) =>
        history.Where(o => IsKnown(schedule, o.Period, at)).ToList();

    /// <summary>The instant a command-line date means: its start, in UTC.</summary>
    public static DateTime At(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
