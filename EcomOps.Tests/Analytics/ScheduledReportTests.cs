using System.Net;
using ClosedXML.Excel;
using EcomOps.Console.Jobs;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Analytics;

public sealed class ScheduledReportTests : IDisposable
{
    private readonly OpsWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_monthly_build_triggered_twice_stores_one_workbook_that_managers_download_and_supervisors_may_not()
    {
        _ = _factory.Server;
        var jobs = (IRecurringJobManagerV2)_factory.Services.GetRequiredService<IRecurringJobManager>();
        var archive = _factory.Services.GetRequiredService<ReportArchive>();

        jobs.TriggerJob(RecurringJobs.MonthlyKpiReport);
        jobs.TriggerJob(RecurringJobs.MonthlyKpiReport);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        IReadOnlyList<ReportListItem> reports = [];
        while (DateTime.UtcNow < deadline)
        {
            reports = await archive.ListAsync(Enum.GetValues<Team>());
            if (reports.Count > 0 && reports.All(r => r.Status == ReportStatus.Ready))
            {
                break;
            }
            await Task.Delay(200);
        }
        // Give a second run that might still be on its way the time to show up.
        await Task.Delay(1000);
        reports = await archive.ListAsync(Enum.GetValues<Team>());
        var report = Assert.Single(reports);
        Assert.Equal(ReportStatus.Ready, report.Status);
        Assert.True(report.Scheduled);
        Assert.Equal(Enum.GetValues<Team>().Order(), report.Teams.Order());

        var manager = await _factory.SignedInClientAsync("opsmanager@ecomops.local");
        var download = await manager.GetAsync($"/api/analytics/reports/{report.Id}");
        var supervisor = await _factory.SignedInClientAsync("cssupervisor@ecomops.local");
        var refused = await supervisor.GetAsync($"/api/analytics/reports/{report.Id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal(6, workbook.Worksheets.Count);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await refused.Content.ReadAsStringAsync()));
    }
}
