using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Warn.Alerts;

/// <summary>Reads alerts and applies lifecycle changes and user actions, writing every change to alert_events.</summary>
public sealed class AlertStore(MonitorStore store, TimeProvider clock)
{
    public Dictionary<string, AlertState> ReadAll(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT alert_id, dedup_key, state, severity, period, title, message, muted_until FROM alerts";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, AlertState>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(1)] = new AlertState(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : DateOnly.FromDateTime(reader.GetDateTime(4)), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDateTime(7));
        }
        return result;
    }

    /// <summary>Reconciles every condition with the stored alerts in one transaction; returns the number of events written.</summary>
    public int Apply(IReadOnlyList<AlertCondition> conditions) => store.InTransaction((connection, transaction) => Apply(connection, transaction, conditions));

    /// <summary>Reconciles every condition with the stored alerts in the caller's transaction (the warn merge); returns the number of events written.</summary>
    public int Apply(DuckDBConnection connection, DuckDBTransaction? transaction, IReadOnlyList<AlertCondition> conditions)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = ReadAll(connection);
        var changes = new List<(long? Id, AlertChange Change)>();
        foreach (var condition in conditions.DistinctBy(c => c.DedupKey))
        {
            var current = existing.GetValueOrDefault(condition.DedupKey);
            if (AlertLifecycle.Decide(current, condition, now) is { } change) changes.Add((current?.AlertId, change));
        }
        var newIds = new Queue<long>(NextIds(connection, "alert_seq", changes.Count(c => c.Change.Insert)));
        var eventIds = new Queue<long>(NextIds(connection, "alert_event_seq", changes.Count(c => c.Change.Event is not null)));
        // new alerts and every event go in with appenders (thousands on a first run); changes to existing rows are updates
        using (var alerts = connection.CreateAppender("alerts"))
        {
            for (var i = 0; i < changes.Count; i++)
            {
                if (!changes[i].Change.Insert) continue;
                var id = newIds.Dequeue();
                var c = changes[i].Change.Condition;
                alerts.CreateRow().AppendValue(id).AppendValue(c.DedupKey).AppendValue(c.Rule).AppendValue(c.SeriesId).AppendValue(c.Period?.ToDateTime(TimeOnly.MinValue))
                    .AppendValue(c.Severity).AppendValue(c.Colour).AppendValue(changes[i].Change.State).AppendValue(c.Title).AppendValue(c.TitleZh)
                    .AppendValue(c.Message).AppendValue(c.MessageZh).AppendValue(now).AppendValue(now).AppendNullValue().AppendNullValue().AppendNullValue().EndRow();
                changes[i] = (id, changes[i].Change);
            }
        }
        foreach (var (id, change) in changes.Where(c => !c.Change.Insert)) Update(connection, transaction, id!.Value, change, now);
        WriteGrouping(connection, transaction, conditions);
        using (var events = connection.CreateAppender("alert_events"))
        {
            foreach (var (id, change) in changes.Where(c => c.Change.Event is not null))
                events.CreateRow().AppendValue(eventIds.Dequeue()).AppendValue(id!.Value).AppendValue(now).AppendValue(change.Event).AppendValue(change.Condition.Severity).AppendValue("warn").EndRow();
        }
        return changes.Count(c => c.Change.Event is not null);
    }

    /// <summary>Replaces alert_grouping with the groups of this run's conditions (the alert rows keep their own history).</summary>
    private static void WriteGrouping(DuckDBConnection connection, DuckDBTransaction? transaction, IReadOnlyList<AlertCondition> conditions)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM alert_grouping";
            delete.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender("alert_grouping");
        foreach (var c in conditions.Where(c => c.Group is not null).DistinctBy(c => c.DedupKey))
        {
            var g = c.Group!;
            appender.CreateRow().AppendValue(c.DedupKey).AppendValue(g.Key).AppendValue(g.Kind).AppendValue(g.Economy).AppendValue(g.Label)
                .AppendValue(g.LabelZh).AppendValue(g.Weight).EndRow();
        }
    }

    private static List<long> NextIds(DuckDBConnection connection, string sequence, int count)
    {
        var ids = new List<long>(count);
        if (count == 0) return ids;
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT nextval('{SqlIdentifier.Check(sequence)}') FROM range($1)";
        command.Parameters.Add(new DuckDBParameter((long)count));
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>An analyst takes note of an open alert.</summary>
    public bool Acknowledge(long alertId, string actor) => UserAction(alertId, AlertLifecycle.Acknowledged, "acknowledged", actor, null);

    /// <summary>Silences an alert until <paramref name="untilUtc"/> (it still resolves when its condition ends).</summary>
    public bool Mute(long alertId, DateTime untilUtc, string actor) => UserAction(alertId, AlertLifecycle.Muted, "muted", actor, untilUtc);

    /// <summary>An analyst closes an alert by hand (it reopens if its condition is still met at the next warn run).</summary>
    public bool Resolve(long alertId, string actor) => UserAction(alertId, AlertLifecycle.Resolved, "resolved", actor, null);

    private bool UserAction(long alertId, string state, string eventName, string actor, DateTime? mutedUntil)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return store.InTransaction((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE alerts SET state = $2, updated_at = $3, acknowledged_by = CASE WHEN $2 = 'acknowledged' THEN $4 ELSE acknowledged_by END,
                    muted_until = $5, resolved_at = CASE WHEN $2 = 'resolved' THEN $3 ELSE resolved_at END
                WHERE alert_id = $1 AND state <> 'resolved' RETURNING severity
                """;
            Sql.Bind(command, alertId, state, now, actor, mutedUntil);
            if (command.ExecuteScalar() is not string severity) return false;
            AddEvent(connection, transaction, alertId, eventName, severity, actor, now);
            return true;
        });
    }

    private static void Update(DuckDBConnection connection, DuckDBTransaction? transaction, long id, AlertChange change, DateTime now)
    {
        var c = change.Condition;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE alerts SET period = $2, severity = $3, colour = $4, state = $5, title = $6, title_zh = $7, message = $8, message_zh = $9,
                updated_at = $10,
                opened_at = CASE WHEN $11 = 'reopened' THEN $10 ELSE opened_at END,
                resolved_at = CASE WHEN $5 = 'resolved' THEN $10 ELSE NULL END
            WHERE alert_id = $1
            """;
        Sql.Bind(command, id, c.Period?.ToDateTime(TimeOnly.MinValue), c.Severity, c.Colour, change.State, c.Title, c.TitleZh, c.Message, c.MessageZh, now, change.Event ?? "");
        command.ExecuteNonQuery();
    }

    private static void AddEvent(DuckDBConnection connection, DuckDBTransaction transaction, long alertId, string eventName, string severity, string actor, DateTime now)
    {
        var id = MonitorStore.NextId(connection, "alert_event_seq");
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO alert_events (event_id, alert_id, occurred_at, event, severity, actor) VALUES ($1, $2, $3, $4, $5, $6)";
        Sql.Bind(command, id, alertId, now, eventName, severity, actor);
        command.ExecuteNonQuery();
    }
}
