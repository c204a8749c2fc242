using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Warn.Alerts;

namespace Monitor.Nowcast.Job;

/// <summary>
/// The nowcast stage (after forecast, before warn): for each configured target whose inputs have a newer vintage than its
/// latest nowcast, re-estimates the model, stores the nowcast with its band, news and inputs, and raises an alert
/// through Warn's alert machinery when the nowcast moved by at least the configured amount or crossed zero.
/// </summary>
public sealed class NowcastJob(MonitorStore store, NowcastStore nowcasts, SeriesReader series, AlertStore alerts, IOptions<NowcastOptions> options, TimeProvider clock) : IMonitorJob
{
    public string Key => JobKeys.Nowcast;

    public string Name => "Nowcast quarterly GDP";

    public string? DefaultCron => null;

    public Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var lines = new List<string>();
        var conditions = new List<AlertCondition>();
        foreach (var target in o.Targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = new NowcastTargetRun(store, series, o, target, clock.GetUtcNow().UtcDateTime).Run();
            if (outcome.Items.Count > 0) nowcasts.Write(outcome.Items);
            if (outcome.Alert is not null) conditions.Add(outcome.Alert);
            lines.Add(outcome.Summary);
        }
        if (conditions.Count > 0) alerts.Apply(conditions);
        return Task.FromResult($"nowcast: {string.Join("; ", lines)}");
    }
}
