using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Store;
using Monitor.Testing;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;

namespace Monitor.Web.Tests.Security;

[TestClass]
public sealed class LockoutTests
{
    private const string Password = "Correct-Horse-9-Battery";
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Five_wrong_passwords_pause_the_account_even_for_the_right_one_until_the_pause_ends()
    {
        using var test = TestStore.InMemory(SecurityServiceCollectionExtensions.Schema);
        var clock = new FakeTimeProvider(Noon);
        var users = new UserStore(test.Store, clock, Options.Create(new LockoutOptions()));
        users.Create("ana", Password, Roles.Analyst, null);

        for (var i = 0; i < 4; i++) Assert.IsNull(users.SignIn("ana", "guess" + i).PausedUntil, $"failure {i + 1} does not pause yet");
        var fifth = users.SignIn("ana", "guess4");

        Assert.AreEqual(Noon.UtcDateTime.AddMinutes(1), fifth.PausedUntil);
        Assert.IsNull(users.Verify("ana", Password), "paused: the right password is refused");
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.IsNotNull(users.Verify("ana", Password), "after the pause the right password signs in");
    }

    [TestMethod]
    public void Each_failure_after_a_pause_doubles_it_up_to_the_cap_and_a_success_clears_the_count()
    {
        using var test = TestStore.InMemory(SecurityServiceCollectionExtensions.Schema);
        var clock = new FakeTimeProvider(Noon);
        var users = new UserStore(test.Store, clock, Options.Create(new LockoutOptions { MaxPause = TimeSpan.FromMinutes(3) }));
        users.Create("ana", Password, Roles.Analyst, null);
        for (var i = 0; i < 5; i++) users.SignIn("ana", "wrong");

        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            pauses.Add(users.SignIn("ana", "wrong").PausedUntil!.Value - clock.GetUtcNow().UtcDateTime);
        }
        CollectionAssert.AreEqual(new[] { TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3) }, pauses);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.IsNotNull(users.Verify("ana", Password));
        Assert.IsNull(users.SignIn("ana", "wrong").PausedUntil, "the success started the count again");
    }

    [TestMethod]
    public void An_admins_password_reset_lifts_the_pause_and_unknown_names_lock_nothing()
    {
        using var test = TestStore.InMemory(SecurityServiceCollectionExtensions.Schema);
        var users = new UserStore(test.Store, new FakeTimeProvider(Noon), Options.Create(new LockoutOptions()));
        users.Create("ana", Password, Roles.Analyst, null);
        for (var i = 0; i < 5; i++) users.SignIn("ana", "wrong");
        for (var i = 0; i < 10; i++) Assert.IsNull(users.SignIn("nobody", "wrong").PausedUntil);

        users.SetPassword("ana", "Another-Horse-7-Staple");

        Assert.IsNotNull(users.Verify("ana", "Another-Horse-7-Staple"));
        Assert.IsEmpty(Sql.Rows(test.Store, "SELECT user_name FROM user_security WHERE user_name = 'nobody'", r => r.GetString(0)), "an unknown name leaves no row");
    }
}
