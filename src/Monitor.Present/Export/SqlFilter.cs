using System.Globalization;
using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Present.Export;

/// <summary>
/// Collects WHERE conditions whose values become positional parameters ($1, $2 …) — the one way exports and the API
/// add user-chosen filters to a statement without splicing values into SQL.
/// </summary>
public sealed class SqlFilter
{
    private readonly List<object> _parameters = [];
    private readonly List<string> _conditions = [];

    public IReadOnlyList<object> Parameters => _parameters;

    /// <summary>"WHERE a AND b", or "" when there is no condition.</summary>
    public string WhereClause => _conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _conditions);

    /// <summary>Adds a value and returns its placeholder, for statements that use one outside the WHERE clause.</summary>
    public string Parameter(object value)
    {
        _parameters.Add(value);
        return "$" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="column"/> IN (values); nothing when the list is empty (= no restriction).</summary>
    public SqlFilter In(string column, IReadOnlyList<string> values)
    {
        if (values.Count > 0) _conditions.Add($"{column} IN ({string.Join(", ", values.Select(v => Parameter(v)))})");
        return this;
    }

    /// <summary>A condition with one value, written as "{0}" in <paramref name="condition"/>; nothing when the value is null.</summary>
    public SqlFilter Where(string condition, object? value)
    {
        if (value is not null) _conditions.Add(string.Format(CultureInfo.InvariantCulture, condition, Parameter(value)));
        return this;
    }

    /// <summary>A fixed condition without values (e.g. "known_to IS NULL").</summary>
    public SqlFilter Where(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    public DuckDBCommand CreateCommand(DuckDBConnection connection, string sql)
    {
        return Sql.Command(connection, null, sql, [.. _parameters]);
    }
}
