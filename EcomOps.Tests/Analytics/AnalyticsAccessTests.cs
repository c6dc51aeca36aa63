using System.Net;
using ClosedXML.Excel;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Analytics;

public sealed class AnalyticsAccessTests(OpsWebFactory factory) : IClassFixture<OpsWebFactory>
{
    private const string LastMonth = "/api/analytics/kpi-workbook?kind=Month&start=2026-10-01";

    [Fact]
    public async Task An_agent_is_refused_the_workbook_with_a_message_and_the_sheet_page()
    {
        var client = await factory.SignedInClientAsync("agent@ecomops.local");

        var download = await client.GetAsync(LastMonth + "&team=CustomerService");
        var page = await client.GetAsync("/analytics/kpi");

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Contains("may export KPI sheets", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_and_a_designer_cannot_open_the_optimisation_board_and_a_specialist_and_a_manager_can()
    {
        foreach (var refused in new[] { "agent@ecomops.local", "designer@ecomops.local" })
        {
            var page = await (await factory.SignedInClientAsync(refused)).GetAsync("/analytics/optimisation");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        foreach (var allowed in new[] { "specialist@ecomops.local", "opsmanager@ecomops.local" })
        {
            var page = await (await factory.SignedInClientAsync(allowed)).GetAsync("/analytics/optimisation");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task A_cs_supervisor_exports_their_own_team_only()
    {
        var client = await factory.SignedInClientAsync("cssupervisor@ecomops.local");

        var own = await client.GetAsync(LastMonth + "&team=CustomerService");
        var other = await client.GetAsync(LastMonth + "&team=Design");
        var all = await client.GetAsync(LastMonth);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("kpi-customerservice-2026-10.xlsx", own.Content.Headers.ContentDisposition!.FileNameStar ?? own.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("only their own team", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await all.Content.ReadAsByteArrayAsync()));
        Assert.Equal(3, workbook.Worksheets.Count(w => w.Name is not KpiWorkbook.SummarySheet and not KpiWorkbook.DefinitionsSheet and not KpiWorkbook.SourcesSheet) + 2);
    }

    [Fact]
    public async Task Bad_periods_and_teams_are_refused_with_a_message_and_a_stranger_gets_401()
    {
        var client = await factory.SignedInClientAsync("opsmanager@ecomops.local");

        var badKind = await client.GetAsync("/api/analytics/kpi-workbook?kind=Fortnight&start=2026-10-01");
        var badTeam = await client.GetAsync(LastMonth + "&team=Marketing");
        var stranger = await factory.NewClient().GetAsync(LastMonth);

        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("period is not valid", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
    }
}
