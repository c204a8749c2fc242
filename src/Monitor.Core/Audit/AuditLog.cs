using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Core.Audit;

/// <summary>The audit log in the store's audit_log table. Writes and reads only.</summary>
public sealed class AuditLog(MonitorStore store, TimeProvider clock) : IAuditLog
{
    /// <summary>Longest text kept in one field: a caller's 1 MB filter must not fill the store.</summary>
    public const int MaxFieldLength = 2000;

    public void Write(AuditEntry entry)
    {
        if (!AuditOutcome.All.Contains(entry.Outcome)) throw new ArgumentException($"unknown audit outcome '{entry.Outcome}'", nameof(entry));
        using var connection = store.Open();
        var id = MonitorStore.NextId(connection, "audit_seq");
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit_log (audit_id, occurred_at, actor, via, address, action, target, parameters, rows_returned, outcome, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """;
        Sql.Bind(command, id, clock.GetUtcNow().UtcDateTime, Clip(entry.Actor.Name) ?? "-", Clip(entry.Actor.Via) ?? "-", Clip(entry.Actor.Address),
            Clip(entry.Action)!, Clip(entry.Target)!, Clip(entry.Parameters), entry.Rows, entry.Outcome, Clip(entry.Detail));
        command.ExecuteNonQuery();
    }

    public AuditPage Read(AuditFilter filter)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, AuditFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var (where, values) = Where(filter);
        using var connection = store.Open();
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM audit_log WHERE {where}";
        Sql.Bind(count, values);
        var total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT audit_id, occurred_at, actor, via, address, action, target, parameters, rows_returned, outcome, detail
            FROM audit_log WHERE {where} ORDER BY audit_id DESC LIMIT {pageSize} OFFSET {(long)(page - 1) * pageSize}
            """;
        Sql.Bind(command, values);
        var rows = new List<AuditRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new AuditRecord(reader.GetInt64(0), reader.GetDateTime(1), reader.GetString(2), reader.GetString(3), reader.Text(4),
                reader.GetString(5), reader.GetString(6), reader.Text(7), reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.GetString(9), reader.Text(10)));
        }
        return new AuditPage(rows, total, page, pageSize);
    }

    private static (string Where, object?[] Values) Where(AuditFilter filter)
    {
        var clauses = new StringBuilder("TRUE");
        var values = new List<object?>();
        void Clause(object? value, string sql)
        {
            if (value is null or "") return;
            values.Add(value);
            clauses.Append(CultureInfo.InvariantCulture, $" AND {sql} ${values.Count}");
        }
        Clause(filter.Actor, "actor =");
        Clause(filter.Action, "action =");
        Clause(filter.Outcome, "outcome =");
        Clause(filter.From, "occurred_at >=");
        Clause(filter.To, "occurred_at <");
        return (clauses.ToString(), values.ToArray());
    }

    private static string? Clip(string? text) => text is { Length: > MaxFieldLength } ? text[..MaxFieldLength] + "…" : text;
}
