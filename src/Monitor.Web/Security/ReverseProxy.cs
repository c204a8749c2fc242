using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Monitor.Web.Security;

/// <summary>
/// Running behind a reverse proxy that terminates HTTPS (docs/deploy.md): X-Forwarded-For and X-Forwarded-Proto are
/// honoured only from trusted proxies (ReverseProxy:KnownProxies / ReverseProxy:KnownNetworks; by default the loopback
/// range, i.e. a proxy on the same machine), so a request that reached the proxy over https is https here. Then cookies
/// are marked Secure and HSTS is sent. Headers from any other address are ignored: a client cannot claim https or
/// another address (which the sign-in rate limit and the audit log use).
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddMonitorReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Addresses(configuration.GetSection($"{Section}:KnownProxies"), IPAddress.Parse);
        var networks = Addresses(configuration.GetSection($"{Section}:KnownNetworks"), IPNetwork.Parse);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Configured proxies replace the loopback default: trusting loopback as well would let any local process lie.
            if (proxies.Count + networks.Count == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        // The anti-forgery and TempData cookies default to never Secure; like the sign-in cookie they follow the request.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(options =>
        {
            options.MaxAge = configuration.GetValue($"{Section}:HstsMaxAge", TimeSpan.FromDays(365));
            // Only https requests get the header, and only a proxy makes them https; the host name is the proxy's.
            options.ExcludedHosts.Clear();
        });
        return services;
    }

    /// <summary>First in the pipeline: the scheme and client address are settled before anything reads them.</summary>
    public static IApplicationBuilder UseMonitorReverseProxy(this IApplicationBuilder app) => app.UseForwardedHeaders().UseHsts();

    private static List<T> Addresses<T>(IConfigurationSection section, Func<string, T> parse) =>
        section.GetChildren().Select(c => c.Value).Concat([section.Value])
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Select(parse).ToList();
}
