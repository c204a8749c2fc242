using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;

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
        using (var insert = connection.CreateCommand())
        {
            // Two processes or threads starting together: the first insert wins and both read the same key.
            insert.CommandText = "INSERT INTO email_settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING";
            insert.Parameters.Add(new DuckDBParameter(SettingName));
            insert.Parameters.Add(new DuckDBParameter(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            insert.ExecuteNonQuery();
        }
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM email_settings WHERE name = $1";
        select.Parameters.Add(new DuckDBParameter(SettingName));
        return Convert.FromBase64String((string)select.ExecuteScalar()!);
    }
}
