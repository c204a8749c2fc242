using Microsoft.Extensions.Options;
using Monitor.Present.Email.Store;
using Monitor.Present.Tests.Email.Support;
using Monitor.Testing;

namespace Monitor.Present.Tests.Email;

[TestClass]
public sealed class EmailOptionsTests
{
    [TestMethod]
    public void A_send_lease_a_slow_sender_could_outlive_is_refused_with_the_setting_named()
    {
        using var test = TestStore.InMemory(PresentSchemas.All);
        using var email = new EmailHarness(test.Store, new FakeTimeProvider(DateTimeOffset.UnixEpoch), smtp: null,
            settings: new Dictionary<string, string?> { ["Email:SendLease"] = "00:01:00", ["Email:SmtpTimeout"] = "00:01:00" });

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => email.Tokens.Create(1));

        StringAssert.Contains(error.Message, "Email:SendLease");
    }
}
