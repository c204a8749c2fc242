using Monitor.Core;
using Monitor.Core.Store;
using Monitor.Present.Export;
using Monitor.Web.Api.Endpoints;
using Monitor.Web.Api.Keys;
using Monitor.Web.Security;
using Monitor.Web.Security.Audit;
using Scalar.AspNetCore;

namespace Monitor.Web.Api;

/// <summary>The analysts' HTTP API under /api/v1: services (AddMonitorApi) and routes, OpenAPI and its browsable docs (MapMonitorApi).</summary>
public static class ApiExtensions
{
    public const string OpenApiPattern = "/api/openapi/{documentName}.json";
    public const string DocsPath = "/api/docs";

    /// <summary>Scalar's page starts itself with an inline module script and inline styles; nothing leaves the host.</summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddMonitorApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMonitorExport(configuration);
        services.AddSchema([ApiSchema()]);
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiRows>();
        services.AddSingleton<NowcastExport>();
        services.AddApiAuthentication();
        services.AddProblemDetails();
        // A body or parameter that cannot be read throws, so that UnreadableRequests answers with a problem, not an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Monitor API";
            document.Info.Description = "Series, observations with vintages, forecasts, warnings and exports of the Monitor early-warning platform. " +
                "Authenticate with an X-Api-Key header (keys are created on the dashboard's API keys page) or a dashboard sign-in.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication MapMonitorApi(this WebApplication app)
    {
        app.Use(UnreadableRequests);
        app.Use(CrossSiteWrites.Check);
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiAuthentication.Require(Policies.Read)).WithTags("v1");
        api.MapCatalogue();
        api.MapForecasts();
        api.MapWarnings();
        api.MapNowcasts();
        api.MapScale();
        api.MapExports();
        api.MapApiKeys();
        api.MapAudit();
        api.MapEnterprises();
        api.MapBackup();
        app.MapOpenApi(OpenApiPattern).RequireAuthorization(ApiAuthentication.Require(Policies.Read));
        // Runs after the dashboard's security headers (registered earlier) and relaxes them for the docs page only.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(DocsPath)) context.Response.Headers.ContentSecurityPolicy = DocsContentSecurityPolicy;
            await next(context);
        });
        app.MapScalarApiReference(DocsPath, options => options.WithTitle("Monitor API").WithOpenApiRoutePattern(OpenApiPattern).DisableDefaultFonts())
            .RequireAuthorization(ApiAuthentication.Require(Policies.Read));
        return app;
    }

    /// <summary>
    /// A request the API cannot read (malformed JSON, a value of the wrong type) gets a 400 problem that says what and
    /// where (the JSON reader's path, line and byte position), instead of the framework's empty 400.
    /// </summary>
    private static async Task UnreadableRequests(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var reason = ex.InnerException is System.Text.Json.JsonException json ? $"{ex.Message} {json.Message}" : ex.Message;
            await ApiProblems.Write(context, ex.StatusCode, "the request could not be read", reason);
        }
    }

    /// <summary>The API's own table (api_keys), module "api"; read by name so other scripts of this assembly never mix in.</summary>
    private static SchemaScript ApiSchema()
    {
        var assembly = typeof(ApiExtensions).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Api.Schema.001_api_keys.sql", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return new SchemaScript("api", 1, reader.ReadToEnd());
    }
}
