using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Present.Email.Store;

namespace Monitor.Present.Email.Delivery;

/// <summary>
/// The e-mail outbox in DuckDB. A digest is claimed by inserting its row (UNIQUE idempotency key) in the same transaction
/// that moves the subscription's cursor by compare-and-set; a message is sent only by the holder of its lease, which is
/// taken by one conditional UPDATE. DuckDB raises on both kinds of conflict, so two concurrent runs cannot both win.
/// </summary>
public sealed class Outbox(MonitorStore store)
{
    /// <summary>Inserts the digest and advances the cursor; false when another run claimed it (or moved the cursor) first.</summary>
    public bool TryClaim(OutboxClaim claim, DateTime now)
    {
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();
        try
        {
            if (Sql.Execute(connection, transaction,
                    """
                    UPDATE email_subscriptions SET cursor_event_id = $3, last_period_end = $4
                    WHERE subscription_id = $1 AND cursor_event_id = $2 AND active AND (last_period_end IS NULL OR last_period_end < $4)
                    """,
                    claim.SubscriptionId, claim.FromEventId, claim.ToEventId, claim.PeriodEnd) != 1)
                return false;
            Sql.Execute(connection, transaction, """
                INSERT INTO email_outbox (idempotency_key, subscription_id, period_start, period_end, from_event_id, to_event_id,
                    event_count, recipient, subject, message_id, mime, status, attempts, next_attempt_at, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', 0, $12, $12)
                """,
                claim.IdempotencyKey, claim.SubscriptionId, claim.PeriodStart, claim.PeriodEnd, claim.FromEventId, claim.ToEventId,
                claim.EventCount, claim.Recipient, claim.Subject, claim.MessageId, claim.Mime, now);
            transaction.Commit();
            return true;
        }
        catch (DuckDBException ex) when (Sql.IsConflict(ex))
        {
            return false;
        }
    }

    /// <summary>Marks a period with nothing to send as dealt with, so later changes wait for the next period.</summary>
    public void MarkEmptyPeriod(long subscriptionId, DateTime periodEnd)
    {
        using var connection = store.Open();
        try
        {
            Sql.Execute(connection, null, """
                UPDATE email_subscriptions SET last_period_end = $2
                WHERE subscription_id = $1 AND (last_period_end IS NULL OR last_period_end < $2)
                """, subscriptionId, periodEnd);
        }
        catch (DuckDBException ex) when (Sql.IsConflict(ex))
        {
            // A concurrent run is marking or claiming the same period.
        }
    }

    /// <summary>Keys of messages to send now: pending, due for a retry, or abandoned mid-send (lease run out).</summary>
    public IReadOnlyList<string> DueKeys(DateTime now, int limit = 100)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT idempotency_key FROM email_outbox
            WHERE (status IN ('pending', 'retry') AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
            ORDER BY created_at, idempotency_key LIMIT $2
            """;
        Sql.Bind(command, now, limit);
        var keys = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    /// <summary>Takes the send lease of a due message and counts the attempt; null when it is not due or another sender has it.</summary>
    public OutboxMessage? TryLease(string idempotencyKey, DateTime now, DateTime leaseUntil)
    {
        using var connection = store.Open();
        try
        {
            var leased = Sql.Execute(connection, null, """
                UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, lease_until = $3
                WHERE idempotency_key = $1
                  AND ((status IN ('pending', 'retry') AND next_attempt_at <= $2) OR (status = 'sending' AND lease_until <= $2))
                """, idempotencyKey, now, leaseUntil);
            if (leased != 1) return null;
        }
        catch (DuckDBException ex) when (Sql.IsConflict(ex))
        {
            return null;
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT subscription_id, recipient, mime, attempts, from_event_id, to_event_id FROM email_outbox WHERE idempotency_key = $1";
        command.Parameters.Add(new DuckDBParameter(idempotencyKey));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new OutboxMessage(idempotencyKey, reader.GetInt64(0), reader.GetString(1), ReadBytes(reader, 2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>Records the acceptance by the SMTP server (sent) or the .eml file (written).</summary>
    public void MarkDelivered(string idempotencyKey, string status, string deliveredTo, DateTime now)
    {
        using var connection = store.Open();
        Sql.Execute(connection, null, """
            UPDATE email_outbox SET status = $2, delivered_to = $3, finished_at = $4, lease_until = NULL, last_error = NULL
            WHERE idempotency_key = $1
            """, idempotencyKey, status, deliveredTo, now);
    }

    /// <summary>A transient failure: try again at <paramref name="nextAttemptAt"/>.</summary>
    public void MarkRetry(string idempotencyKey, string error, DateTime nextAttemptAt)
    {
        using var connection = store.Open();
        Sql.Execute(connection, null, """
            UPDATE email_outbox SET status = 'retry', last_error = $2, next_attempt_at = $3, lease_until = NULL
            WHERE idempotency_key = $1 AND status = 'sending'
            """, idempotencyKey, error, nextAttemptAt);
    }

    /// <summary>
    /// A permanent failure (5xx, or too many attempts): recorded and shown. The subscription's cursor moves back to
    /// before this digest (if no later digest moved it on), so its changes go out with the next digest.
    /// </summary>
    public void MarkFailed(OutboxMessage message, string error, DateTime now)
    {
        store.InTransaction((connection, transaction) =>
        {
            var marked = Sql.Execute(connection, transaction, """
                UPDATE email_outbox SET status = 'failed', last_error = $2, finished_at = $3, lease_until = NULL
                WHERE idempotency_key = $1 AND status = 'sending'
                """, message.IdempotencyKey, error, now);
            return marked == 1 && Sql.Execute(connection, transaction,
                "UPDATE email_subscriptions SET cursor_event_id = $2 WHERE subscription_id = $1 AND cursor_event_id = $3",
                message.SubscriptionId, message.FromEventId, message.ToEventId) == 1;
        });
    }

    /// <summary>The newest outbox rows (failures first when <paramref name="failuresFirst"/>), for the outbox page.</summary>
    public IReadOnlyList<OutboxEntry> List(int limit = 200, bool failuresFirst = true)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT idempotency_key, subscription_id, period_end, event_count, recipient, subject, message_id, status, attempts,
                   next_attempt_at, last_error, delivered_to, created_at, finished_at
            FROM email_outbox
            ORDER BY CASE WHEN $2 AND status IN ('failed', 'retry') THEN 0 ELSE 1 END, created_at DESC, idempotency_key
            LIMIT $1
            """;
        Sql.Bind(command, limit, failuresFirst);
        var result = new List<OutboxEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new OutboxEntry(reader.GetString(0), reader.GetInt64(1), reader.GetDateTime(2), reader.GetInt32(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8),
                reader.GetDateTime(9), reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetDateTime(12), reader.IsDBNull(13) ? null : reader.GetDateTime(13)));
        }
        return result;
    }

    private static byte[] ReadBytes(DuckDBDataReader reader, int ordinal)
    {
        using var stream = reader.GetStream(ordinal);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
