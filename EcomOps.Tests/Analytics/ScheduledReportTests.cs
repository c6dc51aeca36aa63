using System.Net;
using ClosedXML.Excel;
using EcomOps.Console.Jobs;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Hangfire;
using Hangfire.States;
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

        var runs = new[] { jobs.TriggerJob(RecurringJobs.MonthlyKpiReport), jobs.TriggerJob(RecurringJobs.MonthlyKpiReport) };

        // Both runs must have finished before counting the workbooks: the second run is the one that could add a second.
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        string[] finished = [SucceededState.StateName, FailedState.StateName, DeletedState.StateName];
        string?[] states = [];
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            using var connection = storage.GetConnection();
            states = runs.Select(id => connection.GetStateData(id)?.Name).ToArray();
            if (states.All(finished.Contains))
            {
                break;
            }
            await Task.Delay(200);
        }
        Assert.All(states, s => Assert.Equal(SucceededState.StateName, s));
        var reports = await archive.ListAsync(Enum.GetValues<Team>());
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
