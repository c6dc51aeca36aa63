using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Analytics;

public sealed class ReportRetryTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private ReportArchive Archive => _harness.Get<ReportArchive>();

    private static readonly ReportPeriod October = ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 10, 1));

    private static readonly Actor Manager = Actor.Person("u-m", "opsmanager@ecomops.local", Roles.OperationsManager);

    [Fact]
    public async Task The_archive_refuses_another_teams_workbook_a_future_period_and_a_role_without_kpi_exports()
    {
        var supervisor = Actor.Person("u-s", "cssupervisor@ecomops.local", Roles.CsSupervisor);
        var agent = Actor.Person("u-a", "agent@ecomops.local", Roles.CsAgent);
        var december = ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 12, 1));

        var otherTeam = await Archive.AskAsync(supervisor, new ReportRequest(October, [Team.Design], "en"));
        var future = await Archive.AskAsync(Manager, new ReportRequest(december, [Team.Operations], "en"));
        var notAllowed = await Archive.AskAsync(agent, new ReportRequest(October, [Team.CustomerService], "en"));
        var own = await Archive.AskAsync(supervisor, new ReportRequest(October, [Team.CustomerService], "en"));

        Assert.Equal(ReportArchive.TeamNotAllowed, Assert.Single(otherTeam.Errors).Code);
        Assert.Equal(ReportArchive.PeriodInFuture, Assert.Single(future.Errors).Code);
        Assert.Equal(ReportArchive.TeamNotAllowed, Assert.Single(notAllowed.Errors).Code);
        Assert.True(own.Succeeded && own.Value!.NeedsBuild);
        Assert.Single(await Archive.ListAsync(Enum.GetValues<Team>()));
    }

    [Fact]
    public async Task A_failed_build_can_be_retried_and_a_queued_one_only_once_it_is_stuck_for_half_an_hour()
    {
        var failed = (await Archive.AskAsync(Manager, new ReportRequest(October, [Team.Operations], "en"))).Value!.Id;
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Archive.BuildAsync(failed, _ => key => throw new KeyNotFoundException(key)));
        var queued = (await Archive.AskAsync(Manager, new ReportRequest(October, [Team.Design], "en"))).Value!.Id;

        Assert.True((await Archive.RetryAsync(Manager, failed)).Value);
        Assert.False((await Archive.RetryAsync(Manager, queued)).Value);
        _harness.Clock.Advance(ReportArchive.StuckAfter + TimeSpan.FromMinutes(1));
        Assert.True((await Archive.RetryAsync(Manager, queued)).Value);

        var rows = await Archive.ListAsync(Enum.GetValues<Team>());
        Assert.All(rows, r => Assert.Equal((ReportStatus.Queued, (string?)null), (r.Status, r.Error)));
        await Archive.BuildAsync(failed, _ => key => key);
        Assert.Equal(ReportStatus.Ready, (await Archive.ListAsync(Enum.GetValues<Team>())).Single(r => r.Id == failed).Status);
    }

    [Fact]
    public async Task A_build_left_unfinished_when_the_console_stopped_is_started_again_when_it_starts()
    {
        using var first = new OpsWebFactory();
        var factory = first.Services.GetRequiredService<IDbContextFactory<OpsDb>>();
        int id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            // What a stop in the middle of a build leaves behind: the job store that held its build is gone with the process.
            var report = new StoredReport
            {
                PeriodKind = PeriodKind.Month, PeriodStart = October.Start, PeriodEnd = October.End, Teams = nameof(Team.Design), Culture = "en",
                ParametersKey = $"stale|{Guid.NewGuid()}", Status = ReportStatus.Building, Progress = 40, Attempts = 1, RequestedAtUtc = DateTime.UtcNow,
            };
            db.StoredReports.Add(report);
            await db.SaveChangesAsync();
            id = report.Id;
        }

        // The console starts again on the same database.
        using var restarted = first.WithWebHostBuilder(_ => { });
        var archive = restarted.Services.GetRequiredService<ReportArchive>();

        var until = DateTime.UtcNow.AddSeconds(60);
        ReportListItem row;
        do
        {
            await Task.Delay(200);
            row = (await archive.ListAsync(Enum.GetValues<Team>())).Single(r => r.Id == id);
        }
        while (row.Status != ReportStatus.Ready && DateTime.UtcNow < until);
        Assert.Equal((ReportStatus.Ready, 100), (row.Status, row.Progress));
        Assert.Equal("en", CultureInfo.GetCultureInfo(row.Culture).Name);
    }
}
