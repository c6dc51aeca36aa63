using ClosedXML.Excel;
using EcomOps.Domain.Data;

namespace EcomOps.Domain.Audit;

/// <summary>
/// The audit trail's filtered rows as an Excel workbook, in the words the screen shows them (the console renders
/// every cell, so screen and sheet agree). All cells are text through <see cref="SpreadsheetText"/>: a value that
/// looks like a formula is stored with Excel's quote prefix and never runs. Widths come from the data, never from
/// AdjustToContents (it needs libgdiplus and is slow).
/// </summary>
public static class AuditWorkbook
{
    public const string SheetName = "Audit";

    /// <summary>The first row of the table (title, filter line and a blank row are above it).</summary>
    public const int TableHeaderRow = 4;

    public static byte[] Build(string title, string subtitle, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(SheetName);
        ws.Cell(1, 1).SetValue(SpreadsheetText.ForWorkbook(title)).Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(2, 1).SetValue(SpreadsheetText.ForWorkbook(subtitle)).Style.Font.SetItalic();

        var widths = new int[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            Put(ws.Cell(TableHeaderRow, c + 1), headers[c]);
            widths[c] = Math.Min(Width(headers[c]), 24);
        }
        ws.Range(TableHeaderRow, 1, TableHeaderRow, headers.Count).Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#DDEBF7"));
        ws.SheetView.FreezeRows(TableHeaderRow);

        var row = TableHeaderRow;
        foreach (var cells in rows)
        {
            row++;
            for (var c = 0; c < cells.Count && c < headers.Count; c++)
            {
                Put(ws.Cell(row, c + 1), cells[c]);
                // A multi-line cell (the list of changes) is as wide as its longest line.
                widths[c] = Math.Max(widths[c], cells[c].Split('\n').Max(Width));
            }
        }
        for (var c = 0; c < headers.Count; c++)
        {
            ws.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 8, 80);
        }
        if (row > TableHeaderRow)
        {
            ws.Range(TableHeaderRow + 1, 1, row, headers.Count).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top).Alignment.SetWrapText(true);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Put(IXLCell cell, string value)
    {
        var text = SpreadsheetText.ForWorkbook(value);
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (SpreadsheetText.LooksLikeFormula(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    /// <summary>Width in Excel's character units; Chinese characters take two.</summary>
    private static int Width(string text) => text.Sum(ch => ch > 0x2E80 ? 2 : 1);
}
