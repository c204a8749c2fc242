using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Monitor.Web.Security.Oidc;

/// <summary>Organisation sign-in: the OpenID Connect scheme, registered only when <c>Authentication:Oidc</c> names a provider; it signs in to the dashboard cookie.</summary>
public static class OidcAuthenticationExtensions
{
    public static AuthenticationBuilder AddMonitorOidc(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(OidcOptions.Section);
        builder.Services.AddOptions<OidcOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidation>();
        builder.Services.AddSingleton<ExternalAccounts>();
        var settings = section.Get<OidcOptions>() ?? new OidcOptions();
        return settings.Enabled ? builder.AddOpenIdConnect(OidcOptions.Scheme, settings.DisplayName, options => Configure(options, settings)) : builder;
    }

    private static void Configure(OpenIdConnectOptions options, OidcOptions settings)
    {
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.CallbackPath = settings.CallbackPath;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        // The provider's tokens are not kept: the session is Monitor's own cookie, checked against the store on every request.
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.MapInboundClaims = false;
        options.Scope.Clear();
        foreach (var scope in settings.EffectiveScopes) options.Scope.Add(scope);
        // Providers put groups and the user name in the user-info answer; one claim per group, so arrays are kept whole.
        options.ClaimActions.MapUniqueJsonKey(settings.UserNameClaim, settings.UserNameClaim);
        options.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
        if (settings.EnterpriseScopeClaim is { Length: > 0 } scopeClaim) options.ClaimActions.MapJsonKey(scopeClaim, scopeClaim);
        options.RequireHttpsMetadata = settings.RequireHttps;
        if (!settings.RequireHttps) AllowPlainHttp(options);
        options.Events.OnTicketReceived = OidcEvents.TicketReceivedAsync;
        options.Events.OnRemoteFailure = OidcEvents.RemoteFailureAsync;
    }

    /// <summary>
    /// A provider on loopback over plain HTTP: browsers drop SameSite=None cookies that are not Secure, so the answer
    /// comes back as a top-level GET (query) and the correlation and nonce cookies are Lax and follow the scheme.
    /// </summary>
    private static void AllowPlainHttp(OpenIdConnectOptions options)
    {
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
    }
}

/// <summary>Refuses to start with an organisation sign-in that names unknown roles or maps no group at all.</summary>
internal sealed class OidcOptionsValidation : IValidateOptions<OidcOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
