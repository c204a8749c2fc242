using System.Globalization;
using System.Net;
using System.Text;

namespace Monitor.Present.Email.Digest;

/// <summary>The HTML part of a digest: a table of changes with their lights, the charts by cid, and the unsubscribe link.</summary>
public static class DigestHtml
{
    public static string Render(IReadOnlyList<DigestEvent> events, DigestContext context)
    {
        var chinese = context.Chinese;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{(chinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\"><title>{E(DigestComposer.Subject(events, chinese))}</title></head>");
        html.Append("<body style=\"font-family:'Microsoft YaHei','PingFang SC',Arial,sans-serif;color:#222;max-width:820px\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(DigestLabels.Heading(chinese))}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(DigestComposer.Summary(events, chinese))}</p>");
        AppendTable(html, events, context);
        foreach (var chart in context.Charts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(chart.Caption)}</h3>");
            html.Append(CultureInfo.InvariantCulture, $"<img src=\"cid:{E(chart.ContentId)}\" alt=\"{E(chart.Caption)}\" width=\"800\" style=\"max-width:100%\">");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(context.DashboardUrl)}\">{E(DigestLabels.OpenDashboard(chinese))}</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#777;font-size:12px\">{E(DigestLabels.Footer(chinese))} <a href=\"{E(context.UnsubscribeUrl)}\">{E(DigestLabels.Unsubscribe(chinese))}</a></p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<DigestEvent> events, DigestContext context)
    {
        var chinese = context.Chinese;
        var (sections, left) = DigestSections.Plan(events, context);
        html.Append("<table cellpadding=\"6\" style=\"border-collapse:collapse;width:100%\">");
        foreach (var section in sections)
        {
            if (section.Heading is { } heading)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"3\" style=\"background:#f1f3f5\"><b>{E(heading)}</b></td></tr>");
            foreach (var e in section.Shown) AppendRow(html, e, context);
            if (section.Hidden > 0)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td></td><td colspan=\"2\"><a href=\"{E(section.Link)}\">… {E(DigestLabels.MoreInGroup(section.Hidden, chinese))}</a></td></tr>");
        }
        html.Append("</table>");
        if (left > 0) html.Append(CultureInfo.InvariantCulture, $"<p>{E(DigestLabels.More(left, chinese))}</p>");
    }

    private static void AppendRow(StringBuilder html, DigestEvent e, DigestContext context)
    {
        var chinese = context.Chinese;
        html.Append("<tr style=\"border-bottom:1px solid #ddd\">");
        html.Append(CultureInfo.InvariantCulture, $"<td><span style=\"display:inline-block;width:14px;height:14px;border-radius:7px;background:{DigestLabels.Swatch(e.Colour)}\"></span></td>");
        html.Append(CultureInfo.InvariantCulture, $"<td><b>{E(DigestLabels.Event(e.Event, chinese))}</b></td>");
        html.Append(CultureInfo.InvariantCulture, $"<td><b>{E(e.DisplayTitle(chinese))}</b><br><span style=\"color:#555\">{E(DigestComposer.Describe(e, context))}</span>");
        if (e.DisplayMessage(chinese) is { Length: > 0 } message) html.Append(CultureInfo.InvariantCulture, $"<br>{E(message)}");
        html.Append("</td></tr>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
