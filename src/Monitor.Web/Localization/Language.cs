namespace Monitor.Web.Localization;

/// <summary>The reader's language: Chinese unless the language cookie says English.</summary>
public static class Language
{
    public const string Cookie = "monitor.lang";
    public const string Chinese = "zh";
    public const string English = "en";

    public static string Of(HttpContext context) =>
        context.Request.Cookies[Cookie] == English ? English : Chinese;

    public static string Normalise(string? language) => language == English ? English : Chinese;

    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(Cookie, Normalise(language), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = response.HttpContext.Request.IsHttps,
        });
}
