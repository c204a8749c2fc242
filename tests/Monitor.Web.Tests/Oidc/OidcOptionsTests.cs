using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Web.Security;
using Monitor.Web.Security.Oidc;

namespace Monitor.Web.Tests.Oidc;

[TestClass]
public sealed class OidcOptionsTests
{
    private static readonly OidcOptions Configured = new()
    {
        Authority = "https://idp.example.org", ClientId = "monitor",
        Roles = new() { [Roles.Admin] = ["monitor-admins"], [Roles.Analyst] = ["monitor-analysts", "economists"], [Roles.Planner] = ["staff"] },
    };

    private static OidcOptions With(string authority, bool requireHttps) =>
        new() { Authority = authority, ClientId = Configured.ClientId, Roles = Configured.Roles, RequireHttps = requireHttps };

    [TestMethod]
    public void The_highest_role_any_group_grants_wins()
    {
        Assert.AreEqual(Roles.Admin, Configured.RoleFor(["staff", "monitor-admins", "economists"]));
        Assert.AreEqual(Roles.Analyst, Configured.RoleFor(["staff", "economists"]));
        Assert.AreEqual(Roles.Planner, Configured.RoleFor(["staff"]));
    }

    [TestMethod]
    public void Groups_granting_nothing_give_no_role_and_names_are_compared_exactly()
    {
        Assert.IsNull(Configured.RoleFor([]));
        Assert.IsNull(Configured.RoleFor(["Monitor-Admins", "canteen"]));
    }

    [TestMethod]
    public void A_bad_authority_plain_HTTP_off_loopback_an_unknown_role_or_no_group_at_all_is_refused_at_start()
    {
        StringAssert.Contains(new OidcOptions { Authority = "https://idp", ClientId = "m", Roles = new() { ["root"] = ["x"] } }.Problem(), "Authentication:Oidc:Roles:root: unknown role");
        StringAssert.Contains(new OidcOptions { Authority = "https://idp", ClientId = "m" }.Problem(), "maps no group to a role");
        Assert.IsNull(Configured.Problem());
        StringAssert.Contains(With("https://idp.example.org", requireHttps: false).Problem(), "only for a provider on the loopback interface, not idp.example.org");
        Assert.IsNull(With("http://127.0.0.1:5999", requireHttps: false).Problem(), "loopback over HTTP is allowed when asked for");
        StringAssert.Contains(With("sso", requireHttps: true).Problem(), "is not an absolute URL");
        Assert.IsNull(new OidcOptions().Problem(), "off when no provider is named");
        Assert.IsFalse(new OidcOptions { Authority = "https://idp" }.Enabled, "a client id is needed too");
    }

    [TestMethod]
    public void The_host_refuses_a_provider_configured_without_role_mapping()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://idp.example.org", ["Authentication:Oidc:ClientId"] = "monitor",
            ["Authentication:Oidc:Roles:superuser:0"] = "monitor-admins",
        }).Build();
        var services = new ServiceCollection();
        services.AddAuthentication().AddMonitorOidc(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OidcOptions>>().Value);

        StringAssert.Contains(error.Message, "Authentication:Oidc:Roles:superuser: unknown role");
    }
}
