using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Microsoft.Extensions.WebEncoders;
using Monitor.Present.Charts;
using Monitor.Web.Charts;
using Monitor.Web.Pages.Alerts;
using Monitor.Web.Pages.Data;
using Monitor.Web.Pages.Indicator;
using Monitor.Web.Pages.Industries;
using Monitor.Web.Pages.Overview;
using Monitor.Web.Pages.Regions;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;

namespace Monitor.Web;

/// <summary>The dashboard: Razor Pages, their queries, charts, sign-in and the admin-only job dashboard.</summary>
public static class DashboardExtensions
{
    public static IServiceCollection AddMonitorDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMonitorCharts(configuration);
        services.AddMonitorSecurity(configuration);
        services.AddMonitorReverseProxy(configuration);
        services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Users", Policies.Admin).AuthorizeFolder("/Audit", Policies.Admin).AuthorizeFolder("/Sets", Policies.Admin)
            .AuthorizePage("/Enterprises/Scopes", Policies.Admin).AuthorizePage("/Data/Upload", Policies.Analyst));
        // Chinese text is written as characters, not &#x…; entities (still HTML-encoded where it must be).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<PageCache>();
        services.AddSingleton<ChartVersion>();
        services.AddSingleton<OverviewQuery>();
        services.AddSingleton<IndicatorQuery>();
        services.AddSingleton<RegionsQuery>();
        services.AddSingleton<IndustriesQuery>();
        services.AddSingleton<AlertsQuery>();
        services.AddSingleton<DataQuery>();
        services.AddSingleton<Monitor.Web.Pages.Nowcast.NowcastQuery>();
        return services;
    }

    /// <summary>Middleware in order: forwarded headers and HSTS, headers, static assets (anonymous), routing, rate limit, sign-in, roles, input lengths, anti-forgery.</summary>
    public static WebApplication UseMonitorDashboard(this WebApplication app)
    {
        app.UseMonitorReverseProxy();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseUploadSizeLimit();
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            using (context.RequestServices.GetRequiredService<StoreChangeToken>().Pin()) await next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseInputLimits();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapMonitorDashboard(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapMonitorCharts();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireAdminFilter()],
            DashboardTitle = "Monitor jobs",
            AppPath = "/",
        }).RequireAuthorization(Policies.Admin);
        LogFontStatus(app);
        return app;
    }

    private static void LogFontStatus(WebApplication app)
    {
        var fonts = app.Services.GetRequiredService<ChartFonts>();
        if (!fonts.ChineseAvailable)
            app.Logger.LogWarning("no CJK font found: charts are labelled in English and pages show a notice (install fonts-wqy-microhei)");
    }
}
