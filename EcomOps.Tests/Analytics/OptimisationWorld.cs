using EcomOps.Domain.Analytics.Optimisation;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Tests.Catalog;
using EcomOps.Tests.Design;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Analytics;

/// <summary>
/// Two live listings of one category on the Tmall store: the tee (weak: 1.25% conversion over the last 14 days) and the
/// shorts (5%), so the low-conversion rule fires on the tee; the design team of <see cref="DesignWorld"/> to deliver its page.
/// </summary>
public sealed class OptimisationWorld(DesignWorld design) : IAsyncDisposable
{
    public DesignWorld Design { get; } = design;
    public DomainHarness Harness => Design.Listings.Catalog.Harness;
    public Actor Manager => Design.Listings.Manager;
    public Actor OtherManager => Design.Listings.OtherManager;
    public Actor Specialist => Design.Specialist;
    public OptimisationScan Scan => Harness.Get<OptimisationScan>();
    public OptimisationDesk Desk => Harness.Get<OptimisationDesk>();
    public int Weak => Design.Listing;
    public int Strong { get; private set; }
    public static DateOnly Today => DesignWorld.Today;

    public static async Task<OptimisationWorld> StartAsync()
    {
        var world = new OptimisationWorld(await DesignWorld.StartAsync());
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        await using var db = Harness.NewDb();
        var shorts = new Product { Name = "云朵短裤", CategoryId = Design.Listings.Category };
        db.Products.Add(shorts);
        await db.SaveChangesAsync();
        var listing = new Listing { ProductId = shorts.Id, ChannelId = Design.Listings.Tmall, Title = "云朵短裤 夏季", State = ListingState.Live };
        db.Listings.Add(listing);
        await db.Listings.Where(l => l.Id == Weak).ExecuteUpdateAsync(s => s.SetProperty(l => l.State, ListingState.Live));
        await db.SaveChangesAsync();
        Strong = listing.Id;
        // This shop counts a listing's conversion from 200 visitors in two weeks.
        db.Set<OptimisationSetting>().Add(new OptimisationSetting { Key = OptimisationThresholds.ConversionMinVisitors, Value = 200 });
        await db.SaveChangesAsync();
        // The last 14 days: the tee 40 visitors a day, a buyer every other day (7 / 560); the shorts 100 a day, 5 buyers (70 / 1400).
        await TrafficAsync(Weak, Today.AddDays(-14), Today.AddDays(-1), 40, day => day.DayNumber % 2 == 0 ? 1 : 0);
        await TrafficAsync(Strong, Today.AddDays(-14), Today.AddDays(-1), 100, _ => 5);
    }

    /// <summary>Writes (or replaces) a listing's days as its platform's report would.</summary>
    public async Task TrafficAsync(int listingId, DateOnly from, DateOnly to, int visitors, Func<DateOnly, int> buyers)
    {
        await using var db = Harness.NewDb();
        await db.ListingTrafficDays.Where(d => d.ListingId == listingId && d.Day >= from && d.Day <= to).ExecuteDeleteAsync();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            db.ListingTrafficDays.Add(new ListingTrafficDay
            {
                ListingId = listingId, Day = day, Visitors = visitors, PageViews = visitors * 2, AddToCart = visitors / 10, PayingBuyers = buyers(day),
                ImportedAtUtc = Harness.Clock.GetUtcNow().UtcDateTime, SourceFile = "item-report.xlsx",
            });
        }
        await db.SaveChangesAsync();
    }

    public async Task<List<OptimisationFinding>> FindingsAsync()
    {
        await using var db = Harness.NewDb();
        return await db.Set<OptimisationFinding>().AsNoTracking().OrderBy(f => f.Id).ToListAsync();
    }

    public async Task<OptimisationFinding> FindingAsync(int id) => (await FindingsAsync()).Single(f => f.Id == id);

    /// <summary>The tee's low-conversion finding after a scan.</summary>
    public async Task<OptimisationFinding> LowConversionAsync()
    {
        await Scan.RunAsync();
        return (await FindingsAsync()).Single(f => f.Rule == OptimisationRule.LowConversion && f.State != FindingState.Closed);
    }

    /// <summary>The design request made from a finding, taken through the design team to delivery by its requester.</summary>
    public async Task DeliverAsync(int requestId, Actor requester)
    {
        var d = Design;
        CatalogWorld.Done(await d.Desk.AssignAsync(d.Supervisor, requestId, await d.VersionOf(requestId), d.DesignerId));
        CatalogWorld.Done(await d.Desk.SubmitAsync(d.Designer, requestId, await d.VersionOf(requestId), [DesignWorld.Picture(1, "detail.jpg")], "新详情页"));
        CatalogWorld.Done(await d.Desk.ReviewAsync(d.Supervisor, requestId, await d.VersionOf(requestId), DesignWorld.Review(approve: true)));
        CatalogWorld.Done(await d.Desk.DeliverAsync(requester, requestId, await d.VersionOf(requestId), 5, null));
        Assert.Equal(DesignState.Delivered, (await d.DetailAsync(requestId)).Request.State);
    }

    public ValueTask DisposeAsync() => Design.DisposeAsync();
}
