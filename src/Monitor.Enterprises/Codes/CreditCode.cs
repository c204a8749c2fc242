namespace Monitor.Enterprises.Codes;

/// <summary>
/// The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015: 17 characters from a 31-letter
/// alphabet (no I, O, S, V, Z) and a check character computed from them with fixed weights modulo 31.
/// </summary>
public static class CreditCode
{
    /// <summary>The code's alphabet; a character's value is its index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Weights of positions 1-17 (3^(i-1) mod 31), from the standard.</summary>
    public static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character of the first 17 characters, or null when one of them is outside the alphabet.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) return null;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0) return null;
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>True when <paramref name="code"/> has 18 characters of the alphabet and a correct check character.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: 18 } && CheckCharacter(code.AsSpan(0, 17)) is { } check && check == code[17];

    /// <summary>
    /// The same rule as a DuckDB macro, so files are checked set-wise in the store (over distinct codes) rather than by a
    /// C# loop; <see cref="IsValid"/> and this macro are tested against the same published codes.
    /// </summary>
    public static string SqlMacro => $$"""
        CREATE OR REPLACE TEMP MACRO enterprise_uscc_ok(id) AS (
            coalesce(regexp_full_match(id, '[{{Alphabet}}]{18}'), FALSE) AND
            (31 - list_sum(list_transform(range(1, 18), i -> (strpos('{{Alphabet}}', id[i:i]) - 1) * [{{string.Join(", ", Weights)}}][i])) % 31) % 31
                = strpos('{{Alphabet}}', id[18:18]) - 1)
        """;
}
