namespace Monitor.Web.Security.Oidc;

/// <summary>
/// Organisation sign-in (统一身份认证) through OpenID Connect, from <c>Authentication:Oidc</c>. Off unless both
/// <see cref="Authority"/> and <see cref="ClientId"/> are set; the client secret comes from the environment or a secrets
/// file, never from the repository.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The authentication scheme name of organisation sign-in.</summary>
    public const string Scheme = "oidc";

    /// <summary>The identity provider's issuer URL (its discovery document is at /.well-known/openid-configuration).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for; empty means "openid profile groups".</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>The claim that becomes the Monitor user name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>The claim listing the user's groups (or roles) at the identity provider.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>Monitor role (admin, analyst, planner) to the groups that grant it; the highest role granted wins.</summary>
    public Dictionary<string, string[]> Roles { get; set; } = [];

    /// <summary>
    /// Optional claim listing GB/T 2260 province or city codes whose firms the user may read; when set, the user's
    /// enterprise scopes granted by sign-in follow it (scopes an admin granted by hand are left alone).
    /// </summary>
    public string? EnterpriseScopeClaim { get; set; }

    /// <summary>The sign-in button's label.</summary>
    public string DisplayName { get; set; } = "统一身份认证";

    /// <summary>Where the identity provider sends the browser back to; register this URL (with the host's address) there.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>
    /// Require HTTPS for the provider's metadata and keep the sign-in cookies Secure. Turn off only for a provider on
    /// the loopback interface (development, tests): then the provider answers with a query redirect and the cookies
    /// are Lax and follow the request's scheme.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The scopes to ask for (<see cref="Scopes"/>, or the defaults when none are configured).</summary>
    public IReadOnlyList<string> EffectiveScopes => Scopes.Length > 0 ? Scopes : ["openid", "profile", "groups"];

    /// <summary>What is wrong with an enabled configuration, or null: a bad authority, plain HTTP off loopback, unknown role names, or no group mapped at all.</summary>
    public string? Problem()
    {
        if (!Enabled) return null;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)) return $"{Section}:Authority: '{Authority}' is not an absolute URL";
        // Plain HTTP would let anyone on the path read codes and forge the provider's keys: only the machine itself is exempt.
        if (!RequireHttps && !authority.IsLoopback) return $"{Section}:RequireHttps=false is only for a provider on the loopback interface, not {authority.Host}";
        if (Roles.Keys.FirstOrDefault(r => !Security.Roles.All.Contains(r)) is { } unknown)
            return $"{Section}:Roles:{unknown}: unknown role (use {string.Join(", ", Security.Roles.All)})";
        return Roles.Values.Any(groups => groups.Any(g => !string.IsNullOrWhiteSpace(g)))
            ? null
            : $"{Section}:Roles maps no group to a role, so nobody could sign in (e.g. {Section}:Roles:admin:0 = monitor-admins)";
    }

    /// <summary>The highest Monitor role any of <paramref name="groups"/> grants, or null when none does.</summary>
    public string? RoleFor(IEnumerable<string> groups)
    {
        var held = groups.ToHashSet(StringComparer.Ordinal);
        return Security.Roles.All.Reverse().FirstOrDefault(role => Roles.TryGetValue(role, out var granting) && granting.Any(held.Contains));
    }
}
