namespace Monitor.Present.Charts;

/// <summary>Makes ScottPlot's SVG document embeddable in an HTML page (no XML declaration, scales with its box, unique ids).</summary>
internal static class SvgText
{
    private static long _charts;

    public static string Inline(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = start > 0 ? svg[start..] : svg;
        // Every ScottPlot SVG names its clip paths cl_1, cl_2 …; on a page of many charts the ids must not collide.
        var prefix = "c" + Interlocked.Increment(ref _charts).ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";
        body = body.Replace("id=\"", "id=\"" + prefix, StringComparison.Ordinal).Replace("url(#", "url(#" + prefix, StringComparison.Ordinal);
        // A viewBox lets CSS size the chart while keeping its proportions.
        var widthAt = body.IndexOf(" width=\"", StringComparison.Ordinal);
        var heightAt = body.IndexOf(" height=\"", StringComparison.Ordinal);
        if (widthAt < 0 || heightAt < 0 || body.Contains("viewBox", StringComparison.Ordinal)) return body;
        var width = Attribute(body, widthAt + 8);
        var height = Attribute(body, heightAt + 9);
        return body.Insert(4, $" viewBox=\"0 0 {width} {height}\" role=\"img\"");
    }

    private static string Attribute(string text, int from) => text[from..text.IndexOf('"', from)];
}
