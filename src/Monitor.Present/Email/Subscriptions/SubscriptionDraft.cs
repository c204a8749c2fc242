using System.Globalization;
using MimeKit;
using Monitor.Core.Domain;
using Monitor.Present.Email.Schedule;

namespace Monitor.Present.Email.Subscriptions;

/// <summary>What a user types to subscribe (the form and the API body); <see cref="Validate"/> names every bad field.</summary>
public sealed class SubscriptionDraft
{
    public string Address { get; set; } = "";
    public string Language { get; set; } = "zh";
    public string? Domain { get; set; }
    public string? RegionCode { get; set; }
    public string? IndustryCode { get; set; }
    public string? SeriesId { get; set; }
    public string MinSeverity { get; set; } = Severities.Info;

    /// <summary>"immediate", "daily" or "weekly".</summary>
    public string Cadence { get; set; } = "daily";

    /// <summary>For "immediate": the longest wait, in minutes, between an alert change and its e-mail.</summary>
    public int ImmediateMinutes { get; set; } = 15;

    /// <summary>Local time of day "HH:mm" for daily and weekly digests.</summary>
    public string LocalTime { get; set; } = "08:00";

    /// <summary>Day of a weekly digest: "monday" … "sunday" (or 0 = Sunday … 6).</summary>
    public string Weekday { get; set; } = "monday";

    /// <summary>IANA time zone of <see cref="LocalTime"/>.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Problems as "field: reason"; empty when the draft can be saved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!MailboxAddress.TryParse(Address?.Trim() ?? "", out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            errors.Add($"address: '{Address}' is not an e-mail address");
        if (Language is not ("zh" or "en")) errors.Add($"language: '{Language}' is not zh or en");
        if (!string.IsNullOrWhiteSpace(Domain) && !Domains.IsValid(Domain)) errors.Add($"domain: '{Domain}' is not one of {string.Join(", ", Domains.All)}");
        if (!Severities.IsValid(MinSeverity)) errors.Add($"minSeverity: '{MinSeverity}' is not one of {string.Join(", ", Severities.All)}");
        if (!CadenceNames.TryParse(Cadence, out _)) errors.Add($"cadence: '{Cadence}' is not immediate, daily or weekly");
        if (ImmediateMinutes is < 1 or > 1440) errors.Add($"immediateMinutes: {ImmediateMinutes} is not between 1 and 1440");
        if (!TryParseLocalTime(LocalTime, out _)) errors.Add($"localTime: '{LocalTime}' is not a time of day HH:mm");
        if (!TryParseWeekday(Weekday, out _)) errors.Add($"weekday: '{Weekday}' is not a day of the week");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _)) errors.Add($"timeZone: '{TimeZone}' is not an IANA time zone");
        return errors;
    }

    public static bool TryParseLocalTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryParseWeekday(string? text, out DayOfWeek day)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 6)
        {
            day = (DayOfWeek)number;
            return true;
        }
        return Enum.TryParse(text?.Trim(), ignoreCase: true, out day) && Enum.IsDefined(day);
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
