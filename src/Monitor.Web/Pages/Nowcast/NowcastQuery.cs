using Microsoft.Extensions.Options;
using Monitor.Nowcast;
using Monitor.Nowcast.Job;
using Monitor.Present.Charts;

namespace Monitor.Web.Pages.Nowcast;

/// <summary>What the Nowcast page shows of one target: the latest nowcast, the path of the recent quarters, its news and inputs.</summary>
public sealed record NowcastView(
    NowcastTargetOptions Target, NowcastRow? Latest, NowcastRow? LatestOk, IReadOnlyList<NowcastRow> Path,
    IReadOnlyList<PathSegment> Segments, IReadOnlyList<NewsRow> News, IReadOnlyList<InputRow> Inputs);

/// <summary>Reads the nowcast stage's tables (through <see cref="NowcastStore"/>) for the Nowcast page and the API.</summary>
public sealed class NowcastQuery(NowcastStore store, IOptions<NowcastOptions> options)
{
    /// <summary>Quarters of path drawn in the chart.</summary>
    public const int ChartQuarters = 4;

    public IReadOnlyList<NowcastTargetOptions> Targets => options.Value.Targets;

    public NowcastTargetOptions? Target(string? code) =>
        Targets.FirstOrDefault(t => t.Code == code) ?? (code is null ? Targets.FirstOrDefault() : null);

    public NowcastView View(NowcastTargetOptions target)
    {
        var rows = store.Nowcasts(target.Code);
        var ok = rows.Where(r => r.Status == "ok" && r.Quarter is not null && r.Mean is not null).ToList();
        var latest = rows.Where(r => r.Kind == "update").MaxBy(r => r.Id);
        var latestOk = ok.LastOrDefault(r => r.Kind == "update") ?? ok.LastOrDefault();
        var quarter = latestOk?.Quarter;
        var path = ok.Where(r => r.Quarter == quarter).ToList();
        var news = latestOk is null ? [] : store.News(latestOk.Id);
        var inputs = latest is null ? [] : store.Inputs(latest.Id);
        return new NowcastView(target, latest, latestOk, path, Segments(ok), news, inputs);
    }

    /// <summary>The last quarters' paths, each with the outturn as published at its latest nowcast.</summary>
    public static IReadOnlyList<PathSegment> Segments(IReadOnlyList<NowcastRow> ok) =>
        ok.GroupBy(r => r.Quarter!.Value).OrderBy(g => g.Key).TakeLast(ChartQuarters)
            .Select(g => new PathSegment(NowcastTargetRun.Quarter(g.Key),
                g.Select(r => new PathPoint(r.InfoDate, r.Mean!.Value, r.Low80, r.High80)).ToList(),
                g.Select(r => r.Outturn).LastOrDefault(v => v is not null)))
            .ToList();
}
