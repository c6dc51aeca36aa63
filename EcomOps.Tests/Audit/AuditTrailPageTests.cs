using Bunit;
using System.Globalization;
using ClosedXML.Excel;
using EcomOps.Console.Features.Audit;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace EcomOps.Tests.Audit;

public sealed class AuditTrailPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_trail_names_records_and_fields_in_words_not_code_names()
    {
        await _harness.Get<EmployeeDirectory>().CreateAsync(new Actor("admin-id", "admin@ecomops.local"), new EmployeeForm
        {
            EmployeeNumber = "E1", FullName = "周杰", Email = "zhou.jie@ecomops.local", Role = Roles.CsAgent, HireDate = new DateOnly(2024, 1, 2), Password = "welcome123",
        });
        // A KPI target keeps when it was last set (a UTC time).
        await _harness.Get<KpiTargets>().SetAsync(new Actor("admin-id", "admin@ecomops.local"), Team.CustomerService, PeriodKind.Month, ServiceMetricSource.Csat, 4.5, null);
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.AddAuthorization().SetAuthorized("admin@ecomops.local").SetRoles(Roles.Admin).SetPolicies(Permissions.ReadAuditTrail);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<AuditTrailPage>();

        page.WaitForAssertion(() => Assert.Contains("Employee number", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Contains("Employee · 周杰 (E1)", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(">EmployeeNumber<", page.Markup, StringComparison.Ordinal);
        // Times in the company's zone and the one date format, as the "when" column: the harness clock is 2026-11-27 10:00 in Shanghai.
        Assert.Contains("Updated at</b>: ∅ → 27 Nov 2026 10:00", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trail_shows_people_by_name_stored_codes_in_words_and_the_console_as_the_console()
    {
        var zhou = (await _harness.Get<EmployeeDirectory>().CreateAsync(new Actor("admin-id", "admin@ecomops.local"), new EmployeeForm
        {
            EmployeeNumber = "E1", FullName = "周杰", Email = "zhou.jie@ecomops.local", Role = Roles.CsAgent, HireDate = new DateOnly(2024, 1, 2), Password = "welcome123",
        })).Value!;
        await SeedAsync(
            Entry(1, "zhou.jie@ecomops.local", "ComplaintCase", "7", AuditAction.Updated,
                new FieldChange("Stage", "Investigating", "SolutionInProgress"), new FieldChange("ResponsiblePersonId", null, zhou.Id.ToString(CultureInfo.InvariantCulture))),
            Entry(2, "system", "KpiTarget", "3", AuditAction.Created, new FieldChange("MetricKey", null, ServiceMetricSource.Csat), new FieldChange("Team", null, "CustomerService")),
            Entry(3, "system", "StandardAnswer", "4", AuditAction.Updated, new FieldChange("Language", "en", "zh-Hans"), new FieldChange("ProposedBy", null, "zhou.jie@ecomops.local")));
        await using var ctx = NewPage(out var render);
        var page = render();

        page.WaitForAssertion(() => Assert.Contains("Solution in progress", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        var text = page.Find("[data-testid=audit-table]").TextContent;
        Assert.Contains("Responsible person: ∅ → 周杰", text, StringComparison.Ordinal);
        Assert.Contains("Stage: Investigating → Solution in progress", text, StringComparison.Ordinal);
        Assert.Contains("Console (automatic)", text, StringComparison.Ordinal);
        Assert.Contains("Language: English → Chinese", text, StringComparison.Ordinal);
        Assert.Contains("Proposed by: ∅ → 周杰", text, StringComparison.Ordinal);
        Assert.Contains("Team: ∅ → Customer service", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceMetricSource.Csat, text, StringComparison.Ordinal);
        Assert.DoesNotContain("zhou.jie@", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">system<", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kpi_target_reads_as_its_metric_reads_amounts_as_money_and_records_by_name_on_the_page_and_in_the_workbook()
    {
        var admin = new Actor("admin-id", "admin@ecomops.local");
        var zhou = (await _harness.Get<EmployeeDirectory>().CreateAsync(admin, new EmployeeForm
        {
            EmployeeNumber = "E7", FullName = "周杰", Email = "zhou.jie@ecomops.local", Role = Roles.CsAgent, HireDate = new DateOnly(2024, 1, 2), Password = "welcome123",
        })).Value!;
        var targets = _harness.Get<KpiTargets>();
        var created = (await targets.SetAsync(admin, Team.CustomerService, PeriodKind.Month, ServiceMetricSource.ReplyTimeliness, 0.9, null)).Value!;
        // The update's entry holds the value alone: the metric comes from the target itself.
        await targets.SetAsync(admin, Team.CustomerService, PeriodKind.Month, ServiceMetricSource.ReplyTimeliness, 0.95, created.Version);
        int skuId;
        await using (var db = _harness.NewDb())
        {
            var sku = new EcomOps.Domain.Catalog.Sku { Code = "TEE-01", Name = "T-shirt", ListPriceCents = 12_900, Active = true };
            db.Skus.Add(sku);
            await db.SaveChangesAsync();
            skuId = sku.Id;
            sku.ListPriceCents = 9_900;
            await db.SaveChangesAsync();
        }
        await using var ctx = NewPage(out var render);
        var page = render();

        page.WaitForAssertion(() => Assert.Contains("周杰 (E7)", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        var text = page.Find("[data-testid=audit-table]").TextContent;
        var metric = _harness.Get<MetricCatalogue>().Find(ServiceMetricSource.ReplyTimeliness)!.Name(CultureInfo.GetCultureInfo("en"));
        Assert.Contains($"Employee · 周杰 (E7)", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Employee #{zhou.Id}", text, StringComparison.Ordinal);
        Assert.Contains($"KPI target · Customer service · Month · {metric}", text, StringComparison.Ordinal);
        Assert.Contains("Value: ∅ → 90.0%", text, StringComparison.Ordinal);
        Assert.Contains("Value: 90.0% → 95.0%", text, StringComparison.Ordinal);
        Assert.Contains("SKU · TEE-01", text, StringComparison.Ordinal);
        Assert.Contains("List price: ¥129.00 → ¥99.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"SKU #{skuId}", text, StringComparison.Ordinal);

        var (bytes, _, _) = await page.InvokeAsync(() => page.Instance.BuildWorkbookAsync());
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var cells = workbook.Worksheet(AuditWorkbook.SheetName).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(cells, c => c.Contains("Value: 90.0% → 95.0%", StringComparison.Ordinal));
        Assert.Contains("Employee · 周杰 (E7)", cells);
    }

    [Theory]
    [InlineData(AuditSort.When, false, "a,b,c")]
    [InlineData(AuditSort.When, true, "c,b,a")]
    [InlineData(AuditSort.Who, false, "b,c,a")]
    [InlineData(AuditSort.Who, true, "a,c,b")]
    [InlineData(AuditSort.Action, false, "c,a,b")]
    [InlineData(AuditSort.Action, true, "b,a,c")]
    [InlineData(AuditSort.Record, false, "a,c,b")]
    [InlineData(AuditSort.Record, true, "b,c,a")]
    public async Task The_trail_sorts_server_side_by_each_sortable_column(AuditSort sort, bool descending, string keys)
    {
        await SeedAsync(
            Entry(1, "zed@ecomops.local", "Employee", "a", AuditAction.Deleted),
            Entry(2, "amy@ecomops.local", "Ticket", "b", AuditAction.Updated),
            Entry(3, "max@ecomops.local", "Sku", "c", AuditAction.Created));

        // One row a page: the order comes from the database, not from sorting the rows already fetched.
        var trail = _harness.Get<AuditTrail>();
        var shown = new List<string>();
        for (var skip = 0; skip < 3; skip++)
        {
            shown.Add((await trail.SearchAsync(new AuditQuery(Skip: skip, Take: 1, Sort: sort, Descending: descending))).Items.Single().EntityKey);
        }

        Assert.Equal(keys, string.Join(',', shown));
    }

    [Fact]
    public async Task The_who_filter_finds_a_person_by_the_name_the_trail_shows()
    {
        await _harness.Get<EmployeeDirectory>().CreateAsync(new Actor("admin-id", "admin@ecomops.local"), new EmployeeForm
        {
            EmployeeNumber = "E1", FullName = "周杰", Email = "zhou.jie@ecomops.local", Role = Roles.CsAgent, HireDate = new DateOnly(2024, 1, 2), Password = "welcome123",
        });
        await SeedAsync(
            Entry(1, "zhou.jie@ecomops.local", "Ticket", "1", AuditAction.Updated),
            Entry(2, "amy@ecomops.local", "Ticket", "2", AuditAction.Updated));

        var found = await _harness.Get<AuditTrail>().SearchAsync(new AuditQuery(Actor: "周杰"));

        Assert.Equal("1", Assert.Single(found.Items).EntityKey);
    }

    [Fact]
    public async Task Clicking_a_column_header_sorts_the_page_on_the_server()
    {
        await SeedAsync(
            Entry(1, "zed@ecomops.local", "Employee", "a", AuditAction.Deleted),
            Entry(2, "amy@ecomops.local", "Ticket", "b", AuditAction.Updated),
            Entry(3, "max@ecomops.local", "Sku", "c", AuditAction.Created));
        await using var ctx = NewPage(out var render);
        var page = render();
        page.WaitForAssertion(() => Assert.Equal(["SKU #c", "Ticket #b", "Employee #a"], RecordsShown(page)), TimeSpan.FromSeconds(5));

        page.FindAll(".mud-table-sort-label")[1].Click();

        page.WaitForAssertion(() => Assert.Equal(["Ticket #b", "SKU #c", "Employee #a"], RecordsShown(page)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_export_holds_the_filtered_rows_in_words_and_a_formula_like_value_stays_inert()
    {
        const string Formula = "=HYPERLINK(\"http://evil\",\"x\")";
        await SeedAsync(
            Entry(1, Formula, "Supplier", "1", AuditAction.Created, new FieldChange("Name", null, "+Acme"), new FieldChange("LeadTimeDays", null, "7")),
            Entry(2, "system", "Supplier", "2", AuditAction.Updated, new FieldChange("Name", "Acme", "Acme Trading")),
            Entry(3, "system", "Ticket", "9", AuditAction.Updated));
        await using var ctx = NewPage(out var render);
        var page = render();
        page.WaitForAssertion(() => Assert.Equal(3, RecordsShown(page).Count), TimeSpan.FromSeconds(5));
        var entityFilter = page.FindComponents<MudSelect<string>>().Single();
        await page.InvokeAsync(() => entityFilter.Instance.ValueChanged.InvokeAsync("Supplier"));
        page.WaitForAssertion(() => Assert.Equal(2, RecordsShown(page).Count), TimeSpan.FromSeconds(5));

        var (bytes, rows, total) = await page.InvokeAsync(() => page.Instance.BuildWorkbookAsync());

        Assert.Equal((2, 2), (rows, total));
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(AuditWorkbook.SheetName);
        Assert.Equal(["When", "Who", "Action", "Record", "Changes (old → new)"], Enumerable.Range(1, 5).Select(c => sheet.Cell(AuditWorkbook.TableHeaderRow, c).GetString()));
        var table = Enumerable.Range(AuditWorkbook.TableHeaderRow + 1, 3).Select(r => sheet.Row(r)).ToList();
        Assert.Equal(["Supplier #2", "Supplier #1", ""], table.Select(r => r.Cell(4).GetString()));
        Assert.Equal(["Console (automatic)", Formula], table.Take(2).Select(r => r.Cell(2).GetString()));
        Assert.Equal("27 Nov 2026 10:02", table[0].Cell(1).GetString());
        var formulaLike = table[1].Cell(2);
        Assert.False(formulaLike.HasFormula);
        Assert.True(formulaLike.Style.IncludeQuotePrefix);
        Assert.Equal("Name: ∅ → +Acme\nLead time (days): ∅ → 7", table[1].Cell(5).GetString());
        // Widths from the data: the changes column is as wide as its longest line, not a default.
        Assert.InRange(sheet.Column(5).Width, 25, 40);
    }

    private static IReadOnlyList<string> RecordsShown(IRenderedComponent<AuditTrailPage> page) =>
        page.FindAll("tbody tr td:nth-child(4)").Select(td => td.TextContent.Trim()).ToList();

    private BunitContext NewPage(out Func<IRenderedComponent<AuditTrailPage>> render)
    {
        var ctx = ComponentHarness.NewContext(_harness);
        ctx.AddAuthorization().SetAuthorized("admin@ecomops.local").SetRoles(Roles.Admin).SetPolicies(Permissions.ReadAuditTrail);
        ctx.Render<MudPopoverProvider>();
        render = () => ctx.Render<AuditTrailPage>();
        return ctx;
    }

    private AuditEntry Entry(int minute, string actor, string type, string key, AuditAction action, params FieldChange[] changes) => new()
    {
        AtUtc = _harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(minute),
        ActorId = actor == Actor.System.Name ? null : $"{actor}-id",
        ActorName = actor,
        EntityType = type,
        EntityKey = key,
        Action = action,
        Changes = [.. changes],
    };

    private async Task SeedAsync(params AuditEntry[] entries)
    {
        await using var db = _harness.NewDb();
        await db.AuditEntries.ExecuteDeleteAsync();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("NextDueUtc", "Next due")]
    [InlineData("ResponsiblePersonId", "Responsible person")]
    [InlineData("Id", "Id")]
    public void A_field_without_a_translation_is_spelled_out_from_its_code_name(string field, string shown) =>
        Assert.Equal(shown, AuditTrailPage.SpelledOut(field));
}
