using Monitor.Present.Charts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Present.Email;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Digest;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Email.Unsubscribe;

namespace Monitor.Present;

/// <summary>Registers the e-mail digests: options ("Email"), schema, subscriptions, outbox, transport, the digest job and its CLI verb.</summary>
public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure(o => o.ResolveBaseUrl(configuration[EmailOptions.PublicBaseUrlKey], configuration["Urls"]))
            // A sender still inside its SMTP exchange must never be overtaken by a second sender of the same message.
            .Validate(o => o.SendLease >= o.SmtpTimeout * 3, "Email:SendLease must be at least three times Email:SmtpTimeout")
            .Validate(o => o.MaxAttempts >= 1, "Email:MaxAttempts must be at least 1")
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Email:BaseUrl must be an absolute URL (the unsubscribe link uses it)")
            .Validate(o => o.UsesSmtp || !string.IsNullOrWhiteSpace(o.OutboxFolder), "Email:OutboxFolder is needed when no Email:SmtpHost is set")
            .ValidateOnStart();
        services.AddSchema(EmailSchema.Scripts);
        services.AddMonitorCharts(configuration); // digests embed the same ScottPlot charts as the pages, as PNG
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<SigningKey>();
        services.TryAddSingleton<UnsubscribeTokens>();
        services.TryAddSingleton<DigestEventReader>();
        services.TryAddSingleton<DigestPlanner>();
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<OutboxSender>();
        services.TryAddSingleton<IMailTransport>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmailOptions>>();
            return options.Value.UsesSmtp ? new SmtpMailTransport(options) : new EmlFileTransport(options);
        });
        services.AddSingleton<IMonitorJob, EmailDigestJob>();
        services.AddHostedService<EmailBaseUrlWarning>();
        RunJobCommand.Register(services, "email-digest", JobKeys.EmailDigest,
            "send the e-mail digests due now and retry the outbox (what the every-minute job does)");
        return services;
    }
}
