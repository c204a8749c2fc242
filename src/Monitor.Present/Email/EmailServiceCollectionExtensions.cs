using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core;
using Monitor.Core.Jobs;
using Monitor.Present.Email;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Digest;
using Monitor.Present.Email.Store;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Email.Unsubscribe;

namespace Monitor.Present;

/// <summary>Registers the e-mail digests: options ("Email"), schema, subscriptions, outbox, transport and the digest job.</summary>
public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddSchema(EmailSchema.Scripts);
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
        return services;
    }
}
