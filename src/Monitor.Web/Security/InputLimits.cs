using System.Collections.Frozen;
using Monitor.Web.Api.Keys;

namespace Monitor.Web.Security;

/// <summary>
/// The one table of how long a text input may be, by field name, for every form and JSON body the host accepts
/// (<see cref="InputLimitsMiddleware"/> enforces it before any page or endpoint runs). A field not named here gets
/// <see cref="Default"/>. Without limits a 1 MB API-key label was stored and shown on every page (issue #16).
/// </summary>
public static class InputLimits
{
    /// <summary>Any field not listed below (free text, hidden fields, ids).</summary>
    public const int Default = 1_000;

    /// <summary>User names, display names, set names.</summary>
    public const int Name = 100;

    /// <summary>Codes and identifiers: economies, domains, regions, industries, series, prefixes, roles, time zones.</summary>
    public const int Code = 200;

    /// <summary>An e-mail address (RFC 5321's path limit).</summary>
    public const int Email = 254;

    /// <summary>File names as a browser sends them (most file systems stop at 255).</summary>
    public const int FileName = 255;

    /// <summary>The set editor's member list: one series id a line, a few hundred lines.</summary>
    public const int Members = 20_000;

    /// <summary>The SQL text of <c>monitor query</c> (checked by the query itself, which is not a web input).</summary>
    public const int Query = Monitor.Present.Export.Query.ReadOnlyQuery.MaxSqlLength;

    /// <summary>A JSON request body to the API; every API body is a small object.</summary>
    public const int JsonBody = 64 * 1024;

    private static readonly FrozenDictionary<string, int> ByField = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["userName"] = Name, ["user"] = Name, ["displayName"] = Name, ["name"] = Name, ["nameZh"] = Name, ["actor"] = Name,
        ["label"] = ApiKeyStore.MaxLabelLength, ["password"] = PasswordPolicy.MaxLength,
        ["address"] = Email, ["email"] = Email,
        ["fileName"] = FileName, ["mappingName"] = FileName,
        ["members"] = Members,
        ["code"] = Code, ["prefix"] = Code, ["economy"] = Code, ["domain"] = Code, ["region"] = Code, ["regionCode"] = Code,
        ["industry"] = Code, ["industryCode"] = Code, ["seriesId"] = Code, ["role"] = Code, ["timeZone"] = Code, ["dataset"] = Code,
        ["language"] = Code, ["cadence"] = Code, ["minSeverity"] = Code, ["weekday"] = Code, ["localTime"] = Code,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The limit of a field; a bound property's prefix ("Draft.Address") is ignored.</summary>
    public static int For(string field) => ByField.GetValueOrDefault(field[(field.LastIndexOf('.') + 1)..], Default);

    /// <summary>"field: at most N characters (M given)" when the value is too long; null when it fits.</summary>
    public static string? Problem(string field, string? value)
    {
        var limit = For(field);
        return value is { } text && text.Length > limit ? $"{field}: at most {limit} characters ({text.Length} given)" : null;
    }
}
