using Monitor.Testing;
using Microsoft.Playwright;

namespace Monitor.Web.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright (no browser download); tests are skipped, saying why, without it.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("MONITOR_CHROMIUM") is { Length: > 0 } configured ? configured : ChromiumPath;
        if (!File.Exists(path)) CiRequirement.Missing($"Chromium is not installed at {path} (apt-get install -y chromium; .ci/run installs it)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Arguments });
        return (playwright, browser);
    }

    /// <summary>A fresh page (own cookies) signed in through the form.</summary>
    public static async Task<IPage> SignedInPage(IBrowser browser, Uri address, string user, string password, int width = 1280, int height = 900,
        string language = "zh")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        // Start in a known language whatever an earlier test left on the user's account.
        await context.AddCookiesAsync([new Cookie { Name = Monitor.Web.Localization.Language.Cookie, Value = language, Url = address.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        return page;
    }
}
