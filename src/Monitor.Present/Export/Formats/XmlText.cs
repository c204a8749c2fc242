using System.Text;
using System.Xml;

namespace Monitor.Present.Export.Formats;

/// <summary>
/// Makes text safe for an XML 1.0 document: characters XML forbids (C0 controls other than tab, LF and CR; lone
/// surrogates; U+FFFE and U+FFFF) become U+FFFD. Without this, one such character in a series name or a filter made
/// the XLSX writer throw and the download answer 500 (issue #16).
/// </summary>
public static class XmlText
{
    public const char Replacement = '\uFFFD';

    public static string Clean(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0) return text;
        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                clean.Append(text, i++, 2);
                continue;
            }
            clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : Replacement);
        }
        return clean.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i)) i++;
            else if (!XmlConvert.IsXmlChar(text[i])) return i;
        }
        return -1;
    }

    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
}
