using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Present.Export.Formats;

/// <summary>
/// Writes one worksheet row by row through the SAX <see cref="OpenXmlWriter"/> (no DOM, so memory stays flat):
/// numbers and dates as typed numeric cells with a style, text as inline strings guarded against formulas.
/// </summary>
internal sealed class XlsxSheetWriter : IDisposable
{
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();
    private static readonly OpenXmlAttribute InlineType = new("t", "", "inlineStr");
    private static readonly OpenXmlAttribute NumberType = new("t", "", "n");

    private readonly OpenXmlWriter _writer;
    private readonly Stream _owned;
    private readonly OpenXmlAttribute[] _styles = Enumerable.Range(0, 6).Select(i => new OpenXmlAttribute("s", "", i.ToString(CultureInfo.InvariantCulture))).ToArray();
    // One attribute list per style, built once: a cell is written millions of times in a large export.
    private readonly OpenXmlAttribute[][] _numberAttributes;
    private readonly OpenXmlAttribute[][] _textAttributes;
    private uint _rowIndex;

    /// <summary>Writes into <paramref name="part"/>, which the sheet writer closes when it is disposed.</summary>
    public XlsxSheetWriter(Stream part)
    {
        _owned = part;
        _numberAttributes = _styles.Select(style => new[] { NumberType, style }).ToArray();
        _textAttributes = _styles.Select((style, i) => i == XlsxStyles.Default ? new[] { InlineType } : [InlineType, style]).ToArray();
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetData());
    }

    public void StartRow()
    {
        _rowIndex++;
        _writer.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", _rowIndex.ToString(CultureInfo.InvariantCulture))]);
    }

    public void EndRow() => _writer.WriteEndElement();

    public void Text(string? text, uint style = XlsxStyles.Default)
    {
        if (text is null)
        {
            Empty();
            return;
        }
        _writer.WriteStartElement(CellElement, _textAttributes[style]);
        _writer.WriteStartElement(InlineElement);
        _writer.WriteStartElement(TextElement);
        _writer.WriteString(FormulaGuard.Neutralise(XmlText.Clean(text)));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public void Number(double value, uint style)
    {
        if (!double.IsFinite(value))
        {
            Text(value.ToString(CultureInfo.InvariantCulture));
            return;
        }
        _writer.WriteStartElement(CellElement, _numberAttributes[style]);
        _writer.WriteStartElement(ValueElement);
        _writer.WriteString(value.ToString("R", CultureInfo.InvariantCulture));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    /// <summary>A typed value of an export column, styled by its kind.</summary>
    public void Value(object? value, ColumnKind kind)
    {
        switch (value)
        {
            case null: Empty(); break;
            case string text: Text(text); break;
            case double number: Number(number, XlsxStyles.For(kind)); break;
            case long whole: Number(whole, XlsxStyles.Integer); break;
            case DateOnly date: Number(date.ToDateTime(TimeOnly.MinValue).ToOADate(), XlsxStyles.Date); break;
            case DateTime time: Number(time.ToOADate(), XlsxStyles.Timestamp); break;
            default: Text(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    public void Dispose()
    {
        _writer.WriteEndElement(); // SheetData
        _writer.WriteEndElement(); // Worksheet
        _writer.Dispose();
        _owned.Dispose();
    }

    private void Empty()
    {
        _writer.WriteStartElement(CellElement);
        _writer.WriteEndElement();
    }
}
