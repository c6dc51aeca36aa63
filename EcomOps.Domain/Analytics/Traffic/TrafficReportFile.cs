using System.Globalization;
using ClosedXML.Excel;
using EcomOps.Domain.Orders.Import;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>
/// One column of a traffic report: its key (the English header) and the other headers the platforms write for it. An
/// optional column may be left out of a file; its cells then read as empty.
/// </summary>
public sealed record ReportColumn(string Key, params string[] Aliases)
{
    public bool Optional { get; init; }

    public bool Matches(string header)
    {
        var h = header.Trim().Trim('\t').Trim();
        return string.Equals(h, Key, StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => string.Equals(h, a, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// A traffic report as read from the file: its data rows (numbered as a spreadsheet numbers them, the header being row
/// 1), each with its cells in the report's column order, or the reason the whole file is refused.
/// </summary>
public sealed record TrafficReportTable(string? FileError, IReadOnlyList<CsvRecord> Rows, IReadOnlyList<(CsvRecord Row, string Reason)> Removed);

/// <summary>
/// Reads the platforms' traffic exports, CSV (UTF-8 or GBK) or Excel (.xlsx, first sheet), by header. The cleaning the
/// back offices make necessary happens here, for every kind of traffic report: blank lines are skipped, and a repeated
/// header (two exports pasted together) or a total row (合计, 总计 …) is removed and reported, never read as data.
/// </summary>
public static class TrafficReportFile
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly string[] TotalWords = ["合计", "总计", "汇总", "小计", "total", "totals", "sum", "grand total"];

    public static TrafficReportTable Read(byte[] content, IReadOnlyList<ReportColumn> columns)
    {
        static TrafficReportTable Refused(string code) => new(code, [], []);
        if (content.Length == 0)
        {
            return Refused("TrafficEmpty");
        }
        if (content.Length > MaxBytes)
        {
            return Refused("TrafficTooLarge");
        }
        List<CsvRecord> records;
        if (content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K')
        {
            var sheet = ReadWorkbook(content);
            if (sheet is null)
            {
                return Refused("TrafficNotAWorkbook");
            }
            records = sheet;
        }
        else
        {
            var (decoded, problem, _) = ExportText.Decode(content);
            if (decoded is null)
            {
                return Refused(problem == "EmptyFile" ? "TrafficEmpty" : "TrafficEncoding");
            }
            records = CsvTable.Parse(decoded.Text).Records;
        }
        if (records.Count == 0)
        {
            return Refused("TrafficEmpty");
        }

        var header = records[0].Cells;
        // The file's column for each of the report's columns; a column the report does not know is ignored.
        var positions = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            positions[c] = Enumerable.Range(0, header.Count).FirstOrDefault(i => columns[c].Matches(header[i]), -1);
        }
        if (Enumerable.Range(0, columns.Count).Any(c => positions[c] < 0 && !columns[c].Optional))
        {
            return Refused("TrafficColumns");
        }
        var present = Enumerable.Range(0, columns.Count).Where(c => positions[c] >= 0).ToList();

        var rows = new List<CsvRecord>();
        var removed = new List<(CsvRecord, string)>();
        foreach (var record in records.Skip(1))
        {
            var cells = record.Cells.Select(c => c.Trim().Trim('\t').Trim()).ToList();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }
            if (present.All(c => positions[c] < cells.Count && columns[c].Matches(cells[positions[c]])))
            {
                removed.Add((record, "TrafficSecondHeader"));
                continue;
            }
            if (cells.FirstOrDefault(c => c.Length > 0) is { } first && TotalWords.Any(w => first.StartsWith(w, StringComparison.OrdinalIgnoreCase)))
            {
                removed.Add((record, "TrafficTotalRow"));
                continue;
            }
            if (record.Cells.Count < header.Count || positions.Any(p => p >= cells.Count))
            {
                removed.Add((record, "TrafficColumnCount"));
                continue;
            }
            rows.Add(new CsvRecord(record.Row, positions.Select(p => p < 0 ? "" : cells[p]).ToList()));
        }
        if (rows.Count == 0 && removed.Count == 0)
        {
            return Refused("TrafficEmpty");
        }
        return new TrafficReportTable(null, rows, removed);
    }

    /// <summary>A row's text as the file showed it, shortened for the report.</summary>
    public static string Text(CsvRecord row)
    {
        var text = string.Join(",", row.Cells);
        return text.Length > 200 ? text[..200] : text;
    }

    private static List<CsvRecord>? ReadWorkbook(byte[] content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A zip that is not a workbook, an encrypted or damaged one: ClosedXML says so in many ways.
            return null;
        }
        using (workbook)
        {
            var ws = workbook.Worksheets.FirstOrDefault();
            if (ws is null)
            {
                return [];
            }
            var lastColumn = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
            var lastRow = ws.LastRowUsed()?.RowNumber() ?? 0;
            var records = new List<CsvRecord>();
            for (var r = 1; r <= lastRow; r++)
            {
                var cells = new List<string>(lastColumn);
                for (var c = 1; c <= lastColumn; c++)
                {
                    cells.Add(CellText(ws.Cell(r, c)));
                }
                records.Add(new CsvRecord(r, cells));
            }
            return records;
        }
    }

    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };
}
