using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>A specialist works a compliance finding of the demo audits: fixes the banned word and sees the finding close.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class ComplianceJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task A_specialist_fixes_a_banned_word_in_a_title_and_sees_the_finding_close_after_checking_again()
    {
        var finding = await SpecialistsBannedWordAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, "specialist@ecomops.local");

        await page.GotoAsync("catalog/findings");
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("input[data-testid=findings-mine]")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid^=finding-row-]").First).ToBeVisibleAsync();

        await page.GotoAsync($"catalog/listings/{finding.ListingId}");
        await WaitForCircuitAsync(page);
        await Expect(page.Locator($"[data-testid=finding-text-{finding.Id}] mark")).ToHaveTextAsync(finding.HighlightText!);
        var title = page.Locator("input[data-testid=listing-title-input]");
        await title.FillAsync((await title.InputValueAsync()).Replace(finding.HighlightText!, "", StringComparison.Ordinal).Trim());
        await page.Locator("[data-testid=listing-save]").ClickAsync();
        await Expect(page.Locator($"[data-testid=finding-text-{finding.Id}] mark")).ToHaveCountAsync(0);

        await page.Locator("[data-testid=listing-check-again]").ClickAsync();

        await Expect(page.Locator($"[data-testid=finding-closed-{finding.Id}]")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=finding-{finding.Id}]")).ToHaveCountAsync(0);
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        Assert.NotNull((await db.Set<ListingFinding>().SingleAsync(f => f.Id == finding.Id)).ClosedAtUtc);
        Assert.Empty(BrowserErrors);
    }

    /// <summary>
    /// One of the demo specialist's open banned-word findings in a title, on a listing they may edit: paused (by the audit
    /// for being overdue, or here by a manager's pause, as a live listing must be before anyone edits it).
    /// </summary>
    private async Task<ListingFinding> SpecialistsBannedWordAsync()
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var specialist = await db.Employees.Where(e => e.Email == "specialist@ecomops.local").Select(e => e.Id).SingleAsync();
        var findings = await db.Set<ListingFinding>().AsNoTracking()
            .Where(f => f.ClosedAtUtc == null && f.OwnerEmployeeId == specialist && f.Rule == ListingRuleKind.BannedWords && f.Field == FindingFields.Title)
            .OrderBy(f => f.Id).ToListAsync();
        var states = await db.Listings.AsNoTracking().Where(l => findings.Select(f => f.ListingId).Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => (l.State, l.Version));
        var finding = findings.FirstOrDefault(f => states[f.ListingId].State == ListingState.Paused) ?? findings.First();
        if (states[finding.ListingId] is (ListingState.Live, var version))
        {
            var paused = await Host.Services.GetRequiredService<ListingDesk>().PauseAsync(Actor.System, finding.ListingId, version);
            Assert.True(paused.Succeeded);
        }
        return finding;
    }
}
