using System.Diagnostics;
using Microsoft.Extensions.Options;
using Monitor.Testing;
using Monitor.Web.Security;

namespace Monitor.Web.Tests.Security;

/// <summary>Issue #16: an unknown name answered in ~4 ms and a real user's wrong password in ~92 ms, telling names apart.</summary>
[TestClass]
public sealed class SignInTimingTests
{
    private const int Attempts = 15;

    [TestMethod]
    public void An_unknown_name_costs_about_as_much_as_a_wrong_password_of_a_real_user()
    {
        using var test = TestStore.InMemory(SecurityServiceCollectionExtensions.Schema);
        // No pause during the measurement: a paused account would take the dummy-hash path too and hide the gap.
        var users = new UserStore(test.Store, TimeProvider.System, Options.Create(new LockoutOptions { Threshold = int.MaxValue }));
        users.Create("real-user", "staple horse battery", Roles.Analyst, null);
        users.SignIn("real-user", "warm-up-guess");
        users.SignIn("ghost", "warm-up-guess");

        var known = new List<double>();
        var unknown = new List<double>();
        // Interleaved, so that load from other processes on a shared machine falls on both sides alike.
        for (var i = 0; i < Attempts; i++)
        {
            known.Add(Time(() => users.SignIn("real-user", "wrong-guess-" + i)));
            unknown.Add(Time(() => users.SignIn("ghost-" + i, "wrong-guess-" + i)));
        }

        var (knownMs, unknownMs) = (Median(known), Median(unknown));
        Assert.IsGreaterThanOrEqualTo(0.5 * knownMs, unknownMs,
            $"median {unknownMs:0.0} ms for an unknown name vs {knownMs:0.0} ms for a wrong password: the gap tells which names exist");
    }

    private static double Time(Action act)
    {
        var watch = Stopwatch.StartNew();
        act();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
