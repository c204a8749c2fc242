using Monitor.Enterprises.Disclosure;

namespace Monitor.Enterprises.Aggregates;

/// <summary>
/// The only way out for enterprise aggregates: builds the cells and passes them through disclosure control, so every
/// page, API route, export, e-mail and CLI output that shows aggregates gets protected cells only.
/// </summary>
public sealed class AggregateTable(AggregateQuery query, DisclosureControl control)
{
    /// <summary>The protected cells of <paramref name="request"/>, margins included, inner cells first.</summary>
    public IReadOnlyList<ProtectedCell> Build(AggregateRequest request)
    {
        if (request.Problem() is { } problem) throw new ArgumentException(problem, nameof(request));
        return control.Protect(query.Cells(request))
            .OrderBy(c => c.Codes.Count(code => code == AggregateRequest.Total))
            .ThenBy(c => string.Join(',', c.Codes), StringComparer.Ordinal)
            .ToList();
    }
}
