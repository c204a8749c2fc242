using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Web.Api.Keys;

/// <summary>One API key as listed to its owner (never the key itself).</summary>
public sealed record ApiKeyInfo(long Id, string Label, string Prefix, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A freshly created key: <see cref="Key"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(long Id, string Label, string Prefix, string Key);

/// <summary>Who a valid key belongs to.</summary>
public sealed record ApiKeyOwner(string UserName, string Role, long KeyId);

/// <summary>Creates, lists, revokes and checks API keys: 32 random bytes, stored only as their SHA-256.</summary>
public sealed class ApiKeyStore(MonitorStore store, TimeProvider clock)
{
    public const string KeyPrefix = "mk_";
    private const int PrefixLength = 10;

    /// <summary>Longest label accepted (page and API).</summary>
    public const int MaxLabelLength = 80;

    public CreatedApiKey Create(string userName, string label)
    {
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        label = string.IsNullOrWhiteSpace(label) ? "key" : label.Trim();
        if (label.Length > MaxLabelLength) throw new ArgumentException($"label: at most {MaxLabelLength} characters", nameof(label));
        return store.InTransaction((connection, transaction) =>
        {
            var id = MonitorStore.NextId(connection, "api_key_seq");
            Sql.Execute(connection, transaction, "INSERT INTO api_keys (key_id, user_name, label, prefix, key_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                id, userName, label, key[..PrefixLength], Hash(key), Now());
            return new CreatedApiKey(id, label, key[..PrefixLength], key);
        });
    }

    public IReadOnlyList<ApiKeyInfo> List(string userName)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_id, label, prefix, created_at, revoked_at FROM api_keys WHERE user_name = $1 ORDER BY key_id";
        command.Parameters.Add(new DuckDBParameter(userName));
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKeyInfo>();
        while (reader.Read())
            keys.Add(new ApiKeyInfo(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3), reader.IsDBNull(4) ? null : reader.GetDateTime(4)));
        return keys;
    }

    /// <summary>Revokes one of the user's keys; false when the user has no such live key.</summary>
    public bool Revoke(string userName, long keyId)
    {
        using var connection = store.Open();
        return Sql.Execute(connection, null, "UPDATE api_keys SET revoked_at = $1 WHERE key_id = $2 AND user_name = $3 AND revoked_at IS NULL", Now(), keyId, userName) == 1;
    }

    /// <summary>The owner of a live key whose user is enabled, or null.</summary>
    public ApiKeyOwner? Authenticate(string key)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 100) return null;
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.user_name, u.role, k.key_id FROM api_keys k JOIN users u ON u.user_name = k.user_name
            WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND NOT u.disabled
            """;
        command.Parameters.Add(new DuckDBParameter(Hash(key)));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ApiKeyOwner(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
