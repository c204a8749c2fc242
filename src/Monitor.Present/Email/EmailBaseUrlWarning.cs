using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitor.Present.Email;

/// <summary>Warns at start-up when no public address is configured, so links in e-mails point at the host's own (often local) address.</summary>
public sealed class EmailBaseUrlWarning(IOptions<EmailOptions> options, ILogger<EmailBaseUrlWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.BaseUrlConfigured)
            logger.LogWarning("Email:BaseUrl (or PublicBaseUrl) is not set: links in e-mails point to {BaseUrl}, which readers elsewhere may not reach; set it to the dashboard's public address", options.Value.BaseUrl);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
