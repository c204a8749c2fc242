using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Monitor.Present.Charts;

namespace Monitor.Web.Pages.Shared;

/// <summary>A signal light as a badge: its colour class, its name and its points (never the colour alone).</summary>
public static class LightBadge
{
    /// <summary>Cheaper than a partial view, which matters on the overview's many badges.</summary>
    public static IHtmlContent Render(string? colour, int? points, string language)
    {
        var name = HtmlEncoder.Default.Encode(ChartPalette.LightName(colour, language));
        if (colour is null) return new HtmlString($"<span class=\"light light-none\">{name}</span>");
        var css = HtmlEncoder.Default.Encode(colour);
        return new HtmlString($"<span class=\"light light-{css}\" title=\"{name}\">{name} {points}</span>");
    }
}
