using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Monitor.Testing;

/// <summary>
/// A test that needs something CI provides (the shared datasets, a CJK font, Chromium, PostgreSQL) and did not find it.
/// On a developer's machine it is skipped (Inconclusive); under <c>CI=true</c> it fails, so CI cannot pass with its
/// integrity tests silently skipped. Both messages carry <see cref="Marker"/>, which .ci/run also looks for.
/// </summary>
public static class CiRequirement
{
    public const string Marker = "[ci-required]";

    [DoesNotReturn]
    public static void Missing(string reason)
    {
        var message = $"{Marker} skipped: {reason}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Inconclusive(message);
        throw new UnreachableException(message);
    }
}
