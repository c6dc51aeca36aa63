using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using EcomOps.Domain.Data;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Data;

public sealed class ListWorkbookTests
{
    private sealed record Row(string Name, int Count, long Cents, DateTime AtUtc);

    private static readonly IReadOnlyList<ListColumn<Row>> Columns =
    [
        new("Orders.Customer", (r, _) => ListCell.Of(r.Name)),
        new("Orders.Quantity", (r, _) => ListCell.Of(r.Count)),
        new("Orders.Total", (r, _) => ListCell.Money(r.Cents)),
        new("Orders.Placed", (r, _) => ListCell.At(r.AtUtc)),
    ];

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void A_list_is_one_sheet_with_a_bold_frozen_translated_header_numbers_yuan_and_company_time()
    {
        var at = new DateTime(2026, 11, 27, 2, 30, 0, DateTimeKind.Utc);
        var file = ListWorkbook.Build("订单列表", Columns, [new Row("王喆", 3, 12_345, at)], ExportedList.Text("zh-Hans"), Shanghai);
        using var list = new ExportedList(file);

        Assert.Equal(["客户", "数量", "金额", "下单时间"], list.Headers);
        Assert.True(list.Sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, list.Sheet.SheetView.SplitRow);
        Assert.Equal(XLDataType.Number, list.Sheet.Cell(2, 2).DataType);
        Assert.Equal(3, list.Sheet.Cell(2, 2).GetDouble());
        Assert.Equal(123.45, list.Sheet.Cell(2, 3).GetDouble(), 6);
        Assert.Contains("¥", list.Sheet.Cell(2, 3).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, list.Sheet.Cell(2, 4).DataType);
        Assert.Equal(new DateTime(2026, 11, 27, 10, 30, 0), list.Sheet.Cell(2, 4).GetDateTime());
        Assert.All(Enumerable.Range(1, 4), c => Assert.InRange(list.Sheet.Column(c).Width, 8, 60));
    }

    [Theory]
    [InlineData("en", "dd mmm yyyy hh:mm")]
    [InlineData("zh-Hans", "yyyy\\/mm\\/dd hh:mm")]
    public void A_time_is_a_date_cell_in_the_company_zone_with_the_date_format_of_the_workbooks_language(string language, string format)
    {
        var at = new DateTime(2026, 11, 27, 17, 5, 0, DateTimeKind.Utc);

        using var list = new ExportedList(ListWorkbook.Build("List", Columns, [new Row("Li Lei", 1, 0, at)], ExportedList.Text(language), Shanghai));

        var cell = list.Sheet.Cell(2, 4);
        Assert.Equal(XLDataType.DateTime, cell.DataType);
        Assert.Equal(new DateTime(2026, 11, 28, 1, 5, 0), cell.GetDateTime());
        Assert.Equal(format, cell.Style.NumberFormat.Format);
    }

    [Fact]
    public void Formula_like_text_is_exported_inert_and_control_characters_are_dropped()
    {
        var at = DateTime.UtcNow;
        var file = ListWorkbook.Build("List", Columns, [new Row("=HYPERLINK(\"http://x\",\"y\")", 1, 0, at), new Row("Li\u0007 Lei\u202E", 1, 0, at)],
            ExportedList.Text("en"), Shanghai);
        using var list = new ExportedList(file);

        var formula = list.Sheet.Cell(2, 1);
        Assert.False(formula.HasFormula);
        Assert.Equal(XLDataType.Text, formula.DataType);
        Assert.True(formula.Style.IncludeQuotePrefix);
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", formula.GetString());
        Assert.Equal("Li Lei", list.Sheet.Cell(3, 1).GetString());
    }

    [Fact]
    public void The_streamed_rows_are_valid_spreadsheet_markup_with_text_inline_and_special_characters_kept()
    {
        var at = new DateTime(2026, 11, 27, 2, 30, 0, DateTimeKind.Utc);
        var rows = new[] { new Row("A & B <tag> \"quoted\"\nsecond line", 1, 100, at), new Row(" padded ", 2, 200, at) };

        var file = ListWorkbook.Build("List", Columns, rows, ExportedList.Text("en"), Shanghai);

        using (var package = SpreadsheetDocument.Open(new MemoryStream(file.Content), false))
        {
            var sheet = package.WorkbookPart!.WorksheetParts.Single();
            Assert.Empty(new OpenXmlValidator().Validate(sheet));
        }
        using var list = new ExportedList(file);
        Assert.Equal(["A & B <tag> \"quoted\"\nsecond line", " padded "], list.Texts("Customer"));
    }

    [Fact]
    public void A_list_longer_than_the_cap_stops_at_the_cap_and_says_so_under_its_last_row()
    {
        var at = DateTime.UtcNow;
        var rows = Enumerable.Range(1, 6).Select(i => new Row($"R{i}", i, i, at));
        var file = ListWorkbook.Build("List", Columns, rows, ExportedList.Text("en"), Shanghai, cap: 4);
        using var list = new ExportedList(file);

        Assert.True(file.Capped);
        Assert.Equal(4, file.Rows);
        Assert.Equal(["R1", "R2", "R3", "R4"], list.Texts("Customer"));
        Assert.Contains("first 4 rows", list.Sheet.Cell(7, 1).GetString());
    }
}
