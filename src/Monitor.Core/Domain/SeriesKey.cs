namespace Monitor.Core.Domain;

/// <summary>Builds the store's series identifier: <c>dataset:code[:region[:industry]]</c>, unique across datasets.</summary>
public static class SeriesKey
{
    public static string Compose(string dataset, string code, string? regionCode = null, string? industryCode = null)
    {
        if (string.IsNullOrWhiteSpace(dataset)) throw new ArgumentException("dataset is required", nameof(dataset));
        if (string.IsNullOrWhiteSpace(code)) throw new ArgumentException("series code is required", nameof(code));
        var parts = new[] { dataset.Trim(), code.Trim(), regionCode?.Trim() ?? "", industryCode?.Trim() ?? "" };
        return string.Join(':', parts).TrimEnd(':');
    }
}
