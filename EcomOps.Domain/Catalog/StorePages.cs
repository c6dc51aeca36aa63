using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog;

/// <summary>The elements of a store's home page the rulebook names (店铺装修). The UI names each <c>Store.Element.{Name}</c>.</summary>
public enum StoreElement
{
    /// <summary>店铺招牌.</summary>
    ShopSign,

    /// <summary>导航.</summary>
    Navigation,

    /// <summary>轮播图.</summary>
    Carousel,

    /// <summary>商品推荐.</summary>
    Recommendations,

    /// <summary>活动展示.</summary>
    CampaignShowcase,
}

/// <summary>One element of one channel's store page as it is now: what is up there and who looks after it.</summary>
public sealed class StorePageElement : IVersioned, IAudited
{
    public const int MaxAssetLength = 300;

    public int ChannelId { get; set; }
    public StoreElement Element { get; set; }

    /// <summary>What is up now, in words or as a link to the artwork (e.g. "双12 主视觉 v2").</summary>
    public string? CurrentAsset { get; set; }

    public int? OwnerEmployeeId { get; set; }
    public DateTime? ChangedAtUtc { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A planned change of one element for an occasion (a festival, a campaign) by a date: the seasonal refresh plan. Until
/// a design request is linked (<see cref="DesignRequestId"/>), this is the task itself, with its owner and due date.
/// </summary>
public sealed class StoreRefresh : IVersioned, IAudited
{
    public const int MaxOccasionLength = 60;
    public const int MaxBriefLength = 500;

    public int Id { get; set; }
    public int ChannelId { get; set; }
    public StoreElement Element { get; set; }
    public required string Occasion { get; set; }
    public DateOnly DueDate { get; set; }
    public int? OwnerEmployeeId { get; set; }
    public string? Brief { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByName { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public string? DoneByName { get; set; }

    /// <summary>The design request that makes the new artwork; delivering it marks the refresh done.</summary>
    public int? DesignRequestId { get; set; }
    public long Version { get; set; }
}

public static class StorePageErrors
{
    public const string OwnerUnknown = "StoreOwnerUnknown";
    public const string DueInPast = "StoreDueInPast";
    public const string ChannelUnknown = "StoreChannelUnknown";
    public const string AlreadyDone = "StoreRefreshDone";
}

/// <summary>When a planned refresh is late or close: answered without a database, in the company's days.</summary>
public static class StoreRefreshRules
{
    /// <summary>Days before its date a refresh counts as due soon.</summary>
    public const int DueSoonDays = 3;

    public static bool IsOverdue(DateOnly dueDate, bool done, DateOnly today) => !done && dueDate < today;

    public static bool IsDueSoon(DateOnly dueDate, bool done, DateOnly today) => !done && dueDate >= today && dueDate.DayNumber - today.DayNumber <= DueSoonDays;
}

public sealed record StoreElementRow(StoreElement Element, string? CurrentAsset, int? OwnerId, string? OwnerName, DateTime? ChangedAtUtc, long Version,
    StoreRefreshRow? Next);

public sealed record StoreRefreshRow(int Id, int ChannelId, string ChannelName, StoreElement Element, string Occasion, DateOnly DueDate, int? OwnerId, string? OwnerName,
    string? Brief, DateTime? DoneAtUtc, string? DoneByName, long Version, bool Overdue, bool DueSoon, int? DesignRequestId = null);

public sealed class StoreRefreshForm
{
    public int ChannelId { get; set; }
    public StoreElement Element { get; set; }
    public string Occasion { get; set; } = "";
    public DateOnly? DueDate { get; set; }
    public int? OwnerId { get; set; }
    public string? Brief { get; set; }
}

/// <summary>
/// The store pages (店铺装修): each channel's checklist of the rulebook's elements and the seasonal refresh plan. People
/// who edit listings keep the checklist and finish refreshes; managers and directors (who run the stores) plan them.
/// </summary>
public sealed class StorePageDesk(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    /// <summary>The checklist of a channel: every element, whether or not anyone has filled it in yet, with its next open refresh.</summary>
    public async Task<IReadOnlyList<StoreElementRow>> ChecklistAsync(int channelId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.StorePageElements.AsNoTracking().Where(e => e.ChannelId == channelId).ToDictionaryAsync(e => e.Element, ct);
        var open = (await RefreshesAsync(db, channelId, includeDone: false, ct)).ToLookup(r => r.Element);
        var names = await NamesAsync(db, stored.Values.Select(e => e.OwnerEmployeeId), ct);
        return Enum.GetValues<StoreElement>().Select(element =>
        {
            var row = stored.GetValueOrDefault(element);
            return new StoreElementRow(element, row?.CurrentAsset, row?.OwnerEmployeeId, row?.OwnerEmployeeId is { } owner ? names.GetValueOrDefault(owner) : null,
                row?.ChangedAtUtc, row?.Version ?? 0, open[element].OrderBy(r => r.DueDate).FirstOrDefault());
        }).ToList();
    }

    /// <summary>The seasonal plan of one channel (or all), soonest first; done ones after the open ones when asked for.</summary>
    public async Task<IReadOnlyList<StoreRefreshRow>> PlanAsync(int? channelId, bool includeDone, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RefreshesAsync(db, channelId, includeDone, ct);
    }

    /// <summary>Every refresh past its date and not done, in every channel: what the operations manager's home page lists.</summary>
    public async Task<IReadOnlyList<StoreRefreshRow>> OverdueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today;
        return (await RefreshesAsync(db, null, includeDone: false, ct, dueBefore: today)).ToList();
    }

    /// <summary>Says what is up now on one element and who looks after it.</summary>
    public Task<Outcome<long>> SaveElementAsync(Actor actor, int channelId, StoreElement element, long version, string? asset, int? ownerId, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.EditListings))
            {
                return Outcome<long>.Invalid([Actor.NotPermitted]);
            }
            var errors = new List<FieldError>();
            CatalogRules.Optional(errors, "CurrentAsset", asset, StorePageElement.MaxAssetLength);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            if (!await db.SalesChannels.AnyAsync(c => c.Id == channelId, ct))
            {
                errors.Add(new FieldError("ChannelId", StorePageErrors.ChannelUnknown));
            }
            await CheckOwnerAsync(db, ownerId, errors, ct);
            if (errors.Count > 0)
            {
                return Outcome<long>.Invalid(errors);
            }
            var row = await db.StorePageElements.FirstOrDefaultAsync(e => e.ChannelId == channelId && e.Element == element, ct);
            if (row is null)
            {
                if (version != 0)
                {
                    return Outcome<long>.Conflict();
                }
                // Version 1 from the start: 0 stands for "nobody had filled it in" when two people open an empty element.
                row = new StorePageElement { ChannelId = channelId, Element = element, Version = 1 };
                db.StorePageElements.Add(row);
            }
            else if (row.Version != version)
            {
                return Outcome<long>.Conflict();
            }
            row.CurrentAsset = CatalogRules.Blank(asset);
            row.OwnerEmployeeId = ownerId;
            row.ChangedAtUtc = time.UtcNow;
            var saved = await CatalogDesk.SaveAsync(db, () => 0, ct);
            return saved.Succeeded ? Outcome<long>.Done(row.Version) : saved.Kind == OutcomeKind.Conflict ? Outcome<long>.Conflict() : Outcome<long>.Invalid(saved.Errors);
        }, ct);

    /// <summary>Plans a change of one element for an occasion by a date, owned by someone (its artwork is then asked of the design team as a design request).</summary>
    public Task<Outcome<int>> PlanRefreshAsync(Actor actor, StoreRefreshForm form, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.ManageChannels))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            var errors = new List<FieldError>();
            CatalogRules.Required(errors, nameof(form.Occasion), form.Occasion, StoreRefresh.MaxOccasionLength);
            CatalogRules.Optional(errors, nameof(form.Brief), form.Brief, StoreRefresh.MaxBriefLength);
            if (form.DueDate is not { } due)
            {
                errors.Add(new FieldError(nameof(form.DueDate), CatalogErrors.Required));
            }
            else if (due < time.Today)
            {
                errors.Add(new FieldError(nameof(form.DueDate), StorePageErrors.DueInPast));
            }
            if (!Enum.IsDefined(form.Element))
            {
                errors.Add(new FieldError(nameof(form.Element), CatalogErrors.Required));
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            if (!await db.SalesChannels.AnyAsync(c => c.Id == form.ChannelId && c.Active, ct))
            {
                errors.Add(new FieldError(nameof(form.ChannelId), StorePageErrors.ChannelUnknown));
            }
            await CheckOwnerAsync(db, form.OwnerId, errors, ct, nameof(form.OwnerId));
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            var refresh = new StoreRefresh
            {
                ChannelId = form.ChannelId, Element = form.Element, Occasion = form.Occasion.Trim(), DueDate = form.DueDate!.Value, OwnerEmployeeId = form.OwnerId,
                Brief = CatalogRules.Blank(form.Brief), CreatedAtUtc = time.UtcNow, CreatedByName = actor.Name,
            };
            db.StoreRefreshes.Add(refresh);
            return await CatalogDesk.SaveAsync(db, () => refresh.Id, ct);
        }, ct);

    /// <summary>Marks a refresh done; what went up (when given) becomes the element's current asset.</summary>
    public Task<Outcome<int>> CompleteAsync(Actor actor, int id, long version, string? newAsset, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.EditListings))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            var errors = new List<FieldError>();
            CatalogRules.Optional(errors, "CurrentAsset", newAsset, StorePageElement.MaxAssetLength);
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var refresh = await db.StoreRefreshes.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (refresh is null)
            {
                return Outcome<int>.NotFound();
            }
            if (refresh.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            if (refresh.DoneAtUtc is not null)
            {
                return Outcome<int>.Invalid([new FieldError("State", StorePageErrors.AlreadyDone)]);
            }
            refresh.DoneAtUtc = time.UtcNow;
            refresh.DoneByName = actor.Name;
            if (CatalogRules.Blank(newAsset) is { } asset)
            {
                var element = await db.StorePageElements.FirstOrDefaultAsync(e => e.ChannelId == refresh.ChannelId && e.Element == refresh.Element, ct);
                if (element is null)
                {
                    element = new StorePageElement { ChannelId = refresh.ChannelId, Element = refresh.Element, OwnerEmployeeId = refresh.OwnerEmployeeId, Version = 1 };
                    db.StorePageElements.Add(element);
                }
                element.CurrentAsset = asset;
                element.ChangedAtUtc = time.UtcNow;
            }
            var saved = await CatalogDesk.SaveAsync(db, () => refresh.Id, ct);
            if (saved.Succeeded)
            {
                await transaction.CommitAsync(ct);
            }
            return saved;
        }, ct);

    /// <summary>Takes a planned refresh off the plan (planned by mistake, or the occasion was dropped).</summary>
    public Task<Outcome<int>> CancelAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.ManageChannels))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var refresh = await db.StoreRefreshes.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (refresh is null)
            {
                return Outcome<int>.NotFound();
            }
            if (refresh.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            db.StoreRefreshes.Remove(refresh);
            return await CatalogDesk.SaveAsync(db, () => id, ct);
        }, ct);

    /// <summary>Who may own a store element or a refresh: an active person of operations or design.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OwnersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Employees.AsNoTracking().Where(e => e.Active && (e.Team == Team.Operations || e.Team == Team.Design))
            .OrderBy(e => e.FullName).Select(e => new { e.Id, e.FullName }).ToListAsync(ct)).Select(e => (e.Id, e.FullName)).ToList();
    }

    private static async Task CheckOwnerAsync(OpsDb db, int? ownerId, List<FieldError> errors, CancellationToken ct, string field = "OwnerId")
    {
        if (ownerId is { } owner && !await db.Employees.AnyAsync(e => e.Id == owner && e.Active && (e.Team == Team.Operations || e.Team == Team.Design), ct))
        {
            errors.Add(new FieldError(field, StorePageErrors.OwnerUnknown));
        }
    }

    private async Task<List<StoreRefreshRow>> RefreshesAsync(OpsDb db, int? channelId, bool includeDone, CancellationToken ct, DateOnly? dueBefore = null)
    {
        var query = db.StoreRefreshes.AsNoTracking();
        if (channelId is { } channel)
        {
            query = query.Where(r => r.ChannelId == channel);
        }
        if (!includeDone)
        {
            query = query.Where(r => r.DoneAtUtc == null);
        }
        if (dueBefore is { } before)
        {
            query = query.Where(r => r.DueDate < before);
        }
        var rows = await query.Join(db.SalesChannels, r => r.ChannelId, c => c.Id, (r, c) => new { r, ChannelName = c.Name }).ToListAsync(ct);
        var names = await NamesAsync(db, rows.Select(x => x.r.OwnerEmployeeId), ct);
        var today = time.Today;
        return rows.Select(x => new StoreRefreshRow(x.r.Id, x.r.ChannelId, x.ChannelName, x.r.Element, x.r.Occasion, x.r.DueDate, x.r.OwnerEmployeeId,
                x.r.OwnerEmployeeId is { } owner ? names.GetValueOrDefault(owner) : null, x.r.Brief, x.r.DoneAtUtc, x.r.DoneByName, x.r.Version,
                StoreRefreshRules.IsOverdue(x.r.DueDate, x.r.DoneAtUtc is not null, today), StoreRefreshRules.IsDueSoon(x.r.DueDate, x.r.DoneAtUtc is not null, today),
                x.r.DesignRequestId))
            .OrderBy(r => r.DoneAtUtc is not null).ThenBy(r => r.DueDate).ThenBy(r => r.ChannelName, StringComparer.Ordinal).ThenBy(r => r.Element).ToList();
    }

    private static async Task<Dictionary<int, string>> NamesAsync(OpsDb db, IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return await db.Employees.AsNoTracking().Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
    }
}

/// <summary>
/// Every channel's checklist filled in (owners from operations and design) and a seasonal plan around today: the
/// Double 12 refresh under way, Spring Festival ahead, and a couple of items already late.
/// </summary>
public sealed class StorePageDemoData(CompanyTime time) : IDemoDataArea
{
    // After the listings, with its own random numbers.
    public int Order => 75;

    public string Name => "store pages";

    public Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) => SeedAsync(db, new DemoRun(size, random, false), ct);

    public async Task SeedAsync(OpsDb db, DemoRun run, CancellationToken ct)
    {
        var random = new Random(DemoDataGenerator.Seed + 17);
        var channels = await db.SalesChannels.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Id).ToListAsync(ct);
        var owners = await db.Employees.AsNoTracking().Where(e => e.Active && (e.Role == Roles.OperationsSpecialist || e.Role == Roles.Designer))
            .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        if (channels.Count == 0 || owners.Count == 0)
        {
            return;
        }
        var today = time.Today;
        var now = time.UtcNow;
        // In the order of StoreElement: sign, navigation, carousel, recommendations, campaign showcase.
        string[] assets = ["品牌招牌 2026 · Brand sign 2026", "会员日导航 · Members' day navigation", "冬季主视觉 v3 · Winter key visual v3", "新品推荐位 · New arrivals slot", "双11 返场横幅 · 11.11 encore banner"];
        (string Occasion, int Days, StoreElement[] Elements)[] plan =
        [
            ("双11 返场收尾 · 11.11 wrap-up", -4, [StoreElement.CampaignShowcase]),
            ("双12 · Double 12", 5, [StoreElement.Carousel, StoreElement.CampaignShowcase, StoreElement.ShopSign]),
            ("元旦 · New Year", 24, [StoreElement.Carousel, StoreElement.Recommendations]),
            ("春节 · Spring Festival", 52, [StoreElement.ShopSign, StoreElement.Carousel, StoreElement.Navigation, StoreElement.CampaignShowcase]),
        ];
        foreach (var channel in channels)
        {
            foreach (var element in Enum.GetValues<StoreElement>())
            {
                db.StorePageElements.Add(new StorePageElement
                {
                    ChannelId = channel.Id, Element = element, CurrentAsset = assets[(int)element], OwnerEmployeeId = owners[random.Next(owners.Count)],
                    ChangedAtUtc = now.AddDays(-random.Next(3, 60)), Version = 1,
                });
            }
            foreach (var (occasion, days, elements) in plan)
            {
                foreach (var element in elements)
                {
                    // The wrap-up is late on some channels only; everything else is still open.
                    if (days < 0 && random.Next(2) == 0)
                    {
                        continue;
                    }
                    db.StoreRefreshes.Add(new StoreRefresh
                    {
                        ChannelId = channel.Id, Element = element, Occasion = occasion, DueDate = today.AddDays(days), OwnerEmployeeId = owners[random.Next(owners.Count)],
                        Brief = days < 0 ? "换回常规主视觉 · back to the everyday visual" : null, CreatedAtUtc = now.AddDays(-20), CreatedByName = "demo-data",
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class StorePageElementConfiguration : IEntityTypeConfiguration<StorePageElement>
{
    public void Configure(EntityTypeBuilder<StorePageElement> b)
    {
        b.HasKey(e => new { e.ChannelId, e.Element });
        b.Property(e => e.Element).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.CurrentAsset).HasMaxLength(StorePageElement.MaxAssetLength);
        b.HasOne<SalesChannel>().WithMany().HasForeignKey(e => e.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employee>().WithMany().HasForeignKey(e => e.OwnerEmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoreRefreshConfiguration : IEntityTypeConfiguration<StoreRefresh>
{
    public void Configure(EntityTypeBuilder<StoreRefresh> b)
    {
        b.Property(r => r.Element).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Occasion).HasMaxLength(StoreRefresh.MaxOccasionLength);
        b.Property(r => r.Brief).HasMaxLength(StoreRefresh.MaxBriefLength);
        b.Property(r => r.CreatedByName).HasMaxLength(256);
        b.Property(r => r.DoneByName).HasMaxLength(256);
        b.HasOne<SalesChannel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(r => r.OwnerEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Design.DesignRequest>().WithMany().HasForeignKey(r => r.DesignRequestId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.DoneAtUtc, r.DueDate });
        b.HasIndex(r => new { r.ChannelId, r.DueDate });
    }
}
