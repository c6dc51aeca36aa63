using System.Globalization;
using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Optimisation;

/// <summary>A card on the optimisation board: the finding and the work it became (its number and state in words' keys).</summary>
public sealed record FindingCard(OptimisationFinding Finding, string? WorkNumber, string? WorkState);

public sealed record OptimisationBoard(IReadOnlyList<FindingCard> Cards, OptimisationThresholdValues Thresholds);

public static class OptimisationErrors
{
    /// <summary>The finding was already turned into work (or closed) by someone else.</summary>
    public const string AlreadyActed = "OptimiseAlreadyActed";

    /// <summary>Only a task carried on the card is marked done there; a design request or campaign is done where it is worked.</summary>
    public const string NotATask = "OptimiseNotATask";

    /// <summary>A win-back campaign needs products to offer: nothing was sold in the last 90 days.</summary>
    public const string NothingToOffer = "OptimiseNothingToOffer";
}

/// <summary>
/// The board's moves: a manager turns a new finding into work in one step (a design request for a weak detail page, a
/// win-back campaign draft for customers at risk, a task on the card for stock, a complaint cause or a revenue gap), marks
/// a task done, and sets the rules' thresholds. Every move checks the actor's permission and the finding's version.
/// </summary>
public sealed class OptimisationDesk(IDbContextFactory<OpsDb> dbFactory, CompanyTime time, DesignDesk design, CampaignDesk campaigns)
{
    /// <summary>Closed cards the board shows (the newest); the outcomes list and export have them all.</summary>
    public const int ClosedShown = 30;

    /// <summary>How long the work a finding becomes is given.</summary>
    public const int WorkDays = 7;

    public async Task<OptimisationBoard> BoardAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Set<OptimisationFinding>().AsNoTracking().Where(f => f.State != FindingState.Closed).ToListAsync(ct);
        var closed = await db.Set<OptimisationFinding>().AsNoTracking().Where(f => f.State == FindingState.Closed)
            .OrderByDescending(f => f.ClosedAtUtc).ThenByDescending(f => f.Id).Take(ClosedShown).ToListAsync(ct);
        var all = open.Concat(closed).ToList();
        var designIds = all.Where(f => f.Work == FindingWork.DesignRequest).Select(f => f.WorkId!.Value).ToList();
        var campaignIds = all.Where(f => f.Work == FindingWork.CampaignDraft).Select(f => f.WorkId!.Value).ToList();
        var designs = await db.Set<DesignRequest>().AsNoTracking().Where(r => designIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.State, ct);
        var drafts = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.State, ct);
        var cards = all.OrderByDescending(f => f.FoundOn).ThenByDescending(f => f.Id).Select(f => f.Work switch
        {
            FindingWork.DesignRequest => new FindingCard(f, DesignRules.NumberOf(f.WorkId!.Value), designs.TryGetValue(f.WorkId.Value, out var s) ? $"DesignState.{s}" : null),
            FindingWork.CampaignDraft => new FindingCard(f, $"#{f.WorkId}", drafts.TryGetValue(f.WorkId!.Value, out var c) ? $"CampaignState.{c}" : null),
            _ => new FindingCard(f, null, null),
        }).ToList();
        return new OptimisationBoard(cards, await OptimisationScan.ThresholdsAsync(db, ct));
    }

    /// <summary>The finding a design request or campaign was made from, for a link back from the work's page.</summary>
    public async Task<OptimisationFinding?> FindingOfAsync(FindingWork work, int workId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<OptimisationFinding>().AsNoTracking().FirstOrDefaultAsync(f => f.Work == work && f.WorkId == workId, ct);
    }

    /// <summary>
    /// Turns a new finding into work, in one step: claims the card (so a second click, here or elsewhere, is refused as
    /// stale), creates the work through its own area's operation, and links it; if the work is refused, the card is left
    /// as it was.
    /// </summary>
    public async Task<Outcome<int>> ActAsync(Actor actor, int id, long version, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ActOnFindings))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        OptimisationFinding claimed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Actor = actor;
            var (finding, refusal) = await SeenAsync(db, id, version, ct);
            if (finding is null)
            {
                return refusal!;
            }
            if (finding.State != FindingState.New)
            {
                return Outcome<int>.Invalid([new FieldError("State", OptimisationErrors.AlreadyActed)]);
            }
            finding.State = FindingState.InProgress;
            (finding.OwnerUserId, finding.OwnerName, finding.ActedAtUtc) = (actor.UserId, actor.Name, time.UtcNow);
            finding.DueOn = time.Today.AddDays(WorkDays);
            if (await SaveAsync(db, ct) is { } refused)
            {
                return refused;
            }
            claimed = finding;
        }
        var work = claimed.Rule switch
        {
            OptimisationRule.LowConversion => await RequestDesignAsync(actor, claimed, ct),
            OptimisationRule.UncoveredSegment => await DraftCampaignAsync(actor, claimed, ct),
            _ => Outcome<(FindingWork, int?)>.Done((FindingWork.Task, null)),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Actor = actor;
            var finding = await db.Set<OptimisationFinding>().FirstAsync(f => f.Id == id, ct);
            if (!work.Succeeded)
            {
                // The work was refused: the card goes back to new, nothing else was written.
                finding.State = FindingState.New;
                (finding.OwnerUserId, finding.OwnerName, finding.ActedAtUtc, finding.DueOn) = (null, null, null, null);
                await db.SaveChangesAsync(ct);
                return new Outcome<int>(work.Kind, default, work.Errors);
            }
            (finding.Work, finding.WorkId) = work.Value;
            await db.SaveChangesAsync(ct);
        }
        return Outcome<int>.Done(id);
    }

    /// <summary>The owner (or a manager) marks the card's task done: the effect is measured after the effect window.</summary>
    public async Task<Outcome<int>> MarkTaskDoneAsync(Actor actor, int id, long version, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ActOnFindings))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var (finding, refusal) = await SeenAsync(db, id, version, ct);
        if (finding is null)
        {
            return refusal!;
        }
        if (finding.State != FindingState.InProgress || finding.Work != FindingWork.Task)
        {
            return Outcome<int>.Invalid([new FieldError("State", OptimisationErrors.NotATask)]);
        }
        OptimisationScan.StartMeasuring(finding, time.Today, await OptimisationScan.ThresholdsAsync(db, ct));
        return await SaveAsync(db, ct) ?? Outcome<int>.Done(id);
    }

    /// <summary>
    /// Sets thresholds (a key missing keeps its value). Every value is checked against its range first: one out of range
    /// refuses them all, each with its field. <paramref name="version"/> is the highest version of the stored settings the
    /// editor saw (0 when none was stored).
    /// </summary>
    public async Task<Outcome<int>> SetThresholdsAsync(Actor actor, IReadOnlyDictionary<string, double> values, long version, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ActOnFindings))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = OptimisationThresholds.Check(values);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var stored = await db.Set<OptimisationSetting>().ToDictionaryAsync(s => s.Key, ct);
        if ((stored.Count == 0 ? 0 : stored.Values.Max(s => s.Version)) != version)
        {
            return Outcome<int>.Conflict();
        }
        var now = time.UtcNow;
        foreach (var (key, value) in values)
        {
            // A new row starts one above what the editor saw, like every stored row after this save.
            var setting = stored.GetValueOrDefault(key) ?? db.Add(new OptimisationSetting { Key = key, Version = version + 1 }).Entity;
            setting.Value = value;
        }
        // Every stored row is saved (its version goes up by one), so the editor's one number tells a stale save.
        foreach (var setting in stored.Values)
        {
            (setting.UpdatedAtUtc, setting.UpdatedBy) = (now, actor.Name);
            db.Entry(setting).State = EntityState.Modified;
        }
        foreach (var added in db.ChangeTracker.Entries<OptimisationSetting>().Where(e => e.State == EntityState.Added))
        {
            (added.Entity.UpdatedAtUtc, added.Entity.UpdatedBy) = (now, actor.Name);
        }
        return await SaveAsync(db, ct) ?? Outcome<int>.Done(values.Count);
    }

    /// <summary>The settings' version the thresholds editor saves against.</summary>
    public async Task<long> ThresholdsVersionAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<OptimisationSetting>().MaxAsync(s => (long?)s.Version, ct) ?? 0;
    }

    /// <summary>The finding as the caller saw it, or why not: gone, or changed since (a stale card).</summary>
    private static async Task<(OptimisationFinding? Finding, Outcome<int>? Refusal)> SeenAsync(OpsDb db, int id, long version, CancellationToken ct)
    {
        var finding = await db.Set<OptimisationFinding>().FirstOrDefaultAsync(f => f.Id == id, ct);
        return finding is null ? (null, Outcome<int>.NotFound())
            : finding.Version != version ? (null, Outcome<int>.Conflict())
            : (finding, null);
    }

    private static async Task<Outcome<int>?> SaveAsync(OpsDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            return Outcome<int>.Conflict();
        }
    }

    private static string Percent(double value) => value.ToString("0.00%", CultureInfo.InvariantCulture);

    private async Task<Outcome<(FindingWork, int?)>> RequestDesignAsync(Actor actor, OptimisationFinding f, CancellationToken ct)
    {
        var days = $"{f.WindowFrom:yyyy-MM-dd} – {f.WindowTo:yyyy-MM-dd}";
        var brief = $"Optimisation finding {f.Number}: conversion {Percent(f.Value)} against {Percent(f.Reference)} for the rest of its category ({days}, {f.Volume:#,##0} visitors). "
                    + $"Rework the detail page so more visitors buy.\n优化发现 {f.Number}：转化率 {Percent(f.Value)}，同类目其余商品 {Percent(f.Reference)}（{days}，访客 {f.Volume:#,##0}）。请优化详情页，提升购买转化。";
        var title = $"{f.SubjectName}";
        var form = new DesignRequestForm
        {
            Kind = DesignKind.DetailPage, Title = title.Length > DesignRequest.MaxTitleLength ? title[..DesignRequest.MaxTitleLength] : title, Brief = brief,
            Priority = DesignPriority.High, DueDate = f.DueOn, ListingId = f.ListingId,
        };
        var outcome = await design.RequestAsync(actor, form, null, ct);
        return outcome.Succeeded ? Outcome<(FindingWork, int?)>.Done((FindingWork.DesignRequest, outcome.Value)) : new(outcome.Kind, default, outcome.Errors);
    }

    /// <summary>
    /// A win-back draft for customers at risk: a limited-time discount of 10% on the best sellers of the last 90 days, on
    /// every active channel, starting in a week for a week; the planner adjusts it before submitting.
    /// </summary>
    private async Task<Outcome<(FindingWork, int?)>> DraftCampaignAsync(Actor actor, OptimisationFinding f, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = time.UtcNow.AddDays(-90);
        var best = await (from line in db.OrderLines.AsNoTracking()
                          join order in db.Orders on line.OrderId equals order.Id
                          where order.PlacedAtUtc >= since && order.Status != OrderStatus.Cancelled
                          group line by line.SkuId into g
                          orderby g.Sum(l => l.Quantity) descending, g.Key
                          select g.Key).Take(3).ToListAsync(ct);
        if (best.Count == 0)
        {
            return Outcome<(FindingWork, int?)>.Invalid([new FieldError("Skus", OptimisationErrors.NothingToOffer)]);
        }
        var channels = await db.SalesChannels.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var start = time.Today.AddDays(WorkDays);
        var form = new CampaignForm
        {
            Name = $"Win back customers at risk · 流失风险客户挽回 ({f.Number})", Type = CampaignType.LimitedTimeDiscount, ChannelIds = channels,
            Audience = $"Customers at risk (RFM, {f.Volume:#,##0}) · 流失风险客户", AudienceSegment = CustomerSegment.AtRisk, StartDate = start, EndDate = start.AddDays(6),
            Skus = [.. best.Select(id => new CampaignSkuForm { SkuId = id, DiscountPercent = 10 })],
        };
        var outcome = await campaigns.SaveAsync(actor, null, 0, form, ct);
        return outcome.Succeeded ? Outcome<(FindingWork, int?)>.Done((FindingWork.CampaignDraft, outcome.Value)) : new(outcome.Kind, default, outcome.Errors);
    }
}
