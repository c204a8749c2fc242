namespace Monitor.Core.Domain;

/// <summary>The three kinds of data the monitoring base fuses.</summary>
public static class Domains
{
    public const string Macro = "macro";
    public const string Regional = "regional";
    public const string Industry = "industry";

    public static readonly IReadOnlyList<string> All = [Macro, Regional, Industry];

    public static bool IsValid(string? domain) => domain is Macro or Regional or Industry;
}
