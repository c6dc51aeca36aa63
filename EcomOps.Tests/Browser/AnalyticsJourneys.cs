using System.Globalization;
using ClosedXML.Excel;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>A manager takes last month's customer-service KPI sheet home as a workbook; an agent is refused it.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class AnalyticsJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task A_manager_downloads_last_months_service_kpi_sheet_and_an_agent_is_refused_it()
    {
        var manager = await NewPageAsync();
        var agentId = await AgentHoldsAnOpenTicketAsync();
        var lastMonth = ReportPeriod.Containing(PeriodKind.Month, Host.Services.GetRequiredService<CompanyTime>().Today).Previous();
        await SignInAsync(manager, "opsmanager@ecomops.local");

        await manager.GotoAsync("analytics/kpi");
        await WaitForCircuitAsync(manager);
        await manager.Locator("[data-testid=kpi-team-CustomerService]").ClickAsync();
        await manager.Locator("[data-testid=period-previous]").ClickAsync();
        // The screen says the month as an English reader does; the file keeps the stable 2026-10.
        await Expect(manager.Locator("[data-testid=period-label]")).ToHaveTextAsync(lastMonth.Start.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en")));
        var backlogOnScreen = manager.Locator($"[data-testid='kpi-cell-{agentId}-{ServiceMetricSource.Backlog}']");
        await Expect(backlogOnScreen).ToHaveTextAsync("1");
        var name = (await manager.Locator($"[data-testid=kpi-row-{agentId}] td").First.InnerTextAsync()).Split(' ', 2)[0];

        var download = await manager.RunAndWaitForDownloadAsync(() => manager.Locator("[data-testid=kpi-download]").ClickAsync());
        Assert.Equal($"kpi-customerservice-{lastMonth.Label}.xlsx", download.SuggestedFilename);
        await using (var file = File.OpenRead(await download.PathAsync()))
        {
            using var workbook = new XLWorkbook(file);
            var sheet = workbook.Worksheet("Customer service");
            Assert.Contains(lastMonth.DayRange, sheet.Cell(2, 1).GetString(), StringComparison.Ordinal);
            var metric = Host.Services.GetRequiredService<MetricCatalogue>().Find(ServiceMetricSource.Backlog)!;
            var column = sheet.Row(KpiWorkbook.TableHeaderRow).CellsUsed().Single(c => c.GetString() == metric.NameEn).Address.ColumnNumber;
            var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString().StartsWith(name, StringComparison.Ordinal));
            Assert.Equal(1, row.Cell(column).GetDouble());
        }

        var agent = await NewPageAsync();
        await SignInAsync(agent, "agent@ecomops.local");
        await agent.GotoAsync("analytics/kpi");
        await agent.WaitForURLAsync(url => url.Contains("AccessDenied", StringComparison.Ordinal), BrowserJourney.Committed);
        var refused = await agent.Context.APIRequest.GetAsync($"api/analytics/kpi-workbook?kind=Month&start={lastMonth.Start:yyyy-MM-dd}&team=CustomerService");
        Assert.Equal(403, refused.Status);
        Assert.Contains("may export KPI sheets", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Empty(BrowserErrors);
    }

    /// <summary>Backlog counts the tickets an agent holds now, so it is the one figure the minimal demo gives last month.</summary>
    private async Task<int> AgentHoldsAnOpenTicketAsync()
    {
        var dbFactory = Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
        var employee = await db.Employees.SingleAsync(e => e.UserId == user.Id);
        var actor = new Actor(user.Id, user.UserName!);
        var desk = Host.Services.GetRequiredService<TicketDesk>();
        var id = (await desk.CreateAsync(actor, new TicketForm
        {
            Channel = TicketChannel.Email, CustomerName = "周先生", CustomerContact = "13700000000", Subject = "Invoice", Category = TicketCategories.Other, Message = "Please send the invoice",
        })).Value;
        await desk.ClaimAsync(actor, id);
        return employee.Id;
    }
}
