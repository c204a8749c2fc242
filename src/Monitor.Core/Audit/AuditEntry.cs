namespace Monitor.Core.Audit;

/// <summary>Who did something: the user (for an API key, its owner), how they came in, and from where.</summary>
public sealed record AuditActor(string Name, string Via, string? Address = null)
{
    /// <summary>Nobody known (a failed sign-in of an unknown name still names what was typed, not this).</summary>
    public static AuditActor Anonymous(string? address = null) => new("-", "anonymous", address);

    /// <summary>A command-line verb run by the operating-system user of the shell.</summary>
    public static AuditActor Cli() => new(Environment.UserName is { Length: > 0 } name ? name : "-", "cli");

    /// <summary>The host itself (first admin, scheduled jobs).</summary>
    public static AuditActor System { get; } = new("system", "system");
}

/// <summary>One audited act, as written. <see cref="Target"/> is the route or CLI verb; <see cref="Parameters"/> the filter.</summary>
public sealed record AuditEntry(
    AuditActor Actor,
    string Action,
    string Target,
    string? Parameters = null,
    long? Rows = null,
    string Outcome = AuditOutcome.Success,
    string? Detail = null);

/// <summary>A stored row of the audit log.</summary>
public sealed record AuditRecord(
    long Id, DateTime OccurredAt, string Actor, string Via, string? Address, string Action, string Target,
    string? Parameters, long? Rows, string Outcome, string? Detail);

/// <summary>Outcomes: it happened, it failed (error or bad input), or it was refused (not allowed, wrong password, locked).</summary>
public static class AuditOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";

    public static readonly IReadOnlyList<string> All = [Success, Failure, Denied];
}

/// <summary>The actions modules write; a module may add its own (lower-case, hyphenated).</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string UserCreate = "user-create";
    public const string RoleChange = "role-change";
    public const string ScopeChange = "scope-change";
    public const string PasswordChange = "password-change";
    public const string UserDisable = "user-disable";
    public const string UserEnable = "user-enable";
    public const string KeyCreate = "key-create";
    public const string KeyRevoke = "key-revoke";
    public const string Export = "export";
    public const string Upload = "upload";
    public const string EnterpriseRead = "enterprise-read";
    public const string Query = "query";
    public const string AuditRead = "audit-read";
    public const string IndicatorSetSave = "indicator-set-save";
}
