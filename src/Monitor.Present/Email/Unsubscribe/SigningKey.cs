using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Present.Email.Store;

namespace Monitor.Present.Email.Unsubscribe;

/// <summary>
/// The HMAC key of unsubscribe tokens: Email:SigningKey from configuration or the environment, else a random key
/// generated on first start and kept in the store (email_settings), so links stay valid across restarts.
/// </summary>
public sealed class SigningKey(MonitorStore store, IOptions<EmailOptions> options)
{
    private const string SettingName = "unsubscribe_signing_key";
    private readonly Lazy<byte[]> _key = new(() => Load(store, options.Value.SigningKey));

    public byte[] Bytes => _key.Value;

    private static byte[] Load(MonitorStore store, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Encoding.UTF8.GetBytes(configured);
        using var connection = store.Open();
        // Two threads or servers starting together: one insert wins; the loser waits for the winner's key to be visible.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Read(connection) is { } stored) return Convert.FromBase64String(stored);
            TryInsert(connection, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        throw new InvalidOperationException("could not create or read the unsubscribe signing key in email_settings");
    }

    private static string? Read(DuckDBConnection connection)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM email_settings WHERE name = $1";
        select.Parameters.Add(new DuckDBParameter(SettingName));
        return select.ExecuteScalar() as string;
    }

    private static void TryInsert(DuckDBConnection connection, string value)
    {
        try
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO email_settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING";
            insert.Parameters.Add(new DuckDBParameter(SettingName));
            insert.Parameters.Add(new DuckDBParameter(value));
            insert.ExecuteNonQuery();
        }
        catch (DuckDBException ex) when (Sql.IsConflict(ex))
        {
            // Another transaction is inserting the key right now (DuckDB raises instead of waiting).
            Thread.Sleep(10);
        }
    }
}
