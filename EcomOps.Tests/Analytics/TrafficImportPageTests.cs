using Bunit;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

public sealed class TrafficImportPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Problems_are_listed_and_the_import_waits_for_the_users_confirmation()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<TrafficImport>());
        ctx.Services.AddSingleton(_harness.Get<SourceTrafficImport>());
        ctx.Services.AddSingleton(_harness.Get<ListingTrafficImport>());
        ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.ImportPlatformReports);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        var page = ctx.Render<TrafficImportPage>();
        page.WaitForElement("[data-testid=traffic-none]");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(string.Join("\n",
            "channel,date,visits,page_views,visitors,new_visitors",
            "JD,2026-11-20,500,1500,300,90",
            "JD,2026-11-20,510,1500,300,90",
            "Tmall,2026-11-21,100,50,70,20"), "jd.csv"));

        page.WaitForElement("[data-testid=traffic-summary]");
        Assert.Contains("1 rows to import, 1 invalid lines, 1 duplicates", page.Find("[data-testid=traffic-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Fewer page views than visits", page.Find("[data-testid=traffic-invalid]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Line 3 (the last) is kept", page.Find("[data-testid=traffic-duplicates]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=traffic-import]").HasAttribute("disabled"));

        page.FindComponent<MudCheckBox<bool>>().Find("input").Change(true);
        page.Find("[data-testid=traffic-import]").Click();

        page.WaitForElement("[data-testid=traffic-recent]");
        await using var db = _harness.NewDb();
        Assert.Equal(510, (await db.TrafficDays.SingleAsync()).Visits);
    }

    [Fact]
    public async Task A_file_with_the_wrong_columns_says_which_columns_are_expected()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<TrafficImport>());
        ctx.Services.AddSingleton(_harness.Get<SourceTrafficImport>());
        ctx.Services.AddSingleton(_harness.Get<ListingTrafficImport>());
        ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.ImportPlatformReports);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        var page = ctx.Render<TrafficImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("渠道,日期,访问量\n天猫,2026-11-01,100", "wrong.csv"));

        page.WaitForElement("[data-testid=traffic-file-error]");
        Assert.Contains("channel,date,visits,page_views,visitors,new_visitors", page.Find("[data-testid=traffic-file-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=traffic-import]"));
    }
}
