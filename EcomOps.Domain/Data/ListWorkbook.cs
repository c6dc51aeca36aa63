using System.Globalization;
using ClosedXML.Excel;
using EcomOps.Domain.Time;

namespace EcomOps.Domain.Data;

public enum ListCellKind
{
    Text,
    Number,
    Money,
    DateTime,
}

/// <summary>One cell of an exported list: text, a number, an amount in fen, or a UTC instant shown in the company zone.</summary>
public readonly record struct ListCell(ListCellKind Kind, string? Text = null, double? Number = null, DateTime? Utc = null)
{
    public static ListCell Of(string? text) => new(ListCellKind.Text, Text: text);

    public static ListCell Of(int number) => new(ListCellKind.Number, Number: number);

    public static ListCell Of(double? number) => new(ListCellKind.Number, Number: number);

    public static ListCell Money(long cents) => new(ListCellKind.Money, Number: cents / 100d);

    public static ListCell At(DateTime? utc) => new(ListCellKind.DateTime, Utc: utc);
}

/// <summary>A column of an exported list: its header's UI text key and how a row gives its cell (with the reader's text).</summary>
public sealed record ListColumn<TRow>(string HeaderKey, Func<TRow, Func<string, string>, ListCell> Cell);

/// <summary>An exported list: the workbook's bytes, how many rows it holds, and whether the cap cut it short.</summary>
public sealed record ListWorkbookFile(byte[] Content, int Rows, bool Capped);

/// <summary>
/// The workbook of a list a user exports (orders, stock, alerts, purchase orders, tickets): one sheet, the header row
/// bold and frozen, widths from the data, text through <see cref="SpreadsheetText"/> (never run as a formula), numbers
/// as numbers, money in yuan, times as Excel dates in the company time zone, shown in the reader's language's date
/// format. At most <see cref="MaxRows"/> rows; a longer list says so under its last row.
/// </summary>
public static class ListWorkbook
{
    public const int MaxRows = 100_000;
    public const string MoneyFormat = "\"¥\"#,##0.00";
    public const string NumberFormat = "#,##0.##";

    /// <param name="rows">The rows in the order the list shows them; read up to <paramref name="cap"/> + 1 to know whether it was cut.</param>
    /// <param name="text">
    /// Turns a UI text key into the reader's language (headers, enum names, the cap note); its "Lists.Export.Culture"
    /// names the language, which picks the date format.
    /// </param>
    public static ListWorkbookFile Build<TRow>(string sheetTitle, IReadOnlyList<ListColumn<TRow>> columns, IEnumerable<TRow> rows,
        Func<string, string> text, TimeZoneInfo zone, int cap = MaxRows)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(SheetName(sheetTitle));
        var dateFormat = DateFormats.ExcelDateTime(CultureInfo.GetCultureInfo(text("Lists.Export.Culture")));
        var widths = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var header = text(columns[c].HeaderKey);
            PutText(ws.Cell(1, c + 1), header);
            widths[c] = Math.Min(Width(header), 24);
        }
        var headerRange = ws.Range(1, 1, 1, Math.Max(1, columns.Count));
        headerRange.Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#DDEBF7")).Alignment.SetWrapText(true);
        ws.SheetView.FreezeRows(1);

        var written = 0;
        var capped = false;
        foreach (var row in rows)
        {
            if (written == cap)
            {
                capped = true;
                break;
            }
            var r = written + 2;
            for (var c = 0; c < columns.Count; c++)
            {
                widths[c] = Math.Max(widths[c], Put(ws.Cell(r, c + 1), columns[c].Cell(row, text), zone, dateFormat));
            }
            written++;
        }
        if (capped)
        {
            var note = ws.Cell(written + 3, 1);
            PutText(note, string.Format(CultureInfo.InvariantCulture, text("Lists.Export.Capped"), cap));
            note.Style.Font.SetItalic().Font.SetBold();
        }
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 8, 60);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return new ListWorkbookFile(stream.ToArray(), written, capped);
    }

    /// <summary>A sheet's name: Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    public static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        clean = clean.Length == 0 ? "Sheet1" : clean;
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>Writes the cell and answers its width in Excel's character units.</summary>
    private static int Put(IXLCell target, ListCell cell, TimeZoneInfo zone, string dateFormat)
    {
        switch (cell.Kind)
        {
            case ListCellKind.Number when cell.Number is { } n:
                target.SetValue(n);
                target.Style.NumberFormat.Format = NumberFormat;
                return n.ToString("#,##0.##", CultureInfo.InvariantCulture).Length;
            case ListCellKind.Money when cell.Number is { } m:
                target.SetValue(m);
                target.Style.NumberFormat.Format = MoneyFormat;
                return m.ToString("#,##0.00", CultureInfo.InvariantCulture).Length + 1;
            case ListCellKind.DateTime when cell.Utc is { } utc:
                target.SetValue(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
                target.Style.NumberFormat.Format = dateFormat;
                return DateTimeWidth;
            case ListCellKind.Text when !string.IsNullOrEmpty(cell.Text):
                PutText(target, cell.Text);
                return Width(cell.Text);
            default:
                return 1;
        }
    }

    private static void PutText(IXLCell target, string value)
    {
        var text = SpreadsheetText.ForWorkbook(value);
        target.SetValue(text);
        target.DataType = XLDataType.Text;
        // Text from users (names, notes) stays text: Excel never runs it as a formula.
        if (SpreadsheetText.LooksLikeFormula(text))
        {
            target.Style.IncludeQuotePrefix = true;
        }
    }

    /// <summary>"28 Nov 2026 14:05", the longer of the two languages' date and time.</summary>
    private const int DateTimeWidth = 17;

    /// <summary>Chinese characters take two columns.</summary>
    private static int Width(string text) => text.Sum(ch => ch > 0x2E80 ? 2 : 1);
}
