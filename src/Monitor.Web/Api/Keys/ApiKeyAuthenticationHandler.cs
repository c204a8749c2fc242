using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Monitor.Web.Api.Keys;

/// <summary>Authenticates a request by its <c>X-Api-Key</c> header; answers 401/403 as problem details, never a redirect.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return Task.FromResult(AuthenticateResult.NoResult());
        var owner = keys.Authenticate(values.ToString().Trim());
        if (owner is null) return Task.FromResult(AuthenticateResult.Fail("unknown or revoked API key"));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, owner.UserName), new Claim(ClaimTypes.Role, owner.Role),
             new Claim(Security.Audit.HttpAudit.KeyIdClaim, owner.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture))], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
        var detail = Request.Headers.ContainsKey(Header)
            ? "the API key is unknown or has been revoked"
            : $"sign in, or send an API key in the {Header} header (create one on the API keys page)";
        return ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "not authenticated", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "forbidden", "your role may not use this endpoint (exports and API keys need the analyst role)");
}
