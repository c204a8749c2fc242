using System.Data;
using System.Globalization;
using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Schedule;

namespace Monitor.Present.Email.Subscriptions;

/// <summary>Creates, lists, deletes and unsubscribes e-mail subscriptions in the store.</summary>
public sealed class SubscriptionStore(MonitorStore store, TimeProvider clock)
{
    private const string Columns = """
        subscription_id, address, language, domain, region_code, industry_code, series_id, min_severity, cadence,
        immediate_minutes, local_time, weekday, time_zone, created_at, created_by, active, cursor_event_id, last_period_end
        """;

    /// <summary>
    /// Saves a valid draft. The new subscription starts after the newest alert event, so its first digest holds only
    /// changes made after subscribing.
    /// </summary>
    public Subscription Create(SubscriptionDraft draft, string? createdBy)
    {
        var errors = draft.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(draft));
        var id = store.InTransaction((connection, transaction) =>
        {
            var newId = MonitorStore.NextId(connection, "email_subscription_seq");
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO email_subscriptions (subscription_id, address, language, domain, region_code, industry_code, series_id,
                    min_severity, cadence, immediate_minutes, local_time, weekday, time_zone, created_by, created_at, cursor_event_id)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, coalesce(max(event_id), 0) FROM alert_events
                """;
            SubscriptionDraft.TryParseLocalTime(draft.LocalTime, out var localTime);
            SubscriptionDraft.TryParseWeekday(draft.Weekday, out var weekday);
            Sql.Bind(command, newId, draft.Address.Trim(), draft.Language, SubscriptionDraft.Blank(draft.Domain),
                SubscriptionDraft.Blank(draft.RegionCode), SubscriptionDraft.Blank(draft.IndustryCode), SubscriptionDraft.Blank(draft.SeriesId),
                draft.MinSeverity, CadenceNames.Parse(draft.Cadence).Name(), draft.ImmediateMinutes,
                localTime.ToString("HH:mm", CultureInfo.InvariantCulture), (int)weekday, draft.TimeZone, createdBy,
                clock.GetUtcNow().UtcDateTime);
            command.ExecuteNonQuery();
            return newId;
        });
        return Find(id)!;
    }

    public Subscription? Find(long subscriptionId)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM email_subscriptions WHERE subscription_id = $1";
        command.Parameters.Add(new DuckDBParameter(subscriptionId));
        return Read(command).FirstOrDefault();
    }

    /// <summary>All subscriptions, newest first; <paramref name="activeOnly"/> leaves out unsubscribed ones.</summary>
    public IReadOnlyList<Subscription> List(bool activeOnly = false)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM email_subscriptions WHERE active OR NOT $1 ORDER BY subscription_id DESC";
        command.Parameters.Add(new DuckDBParameter(activeOnly));
        return Read(command);
    }

    /// <summary>Removes a subscription; its outbox history stays. Returns false when there was none.</summary>
    public bool Delete(long subscriptionId)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM email_subscriptions WHERE subscription_id = $1";
        command.Parameters.Add(new DuckDBParameter(subscriptionId));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Stops all further digests of the subscription; true when it was active.</summary>
    public bool Unsubscribe(long subscriptionId)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE email_subscriptions SET active = FALSE, unsubscribed_at = $2 WHERE subscription_id = $1 AND active";
        command.Parameters.Add(new DuckDBParameter(subscriptionId));
        command.Parameters.Add(new DuckDBParameter(clock.GetUtcNow().UtcDateTime));
        return command.ExecuteNonQuery() > 0;
    }

    private static List<Subscription> Read(DuckDBCommand command)
    {
        var result = new List<Subscription>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new Subscription(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                new AlertFilter(Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6), reader.GetString(7)),
                CadenceNames.Parse(reader.GetString(8)), reader.GetInt32(9),
                TimeOnly.ParseExact(reader.GetString(10), "HH:mm", CultureInfo.InvariantCulture), (DayOfWeek)reader.GetInt32(11),
                reader.GetString(12), reader.GetDateTime(13), Text(reader, 14), reader.GetBoolean(15), reader.GetInt64(16),
                reader.IsDBNull(17) ? null : reader.GetDateTime(17)));
        }
        return result;
    }

    private static string? Text(IDataRecord reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
