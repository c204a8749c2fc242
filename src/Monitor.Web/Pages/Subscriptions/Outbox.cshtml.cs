using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Present.Email;
using Monitor.Present.Email.Delivery;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Subscriptions;

/// <summary>The e-mail outbox: every claimed digest with its status, attempts and last error; failures first.</summary>
[Authorize(Policy = Policies.Analyst)]
public sealed class OutboxModel(Outbox outbox, IOptions<EmailOptions> options) : PageModel
{
    public IReadOnlyList<OutboxEntry> Entries { get; private set; } = [];

    /// <summary>"SMTP host:port" or the .eml folder the digests go to.</summary>
    public string Destination => options.Value.UsesSmtp
        ? $"SMTP {options.Value.SmtpHost}:{options.Value.SmtpPort}"
        : $".eml → {MonitorPaths.Resolve(options.Value.OutboxFolder)}";

    public void OnGet() => Entries = outbox.List();
}
