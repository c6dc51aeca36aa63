using Bunit;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

public sealed class ReportArchivePageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Build_now_queues_the_build_and_the_page_follows_it_live_until_it_says_ready()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        using var storage = new InMemoryStorage();
        var jobs = new BackgroundJobClient(storage);
        ctx.Services.AddSingleton(_harness.Get<ReportArchive>());
        ctx.Services.AddSingleton(_harness.Get<ReportSettings>());
        ctx.Services.AddSingleton<IBackgroundJobClient>(jobs);
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.ExportKpiSheets);
        ctx.Render<MudPopoverProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var page = ctx.Render<ReportArchivePage>();
        page.WaitForElement("[data-testid=reports-empty]");

        page.Find("[data-testid=reports-build]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Build queued", snackbars.Markup, StringComparison.Ordinal));
        var report = (await _harness.Get<ReportArchive>().ListAsync(Enum.GetValues<Team>())).Single();
        page.WaitForElement($"[data-testid=report-progress-{report.Id}]");
        Assert.Equal(1, storage.GetMonitoringApi().EnqueuedCount("default"));

        // What the queued job does, here in the test: the page hears every step on the reports board.
        await _harness.Get<ReportArchive>().BuildAsync(report.Id, _ => key => key);

        page.WaitForAssertion(() => Assert.Contains("Ready", page.Find($"[data-testid=report-status-{report.Id}]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        snackbars.WaitForAssertion(() => Assert.Contains($"{report.FileName} is ready", snackbars.Markup, StringComparison.Ordinal));
        Assert.Single(page.FindAll($"[data-testid=report-download-{report.Id}]"));

        page.Find("[data-testid=reports-build]").Click();
        snackbars.WaitForAssertion(() => Assert.Contains("already in the archive", snackbars.Markup, StringComparison.Ordinal));
        Assert.Single(await _harness.Get<ReportArchive>().ListAsync(Enum.GetValues<Team>()));
    }

    [Fact]
    public async Task A_failed_report_names_its_language_and_its_error_reads_as_one_sentence()
    {
        var archive = _harness.Get<ReportArchive>();
        var period = new Domain.Analytics.ReportPeriod(Domain.Analytics.PeriodKind.Month, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        var (id, _) = await archive.RequestAsync(new ReportRequest(period, [Team.Operations], "zh-Hans"), false, Domain.Data.Actor.System);
        await Assert.ThrowsAsync<InvalidOperationException>(() => archive.BuildAsync(id, _ => _ => throw new InvalidOperationException("The text source is unavailable.")));

        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(archive);
        ctx.Services.AddSingleton(_harness.Get<ReportSettings>());
        ctx.Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new InMemoryStorage()));
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.ExportKpiSheets);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<ReportArchivePage>();

        page.WaitForAssertion(() => Assert.Equal("Chinese", page.Find($"[data-testid=report-language-{id}]").TextContent.Trim()));
        Assert.Equal("Attempt 1 failed: The text source is unavailable. It is retried automatically.", page.Find($"[data-testid=report-error-{id}]").TextContent.Trim());
        Assert.Single(page.FindAll($"[data-testid=report-retry-{id}]"));
    }
}
