using EcomOps.Domain.Data;
using ClosedXML.Excel;

namespace EcomOps.Domain.Service.Complaints;

/// <summary>
/// The case analysis as an Excel workbook, from the same <see cref="ComplaintAnalysis"/> the analysis screen shows.
/// Column widths come from the data (no AdjustToContents: it needs libgdiplus and is slow), headers stay frozen, and
/// customer text that Excel would take for a formula is stored as quoted text.
/// </summary>
public static class ComplaintAnalysisWorkbook
{
    public const string SummarySheet = "Summary";
    public const string CasesSheet = "Cases";

    /// <param name="text">Turns a label key (e.g. "Complaints.Analysis.Total", "RootCause.LateDelivery") into the reader's language.</param>
    public static byte[] Build(ComplaintAnalysis analysis, Func<string, string> text, TimeZoneInfo zone)
    {
        using var workbook = new XLWorkbook();
        var summary = workbook.Worksheets.Add(SummarySheet);
        var rows = new List<string?[]>
        {
            new[] { text("Complaints.Analysis.Measure"), text("Complaints.Analysis.Value") },
            new[] { text("Complaints.Analysis.Period"), $"{Local(analysis.FromUtc, zone):yyyy-MM-dd} – {Local(analysis.ToUtc, zone).AddDays(-1):yyyy-MM-dd}" },
            new[] { text("Complaints.Analysis.Total"), analysis.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new[] { text("Complaints.Analysis.Closed"), analysis.Closed.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new[] { text("Complaints.Analysis.ReopenRate"), analysis.ReopenRate.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) },
            new[] { text("Complaints.Analysis.MedianHours"), analysis.MedianHoursToClose?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) },
            new[] { text("Complaints.Analysis.AverageHours"), analysis.AverageHoursToClose?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) },
        };
        void Breakdown(string title, string prefix, IReadOnlyList<CountBy> counts, bool translate)
        {
            rows.Add([null, null]);
            rows.Add([text(title), null]);
            rows.AddRange(counts.Select(c => new[]
            {
                c.Key == ComplaintQueries.Unassigned ? "-" : translate ? text($"{prefix}.{c.Key}") : c.Key,
                c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
        }
        Breakdown("Complaints.Analysis.ByRootCause", "RootCause", analysis.ByRootCause, true);
        Breakdown("Complaints.Analysis.ByDepartment", "Department", analysis.ByDepartment, true);
        Breakdown("Complaints.Analysis.ByProduct", "", analysis.ByProduct, false);
        Breakdown("Complaints.Analysis.ByChannel", "Channel", analysis.ByChannel, true);
        Write(summary, rows);

        var cases = workbook.Worksheets.Add(CasesSheet);
        var caseRows = new List<string?[]>
        {
            new[] { text("Complaints.Number"), text("Complaints.ReceivedAt"), text("Complaints.Complainant"), text("Complaints.Channel"), text("Complaints.Matter"), text("Complaints.Product"), text("Complaints.Stage"), text("Complaints.Round") },
        };
        caseRows.AddRange(analysis.Cases.Select(c => new[]
        {
            c.Number, Local(c.ReceivedAtUtc, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), c.ComplainantName,
            text($"Channel.{c.Channel}"), c.Matter, c.Product, text($"ComplaintStage.{c.Stage}"), c.CurrentRound.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Write(cases, caseRows);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Write(IXLWorksheet sheet, List<string?[]> rows)
    {
        var columns = rows.Max(r => r.Length);
        var widths = new int[columns];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var value = rows[r][c] is { } raw ? SpreadsheetText.ForWorkbook(raw) : null;
                if (value is null)
                {
                    continue;
                }
                var cell = sheet.Cell(r + 1, c + 1);
                if (r > 0 && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && !SpreadsheetText.LooksLikeFormula(value))
                {
                    cell.SetValue(number);
                }
                else
                {
                    cell.SetValue(value);
                    cell.DataType = XLDataType.Text;
                    // Text from users (a customer's words, a cause) is kept as text: Excel never runs it as a formula.
                    if (SpreadsheetText.LooksLikeFormula(value))
                    {
                        cell.Style.IncludeQuotePrefix = true;
                    }
                }
                widths[c] = Math.Max(widths[c], DisplayWidth(value));
            }
        }
        for (var c = 0; c < columns; c++)
        {
            sheet.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 8, 80);
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>Chinese characters take two columns of width in Excel.</summary>
    private static int DisplayWidth(string value) => value.Sum(ch => ch > 0x2E80 ? 2 : 1);

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
