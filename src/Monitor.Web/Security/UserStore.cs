using System.Security.Cryptography;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;

namespace Monitor.Web.Security;

/// <summary>
/// Reads and writes dashboard users; passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher. Every change of
/// access (role, password, disabling) gives the user a new security stamp, which ends their existing sessions. Failed
/// sign-ins count per account and pause it with back-off (<see cref="LockoutOptions"/>).
/// </summary>
public sealed class UserStore(MonitorStore store, TimeProvider clock, IOptions<LockoutOptions>? lockout = null)
{
    private readonly LockoutOptions _lockout = lockout?.Value ?? new LockoutOptions();

    /// <summary>The password hash of an account that signs in only through the organisation's identity provider.</summary>
    public const string NoPassword = "!external";

    private const string Columns = "user_name, role, display_name, language, disabled, created_at";

    /// <summary><see cref="Columns"/> of the users table aliased "u", for queries that join it.</summary>
    private static readonly string UserColumns = string.Join(", ", Columns.Split(", ").Select(c => "u." + c));
    private readonly PasswordHasher<MonitorUser> _hasher = new();

    /// <summary>A hash of a random password, verified when the name is unknown so that unknown names cost as much as known ones.</summary>
    private readonly Lazy<string> _dummyHash = new(() =>
        new PasswordHasher<MonitorUser>().HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

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

    /// <summary>
    /// The user when the name and password match an enabled account that is not paused; null otherwise. The same PBKDF2
    /// work is done for an unknown name, a disabled, paused or external account (against a dummy hash), so timing does not
    /// tell them apart.
    /// </summary>
    public MonitorUser? Verify(string userName, string password) => SignIn(userName, password).User;

    /// <summary>
    /// <see cref="Verify"/>, counting the outcome: a failure on a known account adds to its failures in a row (pausing it
    /// at the threshold), a success clears them. A paused account is refused even with the right password, and its
    /// failures are not counted while paused.
    /// </summary>
    public SignInCheck SignIn(string userName, string password)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = Credentials(userName);
        var pausedUntil = found?.LockedUntil is { } until && until > now ? until : (DateTime?)null;
        var usable = found is { User.Disabled: false } && found.Value.Hash != NoPassword && pausedUntil is null;
        var verified = _hasher.VerifyHashedPassword(found?.User!, usable ? found!.Value.Hash : _dummyHash.Value, password) != PasswordVerificationResult.Failed;
        if (usable && verified)
        {
            if (found!.Value.Failures > 0) ClearFailures(userName);
            return new SignInCheck(found.Value.User, null);
        }
        if (found is { } account && pausedUntil is null) pausedUntil = RecordFailure(userName, account.Failures + 1, now);
        return new SignInCheck(null, pausedUntil);
    }

    private (MonitorUser User, string Hash, int Failures, DateTime? LockedUntil)? Credentials(string userName)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {UserColumns}, u.password_hash, coalesce(s.failed_count, 0), s.locked_until
            FROM users u LEFT JOIN user_security s USING (user_name) WHERE u.user_name = $1
            """;
        command.Parameters.Add(new DuckDBParameter(userName));
        using var row = command.ExecuteReader();
        return row.Read() ? (ReadUser(row), row.GetString(6), row.GetInt32(7), row.IsDBNull(8) ? null : row.GetDateTime(8)) : null;
    }

    /// <summary>Stores the failures in a row and, at the threshold, the end of the pause; returns that end when paused now.</summary>
    private DateTime? RecordFailure(string userName, int failures, DateTime now)
    {
        Stamp(userName);
        var pause = _lockout.PauseAfter(failures);
        DateTime? until = pause > TimeSpan.Zero ? now + pause : null;
        Execute(null, "UPDATE user_security SET failed_count = $2, locked_until = $3 WHERE user_name = $1", userName, failures, until ?? (object)DBNull.Value);
        return until;
    }

    private void ClearFailures(string userName) =>
        Execute(null, "UPDATE user_security SET failed_count = 0, locked_until = NULL WHERE user_name = $1", userName);

    /// <summary>Adds a local account; the password must pass <see cref="PasswordPolicy"/> (callers show its reason first).</summary>
    public void Create(string userName, string password, string role, string? displayName, string language = "zh")
    {
        PasswordPolicy.Require(userName, password);
        Insert(userName, _hasher.HashPassword(null!, password), role, displayName, language);
    }

    /// <summary>Adds an account that has no local password (it signs in through OpenID Connect).</summary>
    public void CreateExternal(string userName, string role, string? displayName) => Insert(userName, NoPassword, role, displayName, "zh");

    /// <summary>True when the account exists and has no local password (it was made by organisation sign-in).</summary>
    public bool IsExternal(string userName) => Credentials(userName)?.Hash == NoPassword;

    /// <summary>The names of the accounts without a local password (made by organisation sign-in), for the Users page.</summary>
    public IReadOnlySet<string> ExternalNames()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name FROM users WHERE password_hash = $1";
        command.Parameters.Add(new DuckDBParameter(NoPassword));
        using var row = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (row.Read()) names.Add(row.GetString(0));
        return names;
    }

    /// <summary>Sets a new password (ending the user's sessions) and lifts a pause: an admin's reset is how a locked-out user gets back in at once.</summary>
    public void SetPassword(string userName, string password)
    {
        PasswordPolicy.Require(userName, password);
        ChangeAccess("UPDATE users SET password_hash = $2 WHERE user_name = $1", userName, _hasher.HashPassword(Find(userName)!, password));
        ClearFailures(userName);
    }

    public void SetRole(string userName, string role)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        ChangeAccess("UPDATE users SET role = $2 WHERE user_name = $1", userName, role);
    }

    public void SetDisabled(string userName, bool disabled) => ChangeAccess("UPDATE users SET disabled = $2 WHERE user_name = $1", userName, disabled);

    public void SetLanguage(string userName, string language) => Execute(null, "UPDATE users SET language = $2 WHERE user_name = $1", userName, language);

    /// <summary>The user's current security stamp (one is made on first use).</summary>
    public string Stamp(string userName)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stamp FROM user_security WHERE user_name = $1";
        command.Parameters.Add(new DuckDBParameter(userName));
        return command.ExecuteScalar() as string ?? RotateStamp(userName);
    }

    /// <summary>Gives the user a new stamp: every session opened before now ends at its next request.</summary>
    public string RotateStamp(string userName) => store.InTransaction((connection, transaction) => Rotate(connection, transaction, userName));

    /// <summary>The user and their stamp, for checking a session on each request; null when the account is gone.</summary>
    public (MonitorUser User, string? Stamp)? Session(string userName)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {UserColumns}, s.stamp FROM users u LEFT JOIN user_security s USING (user_name) WHERE u.user_name = $1";
        command.Parameters.Add(new DuckDBParameter(userName));
        using var row = command.ExecuteReader();
        return row.Read() ? (ReadUser(row), row.IsDBNull(6) ? null : row.GetString(6)) : null;
    }

    private void Insert(string userName, string hash, string role, string? displayName, string language)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        Execute(null, "INSERT INTO users (user_name, password_hash, role, display_name, language) VALUES ($1, $2, $3, $4, $5)",
            userName, hash, role, displayName ?? (object)DBNull.Value, language);
    }

    /// <summary>Changes the account and its stamp together: either both land or neither does.</summary>
    private void ChangeAccess(string sql, params object[] values) =>
        store.InTransaction((connection, transaction) =>
        {
            Execute((connection, transaction), sql, values);
            return Rotate(connection, transaction, (string)values[0]);
        });

    private string Rotate(DuckDBConnection connection, DuckDBTransaction transaction, string userName)
    {
        var stamp = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Execute((connection, transaction), """
            INSERT INTO user_security (user_name, stamp, stamped_at) VALUES ($1, $2, $3)
            ON CONFLICT (user_name) DO UPDATE SET stamp = excluded.stamp, stamped_at = excluded.stamped_at
            """, userName, stamp, clock.GetUtcNow().UtcDateTime);
        return stamp;
    }

    private void Execute((DuckDBConnection Connection, DuckDBTransaction Transaction)? within, string sql, params object[] values)
    {
        using var owned = within is null ? store.Open() : null;
        using var command = (within?.Connection ?? owned!).CreateCommand();
        command.Transaction = within?.Transaction;
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }

    private static List<MonitorUser> Read(DuckDBCommand command)
    {
        var result = new List<MonitorUser>();
        using var row = command.ExecuteReader();
        while (row.Read()) result.Add(ReadUser(row));
        return result;
    }

    private static MonitorUser ReadUser(System.Data.IDataRecord row) =>
        new(row.GetString(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetString(3), row.GetBoolean(4), row.GetDateTime(5));
}

/// <summary>The outcome of a sign-in check: the user, or null with the end of the account's pause when it is paused.</summary>
public sealed record SignInCheck(MonitorUser? User, DateTime? PausedUntil);
