using System.Security.Claims;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Enterprises.Access;

namespace Monitor.Web.Security.Oidc;

/// <summary>
/// Turns an identity the organisation's provider vouched for into a Monitor account, at every sign-in: creates the
/// account on first sign-in (no local password), sets its role from the provider's groups (so a change there takes
/// effect at the next sign-in), and refuses — with the reason in the audit log — a missing user name, a name held by a
/// local password account, an account disabled in Monitor, and groups that map to no role.
/// </summary>
public sealed class ExternalAccounts(UserStore users, IAuditLog audit, IOptions<OidcOptions> options, EnterpriseScopes scopes)
{
    /// <summary>Who "granted" the enterprise scopes that follow the provider's claim (admins' own grants are left alone).</summary>
    public const string ScopeGrantor = "oidc";

    /// <summary>Signs <paramref name="external"/> in: the account, or null and the reason it was refused.</summary>
    /// <param name="address">The client's address, for the audit log.</param>
    /// <param name="target">The request ("GET /signin-oidc"), for the audit log.</param>
    public ExternalSignIn SignIn(ClaimsPrincipal external, string? address, string target)
    {
        var settings = options.Value;
        var name = external.FindFirstValue(settings.UserNameClaim)?.Trim();
        var groups = external.FindAll(settings.RoleClaim).Select(c => c.Value).ToList();
        var actor = new AuditActor(string.IsNullOrEmpty(name) ? "-" : name, OidcOptions.Scheme, address);
        var existing = string.IsNullOrEmpty(name) ? null : users.Find(name);
        var role = settings.RoleFor(groups);
        var refusal = string.IsNullOrEmpty(name) ? $"the identity provider sent no '{settings.UserNameClaim}' claim"
            : existing is not null && !users.IsExternal(name) ? "a local account with a password has this name; organisation sign-in does not take it over"
            : existing is { Disabled: true } ? "the account is disabled in Monitor"
            : role is null ? $"no group in '{settings.RoleClaim}' maps to a Monitor role (groups: {(groups.Count == 0 ? "none" : string.Join(", ", groups))})"
            : null;
        if (refusal is not null)
        {
            audit.Write(new AuditEntry(actor, AuditActions.SignIn, target, Outcome: AuditOutcome.Denied, Detail: refusal));
            return new ExternalSignIn(null, refusal);
        }
        Provision(actor, target, name!, role!, existing, external.FindFirstValue("name"));
        if (settings.EnterpriseScopeClaim is { Length: > 0 } scopeClaim) FollowScopes(actor, target, name!, external.FindAll(scopeClaim).Select(c => c.Value.Trim()));
        audit.Write(new AuditEntry(actor, AuditActions.SignIn, target, Detail: $"role {role} from the identity provider"));
        return new ExternalSignIn(users.Find(name!), null);
    }

    private void Provision(AuditActor actor, string target, string name, string role, MonitorUser? existing, string? displayName)
    {
        if (existing is null)
        {
            users.CreateExternal(name, role, displayName);
            audit.Write(new AuditEntry(actor, AuditActions.UserCreate, target, $"user={name} role={role}", Detail: "first organisation sign-in"));
        }
        else if (existing.Role != role)
        {
            // Rotates the stamp too: the user's sessions opened under the old role end at their next request.
            users.SetRole(name, role);
            audit.Write(new AuditEntry(actor, AuditActions.RoleChange, target, $"user={name} role={role}",
                Detail: $"{existing.Role} -> {role} (groups at the identity provider)"));
        }
    }

    /// <summary>Makes the scopes granted by sign-in equal the claim's valid codes; codes that are not GB/T 2260 divisions are named and skipped.</summary>
    private void FollowScopes(AuditActor actor, string target, string name, IEnumerable<string> claimed)
    {
        var wanted = claimed.Where(c => EnterpriseScopes.ScopeProblem(c) is null).ToHashSet(StringComparer.Ordinal);
        var invalid = claimed.Where(c => EnterpriseScopes.ScopeProblem(c) is not null).ToList();
        var all = scopes.All().Where(g => g.User == name).ToList();
        var held = all.Where(g => g.GrantedBy == ScopeGrantor).Select(g => g.Prefix).ToHashSet(StringComparer.Ordinal);
        var granted = wanted.Except(all.Select(g => g.Prefix)).ToList();
        var revoked = held.Except(wanted).ToList();
        foreach (var prefix in granted) scopes.Grant(name, prefix, ScopeGrantor);
        foreach (var prefix in revoked) scopes.Revoke(name, prefix);
        if (granted.Count + revoked.Count + invalid.Count == 0) return;
        audit.Write(new AuditEntry(actor, AuditActions.ScopeChange, target, $"user={name}",
            Detail: $"granted [{string.Join(", ", granted)}] revoked [{string.Join(", ", revoked)}] from the identity provider"
                    + (invalid.Count > 0 ? $"; ignored codes that are not provinces or cities: {string.Join(", ", invalid)}" : "")));
    }
}

/// <summary>The outcome of an organisation sign-in: the account, or null and why it was refused.</summary>
public sealed record ExternalSignIn(MonitorUser? User, string? Refusal);
