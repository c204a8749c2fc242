namespace Monitor.Web.Security;

/// <summary>A row of the users table (the password hash stays in <see cref="UserStore"/>).</summary>
public sealed record MonitorUser(string UserName, string Role, string? DisplayName, string Language, bool Disabled, DateTime CreatedAt);
