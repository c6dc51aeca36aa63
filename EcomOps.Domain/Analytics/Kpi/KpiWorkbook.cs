using EcomOps.Domain.Data;
using System.Globalization;
using ClosedXML.Excel;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Time;

namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>
/// The KPI workbook: a Summary sheet (each team's totals against targets), one sheet per team (one row per employee,
/// the target row, the team total), Definitions (every metric's formula in words) and Sources (the records behind
/// each figure, capped). Every number is the <see cref="KpiSheet"/>'s own value, so screen and workbook agree; header
/// rows frozen, number and percentage formats per unit, widths from the data, attainment coloured by conditional
/// formatting, the company time zone and the period in each sheet's header, user text never run as a formula.
/// </summary>
public static class KpiWorkbook
{
    public const string SummarySheet = "Summary";
    public const string DefinitionsSheet = "Definitions";
    public const string SourcesSheet = "Sources";

    /// <summary>The rows above a sheet's table: title, period and zone, a blank line.</summary>
    public const int TableHeaderRow = 4;

    public static readonly XLColor MetFill = XLColor.FromHtml("#C6EFCE");
    public static readonly XLColor NearFill = XLColor.FromHtml("#FFEB9C");
    public static readonly XLColor BelowFill = XLColor.FromHtml("#FFC7CE");

    /// <param name="text">Turns a UI text key (e.g. "Kpi.Workbook.Total", "Team.Design") into the reader's language.</param>
    /// <param name="recordCap">The cap the sheets' records were listed with; the Sources sheet states it.</param>
    public static byte[] Build(IReadOnlyList<KpiSheet> sheets, IReadOnlyList<MetricDefinition> definitions, Func<string, string> text, CultureInfo culture, int recordCap)
    {
        using var workbook = new XLWorkbook();
        var first = sheets.FirstOrDefault();
        var builtAt = first is null ? "" : Local(first.BuiltAtUtc, first.TimeZoneId).ToString($"{DateFormats.DatePattern(culture)} {DateFormats.TimePattern}", culture);
        string Header(KpiSheet? s) => s is null ? "" : string.Format(CultureInfo.InvariantCulture, text("Kpi.Workbook.PeriodLine"), s.Period.Label, s.Period.DayRange, s.TimeZoneId, builtAt);

        WriteSummary(workbook.Worksheets.Add(SummarySheet), sheets, text, culture, Header(first));
        foreach (var sheet in sheets)
        {
            WriteTeam(workbook.Worksheets.Add(SheetName(text($"Team.{sheet.Team}"))), sheet, text, culture, Header(sheet));
        }
        WriteDefinitions(workbook.Worksheets.Add(DefinitionsSheet), definitions, text, culture);
        var sources = workbook.Worksheets.Add(SourcesSheet);
        var templateRow = WriteSourcesHead(sources, sheets, text, culture, recordCap, Header(first));
        return StreamedWorkbook.Save(workbook, sources, templateRow, rows => WriteSources(rows, sheets, text, culture));
    }

    /// <summary>A team sheet's name: Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    public static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static void WriteSummary(IXLWorksheet ws, IReadOnlyList<KpiSheet> sheets, Func<string, string> text, CultureInfo culture, string header)
    {
        var w = new SheetWriter(ws, text("Kpi.Workbook.SummaryTitle"), header);
        w.HeaderRow(text("Kpi.Team"), text("Kpi.Metric"), text("Kpi.Value"), text("Kpi.Target"), text("Kpi.Attainment"), text("Kpi.Unit"));
        foreach (var sheet in sheets)
        {
            if (!sheet.HasMetrics)
            {
                w.Row([Cell.Text(text($"Team.{sheet.Team}")), Cell.Text(text("Kpi.NoMetricsYet"))]);
                continue;
            }
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                var column = sheet.Columns[i];
                var cell = sheet.Total.Cells[i];
                w.Row([
                    Cell.Text(text($"Team.{sheet.Team}")), Cell.Text(column.Metric.Name(culture)),
                    Cell.Number(cell.Value, column.Metric.Unit), Cell.Number(column.TeamTarget, column.Metric.Unit),
                    Cell.Attainment(cell.Attainment), Cell.Text(text($"Kpi.UnitName.{column.Metric.Unit}")),
                ]);
            }
            if (!sheet.HasData)
            {
                w.Row([Cell.Text(text($"Team.{sheet.Team}")), Cell.Text(text("Kpi.NoData"))]);
            }
        }
        w.Finish();
    }

    private static void WriteTeam(IXLWorksheet ws, KpiSheet sheet, Func<string, string> text, CultureInfo culture, string header)
    {
        var w = new SheetWriter(ws, $"{text("Kpi.Workbook.TeamTitle")} · {text($"Team.{sheet.Team}")}", header);
        var headers = new List<string> { text("Kpi.EmployeeNumber"), text("Kpi.Employee") };
        foreach (var c in sheet.Columns)
        {
            headers.Add(c.Metric.Name(culture));
            headers.Add($"{c.Metric.Name(culture)} · {text("Kpi.Attainment")}");
        }
        w.HeaderRow([.. headers]);
        if (!sheet.HasMetrics)
        {
            w.Row([Cell.Text(""), Cell.Text(text("Kpi.NoMetricsYet"))]);
        }
        else
        {
            var targets = new List<Cell> { Cell.Text(""), Cell.Text(text("Kpi.Target")) };
            foreach (var c in sheet.Columns)
            {
                targets.Add(Cell.Number(c.Target, c.Metric.Unit));
                targets.Add(Cell.Text(""));
            }
            w.Row([.. targets]);
            if (sheet.Columns.Any(c => c.TargetIsPerPerson))
            {
                // A per-person count's target is each person's; the total row is measured against this one.
                var teamTargets = new List<Cell> { Cell.Text(""), Cell.Text(text("Kpi.TeamTarget")) };
                foreach (var c in sheet.Columns)
                {
                    teamTargets.Add(Cell.Number(c.TeamTarget, c.Metric.Unit));
                    teamTargets.Add(Cell.Text(""));
                }
                w.Row([.. teamTargets]);
            }
            foreach (var row in sheet.Rows)
            {
                w.Row(Cells(sheet, row, row.EmployeeNumber, row.Name));
            }
            w.Row(Cells(sheet, sheet.Total, "", text("Kpi.TeamTotal")), bold: true);
            if (!sheet.HasData)
            {
                w.Row([Cell.Text(""), Cell.Text(text("Kpi.NoData"))]);
            }
            if (sheet.IsRunning && sheet.Columns.Any(c => c.IsProRated))
            {
                w.Row([Cell.Text(""), Cell.Text(string.Format(culture, text("Kpi.ProRatedNote"), sheet.ElapsedShare.ToString("P0", culture)))]);
            }
        }
        w.Finish();
    }

    private static Cell[] Cells(KpiSheet sheet, KpiRow row, string number, string name)
    {
        var cells = new List<Cell> { Cell.Text(number), Cell.Text(name) };
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            cells.Add(Cell.Number(row.Cells[i].Value, sheet.Columns[i].Metric.Unit));
            cells.Add(Cell.Attainment(row.Cells[i].Attainment));
        }
        return [.. cells];
    }

    private static void WriteDefinitions(IXLWorksheet ws, IReadOnlyList<MetricDefinition> definitions, Func<string, string> text, CultureInfo culture)
    {
        var w = new SheetWriter(ws, text("Kpi.Workbook.DefinitionsTitle"), text("Kpi.Workbook.DefinitionsNote"));
        w.HeaderRow(text("Kpi.Metric"), text("Kpi.Key"), text("Kpi.Formula"), text("Kpi.Unit"), text("Kpi.Direction"), text("Kpi.Team"));
        foreach (var m in definitions)
        {
            w.Row([
                Cell.Text(m.Name(culture)), Cell.Text(m.Key), Cell.Text(m.Formula(culture)), Cell.Text(text($"Kpi.UnitName.{m.Unit}")),
                Cell.Text(text($"Kpi.Direction.{m.Direction}")), Cell.Text(m.Team is { } t ? text($"Team.{t}") : text("Kpi.Company")),
            ]);
        }
        w.Finish();
    }

    // The Sources sheet's template cells, by their column in the template row.
    private const int SourceText = 0;
    private const int SourceInertText = 1;
    private const int SourceCount = 2;
    private const int SourceTime = 3;

    /// <summary>
    /// The Sources sheet's title, header and widths, and the template row its records are streamed into (it lists
    /// every record behind every figure: 120,000 rows for a month at 1,000,000 orders). Answers the template row.
    /// </summary>
    private static int WriteSourcesHead(IXLWorksheet ws, IReadOnlyList<KpiSheet> sheets, Func<string, string> text, CultureInfo culture, int cap, string header)
    {
        var w = new SheetWriter(ws, text("Kpi.Workbook.SourcesTitle"),
            $"{header} · {string.Format(CultureInfo.InvariantCulture, text("Kpi.Workbook.SourcesCap"), cap)}");
        w.HeaderRow(text("Kpi.Team"), text("Kpi.Metric"), text("Kpi.Employee"), text("Kpi.RecordCount"), text("Kpi.Record"), text("Kpi.RecordTime"), text("Kpi.RecordDetail"));
        foreach (var source in SourceRows(sheets, text, culture))
        {
            w.Fit([Cell.Text(source.Team), Cell.Text(source.Metric), Cell.Text(source.Employee), Cell.Number(source.Count, MetricUnit.Count),
                Cell.Text(source.Reference), Cell.At(source.Local, culture), Cell.Text(source.Detail)]);
        }
        w.Row([Cell.Text("text"), Cell.Text("=text"), Cell.Number(0, MetricUnit.Count), Cell.At(new DateTime(2026, 1, 1), culture)]);
        w.Finish();
        return w.LastRow;
    }

    private static void WriteSources(StreamedRows rows, IReadOnlyList<KpiSheet> sheets, Func<string, string> text, CultureInfo culture)
    {
        foreach (var source in SourceRows(sheets, text, culture))
        {
            rows.Row();
            rows.Text(source.Team, SourceText, SourceInertText);
            rows.Text(source.Metric, SourceText, SourceInertText);
            rows.Text(source.Employee, SourceText, SourceInertText);
            rows.Number(source.Count, SourceCount);
            rows.Text(source.Reference, SourceText, SourceInertText);
            rows.Date(source.Local, SourceTime);
            rows.Text(source.Detail, SourceText, SourceInertText);
        }
    }

    /// <summary>One row per record behind a figure: the team's total first, then each employee, metric by metric.</summary>
    private static IEnumerable<SourceRow> SourceRows(IReadOnlyList<KpiSheet> sheets, Func<string, string> text, CultureInfo culture)
    {
        foreach (var sheet in sheets)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(sheet.TimeZoneId);
            var team = text($"Team.{sheet.Team}");
            var total = text("Kpi.TeamTotal");
            foreach (var row in sheet.Rows.Prepend(sheet.Total))
            {
                foreach (var column in sheet.Columns)
                {
                    var records = sheet.RecordsOf(column, row.EmployeeId);
                    foreach (var r in records.Shown)
                    {
                        yield return new SourceRow(team, column.Metric.Name(culture), row.EmployeeId is null ? total : row.Name, records.Total,
                            r.Reference, TimeZoneInfo.ConvertTimeFromUtc(r.AtUtc, zone), r.Detail);
                    }
                }
            }
        }
    }

    private readonly record struct SourceRow(string Team, string Metric, string Employee, int Count, string Reference, DateTime Local, string Detail);

    private static DateTime Local(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    private readonly record struct Cell(string? Label, double? Value, string? Format, bool IsAttainment, DateTime? Local = null)
    {
        public static Cell Text(string value) => new(value, null, null, false);

        public static Cell Number(double? value, MetricUnit unit) => new(null, value, MetricText.ExcelFormat(unit), false);

        public static Cell Attainment(double? value) => new(null, value, "0%", true);

        /// <summary>A local time of the company zone, as a date cell in the workbook's language's date format.</summary>
        public static Cell At(DateTime local, CultureInfo culture) => new(null, null, DateFormats.ExcelDateTime(culture), false, local);

        /// <summary>Width in Excel's character units; Chinese characters take two; a date and time as "28 Nov 2026 14:05".</summary>
        public int Width => Label is { } t ? t.Sum(ch => ch > 0x2E80 ? 2 : 1) : Local is not null ? 17 : Value is null ? 1 : 10;
    }

    /// <summary>Writes a sheet row by row, keeping column widths and the attainment columns for conditional formatting.</summary>
    private sealed class SheetWriter
    {
        private readonly IXLWorksheet _ws;
        private readonly List<int> _widths = [];
        private readonly HashSet<int> _attainmentColumns = [];
        private int _row = TableHeaderRow;

        public SheetWriter(IXLWorksheet ws, string title, string subtitle)
        {
            _ws = ws;
            ws.Cell(1, 1).SetValue(title).Style.Font.SetBold().Font.SetFontSize(14);
            ws.Cell(2, 1).SetValue(subtitle).Style.Font.SetItalic();
        }

        public void HeaderRow(params string[] headers)
        {
            for (var c = 0; c < headers.Length; c++)
            {
                Put(c, Cell.Text(headers[c]));
            }
            var range = _ws.Range(_row, 1, _row, headers.Length);
            range.Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#DDEBF7")).Alignment.SetWrapText(true);
            _ws.SheetView.FreezeRows(_row);
            _row++;
        }

        /// <summary>The row written last.</summary>
        public int LastRow => _row - 1;

        /// <summary>Widens the columns for a row written elsewhere (a streamed row), as if written here.</summary>
        public void Fit(Cell[] cells)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                Widen(c, cells[c].Width);
            }
        }

        public void Row(Cell[] cells, bool bold = false)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                Put(c, cells[c]);
            }
            if (bold)
            {
                _ws.Row(_row).Style.Font.SetBold();
            }
            _row++;
        }

        private void Put(int column, Cell cell)
        {
            var target = _ws.Cell(_row, column + 1);
            if (cell.Label is { } label)
            {
                var text = SpreadsheetText.ForWorkbook(label);
                target.SetValue(text);
                target.DataType = XLDataType.Text;
                // Text from users (names, subjects) is kept as text: Excel never runs it as a formula.
                if (SpreadsheetText.LooksLikeFormula(text))
                {
                    target.Style.IncludeQuotePrefix = true;
                }
            }
            else if (cell.Value is { } value)
            {
                target.SetValue(value);
                target.Style.NumberFormat.Format = cell.Format;
            }
            else if (cell.Local is { } local)
            {
                target.SetValue(local);
                target.Style.NumberFormat.Format = cell.Format;
            }
            if (cell.IsAttainment)
            {
                _attainmentColumns.Add(column + 1);
            }
            // A header's width counts less: it wraps.
            Widen(column, _row == TableHeaderRow ? Math.Min(cell.Width, 24) : cell.Width);
        }

        private void Widen(int column, int width)
        {
            while (_widths.Count <= column)
            {
                _widths.Add(0);
            }
            _widths[column] = Math.Max(_widths[column], width);
        }

        public void Finish()
        {
            for (var c = 0; c < _widths.Count; c++)
            {
                _ws.Column(c + 1).Width = Math.Clamp(_widths[c] + 2, 8, 80);
            }
            foreach (var column in _attainmentColumns)
            {
                if (_row - 1 <= TableHeaderRow)
                {
                    continue;
                }
                var range = _ws.Range(TableHeaderRow + 1, column, _row - 1, column);
                // Formula rules, so an empty cell (no target or nothing measured) stays uncoloured.
                var first = range.FirstCell().Address.ToStringRelative();
                var near = KpiRules.NearThreshold.ToString(CultureInfo.InvariantCulture);
                range.AddConditionalFormat().WhenIsTrue($"AND(ISNUMBER({first}),{first}>=1)").Fill.SetBackgroundColor(MetFill);
                range.AddConditionalFormat().WhenIsTrue($"AND(ISNUMBER({first}),{first}>={near},{first}<1)").Fill.SetBackgroundColor(NearFill);
                range.AddConditionalFormat().WhenIsTrue($"AND(ISNUMBER({first}),{first}<{near})").Fill.SetBackgroundColor(BelowFill);
            }
        }
    }
}
