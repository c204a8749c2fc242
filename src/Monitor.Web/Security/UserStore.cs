using DuckDB.NET.Data;
using Microsoft.AspNetCore.Identity;
using Monitor.Core.Store;

namespace Monitor.Web.Security;

/// <summary>Reads and writes dashboard users; passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class UserStore(MonitorStore store)
{
    private const string Columns = "user_name, role, display_name, language, disabled, created_at";
    private readonly PasswordHasher<MonitorUser> _hasher = new();

    public IReadOnlyList<MonitorUser> All()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM users ORDER BY user_name";
        return Read(command);
    }

    public MonitorUser? Find(string userName)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM users WHERE user_name = $1";
        command.Parameters.Add(new DuckDBParameter(userName));
        return Read(command).FirstOrDefault();
    }

    public bool AnyAdmin()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The user when the name and password match an enabled account; null otherwise.</summary>
    public MonitorUser? Verify(string userName, string password)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM users WHERE user_name = $1 AND NOT disabled";
        command.Parameters.Add(new DuckDBParameter(userName));
        if (command.ExecuteScalar() is not string hash) return null;
        var user = Find(userName)!;
        return _hasher.VerifyHashedPassword(user, hash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    public void Create(string userName, string password, string role, string? displayName, string language = "zh")
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        var user = new MonitorUser(userName, role, displayName, language, false, DateTime.UtcNow);
        Execute("INSERT INTO users (user_name, password_hash, role, display_name, language) VALUES ($1, $2, $3, $4, $5)",
            userName, _hasher.HashPassword(user, password), role, displayName ?? (object)DBNull.Value, language);
    }

    public void SetPassword(string userName, string password) =>
        Execute("UPDATE users SET password_hash = $2 WHERE user_name = $1", userName, _hasher.HashPassword(Find(userName)!, password));

    public void SetRole(string userName, string role)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        Execute("UPDATE users SET role = $2 WHERE user_name = $1", userName, role);
    }

    public void SetDisabled(string userName, bool disabled) => Execute("UPDATE users SET disabled = $2 WHERE user_name = $1", userName, disabled);

    public void SetLanguage(string userName, string language) => Execute("UPDATE users SET language = $2 WHERE user_name = $1", userName, language);

    private void Execute(string sql, params object[] values)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }

    private static List<MonitorUser> Read(DuckDBCommand command)
    {
        var result = new List<MonitorUser>();
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            result.Add(new MonitorUser(row.GetString(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2),
                row.GetString(3), row.GetBoolean(4), row.GetDateTime(5)));
        }
        return result;
    }
}
