using System.Security.Cryptography;
using System.Text;
using Monitor.Present.Charts;

namespace Monitor.Web.Charts;

/// <summary>The version of every chart resource: a short hash of the store change token, so a new stamp means a new URL.</summary>
public sealed class ChartVersion(StoreChangeToken changes)
{
    /// <summary>Headline cards are drawn at one size: the resource accepts no size, so strangers to the page cannot fill the cache.</summary>
    public static readonly (int Width, int Height) CardSize = (480, 260);

    public string Current() => Hash(changes.Current());

    /// <summary>The versioned, cacheable URL of one series' card chart in a language.</summary>
    public string CardUrl(string seriesId, string language) =>
        $"/charts/series/{Uri.EscapeDataString(seriesId)}.svg?lang={Localization.Language.Normalise(language)}&v={Current()}";

    private static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 8));
}
