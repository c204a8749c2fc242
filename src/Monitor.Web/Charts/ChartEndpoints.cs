using Microsoft.Net.Http.Headers;
using Monitor.Core.Store;
using Monitor.Present.Charts;
using Monitor.Web.Localization;

namespace Monitor.Web.Charts;

/// <summary>Headline charts as their own SVG resources: rendered server-side and cached, sign-in only, versioned by the store stamp.</summary>
public static class ChartEndpoints
{
    public const string SvgContentType = "image/svg+xml; charset=utf-8";

    /// <summary>Maps GET /charts/series/{id}.svg?lang=zh&amp;v={stamp}; the fallback policy keeps it sign-in only.</summary>
    public static WebApplication MapMonitorCharts(this WebApplication app)
    {
        app.MapGet("/charts/series/{id}.svg", CardSvg);
        return app;
    }

    private static IResult CardSvg(HttpContext context, string id, string? lang, string? v,
        ChartVersion versions, ChartFonts fonts, SeriesReader reader, IChartRenderer charts)
    {
        // Kestrel leaves %2F encoded in the path so that it cannot split segments; an id may still contain a slash.
        var seriesId = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var language = fonts.EffectiveLanguage(Language.Normalise(lang ?? Language.Of(context)));
        var version = versions.Current();
        var etag = new EntityTagHeaderValue($"\"{version}-{language}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        // The versioned URL never changes meaning, so the browser keeps it; any other asks again. Private: charts need sign-in.
        headers.CacheControl = v == version
            ? new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } }
            : new CacheControlHeaderValue { Private = true, NoCache = true };
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        if (reader.Find(seriesId) is null) return Results.NotFound();
        var svg = charts.SeriesSvg(seriesId, new ChartRequest(language, ChartVersion.CardSize.Width, ChartVersion.CardSize.Height));
        return Results.Text(svg, SvgContentType);
    }
}
