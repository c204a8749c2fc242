using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Alerts;
using Monitor.Present.Charts;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Subscriptions;
using Monitor.Present.Email.Unsubscribe;

namespace Monitor.Present.Email.Digest;

/// <summary>
/// For every active subscription whose digest period has ended: gathers the alert changes since its last digest,
/// renders the message once and claims it in the outbox (at most one claim per subscription and period). Alerts meant
/// for one user only (<see cref="IPersonalAlertSource"/>: enterprise watch alerts) join the digests of the subscriptions
/// that user created, for the same period; the source checks and audits what the user may still see.
/// </summary>
public sealed class DigestPlanner(
    SubscriptionStore subscriptions,
    DigestEventReader events,
    Outbox outbox,
    IEnumerable<IChartRenderer> chartRenderers,
    UnsubscribeTokens tokens,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<DigestPlanner> logger,
    IEnumerable<IPersonalAlertSource>? personalSources = null)
{
    // The dashboard registers the ScottPlot renderer; a host without one (e.g. a bare CLI) still sends digests, without charts.
    private readonly IChartRenderer? _charts = chartRenderers.LastOrDefault();

    /// <summary>Claims the due digests. One subscription's failure does not hold back the others; it is reported.</summary>
    public ClaimReport ClaimDue(CancellationToken cancellationToken)
    {
        var report = new ClaimReport();
        var charts = new RunChartCache(_charts, logger);
        foreach (var subscription in subscriptions.List(activeOnly: true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (TryClaim(subscription, charts)) report.Claimed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "digest of subscription {Id} ({Address}) could not be prepared", subscription.SubscriptionId, subscription.Address);
                report.Errors.Add($"subscription {subscription.SubscriptionId}: {ex.Message}");
            }
        }
        return report;
    }

    private bool TryClaim(Subscription subscription, RunChartCache charts)
    {
        var now = clock.GetUtcNow();
        var schedule = subscription.Schedule();
        var period = schedule.LatestDue(now);
        if (period.End.UtcDateTime <= subscription.DoneUntil) return false;
        var key = OutboxKeys.Digest(subscription.SubscriptionId, period);
        var batch = events.Read(subscription);
        var all = batch.Events.Concat(Personal(subscription, period.End.UtcDateTime)).ToList();
        if (all.Count == 0)
        {
            outbox.MarkEmptyPeriod(subscription.SubscriptionId, period.End.UtcDateTime);
            return false;
        }

        var settings = options.Value;
        var baseUrl = settings.BaseUrl!; // resolved at start-up (EmailOptions.ResolveBaseUrl)
        var unsubscribe = tokens.Link(baseUrl, subscription.SubscriptionId);
        var context = new DigestContext(subscription.Chinese, schedule.Zone, baseUrl, unsubscribe,
            Math.Max(1, settings.MaxEventsPerDigest), Charts(batch.Events, subscription, key, charts));
        var content = DigestComposer.Compose(all, context);
        var message = DigestMessage.Build(settings.From, subscription.Address, key, period.End, content, unsubscribe);
        var claim = new OutboxClaim(key, subscription.SubscriptionId, period.Start.UtcDateTime, period.End.UtcDateTime,
            subscription.CursorEventId, batch.HighWater, all.Count, subscription.Address, content.Subject,
            message.MessageId ?? key, DigestMessage.ToBytes(message));
        var won = outbox.TryClaim(claim, now.UtcDateTime);
        if (won) logger.LogInformation("claimed digest {Key}: {Count} changes for {Address}", key, all.Count, subscription.Address);
        return won;
    }

    // Only the subscription's creator's own alerts, raised since the last period dealt with, at the subscription's severity.
    private IEnumerable<DigestEvent> Personal(Subscription subscription, DateTime periodEnd)
    {
        if (subscription.CreatedBy is not { Length: > 0 } user || personalSources is null) return [];
        return personalSources
            .SelectMany(source => source.Read(user, subscription.DoneUntil, periodEnd))
            .Where(a => Severities.Rank(a.Severity) >= Severities.Rank(subscription.Filter.MinSeverity))
            .Select(PersonalDigestEvents.From)
            .ToList();
    }

    private List<ChartImage> Charts(IReadOnlyList<DigestEvent> batch, Subscription subscription, string key, RunChartCache charts)
    {
        var images = new List<ChartImage>();
        foreach (var top in DigestRanking.TopForCharts(batch, options.Value.ChartsPerDigest))
        {
            if (charts.Png(top.SeriesId!, subscription.Language) is not { } png) continue;
            var caption = top.DisplaySeries(subscription.Chinese) ?? top.SeriesId!;
            images.Add(new ChartImage(top.SeriesId!, DigestMessage.ChartContentId(key, images.Count + 1, options.Value.From), png, caption));
        }
        return images;
    }
}

/// <summary>What one planning pass did: digests claimed, and subscriptions that failed (with the reason).</summary>
public sealed class ClaimReport
{
    public int Claimed { get; set; }

    public List<string> Errors { get; } = [];
}
