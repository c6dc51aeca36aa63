using System.Globalization;
using ClosedXML.Excel;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Analytics;

public sealed class ReportArchiveTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private ReportArchive Archive => _harness.Get<ReportArchive>();

    private static readonly ReportRequest October = new(ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 10, 1)), [Team.CustomerService, Team.Design], "en");

    private static Func<string, string> Keys(CultureInfo _) => key => key;

    [Fact]
    public async Task The_same_build_requested_and_run_twice_stores_one_report_built_once()
    {
        var changes = new List<LiveChange>();
        using var _ = _harness.Feed.Subscribe(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; }, Boards.Reports);

        var first = await Archive.RequestAsync(October, scheduled: true, by: null);
        await Archive.BuildAsync(first.Id, Keys);
        var second = await Archive.RequestAsync(October with { Teams = [Team.Design, Team.CustomerService] }, scheduled: true, by: null);
        await Archive.BuildAsync(second.Id, Keys);

        Assert.Equal((first.Id, true), first);
        Assert.Equal((first.Id, false), second);
        var report = Assert.Single(await Archive.ListAsync(Enum.GetValues<Team>()));
        Assert.Equal((ReportStatus.Ready, 1, 100), (report.Status, report.Attempts, report.Progress));
        Assert.True(report.SizeBytes > 0);
        Assert.NotNull(report.BuildMilliseconds);
        var (_, content) = (await Archive.DownloadAsync(report.Id))!.Value;
        using var workbook = new XLWorkbook(new MemoryStream(content));
        Assert.Equal(5, workbook.Worksheets.Count);
        await WaitForAsync(() => { lock (changes) { return changes.Count >= 3; } });
    }

    [Fact]
    public async Task A_failed_build_keeps_its_error_and_the_retry_builds_it()
    {
        var (id, _) = await Archive.RequestAsync(October, scheduled: false, by: new Actor(null, "opsmanager@ecomops.local"));

        var failure = await Assert.ThrowsAsync<KeyNotFoundException>(() => Archive.BuildAsync(id, _ => key => throw new KeyNotFoundException($"No text for {key}")));
        var failed = (await Archive.ListAsync(Enum.GetValues<Team>())).Single();
        var again = await Archive.RequestAsync(October, scheduled: false, by: null);
        await Archive.BuildAsync(id, Keys);
        var built = (await Archive.ListAsync(Enum.GetValues<Team>())).Single();

        Assert.Equal((ReportStatus.Failed, failure.Message, 1), (failed.Status, failed.Error, failed.Attempts));
        Assert.Equal((id, true), again);
        Assert.Equal((ReportStatus.Ready, null, 2), (built.Status, built.Error, built.Attempts));
    }

    [Fact]
    public async Task A_supervisor_lists_only_reports_of_their_own_team_and_retention_removes_old_reports()
    {
        var (both, _) = await Archive.RequestAsync(October, scheduled: true, by: null);
        var own = new ReportRequest(October.Period, [Team.CustomerService], "en");
        var (cs, _) = await Archive.RequestAsync(own, scheduled: true, by: null);

        Assert.Equal([cs], (await Archive.ListAsync([Team.CustomerService])).Select(r => r.Id));

        _harness.Clock.Advance(TimeSpan.FromDays(_harness.Get<ReportSettings>().RetentionDays - 1));
        var recent = await Archive.RequestAsync(new ReportRequest(ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2027, 10, 1)), [Team.Design], "en"), true, null);
        _harness.Clock.Advance(TimeSpan.FromDays(2));
        var removed = await Archive.RemoveExpiredAsync();

        Assert.Equal(2, removed);
        Assert.Equal([recent.Id], (await Archive.ListAsync(Enum.GetValues<Team>())).Select(r => r.Id));
        Assert.DoesNotContain(both, (await Archive.ListAsync(Enum.GetValues<Team>())).Select(r => r.Id));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }
}
