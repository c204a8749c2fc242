using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Audit;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Jobs;
using Monitor.Present.Charts;
using Monitor.Warn.Sets;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.Sets;

/// <summary>
/// 景气指标组 (admins only): the indicator sets in force, and an editor that saves a set as its next version (nothing is
/// overwritten; every save, and every refused save, is in the audit log). A save re-runs the warn stage so the 预警指数 and
/// the alert groups follow.
/// </summary>
public sealed class IndexModel(IndicatorSetStore sets, MonitorStore store, StoreChangeToken changes, IBackgroundJobClient jobs) : MonitorPageModel
{
    public IReadOnlyList<IndicatorSet> Sets { get; private set; } = [];
    public IndicatorSet? Selected { get; private set; }
    public bool IsNew { get; private set; }
    public string MembersText { get; private set; } = "";
    public IReadOnlyList<IndicatorSetVersion> Versions { get; private set; } = [];
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The version in force of the set being edited.</summary>
    public int InForce { get; private set; }

    /// <summary>An older version loaded into the editor to restore it (saving stores it as the next version), if any.</summary>
    public int? Loaded { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet(string? code, int? version)
    {
        Load();
        if (code == "new") Select(new IndicatorSet { Code = "", Name = "" }, isNew: true);
        else if (Sets.FirstOrDefault(s => s.Code == code) is { } set)
        {
            var older = version is { } v && v != set.Version ? sets.Version(set.Code, v) : null;
            Select(older ?? set, isNew: false);
            InForce = set.Version;
            Loaded = older?.Version;
        }
    }

    public IActionResult OnPostSave(string? code, string? economy, string? name, string? nameZh, string? members, bool isNew)
    {
        code = code?.Trim() ?? "";
        using var audit = HttpContext.BeginAudit(AuditActions.IndicatorSetSave, $"code={code}");
        Load();
        var (parsed, problems) = IndicatorSetText.Parse(members);
        var set = new IndicatorSet { Code = code, Economy = economy?.Trim() ?? "", Name = name?.Trim() ?? "", NameZh = nameZh?.Trim() ?? "", Members = parsed };
        problems.AddRange(IndicatorSetValidator.Problems(set).Where(p => !problems.Contains(p)));
        if (isNew && Sets.Any(s => s.Code == code)) problems.Add($"code: a set '{code}' exists already; edit it instead");
        if (problems.Count > 0)
        {
            audit.Fail(string.Join("; ", problems));
            Select(set, isNew);
            MembersText = members ?? "";
            Problems = problems;
            return Page();
        }
        var version = sets.Save(set, User.Identity?.Name ?? "-");
        changes.Invalidate();
        JobDispatcher.EnqueueNow(jobs, JobKeys.Warn);
        audit.Complete(rows: parsed.Count, detail: $"version {version}");
        Message = T($"已保存 {code} 第 {version} 版（{parsed.Count} 个指标）；总览立即使用，预警指数与预警分组在预警任务重新运行后更新（已排队）。",
            $"Saved {code} version {version} ({parsed.Count} indicators); the overview uses it now, the 预警指数 and alert groups after the warn run just queued.");
        return RedirectToPage(new { code });
    }

    public string EconomyName(string economy) => Overview.EconomyNames.Name(economy, Zh);

    private void Load() => Sets = sets.Current();

    private void Select(IndicatorSet set, bool isNew)
    {
        (Selected, IsNew, InForce) = (set, isNew, set.Version);
        MembersText = IndicatorSetText.Format(set.Members);
        Versions = isNew ? [] : sets.Versions(set.Code);
        var known = new SeriesReader(store).Catalogue().Select(s => s.SeriesId).ToHashSet(StringComparer.Ordinal);
        Missing = set.Members.Select(m => m.SeriesId).Where(id => !known.Contains(id)).ToList();
    }
}
