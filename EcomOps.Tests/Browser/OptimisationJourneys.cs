using EcomOps.Domain.Analytics.Optimisation;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>The system clock moved on by whole days on demand: what "two weeks later" means to the console under test.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Offset += by;
}

/// <summary>The console with a clock the journey can move on.</summary>
public sealed class MovableClockHost : BrowserHost
{
    public MovableClock Clock { get; } = new();

    protected override OpsWebFactory CreateConsole() => new() { TestServices = services => services.AddSingleton<TimeProvider>(Clock) };
}

/// <summary>A low-conversion finding turned into a design request, the page delivered, and two weeks later its measured effect on the card.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class OptimisationJourneys(MovableClockHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<MovableClockHost>
{
    private IDbContextFactory<OpsDb> Factory => Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>();

    /// <summary>Writes a listing's daily report over the days (replacing what was there), as an import would.</summary>
    private async Task TrafficAsync(int listingId, DateOnly from, DateOnly to, int visitors, int buyers)
    {
        await using var db = await Factory.CreateDbContextAsync();
        await db.ListingTrafficDays.Where(d => d.ListingId == listingId && d.Day >= from && d.Day <= to).ExecuteDeleteAsync();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            db.ListingTrafficDays.Add(new ListingTrafficDay
            {
                ListingId = listingId, Day = day, Visitors = visitors, PageViews = visitors * 2, AddToCart = visitors / 10, PayingBuyers = buyers,
                ImportedAtUtc = DateTime.UtcNow, SourceFile = "item-report.xlsx",
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task<Actor> PersonAsync(string email)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var e = await db.Employees.AsNoTracking().SingleAsync(x => x.Email == email);
        return Actor.Person(e.UserId, email, e.Role);
    }

    [SkippableFact]
    public async Task The_manager_turns_a_low_conversion_finding_into_a_design_request_and_two_weeks_after_delivery_the_card_shows_its_effect()
    {
        var page = await NewPageAsync();
        var clock = ((MovableClockHost)Host).Clock;
        var time = Host.Services.GetRequiredService<CompanyTime>();
        var today = time.Today;
        // Two live listings of one category; the weak one has no open finding yet.
        int weak, strong;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var open = await db.Set<OptimisationFinding>().Where(f => f.State != FindingState.Closed && f.ListingId != null).Select(f => f.ListingId!.Value).ToListAsync();
            var live = await (from l in db.Listings
                              join p in db.Products on l.ProductId equals p.Id
                              where l.State == ListingState.Live && p.CategoryId != null
                              orderby l.Id
                              select new { l.Id, p.CategoryId }).ToListAsync();
            var pair = live.GroupBy(l => l.CategoryId).First(g => g.Count() >= 2 && g.Any(l => !open.Contains(l.Id)));
            weak = pair.First(l => !open.Contains(l.Id)).Id;
            strong = pair.First(l => l.Id != weak).Id;
            // The rest of the category is these two listings only over the days the journey looks at.
            var others = await (from l in db.Listings
                                join p in db.Products on l.ProductId equals p.Id
                                where p.CategoryId == pair.Key && l.Id != weak && l.Id != strong
                                select l.Id).ToListAsync();
            await db.ListingTrafficDays.Where(d => others.Contains(d.ListingId) && d.Day >= today.AddDays(-14)).ExecuteDeleteAsync();
        }
        // The last two weeks: the weak listing converts 1 in 200 (0.5%), its category neighbour 10 in 200 (5%).
        await TrafficAsync(weak, today.AddDays(-14), today.AddDays(-1), 200, 1);
        await TrafficAsync(strong, today.AddDays(-14), today.AddDays(-1), 200, 10);
        await Host.Services.GetRequiredService<OptimisationScan>().RunAsync();
        int findingId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            findingId = await db.Set<OptimisationFinding>().Where(f => f.ListingId == weak && f.Rule == OptimisationRule.LowConversion && f.State == FindingState.New)
                .Select(f => f.Id).SingleAsync();
        }

        // The manager opens the board and turns the finding into a design request in one click.
        await SignInAsync(page, "opsmanager@ecomops.local");
        await page.GotoAsync("analytics/optimisation");
        await WaitForCircuitAsync(page);
        var card = page.Locator($"[data-testid=optimise-card-{findingId}]");
        await Expect(page.Locator($"[data-testid=optimise-column-New] [data-testid=optimise-card-{findingId}]")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=optimise-evidence-{findingId}]")).ToContainTextAsync("0.50%");
        await card.Locator($"[data-testid=optimise-act-{findingId}]").ClickAsync();
        await Expect(page.Locator($"[data-testid=optimise-column-InProgress] [data-testid=optimise-card-{findingId}]")).ToBeVisibleAsync();
        var link = page.Locator($"[data-testid=optimise-work-{findingId}] a");
        await Expect(link).ToBeVisibleAsync();

        // The link opens the design request, briefed from the listing and naming the finding.
        await link.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/design/requests/", StringComparison.Ordinal), BrowserJourney.Committed);
        var requestId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=optimise-finding-link]")).ToContainTextAsync($"F{findingId:D5}");
        await Expect(page.Locator("[data-testid=design-brief]")).ToContainTextAsync("0.50%");

        // The design team delivers it (through the Domain, as its own journey covers the screens).
        var desk = Host.Services.GetRequiredService<DesignDesk>();
        var queries = Host.Services.GetRequiredService<DesignQueries>();
        async Task<long> Version() => (await queries.DetailAsync(requestId))!.Request.Version;
        var supervisor = await PersonAsync("designsupervisor@ecomops.local");
        var designer = await PersonAsync("designer@ecomops.local");
        var manager = await PersonAsync("opsmanager@ecomops.local");
        int designerId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            designerId = await db.Employees.Where(e => e.Email == "designer@ecomops.local").Select(e => e.Id).SingleAsync();
        }
        var picture = DemoImages.Render(2, 300);
        Assert.True((await desk.AssignAsync(supervisor, requestId, await Version(), designerId)).Succeeded);
        Assert.True((await desk.SubmitAsync(designer, requestId, await Version(), [new DesignUpload("detail.jpg", picture.Length, new MemoryStream(picture))], "新详情页")).Succeeded);
        Assert.True((await desk.ReviewAsync(supervisor, requestId, await Version(), new DesignReviewForm { BrandFit = 5, VisualEffect = 5, Creativity = 4, Approve = true })).Succeeded);
        Assert.True((await desk.DeliverAsync(manager, requestId, await Version(), 5, null)).Succeeded);

        // The nightly scan sees the delivery: the card is measuring.
        await Host.Services.GetRequiredService<OptimisationScan>().RunAsync();
        await page.GotoAsync("analytics/optimisation");
        await WaitForCircuitAsync(page);
        await Expect(page.Locator($"[data-testid=optimise-column-Measuring] [data-testid=optimise-card-{findingId}]")).ToBeVisibleAsync();

        // The two weeks after delivery: the new page converts 12 in 200 (6%), the neighbour still 10 in 200.
        await TrafficAsync(weak, today.AddDays(1), today.AddDays(14), 200, 12);
        await TrafficAsync(strong, today.AddDays(1), today.AddDays(14), 200, 10);
        clock.Advance(TimeSpan.FromDays(15));
        await Host.Services.GetRequiredService<OptimisationScan>().RunAsync();

        // Two weeks on (a new sign-in: yesterday's has expired), the card is closed with its measured effect.
        var later = await NewPageAsync();
        await SignInAsync(later, "opsmanager@ecomops.local");
        await later.GotoAsync("analytics/optimisation");
        await WaitForCircuitAsync(later);
        var outcome = later.Locator($"[data-testid=optimise-column-Closed] [data-testid=optimise-outcome-{findingId}]");
        await Expect(outcome).ToHaveAttributeAsync("data-outcome", nameof(FindingOutcome.Improved));
        // (6% − 0.5%) − (5% − 5%) = 5.5 points.
        await Expect(outcome).ToContainTextAsync("0.50% → 6.00%");
        await Expect(outcome).ToContainTextAsync("+5.50 pts");
        await Expect(later.Locator("[data-testid=optimise-outcomes]")).ToContainTextAsync($"F{findingId:D5}");
        Assert.Empty(BrowserErrors);
    }
}
