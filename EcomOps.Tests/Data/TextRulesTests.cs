using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Orders;

namespace EcomOps.Tests.Data;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("王喆\u202Egnp.exe")]
    [InlineData("Zhang\u0000Wei")]
    [InlineData("back\bspace")]
    [InlineData("\u2066isolated\u2069")]
    [InlineData("mark\u200F")]
    public void Text_with_invisible_control_or_direction_characters_is_refused(string text)
    {
        var errors = new List<FieldError>();

        Assert.False(TextRules.Check(errors, "Name", text));
        Assert.Equal(new FieldError("Name", TextRules.UnsafeCharacters), Assert.Single(errors));
    }

    [Theory]
    [InlineData("上海市浦东新区\n张江路 100 号")]
    [InlineData("a\tb\r\nc")]
    [InlineData("مرحبا — Arabic and 中文 need no marks")]
    public void Ordinary_text_with_tabs_and_line_breaks_passes(string text) => Assert.True(TextRules.IsSafe(text));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("plain", "plain")]
    [InlineData("Zhang\u0000Wei", "ZhangWei")]
    public void A_csv_cell_that_a_spreadsheet_would_run_is_kept_inert(string value, string cell) =>
        Assert.Equal(cell, SpreadsheetText.ForCsv(value));

    [Fact]
    public async Task An_employee_name_with_a_right_to_left_override_is_refused_and_nothing_is_written()
    {
        await using var harness = await Support.DomainHarness.StartAsync();
        var directory = harness.Get<EmployeeDirectory>();

        var outcome = await directory.CreateAsync(Actor.System, new EmployeeForm
        {
            EmployeeNumber = "E900",
            FullName = "Admin\u202Enimda",
            Email = "e900@ecomops.local",
            Role = Roles.CsAgent,
            HireDate = new DateOnly(2026, 1, 5),
            Password = "welcome123",
        });

        Assert.Contains(new FieldError(nameof(EmployeeForm.FullName), TextRules.UnsafeCharacters), outcome.Errors);
        await using var db = harness.NewDb();
        Assert.Empty(db.Employees.Where(e => e.EmployeeNumber == "E900"));
    }

    [Fact]
    public async Task An_order_with_a_nul_in_the_customer_name_is_refused_naming_the_field()
    {
        await using var world = await OrderWorld.StartAsync();

        var outcome = await world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId, [world.Draft("P-NUL") with { CustomerName = "王\u0000喆" }]);

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Errors, e => e.Field.EndsWith("customerName", StringComparison.Ordinal) && e.Code == TextRules.UnsafeCharacters);
    }
}
