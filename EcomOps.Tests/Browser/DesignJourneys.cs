using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>A detail page from request to delivery through the console, by the three people it takes.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class DesignJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    private static FilePayload Picture(int look, string name) => new() { Name = name, MimeType = "image/jpeg", Buffer = DemoImages.Render(look, 300) };

    private static async Task ScoreAsync(IPage page, int stars)
    {
        foreach (var criterion in new[] { "brand", "visual", "creativity" })
        {
            await page.Locator($"[data-testid=design-score-{criterion}] .mud-rating-item").Nth(stars - 1).ClickAsync();
        }
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email);
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    [SkippableFact]
    public async Task A_detail_page_goes_from_request_through_a_rework_round_to_delivery_onto_the_listing_and_into_the_design_kpis()
    {
        var factory = Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>();
        int listingId, designerId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            listingId = await db.Listings.Where(l => l.State == ListingState.Live).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
            designerId = await db.Employees.Where(e => e.Email == "designer@ecomops.local").Select(e => e.Id).SingleAsync();
        }

        // The operations specialist asks for a detail page from the listing's page.
        var specialist = await SignedInAsync("specialist@ecomops.local");
        await OpenAsync(specialist, $"catalog/listings/{listingId}");
        await specialist.Locator("[data-testid=listing-request-design]").ClickAsync();
        await specialist.Locator("textarea[data-testid=design-request-brief]").FillAsync("突出面料柔软，夏季主题 · soft fabric, summer theme");
        await specialist.Locator("[data-testid=design-request-save]").ClickAsync();
        await Expect(specialist.Locator(".mud-dialog")).ToHaveCountAsync(0);
        int id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            id = await db.Set<DesignRequest>().Where(r => r.ListingId == listingId && r.State == DesignState.Requested).MaxAsync(r => r.Id);
        }
        var number = DesignRules.NumberOf(id);
        await Expect(specialist.Locator($"[data-testid=listing-design-{id}]")).ToContainTextAsync(number);

        // The supervisor assigns it, seeing each designer's load.
        var supervisor = await SignedInAsync("designsupervisor@ecomops.local");
        await OpenAsync(supervisor, $"design/requests/{id}");
        await supervisor.Locator("[data-testid=design-assign]").ClickAsync();
        await supervisor.Locator($"[data-testid=design-designer-{designerId}] input[type=radio]").CheckAsync();
        await supervisor.Locator("[data-testid=design-assign-save]").ClickAsync();
        await Expect(supervisor.Locator("[data-testid=design-assign]")).ToContainTextAsync("Reassign");

        // The designer uploads a first version; the supervisor asks for changes; a second version; approved.
        var designer = await SignedInAsync("designer@ecomops.local");
        await Expect(designer.Locator($"[data-testid=home-design-task-{id}]")).ToBeVisibleAsync();
        await OpenAsync(designer, $"design/requests/{id}");
        await designer.Locator("input[type=file][data-testid=design-files]").SetInputFilesAsync([Picture(4, "detail-v1.jpg")]);
        await designer.Locator("[data-testid=design-submit]").ClickAsync();
        await Expect(designer.Locator("[data-testid=design-version-1]")).ToBeVisibleAsync();

        await Expect(supervisor.Locator("[data-testid=design-approve]")).ToBeVisibleAsync();
        await ScoreAsync(supervisor, 3);
        await supervisor.Locator("textarea[data-testid=design-review-comment]").FillAsync("主体再大一些 · make the product larger");
        await supervisor.Locator("[data-testid=design-ask-changes]").ClickAsync();
        await Expect(supervisor.Locator("[data-testid=design-rounds]")).ToContainTextAsync("1");

        await Expect(designer.Locator("[data-testid=design-last-note]")).ToContainTextAsync("make the product larger");
        await designer.Locator("input[type=file][data-testid=design-files]").SetInputFilesAsync([Picture(5, "detail-v2.jpg")]);
        await designer.Locator("[data-testid=design-submit]").ClickAsync();
        await Expect(designer.Locator("[data-testid=design-version-2]")).ToBeVisibleAsync();

        await Expect(supervisor.Locator("[data-testid=design-approve]")).ToBeVisibleAsync();
        await ScoreAsync(supervisor, 5);
        await supervisor.Locator("[data-testid=design-approve]").ClickAsync();
        await Expect(supervisor.Locator("[data-testid=design-state]")).ToContainTextAsync("Approved");

        // The specialist takes delivery and rates the cooperation; the listing shows the new pages.
        await OpenAsync(specialist, $"design/requests/{id}");
        await specialist.Locator("[data-testid=design-cooperation-score] .mud-rating-item").Nth(3).ClickAsync();
        await specialist.Locator("[data-testid=design-deliver]").ClickAsync();
        await Expect(specialist.Locator("[data-testid=design-state]")).ToContainTextAsync("Delivered");
        await OpenAsync(specialist, $"catalog/listings/{listingId}");
        await Expect(specialist.Locator($"[data-testid=listing-design-{id}] img[alt='detail-v2.jpg']")).ToBeVisibleAsync();

        // The design KPI sheet: the designer's delivered requests include this one, with its one rework round.
        await OpenAsync(supervisor, "analytics/kpi");
        await supervisor.Locator($"[data-testid='kpi-cell-{designerId}-{DesignMetricSource.Delivered}']").ClickAsync();
        await Expect(supervisor.Locator(".mud-dialog")).ToContainTextAsync(number);
        await supervisor.Locator(".mud-dialog .mud-dialog-actions button").ClickAsync();
        await Expect(supervisor.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await supervisor.Locator($"[data-testid='kpi-cell-{designerId}-{DesignMetricSource.Rework}']").ClickAsync();
        await Expect(supervisor.Locator(".mud-dialog").Locator("tr", new() { HasText = number })).ToContainTextAsync("↻ 1");
        Assert.Empty(BrowserErrors);
    }
}
