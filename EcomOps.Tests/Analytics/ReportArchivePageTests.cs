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
        _harness = await DomainHarness.StartAsync();
        await _harness.Get<DemoDataGenerator>().SeedAsync(DemoSize.Minimal);
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
}
