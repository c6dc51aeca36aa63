using System.Globalization;
using Bunit;
using ClosedXML.Excel;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

public sealed class KpiSheetPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> WorkedTicketsAsync()
    {
        await using var db = _harness.NewDb();
        var user = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
        var agent = new Actor(user.Id, user.UserName!);
        var desk = _harness.Get<TicketDesk>();
        foreach (var minutes in new[] { 12, 45, 200 })
        {
            var id = (await desk.CreateAsync(agent, new TicketForm
            {
                Channel = TicketChannel.Email, CustomerName = "客户", CustomerContact = "13800000000", Subject = "Parcel", Category = TicketCategories.Other, Message = "Hello",
            })).Value;
            await desk.ClaimAsync(agent, id);
            _harness.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await desk.RefreshDueSlasAsync();
            await desk.ReplyAsync(agent, id, "Done", (await _harness.Get<TicketQueue>().FindAsync(id))!.Version, minutes > 100 ? TicketStatus.Open : TicketStatus.Solved);
        }
        return (await db.Employees.SingleAsync(e => e.UserId == user.Id)).Id;
    }

    private IRenderedComponent<KpiSheetPage> Render(BunitContext ctx, string role)
    {
        ctx.Services.AddSingleton(_harness.Get<KpiSheets>());
        ctx.Services.AddSingleton(_harness.Get<KpiTargets>());
        ctx.AddAuthorization().SetAuthorized($"{role}@ecomops.local").SetRoles(role).SetPolicies([.. Permissions.All.Where(p => Permissions.Allows(role, p))]);
        ctx.Render<MudPopoverProvider>();
        _dialogs = ctx.Render<MudDialogProvider>();
        return ctx.Render<KpiSheetPage>();
    }

    [Fact]
    public async Task Screen_and_workbook_show_the_same_number_for_every_metric()
    {
        var agentId = await WorkedTicketsAsync();
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = Render(ctx, Roles.OperationsManager);
        page.WaitForElement("[data-testid=kpi-total]");
        var today = _harness.Get<CompanyTime>().Today;

        var bytes = await _harness.Get<KpiExport>().BuildAsync([Team.CustomerService], ReportPeriod.Containing(PeriodKind.Month, today), k => k, CultureInfo.CurrentUICulture);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet("Team.CustomerService");
        var header = sheet.Row(KpiWorkbook.TableHeaderRow);
        var agentName = page.Find($"[data-testid=kpi-row-{agentId}] td").FirstChild!.TextContent.Trim();
        var agentRow = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == agentName);
        var totalRow = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Kpi.TeamTotal");
        var metrics = _harness.Get<MetricCatalogue>().ForTeam(Team.CustomerService);
        Assert.NotEmpty(metrics);
        foreach (var metric in metrics)
        {
            var column = header.CellsUsed().Single(c => c.GetString() == metric.Name(CultureInfo.CurrentUICulture)).Address.ColumnNumber;
            string InSheet(IXLRow row) => MetricText.Display(metric.Unit, row.Cell(column).IsEmpty() ? null : row.Cell(column).GetDouble(), CultureInfo.CurrentUICulture);

            Assert.Equal(page.Find($"[data-testid='kpi-total-{metric.Key}']").TextContent.Trim(), InSheet(totalRow));
            if (metric.PerEmployee)
            {
                Assert.Equal(page.Find($"[data-testid='kpi-cell-{agentId}-{metric.Key}']").TextContent.Trim(), InSheet(agentRow));
            }
        }
        Assert.NotEqual("—", page.Find($"[data-testid='kpi-total-{EcomOps.Domain.Analytics.Sources.ServiceMetricSource.FirstResponse}']").TextContent.Trim());
    }

    [Fact]
    public async Task A_number_opens_the_records_behind_it()
    {
        var agentId = await WorkedTicketsAsync();
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = Render(ctx, Roles.CsSupervisor);

        page.WaitForElement($"[data-testid='kpi-cell-{agentId}-service.tickets-solved']").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("2 of 2 records shown", _dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(2, _dialogs.FindAll("[data-testid=records-dialog] a[href^='/service/tickets/']").Count);
    }

    [Fact]
    public async Task A_supervisor_sees_only_their_own_team_and_the_design_team_has_its_own_metrics()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = Render(ctx, Roles.DesignSupervisor);

        page.WaitForElement("[data-testid=kpi-sheet]");

        Assert.Empty(page.FindAll("[data-testid=kpi-no-metrics]"));
        Assert.NotEmpty(page.FindAll($"[data-testid='kpi-target-{Domain.Design.DesignMetricSource.OnTime}']"));

        Assert.Single(page.FindAll("[data-testid^=kpi-team-]"));
        Assert.Empty(page.FindAll("[data-testid=kpi-download-all]"));
        Assert.Contains("team=Design", page.Find("[data-testid=kpi-download]").GetAttribute("href"), StringComparison.Ordinal);
    }
}
