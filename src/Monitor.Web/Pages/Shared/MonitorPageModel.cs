using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Present.Charts;
using Monitor.Web.Localization;

namespace Monitor.Web.Pages.Shared;

/// <summary>Base of every dashboard page: the reader's language and the words for lights.</summary>
public abstract class MonitorPageModel : PageModel
{
    public string Lang => Language.Of(HttpContext);

    public bool Zh => Lang == Language.Chinese;

    public string T(string zh, string en) => Zh ? zh : en;

    public string LightName(string? colour) => ChartPalette.LightName(colour, Lang);

    /// <summary>A series name in the reader's language (English when there is no Chinese name).</summary>
    public string Name(string name, string? nameZh) => Zh && !string.IsNullOrWhiteSpace(nameZh) ? nameZh! : name;

    public string FrequencyName(Monitor.Core.Domain.Frequency frequency) => frequency switch
    {
        Monitor.Core.Domain.Frequency.Daily => T("日度", "daily"),
        Monitor.Core.Domain.Frequency.Weekly => T("周度", "weekly"),
        Monitor.Core.Domain.Frequency.Monthly => T("月度", "monthly"),
        Monitor.Core.Domain.Frequency.Quarterly => T("季度", "quarterly"),
        Monitor.Core.Domain.Frequency.TenDay => T("旬度", "ten-day"),
        Monitor.Core.Domain.Frequency.HalfYearly => T("半年度", "half-yearly"),
        _ => T("年度", "annual"),
    };

    public static string Format(double? value) =>
        value is { } v ? v.ToString(Math.Abs(v) >= 1000 ? "N0" : "0.##", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
