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
        var listed = rows.Take(cap + 1).ToList();
        var capped = listed.Count > cap;
        var shown = capped ? listed[..cap] : listed;

        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(SheetName(sheetTitle));
        var widths = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var header = text(columns[c].HeaderKey);
            PutText(ws.Cell(1, c + 1), header);
            widths[c] = Math.Min(Width(header), 24);
        }
        StyleHeader(ws, columns.Count);
        // Widths from the data, before the rows are streamed: a column's width is written ahead of its cells.
        foreach (var row in shown)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                widths[c] = Math.Max(widths[c], Width(columns[c].Cell(row, text)));
            }
        }
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 8, 60);
        }
        var dateFormat = DateFormats.ExcelDateTime(CultureInfo.GetCultureInfo(text("Lists.Export.Culture")));
        WriteTemplate(ws.Row(2), dateFormat);

        var content = StreamedWorkbook.Save(workbook, ws, 2, sheet =>
        {
            foreach (var row in shown)
            {
                sheet.Row();
                foreach (var column in columns)
                {
                    Put(sheet, column.Cell(row, text), zone);
                }
            }
            if (capped)
            {
                sheet.Row(skip: 1);
                sheet.Text(string.Format(CultureInfo.InvariantCulture, text("Lists.Export.Capped"), cap), Note, Note);
            }
        });
        return new ListWorkbookFile(content, shown.Count, capped);
    }

    /// <summary>A sheet's name: Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    public static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        clean = clean.Length == 0 ? "Sheet1" : clean;
        return clean.Length > 31 ? clean[..31] : clean;
    }

    // The template cells' styles, by their column in the template row.
    private const int Plain = 0;
    private const int Inert = 1;
    private const int Count = 2;
    private const int Amount = 3;
    private const int Time = 4;
    private const int Note = 5;

    private static void WriteTemplate(IXLRow row, string dateFormat)
    {
        row.Cell(Plain + 1).SetValue("text");
        row.Cell(Inert + 1).SetValue("text").Style.IncludeQuotePrefix = true;
        row.Cell(Count + 1).SetValue(0).Style.NumberFormat.Format = NumberFormat;
        row.Cell(Amount + 1).SetValue(0).Style.NumberFormat.Format = MoneyFormat;
        row.Cell(Time + 1).SetValue(new DateTime(2026, 1, 1)).Style.NumberFormat.Format = dateFormat;
        row.Cell(Note + 1).SetValue("note").Style.Font.SetItalic().Font.SetBold();
    }

    private static void Put(StreamedRows sheet, ListCell cell, TimeZoneInfo zone)
    {
        switch (cell.Kind)
        {
            case ListCellKind.Number when cell.Number is { } n:
                sheet.Number(n, Count);
                break;
            case ListCellKind.Money when cell.Number is { } m:
                sheet.Number(m, Amount);
                break;
            case ListCellKind.DateTime when cell.Utc is { } utc:
                sheet.Date(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), Time);
                break;
            default:
                sheet.Text(cell.Kind == ListCellKind.Text ? cell.Text : null, Plain, Inert);
                break;
        }
    }

    /// <summary>A cell's width in Excel's character units.</summary>
    private static int Width(ListCell cell) => cell.Kind switch
    {
        ListCellKind.Number when cell.Number is { } n => n.ToString("#,##0.##", CultureInfo.InvariantCulture).Length,
        ListCellKind.Money when cell.Number is { } m => m.ToString("#,##0.00", CultureInfo.InvariantCulture).Length + 1,
        ListCellKind.DateTime when cell.Utc is not null => DateTimeWidth,
        ListCellKind.Text when !string.IsNullOrEmpty(cell.Text) => Width(SpreadsheetText.ForWorkbook(cell.Text)),
        _ => 1,
    };

    /// <summary>The header row's look, the same in every workbook the console writes: bold on light blue, wrapped, frozen.</summary>
    public static void StyleHeader(IXLWorksheet ws, int columns)
    {
        ws.Range(1, 1, 1, Math.Max(1, columns)).Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#DDEBF7")).Alignment.SetWrapText(true);
        ws.SheetView.FreezeRows(1);
    }

    /// <summary>A text cell of a workbook built in memory: through <see cref="SpreadsheetText"/>, never run as a formula.</summary>
    public static void PutText(IXLCell target, string value)
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
    public static int Width(string text) => text.Sum(ch => ch > 0x2E80 ? 2 : 1);
}
