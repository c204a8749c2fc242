namespace Monitor.Present.Charts;

/// <summary>Makes ScottPlot's SVG document embeddable in an HTML page (no XML declaration, scales with its box).</summary>
internal static class SvgText
{
    public static string Inline(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = start > 0 ? svg[start..] : svg;
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
