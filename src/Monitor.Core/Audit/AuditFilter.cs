namespace Monitor.Core.Audit;

/// <summary>What to list from the audit log: every field optional; newest first, one page at a time.</summary>
public sealed record AuditFilter(
    string? Actor = null,
    string? Action = null,
    string? Outcome = null,
    DateTime? From = null,
    DateTime? To = null,
    int Page = 1,
    int PageSize = 50)
{
    public const int MaxPageSize = 500;
}

/// <summary>One page of the audit log and the number of rows matching the filter.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Rows, long Total, int Page, int PageSize);
