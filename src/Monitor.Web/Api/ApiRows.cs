using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Present.Export;

namespace Monitor.Web.Api;

/// <summary>
/// Runs a filtered, ordered SELECT for an API endpoint and returns one page of rows as name → value maps (dates as
/// yyyy-MM-dd, non-finite numbers as null), with the total row count for pagination.
/// </summary>
public sealed class ApiRows(MonitorStore store)
{
    public (IReadOnlyList<Dictionary<string, object?>> Rows, long Total) Page(string select, SqlFilter filter, string orderBy, PageRequest page)
    {
        using var connection = store.Open();
        var sql = $"{select} {filter.WhereClause}";
        using var count = filter.CreateCommand(connection, $"SELECT count(*) FROM ({sql})");
        var total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var command = filter.CreateCommand(connection, $"{sql} ORDER BY {orderBy} LIMIT {page.Limit} OFFSET {page.Offset}");
        return (Read(command), total);
    }

    /// <summary>Every row of a small result (one series, one entity).</summary>
    public IReadOnlyList<Dictionary<string, object?>> All(string sql, SqlFilter filter)
    {
        using var connection = store.Open();
        using var command = filter.CreateCommand(connection, sql);
        return Read(command);
    }

    public static IReadOnlyList<Dictionary<string, object?>> Read(DuckDBCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read()) rows.Add(Row(reader));
        return rows;
    }

    private static Dictionary<string, object?> Row(DbDataReader reader)
    {
        var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Value(reader.GetValue(i), reader.GetDataTypeName(i));
        return row;
    }

    private static object? Value(object value, string type) => value switch
    {
        DateTime day when type.Equals("Date", StringComparison.OrdinalIgnoreCase) => DateOnly.FromDateTime(day),
        double number when !double.IsFinite(number) => null,
        float number when !float.IsFinite(number) => null,
        _ => value,
    };
}
