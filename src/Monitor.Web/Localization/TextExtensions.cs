namespace Monitor.Web.Localization;

/// <summary>Picks the Chinese or English form of a UI string for the current request (strings live next to their use).</summary>
public static class TextExtensions
{
    public static bool IsChinese(this HttpContext context) => Language.Of(context) == Language.Chinese;

    public static string T(this HttpContext context, string zh, string en) => context.IsChinese() ? zh : en;
}
