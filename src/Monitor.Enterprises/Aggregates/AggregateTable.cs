using Monitor.Enterprises.Disclosure;

namespace Monitor.Enterprises.Aggregates;

/// <summary>
/// The only way out for enterprise aggregates: builds the cells and passes them through disclosure control, so every
/// page, API route, export, e-mail and CLI output that shows aggregates gets protected cells only.
/// </summary>
public sealed class AggregateTable(AggregateQuery query, DisclosureControl control)
{
    /// <summary>The protected cells of <paramref name="request"/>, margins included, inner cells first.</summary>
    public IReadOnlyList<ProtectedCell> Build(AggregateRequest request) => Build([request])[0];

    /// <summary>
    /// Many tables at once (in request order): their cells come from one pass over the panel per indicator, and each
    /// table is then protected on its own, exactly as if it had been built alone.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ProtectedCell>> Build(IReadOnlyList<AggregateRequest> requests)
    {
        foreach (var request in requests)
            if (request.Problem() is { } problem) throw new ArgumentException(problem, nameof(requests));
        return query.Cells(requests).Select(cells => (IReadOnlyList<ProtectedCell>)control.Protect(cells)
            .OrderBy(c => c.Codes.Count(code => code == AggregateRequest.Total))
            .ThenBy(c => string.Join(',', c.Codes), StringComparer.Ordinal)
            .ToList()).ToList();
    }
}
