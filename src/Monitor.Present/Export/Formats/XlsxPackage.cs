using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Monitor.Present.Export.Formats;

/// <summary>
/// The zip container of an .xlsx written strictly in order (ZipArchiveMode.Create): each sheet streams straight into its
/// entry. SpreadsheetDocument cannot do that on .NET (its package buffers every part in memory, Open-XML-SDK #807),
/// so the few fixed parts (content types, relationships) are written here and the XML inside comes from the SDK's classes.
/// </summary>
internal sealed class XlsxPackage(Stream output) : IDisposable
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    private readonly List<string> _sheetNames = [];

    /// <summary>Adds the next worksheet; the caller writes its rows and disposes the returned writer before the next sheet.</summary>
    public XlsxSheetWriter AddSheet(string name)
    {
        _sheetNames.Add(name);
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheetNames.Count}.xml", CompressionLevel.Fastest);
        return new XlsxSheetWriter(entry.Open());
    }

    public void Dispose()
    {
        WriteText("[Content_Types].xml", ContentTypes());
        WriteText("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        WriteText("xl/_rels/workbook.xml.rels", WorkbookRelationships());
        WriteElement("xl/workbook.xml", Workbook());
        WriteElement("xl/styles.xml", XlsxStyles.Build());
        _zip.Dispose();
    }

    private Workbook Workbook()
    {
        var sheets = new Sheets();
        for (var i = 0; i < _sheetNames.Count; i++)
            sheets.Append(new Sheet { Name = _sheetNames[i], SheetId = (uint)(i + 1), Id = $"rIdSheet{i + 1}" });
        var workbook = new Workbook(sheets);
        workbook.AddNamespaceDeclaration("r", RelNs);
        return workbook;
    }

    private string WorkbookRelationships()
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= _sheetNames.Count; i++)
            text.Append($"""<Relationship Id="rIdSheet{i}" Type="{RelNs}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        text.Append($"""<Relationship Id="rIdStyles" Type="{RelNs}/styles" Target="styles.xml"/></Relationships>""");
        return text.ToString();
    }

    private string ContentTypes()
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= _sheetNames.Count; i++)
            text.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        return text.Append("</Types>").ToString();
    }

    private void WriteText(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private void WriteElement(string name, OpenXmlPartRootElement element)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using (var writer = OpenXmlWriter.Create(stream))
        {
            writer.WriteStartDocument(true);
            writer.WriteElement(element);
        }
    }
}
