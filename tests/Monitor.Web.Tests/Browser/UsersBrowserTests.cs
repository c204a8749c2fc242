using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Security;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Browser;

[TestClass]
public sealed class UsersBrowserTests
{
    [TestMethod]
    public async Task The_disable_button_disables_and_then_enables_the_user()
    {
        var host = await SharedHost.GetAsync();
        var users = host.Services.GetRequiredService<UserStore>();
        users.Create("switchable", RunningHost.UserPassword, Roles.Planner, null);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await Browser.SignedInPage(browser, host.Address, RunningHost.AdminUser, RunningHost.AdminPassword);
            await page.GotoAsync("/Users");
            var row = page.Locator("#users tbody tr", new() { HasText = "switchable" });

            await row.Locator("form[action*='handler=Disable'] button").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/Users", StringComparison.Ordinal));
            Assert.IsTrue(users.Find("switchable")!.Disabled, "the button disabled the account");
            StringAssert.Contains(await row.Locator("form[action*='handler=Disable'] button").TextContentAsync(), "已停用");

            await row.Locator("form[action*='handler=Disable'] button").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/Users", StringComparison.Ordinal));
            Assert.IsFalse(users.Find("switchable")!.Disabled, "pressed again, it enables the account");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
