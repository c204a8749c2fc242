using System.Collections.Frozen;

namespace Monitor.Web.Security;

/// <summary>
/// What a new password must be: at least <see cref="MinLength"/> characters, at most <see cref="MaxLength"/>, not the
/// user name and not one of the 10,000 most common passwords (CommonPasswords.txt, shipped in the assembly). No
/// composition rules (digits, symbols, case): they push people to predictable patterns without adding strength.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>Longer passwords add nothing and would make each PBKDF2 check hash a large input.</summary>
    public const int MaxLength = 256;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// <summary>Why <paramref name="password"/> may not be used (Chinese, English), or null when it may.</summary>
    public static (string Zh, string En)? Problem(string? userName, string? password)
    {
        password ??= "";
        if (password.Length < MinLength)
            return ($"密码至少 {MinLength} 位。", $"A password needs at least {MinLength} characters.");
        if (password.Length > MaxLength)
            return ($"密码最多 {MaxLength} 位。", $"A password may have at most {MaxLength} characters.");
        if (!string.IsNullOrEmpty(userName) && string.Equals(password.Trim(), userName.Trim(), StringComparison.OrdinalIgnoreCase))
            return ("密码不能与用户名相同。", "The password may not be the user name.");
        if (IsCommon(password))
            return ("这是最常见的密码之一，容易被猜中，请换一个（可用一句话或几个词）。",
                "That is one of the most common passwords and easy to guess; choose another (a phrase or several words work well).");
        return null;
    }

    /// <summary>True when the password (ignoring case and surrounding spaces) is on the shipped list of common passwords.</summary>
    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    /// <summary>Throws when <see cref="Problem"/> refuses the password: the last guard for callers that did not ask first.</summary>
    public static void Require(string userName, string password)
    {
        if (Problem(userName, password) is { } problem) throw new ArgumentException(problem.En, nameof(password));
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Monitor.Web.Security.CommonPasswords.txt")
            ?? throw new InvalidOperationException("the common-password list is missing from the assembly");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line) if (line.Length > 0) words.Add(line);
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
