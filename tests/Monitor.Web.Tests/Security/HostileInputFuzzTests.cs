using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Present.Export;
using Monitor.Web.Api.Endpoints;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

/// <summary>
/// Issue #16: "series=%01" made every XLSX export answer 500. Every GET route of the host (pages, API, charts), and every
/// export format on the API and the Exports page, is called with hostile values in every filter, and none may answer 5xx.
/// </summary>
[TestClass]
public sealed partial class HostileInputFuzzTests
{
    /// <summary>Already URL-encoded: control characters, a non-character, invalid UTF-8, injection, a long and odd numbers.</summary>
    private static readonly string[] Values =
    [
        "%01", "%00", "%1F", "%EF%BF%BE", "%ED%A0%80", "%FF", "a%0D%0Ab", "%27%3B%20DROP%20TABLE%20series%3B--", "%3Cscript%3E",
        "..%2F..%2Fetc%2Fpasswd", "-1", "99999999999999999999999", "NaN", "2026-13-45", "", new string('x', 2000),
    ];

    /// <summary>Filter names the pages and the API read (one list: an unknown name is ignored or refused with a 400).</summary>
    private static readonly string[] Names =
    [
        "domain", "region", "industry", "series", "run", "as_of", "asOf", "format", "from", "to", "limit", "offset", "q", "dataset",
        "economy", "group", "index", "period", "quarter", "rule", "table", "target", "action", "actor", "outcome", "severity",
        "state", "select", "orderBy", "id", "code", "page", "date", "vintage", "lang", "kind", "status",
    ];

    [TestMethod]
    public async Task No_GET_route_answers_5xx_to_hostile_values_in_its_path_or_filters()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);
        var failures = new List<string>();

        foreach (var route in GetRoutes(host))
        {
            foreach (var value in Values)
            {
                var path = RouteParameter().Replace(route, value.Length == 0 ? "x" : value);
                // The long value goes in two filters only, so that the request line stays within the server's 8 KB.
                var names = value.Length > 100 ? ["series", "q"] : Names;
                await Check(admin, $"{path}?{string.Join('&', names.Select(n => $"{n}={value}"))}", failures);
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures.Take(20)));
    }

    [TestMethod]
    public async Task No_export_format_answers_5xx_to_hostile_values_in_any_filter_on_the_API_or_the_page()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);
        var failures = new List<string>();

        foreach (var format in Enum.GetNames<ExportFormat>().Select(f => f.ToLowerInvariant()))
        {
            foreach (var name in ExportParameters.Names)
            {
                foreach (var value in Values)
                {
                    await Check(admin, $"/api/v1/exports?format={format}&{name}={value}", failures);
                    await Check(admin, $"/Exports?handler=Download&format={format}&{(name == "as_of" ? "asOf" : name)}={value}", failures);
                }
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures.Take(20)));
    }

    private static async Task Check(HttpClient client, string url, List<string> failures)
    {
        using var response = await client.GetAsync(url);
        if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} GET {Shorten(url)}");
    }

    /// <summary>Route patterns that answer GET; sign-out (it would end the client's session) and the Hangfire dashboard are left out.</summary>
    private static List<string> GetRoutes(RunningHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => !p.Contains("SignOut", StringComparison.OrdinalIgnoreCase) && !p.Contains("hangfire", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Shorten(string url) => url.Length <= 160 ? url : url[..160] + "…";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
