using Monitor.Enterprises.Access;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Disclosure;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Pages.Enterprises;

/// <summary>
/// 规上企业 / Enterprises: disclosure-controlled aggregates for every signed-in user; for users with an enterprise
/// scope also the firm warnings and firm rows of their regions (each view of firm rows is audited).
/// </summary>
public sealed class IndexModel(AggregateTable table, AggregateQuery query, FirmReader reader) : MonitorPageModel
{
    public static readonly string[] Indicators = ["output", "revenue", "electricity", "employment"];

    public AggregateRequest? Table { get; private set; }
    public IReadOnlyList<ProtectedCell> Cells { get; private set; } = [];
    public bool Entitled { get; private set; }
    public IReadOnlyList<FirmWarningRow> Warnings { get; private set; } = [];
    public IReadOnlyList<FirmRow> Firms { get; private set; } = [];
    public string? Problem { get; private set; }

    public void OnGet()
    {
        Table = EnterpriseQuery.Aggregate(HttpContext.Request.Query, query.LatestPeriod());
        if (Table is null) { Problem = T("尚无企业数据。", "No enterprise data yet."); return; }
        if (Table.Problem() is { } problem) { Problem = problem; return; }
        Cells = table.Build(Table);
        Entitled = reader.Entitled(User.Identity?.Name);
        if (!Entitled) return;
        var filter = (EnterpriseQuery.Firms(HttpContext.Request.Query) ?? new FirmFilter()) with { Period = Table.Period, Limit = 200 };
        Warnings = reader.Warnings(HttpContext.AuditActor(), HttpContext.AuditTarget() + " warnings", filter with { Indicator = null });
        Firms = reader.Rows(HttpContext.AuditActor(), HttpContext.AuditTarget() + " firms", filter with { Indicator = Table.Indicator });
    }

    public string RegionLabel(string code) => code == AggregateRequest.Total ? T("合计", "Total") : $"{code} {CodeLists.Shipped.RegionName(code)}";

    public string IndustryLabel(string code) => code == AggregateRequest.Total ? T("合计", "Total") : $"{code} {CodeLists.Shipped.IndustryName(code)}";

    public string Label(int dimension, string code) => Table!.By[dimension] switch
    {
        AggregateRequest.Region => RegionLabel(code),
        AggregateRequest.Industry => IndustryLabel(code),
        _ => code == AggregateRequest.Total ? T("合计", "Total") : code,
    };
}
