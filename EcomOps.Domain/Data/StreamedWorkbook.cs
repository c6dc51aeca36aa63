using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using ClosedXML.Excel;

namespace EcomOps.Domain.Data;

/// <summary>
/// A workbook with one long sheet (a list export, the KPI workbook's sources): ClosedXML builds the styled parts —
/// every other sheet, and the long sheet's title, header, frozen rows and widths — and one template row of cells, one
/// per style the long rows use. The saved package is then copied entry by entry into the result, and on the way the
/// long sheet's rows are written one at a time in place of the template row, each cell in a template cell's style.
/// ClosedXML 0.95.4 holds every cell of a sheet in memory (100,000 rows: ~1 GB); here memory stays that of one row.
/// </summary>
public static class StreamedWorkbook
{
    private const string RowsGoHere = "<!--streamed rows-->";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <param name="sheet">The long sheet; its last row, <paramref name="templateRow"/>, holds the template cells from column A on: style n is the style of column n + 1's cell.</param>
    /// <param name="writeRows">Writes the long rows, the first of them in the template row's place.</param>
    public static byte[] Save(XLWorkbook workbook, IXLWorksheet sheet, int templateRow, Action<StreamedRows> writeRows)
    {
        using var built = new MemoryStream();
        workbook.SaveAs(built);
        built.Position = 0;
        using var output = new MemoryStream();
        using (var source = new ZipArchive(built, ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var longSheet = PartOf(source, sheet.Name);
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                // Fastest: 100,000 list rows in 4 s and 12.7 MB, where Optimal takes 6.5 s for 8 MB (docs/BENCHMARKS.md).
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName == longSheet)
                {
                    WriteSheet(from, to, templateRow, writeRows);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }
        return output.ToArray();
    }

    /// <summary>The package entry of the named sheet, through the workbook's sheet list and its relationships.</summary>
    private static string PartOf(ZipArchive package, string sheetName)
    {
        XDocument Read(string name)
        {
            using var stream = package.GetEntry(name)!.Open();
            return XDocument.Load(stream);
        }
        var book = Read("xl/workbook.xml");
        var id = book.Descendants().Single(e => e.Name.LocalName == "sheet" && (string?)e.Attribute("name") == sheetName).Attribute(Relationships + "id")!.Value;
        var target = Read("xl/_rels/workbook.xml.rels").Descendants(PackageRelationships + "Relationship").Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!.Value;
        return target.StartsWith('/') ? target[1..] : "xl/" + target;
    }

    private static void WriteSheet(Stream from, Stream to, int templateRow, Action<StreamedRows> writeRows)
    {
        var sheet = XDocument.Load(from);
        var root = sheet.Root!;
        var ns = root.Name.Namespace;
        // The used range is no longer ClosedXML's; Excel does without it.
        root.Element(ns + "dimension")?.Remove();
        var data = root.Element(ns + "sheetData")!;
        var template = data.Elements(ns + "row").Single(r => (int)r.Attribute("r")! == templateRow);
        var cells = template.Elements(ns + "c").ToDictionary(c => ColumnOf((string)c.Attribute("r")!), c => (uint?)c.Attribute("s") ?? 0);
        var styles = new uint[cells.Count == 0 ? 0 : cells.Keys.Max()];
        foreach (var (column, style) in cells)
        {
            styles[column - 1] = style;
        }
        template.Remove();
        data.Add(new XComment(RowsGoHere[4..^3]));

        var xml = root.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
        var split = xml.IndexOf(RowsGoHere, StringComparison.Ordinal);
        // The rows are written in the sheet's own spelling of its namespace (ClosedXML's package writes "x:").
        var prefix = root.GetPrefixOfNamespace(ns) is { Length: > 0 } p ? p + ":" : "";
        using var writer = new StreamWriter(to, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        writer.Write(xml.AsSpan(0, split));
        using (var rows = new StreamedRows(writer, prefix, templateRow, styles))
        {
            writeRows(rows);
        }
        writer.Write(xml.AsSpan(split + RowsGoHere.Length));
    }

    private static int ColumnOf(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
}

/// <summary>Writes a long sheet's rows in order: start a row, then its cells left to right, each in a template style.</summary>
/// <remarks>
/// A KPI workbook's Sources sheet is some 125,000 rows and 70 MB of XML, so the markup is written in pieces from strings
/// made once and numbers formatted in place, and text is copied a run at a time between the characters XML escapes.
/// </remarks>
public sealed class StreamedRows : IDisposable
{
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("&<>\r");

    private readonly TextWriter _xml;
    private readonly string _rowOpen;
    private readonly string _rowClose;
    private readonly string _cellOpen;
    private readonly string _valueOpen;
    private readonly string _valueClose;
    private readonly string _textOpen;
    private readonly string _textClose;
    private readonly uint[] _styles;
    private readonly List<string> _columns = [];
    private readonly char[] _digits = new char[32];
    private int _number;
    private int _column;
    private bool _inRow;

    internal StreamedRows(TextWriter sheet, string prefix, int firstRow, uint[] styles)
    {
        _xml = sheet;
        _rowOpen = $"<{prefix}row r=\"";
        _rowClose = $"</{prefix}row>";
        _cellOpen = $"<{prefix}c r=\"";
        _valueOpen = $"><{prefix}v>";
        _valueClose = $"</{prefix}v></{prefix}c>";
        _textOpen = $" t=\"inlineStr\"><{prefix}is><{prefix}t xml:space=\"preserve\">";
        _textClose = $"</{prefix}t></{prefix}is></{prefix}c>";
        _styles = styles;
        _number = firstRow - 1;
    }

    /// <summary>Starts the next row, <paramref name="skip"/> empty rows below the last.</summary>
    public void Row(int skip = 0)
    {
        EndRow();
        _number += 1 + skip;
        _column = 0;
        _xml.Write(_rowOpen);
        WriteInteger(_number);
        _xml.Write("\">");
        _inRow = true;
    }

    /// <summary>Leaves the next cell empty.</summary>
    public void Empty() => _column++;

    /// <summary>
    /// Text from the console or its users, through <see cref="SpreadsheetText"/>: text that a spreadsheet would run as
    /// a formula takes <paramref name="inertStyle"/> (one with Excel's quote prefix), so it stays text.
    /// </summary>
    public void Text(string? value, int style, int inertStyle)
    {
        if (string.IsNullOrEmpty(value))
        {
            Empty();
            return;
        }
        var text = SpreadsheetText.ForWorkbook(value);
        StartCell(SpreadsheetText.LooksLikeFormula(text) ? inertStyle : style);
        _xml.Write(_textOpen);
        Escape(text);
        _xml.Write(_textClose);
    }

    public void Number(double value, int style)
    {
        StartCell(style);
        _xml.Write(_valueOpen);
        // "R": the shortest text that reads back as the same double, as value.ToString("R") wrote it.
        value.TryFormat(_digits, out var written, "R", CultureInfo.InvariantCulture);
        _xml.Write(_digits, 0, written);
        _xml.Write(_valueClose);
    }

    /// <summary>A local time as an Excel date; the style's number format shows it.</summary>
    public void Date(DateTime local, int style) => Number(local.ToOADate(), style);

    private void StartCell(int style)
    {
        _column++;
        while (_columns.Count < _column)
        {
            _columns.Add(XLHelper.GetColumnLetterFromNumber(_columns.Count + 1));
        }
        _xml.Write(_cellOpen);
        _xml.Write(_columns[_column - 1]);
        WriteInteger(_number);
        _xml.Write('"');
        if (_styles[style] != 0)
        {
            _xml.Write(" s=\"");
            WriteInteger(_styles[style]);
            _xml.Write('"');
        }
    }

    private void WriteInteger(long value)
    {
        value.TryFormat(_digits, out var written, provider: CultureInfo.InvariantCulture);
        _xml.Write(_digits, 0, written);
    }

    /// <summary>Element text: markup characters as entities, a carriage return kept (XML would read it as a line feed).</summary>
    private void Escape(string text)
    {
        var rest = text.AsSpan();
        while (rest.IndexOfAny(Escaped) is var at and >= 0)
        {
            _xml.Write(rest[..at]);
            _xml.Write(rest[at] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => "&#xD;" });
            rest = rest[(at + 1)..];
        }
        _xml.Write(rest);
    }

    private void EndRow()
    {
        if (_inRow)
        {
            _xml.Write(_rowClose);
            _inRow = false;
        }
    }

    public void Dispose() => EndRow();
}
