using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Testing;
using Monitor.Web.Security;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

[TestClass]
public sealed class PasswordPolicyTests
{
    [TestMethod]
    [DataRow("short-one")]
    [DataRow("1234567890")]
    [DataRow("qwertyuiop")]
    [DataRow("PassWord123")]
    [DataRow("Jordan-Lee-1")]
    public void Short_common_and_user_name_passwords_are_refused_with_a_reason_in_both_languages(string password)
    {
        var problem = PasswordPolicy.Problem("jordan-lee-1", password);

        Assert.IsNotNull(problem, password);
        Assert.IsFalse(string.IsNullOrWhiteSpace(problem.Value.Zh));
        Assert.IsFalse(string.IsNullOrWhiteSpace(problem.Value.En));
    }

    [TestMethod]
    public void A_long_uncommon_password_passes_without_any_composition_rule()
    {
        Assert.IsNull(PasswordPolicy.Problem("ana", "staple horse battery"), "no digits, symbols or capitals needed");
        Assert.IsNotNull(PasswordPolicy.Problem("ana", new string('x', PasswordPolicy.MaxLength + 1)));
    }

    [TestMethod]
    public void The_store_refuses_a_common_password_even_when_the_caller_did_not_ask()
    {
        using var test = TestStore.InMemory(SecurityServiceCollectionExtensions.Schema);
        var users = new UserStore(test.Store, TimeProvider.System);

        Assert.ThrowsExactly<ArgumentException>(() => users.Create("ana", "1234567890", Roles.Analyst, null));
        users.Create("ana", "staple horse battery", Roles.Analyst, null);
        Assert.ThrowsExactly<ArgumentException>(() => users.SetPassword("ana", "qwertyuiop"));
        Assert.IsNotNull(users.Verify("ana", "staple horse battery"), "the refused reset changed nothing");
    }

    [TestMethod]
    public async Task A_weak_first_admin_password_from_the_environment_stops_the_start()
    {
        using var test = TestStore.InMemory(SecurityServiceCollectionExtensions.Schema);
        var users = new UserStore(test.Store, TimeProvider.System);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MONITOR_ADMIN_USER"] = "root", ["MONITOR_ADMIN_PASSWORD"] = "password123",
        }).Build();

        var refused = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() =>
            new FirstAdmin(users, configuration, NullLogger<FirstAdmin>.Instance).StartAsync(CancellationToken.None));

        StringAssert.Contains(refused.Message, "MONITOR_ADMIN_PASSWORD");
        Assert.IsNull(users.Find("root"));
    }

    [TestMethod]
    public async Task The_users_page_refuses_a_common_password_on_create_and_reset_and_says_why()
    {
        var host = await SharedHost.GetAsync();
        var users = host.Services.GetRequiredService<UserStore>();
        users.Create("resetme", "staple horse battery", Roles.Planner, null);
        using var admin = await host.SignedInClient(RunningHost.AdminUser);

        using var create = await RunningHost.PostForm(admin, "/Users", "/Users?handler=Create", new()
        {
            ["userName"] = "weakling", ["password"] = "1234567890", ["role"] = Roles.Planner,
        });
        var createPage = await admin.GetStringAsync("/Users");
        using var reset = await RunningHost.PostForm(admin, "/Users", "/Users?handler=Password", new()
        {
            ["userName"] = "resetme", ["password"] = "qwertyuiop",
        });
        var resetPage = await admin.GetStringAsync("/Users");

        Assert.AreEqual(HttpStatusCode.Redirect, create.StatusCode);
        Assert.IsNull(users.Find("weakling"), "no account with a common password");
        StringAssert.Contains(createPage, "最常见的密码");
        Assert.AreEqual(HttpStatusCode.Redirect, reset.StatusCode);
        StringAssert.Contains(resetPage, "最常见的密码");
        Assert.IsNotNull(users.Verify("resetme", "staple horse battery"), "the password was not reset");
    }
}
