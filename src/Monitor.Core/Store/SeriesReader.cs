using System.Data;
using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.RealTime;

namespace Monitor.Core.Store;

/// <summary>Reads the catalogue and observation histories (current, or as known at a point in time).</summary>
public sealed class SeriesReader(MonitorStore store)
{
    private const string CatalogueColumns =
        "series_id, dataset, code, name, name_zh, domain, region_code, industry_code, frequency, unit, transform, source, country, counter_cyclical";

    public IReadOnlyList<SeriesInfo> Catalogue()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {CatalogueColumns} FROM series ORDER BY series_id";
        return ReadCatalogue(command);
    }

    public SeriesInfo? Find(string seriesId)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {CatalogueColumns} FROM series WHERE series_id = $1";
        command.Parameters.Add(new DuckDBParameter(seriesId));
        return ReadCatalogue(command).FirstOrDefault();
    }

    /// <summary>The history of one series, ordered by period: current values, or those known at <paramref name="asOf"/>.</summary>
    public IReadOnlyList<Observation> History(string seriesId, DateTime? asOf = null)
    {
        using var connection = store.Open();
        return History(connection, seriesId, asOf);
    }

    /// <summary>As <see cref="History(string, DateTime?)"/> on an open connection; delegates to <see cref="AsOf.Known(DuckDBConnection, string, DateTime?)"/>.</summary>
    public static IReadOnlyList<Observation> History(DuckDBConnection connection, string seriesId, DateTime? asOf = null) =>
        AsOf.Known(connection, seriesId, asOf);

    /// <summary>The latest time any value of the series became known or was superseded: its data stamp.</summary>
    public static DateTime? LatestVintage(DuckDBConnection connection, string seriesId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(greatest(known_from, coalesce(known_to, known_from))) FROM observations WHERE series_id = $1";
        command.Parameters.Add(new DuckDBParameter(seriesId));
        return command.ExecuteScalar() is DateTime stamp ? stamp : null;
    }

    /// <summary>Every series' data stamp (see <see cref="LatestVintage"/>) in one scan: a query per series costs more than the scan.</summary>
    public static Dictionary<string, DateTime> LatestVintages(DuckDBConnection connection) =>
        Sql.Rows(connection, "SELECT series_id, max(greatest(known_from, coalesce(known_to, known_from))) FROM observations GROUP BY series_id",
            r => (Id: r.GetString(0), Stamp: r.GetDateTime(1))).ToDictionary(x => x.Id, x => x.Stamp, StringComparer.Ordinal);

    private static List<SeriesInfo> ReadCatalogue(DuckDBCommand command)
    {
        var result = new List<SeriesInfo>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new SeriesInfo(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                NullableString(reader, 4), reader.GetString(5), NullableString(reader, 6), NullableString(reader, 7),
                FrequencyExtensions.ParseFrequency(reader.GetString(8)), NullableString(reader, 9), NullableString(reader, 10),
                NullableString(reader, 11), NullableString(reader, 12), reader.GetBoolean(13)));
        }
        return result;
    }

    private static string? NullableString(IDataRecord reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
