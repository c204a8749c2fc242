using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Audit;
using Monitor.Enterprises.Access;
using Monitor.Testing;
using Monitor.Web.Security;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Oidc;

/// <summary>
/// Organisation sign-in end to end against a real OpenID Connect provider on 127.0.0.1: the authorization code flow with
/// the provider's login and consent forms, roles from its groups claim, refusals, and local passwords alongside.
/// </summary>
[TestClass]
public sealed class OidcSignInTests
{
    private static RunningHost? _host;
    private static TestProvider? _provider;
    private static string? _skip;

    private static RunningHost Host => _host!;

    private static TestProvider Provider => _provider ?? (_skip is { } reason ? Skip(reason) : throw new InvalidOperationException("no provider"));

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        var port = TestProvider.FreePort();
        _host = await RunningHost.StartAsync(seeded: false, settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = $"http://127.0.0.1:{port}",
            ["Authentication:Oidc:ClientId"] = TestProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = TestProvider.ClientSecret,
            ["Authentication:Oidc:RequireHttps"] = "false",
            ["Authentication:Oidc:Roles:admin:0"] = "monitor-admins",
            ["Authentication:Oidc:Roles:analyst:0"] = "monitor-analysts",
            ["Authentication:Oidc:Roles:planner:0"] = "monitor-planners",
            ["Authentication:Oidc:Roles:planner:1"] = "staff",
            ["Authentication:Oidc:Scopes:0"] = "openid",
            ["Authentication:Oidc:Scopes:1"] = "profile",
            ["Authentication:Oidc:Scopes:2"] = "groups",
            ["Authentication:Oidc:Scopes:3"] = "regions",
            ["Authentication:Oidc:EnterpriseScopeClaim"] = "regions",
        });
        try
        {
            _provider = await TestProvider.StartAsync(port, new Uri(_host.Address, "/signin-oidc"), _host.Folder);
        }
        catch (AssertInconclusiveException ex)
        {
            _skip = ex.Message;
        }
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        _provider?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }

    [TestMethod]
    public async Task A_member_of_the_admin_group_signs_in_and_opens_admin_pages()
    {
        Provider.SetAccount("alice", ["monitor-admins", "staff"]);

        var (client, landed) = await TestProvider.SignInAsync(Host.Address, "alice");
        using var _ = client;

        Assert.AreEqual("/Data", landed, "back on the page sign-in was started from");
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/Users")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/api/v1/audit")).StatusCode);
        var user = Users.Find("alice")!;
        Assert.AreEqual(Roles.Admin, user.Role, "the highest role among the groups");
        Assert.IsTrue(Users.IsExternal("alice"), "created without a local password");
        var rows = Audit("alice");
        Assert.IsTrue(rows.Any(r => r.Action == AuditActions.SignIn && r.Outcome == AuditOutcome.Success && r.Via == "oidc"), "the sign-in is audited");
        Assert.IsTrue(rows.Any(r => r.Action == AuditActions.UserCreate && r.Via == "oidc"), "the account's creation is audited");
        Assert.IsTrue(rows.Any(r => r.Action == AuditActions.AuditRead && r.Via == "oidc"), "later requests are audited as an organisation session");
    }

    [TestMethod]
    public async Task The_users_page_marks_organisation_accounts_and_gives_them_no_password()
    {
        Provider.SetAccount("hugo", ["monitor-planners"]);
        (await TestProvider.SignInAsync(Host.Address, "hugo")).Client.Dispose();
        using var admin = await Host.SignedInClient(RunningHost.AdminUser);

        var page = await admin.GetStringAsync("/Users");
        using var reset = await RunningHost.PostForm(admin, "/Users", "/Users?handler=Password", new() { ["userName"] = "hugo", ["password"] = "a-long-password-1" });

        StringAssert.Contains(Row(page, "hugo"), "class=\"external\"", "hugo's row says organisation sign-in");
        Assert.IsFalse(Row(page, RunningHost.PlannerUser).Contains("class=\"external\"", StringComparison.Ordinal), "a password account's row does not");
        Assert.AreEqual(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.IsTrue(Users.IsExternal("hugo"), "still an organisation account");
    }

    [TestMethod]
    public async Task A_member_of_only_the_planner_group_gets_a_planner_session()
    {
        Provider.SetAccount("pat", ["monitor-planners", "canteen"]);

        var (client, landed) = await TestProvider.SignInAsync(Host.Address, "pat");
        using var _ = client;

        Assert.AreEqual("/Data", landed);
        Assert.AreEqual(Roles.Planner, Users.Find("pat")!.Role);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
        using var admin = await client.GetAsync("/Users");
        Assert.AreEqual("/Account/Denied", admin.Headers.Location?.AbsolutePath, "the admin page is refused");
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/Data")).StatusCode, "read pages open");
    }

    [TestMethod]
    public async Task A_group_change_at_the_provider_takes_effect_at_the_next_sign_in_and_ends_the_old_session()
    {
        Provider.SetAccount("carol", ["monitor-admins"]);
        var (before, _) = await TestProvider.SignInAsync(Host.Address, "carol");
        using var __ = before;
        Assert.AreEqual(HttpStatusCode.OK, (await before.GetAsync("/Users")).StatusCode, "before: an admin");

        Provider.SetAccount("carol", ["monitor-planners"]);
        var (after, _) = await TestProvider.SignInAsync(Host.Address, "carol");
        using var ___ = after;

        Assert.AreEqual(Roles.Planner, Users.Find("carol")!.Role);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await after.GetAsync("/api/v1/audit")).StatusCode, "after: a planner");
        using var old = await before.GetAsync("/Users");
        StringAssert.StartsWith(old.Headers.Location?.AbsolutePath, "/Account/SignIn", "the admin session opened before the change has ended");
        var change = Audit("carol").Single(r => r.Action == AuditActions.RoleChange);
        Assert.AreEqual("admin -> planner (groups at the identity provider)", change.Detail);
    }

    [TestMethod]
    public async Task Groups_that_grant_no_role_are_refused_with_the_reason_in_the_audit_log()
    {
        Provider.SetAccount("dave", ["canteen"]);

        var (client, landed) = await TestProvider.SignInAsync(Host.Address, "dave");
        using var _ = client;

        Assert.AreEqual("/Account/SignIn?external=refused", landed);
        Assert.IsNull(Users.Find("dave"), "no account is made");
        var refusal = Audit("dave").Single(r => r.Action == AuditActions.SignIn);
        Assert.AreEqual(AuditOutcome.Denied, refusal.Outcome);
        StringAssert.Contains(refusal.Detail, "no group in 'groups' maps to a Monitor role (groups: canteen)");
        StringAssert.StartsWith((await client.GetAsync("/")).Headers.Location?.AbsolutePath, "/Account/SignIn", "not signed in");
    }

    [TestMethod]
    public async Task A_local_password_account_is_not_taken_over_and_a_locally_disabled_account_stays_refused()
    {
        Provider.SetAccount(RunningHost.PlannerUser, ["monitor-admins"]);
        Provider.SetAccount("erin", ["monitor-analysts"]);
        var (first, _) = await TestProvider.SignInAsync(Host.Address, "erin");
        first.Dispose();
        Users.SetDisabled("erin", true);

        var (takeover, takeoverLanded) = await TestProvider.SignInAsync(Host.Address, RunningHost.PlannerUser);
        var (disabled, disabledLanded) = await TestProvider.SignInAsync(Host.Address, "erin");
        takeover.Dispose();
        disabled.Dispose();

        Assert.AreEqual("/Account/SignIn?external=refused", takeoverLanded);
        Assert.AreEqual(Roles.Planner, Users.Find(RunningHost.PlannerUser)!.Role, "the local account keeps its role");
        StringAssert.Contains(Audit(RunningHost.PlannerUser).First(r => r.Via == "oidc").Detail, "a local account with a password has this name");
        Assert.AreEqual("/Account/SignIn?external=refused", disabledLanded);
        Assert.AreEqual("the account is disabled in Monitor", Audit("erin").First(r => r.Action == AuditActions.SignIn).Detail);
    }

    [TestMethod]
    public async Task Enterprise_scopes_follow_the_regions_claim_and_leave_an_admins_grants_alone()
    {
        var scopes = Host.Services.GetRequiredService<EnterpriseScopes>();
        Provider.SetAccount("frank", ["monitor-analysts"], ["11", "33", "9x"]);
        (await TestProvider.SignInAsync(Host.Address, "frank")).Client.Dispose();
        CollectionAssert.AreEqual(new[] { "11", "33" }, scopes.Of("frank").ToArray(), "valid codes granted, the bad one skipped");
        scopes.Grant("frank", "44", RunningHost.AdminUser);

        Provider.SetAccount("frank", ["monitor-analysts"], ["11"]);
        (await TestProvider.SignInAsync(Host.Address, "frank")).Client.Dispose();

        CollectionAssert.AreEqual(new[] { "11", "44" }, scopes.Of("frank").ToArray());
    }

    [TestMethod]
    public async Task A_forged_answer_from_the_provider_is_refused_and_audited()
    {
        _ = Provider;
        using var client = Host.Client();

        using var forged = await client.GetAsync("/signin-oidc?code=stolen-or-made-up&state=not-from-this-browser");

        Assert.AreEqual("/Account/SignIn?external=failed", forged.Headers.Location?.OriginalString);
        var rows = Host.Services.GetRequiredService<IAuditLog>().Read(new AuditFilter(Action: AuditActions.SignIn, Outcome: AuditOutcome.Denied)).Rows;
        Assert.IsTrue(rows.Any(r => r.Via == "oidc" && r.Target == "GET /signin-oidc" && r.Detail!.StartsWith("the identity provider's answer was not accepted", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task In_a_browser_the_button_leads_through_the_providers_forms_to_the_dashboard()
    {
        Provider.SetAccount("gina", ["monitor-admins"]);
        var (playwright, browser) = await Browser.Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new() { BaseURL = Host.Address.ToString() });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Users");
            await page.ClickAsync("#signin-oidc");
            await page.FillAsync("input[name=login]", "gina");
            await page.FillAsync("input[name=password]", "any");
            await page.ClickAsync("button[type=submit]");
            await page.Locator("input[name=prompt][value=consent]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(url => url.StartsWith(Host.Address.ToString(), StringComparison.Ordinal) && url.Contains("/Users", StringComparison.Ordinal));

            Assert.AreEqual(1, await page.Locator("#users").CountAsync(), "the admin page the user asked for opens after sign-in");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [TestMethod]
    public async Task Local_password_sign_in_still_works_beside_the_organisation_button()
    {
        using var anonymous = Host.Client();
        var page = await anonymous.GetStringAsync("/Account/SignIn");
        StringAssert.Contains(page, "id=\"signin-oidc\"");
        StringAssert.Contains(page, "统一身份认证");

        using var admin = await Host.SignedInClient(RunningHost.AdminUser);

        Assert.AreEqual(HttpStatusCode.OK, (await admin.GetAsync("/Users")).StatusCode);
    }

    [TestMethod]
    public async Task Without_configuration_the_sign_in_page_has_no_organisation_button()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        var page = await client.GetStringAsync("/Account/SignIn");
        using var start = await client.GetAsync("/Account/SignIn?handler=Oidc");

        Assert.IsFalse(page.Contains("signin-oidc", StringComparison.Ordinal));
        Assert.AreEqual(HttpStatusCode.NotFound, start.StatusCode);
    }

    private static UserStore Users => Host.Services.GetRequiredService<UserStore>();

    private static IReadOnlyList<AuditRecord> Audit(string actor) =>
        Host.Services.GetRequiredService<IAuditLog>().Read(new AuditFilter(Actor: actor, PageSize: AuditFilter.MaxPageSize)).Rows;

    private static string Row(string page, string user) =>
        System.Text.RegularExpressions.Regex.Match(page, $"<td>{user}</td>.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;

    private static TestProvider Skip(string reason)
    {
        CiRequirement.Missing(reason.Replace(CiRequirement.Marker + " skipped: ", "", StringComparison.Ordinal));
        return null!;
    }
}
