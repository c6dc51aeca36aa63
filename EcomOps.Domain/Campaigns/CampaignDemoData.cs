using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Campaigns;

/// <summary>
/// About 25 campaigns over the past year and the next quarter, in every state and type, around the sales peaks: past
/// ones reviewed (those within the demo orders' 90 days with their orders attributed by SKU and window), one running now,
/// and the coming ones approved, in review or still drafts.
/// </summary>
public sealed class CampaignDemoData(CompanyTime time) : IDemoDataArea
{
    // After the orders (their channels and SKUs), before the KPI targets (61), which measure the campaign metrics too.
    public int Order => 60;

    public string Name => "campaigns";

    public Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) => SeedAsync(db, new DemoRun(size, random, false), ct);

    public async Task SeedAsync(OpsDb db, DemoRun run, CancellationToken ct)
    {
        var random = new Random(DemoDataGenerator.Seed + 23);
        var channels = await db.SalesChannels.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var skus = await db.Skus.AsNoTracking().Where(s => s.Active && s.ListPriceCents > 0).OrderBy(s => s.Id).Select(s => new { s.Id, s.ListPriceCents }).ToListAsync(ct);
        var owners = await db.Employees.AsNoTracking().Where(e => e.Active && (e.Role == Roles.OperationsSpecialist || e.Role == Roles.OperationsManager))
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.FullName }).ToListAsync(ct);
        var stocked = await db.StockBalances.AsNoTracking().GroupBy(b => b.SkuId).Select(g => new { g.Key, Units = g.Sum(b => b.OnHand - b.Reserved) })
            .Where(x => x.Units > 0).OrderByDescending(x => x.Units).Select(x => x.Key).ToListAsync(ct);
        if (channels.Count == 0 || skus.Count < 12 || owners.Count == 0)
        {
            return;
        }
        var today = time.Today;
        var now = time.UtcNow;
        var director = await db.Employees.AsNoTracking().Where(e => e.Role == Roles.OperationsDirector).Select(e => e.FullName).FirstOrDefaultAsync(ct) ?? "director";
        var plan = Plan(today);
        var campaigns = new List<Campaign>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (name, type, start, days, state) = plan[i];
            var running = state == CampaignState.Running;
            // The running campaign takes SKUs with stock, so its board has days of cover to show; the others any.
            var pool = running && stocked.Count >= 6 ? stocked.Take(20).ToList() : skus.Select(s => s.Id).ToList();
            var chosen = pool.OrderBy(_ => random.Next()).Take(random.Next(3, 7)).ToList();
            var owner = owners[random.Next(owners.Count)];
            var end = start.AddDays(days);
            var c = new Campaign
            {
                Name = name, Type = type, State = state, Code = $"PROMO{start:yyMMdd}{i:D2}",
                ChannelIds = [.. channels.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(4, channels.Count) + 1)).Order()],
                Audience = type == CampaignType.MemberExclusive ? "会员 · members" : "全部买家 · all buyers",
                MemberTier = type == CampaignType.MemberExclusive ? MemberTier.Gold : null,
                // The members' campaigns still to come are planned for the VIP segment of the customer analysis.
                AudienceSegment = type == CampaignType.MemberExclusive && state is CampaignState.InReview or CampaignState.Draft ? Analytics.Customers.CustomerSegment.Vip : null,
                StartsAtUtc = time.ToUtc(start.ToDateTime(TimeOnly.MinValue)), EndsAtUtc = time.ToUtc(end.ToDateTime(TimeOnly.MinValue)),
                UpliftPercent = 120 + random.Next(0, 9) * 10,
                Skus = [.. chosen.Select(id => new CampaignSkuRule
                {
                    SkuId = id,
                    DiscountPercent = CampaignRules.PricesSkus(type) ? 10 + random.Next(0, 4) * 5 : null,
                })],
                Tiers = type == CampaignType.SpendSave ? [new SpendTier { ThresholdCents = 20000, SaveCents = 2000 }, new SpendTier { ThresholdCents = 40000, SaveCents = 5000 }] : [],
                StackTiers = type == CampaignType.SpendSave && i % 2 == 0,
                GiftSkuId = type == CampaignType.GiftWithPurchase ? skus[random.Next(skus.Count)].Id : null,
                GiftQuantity = type == CampaignType.GiftWithPurchase ? 1 : 0,
                GiftThresholdCents = type == CampaignType.GiftWithPurchase ? 30000 : 0,
                // Sized to the demo's order volume: a few SKUs of many sell some tens of orders a day.
                AdsBudgetCents = random.Next(5, 30) * 50_000L, GiftBudgetCents = type == CampaignType.GiftWithPurchase ? 200_000 : 0,
                DiscountBudgetCents = random.Next(5, 20) * 20_000L,
                GoalRevenueCents = random.Next(15, 60) * 100_000L, GoalUnits = random.Next(60, 300), GoalParticipants = random.Next(30, 150),
                GoalConversionPercent = 2 + random.Next(0, 5) * 0.5,
                OwnerEmployeeId = owner.Id, CreatedAtUtc = now.AddDays(Math.Min(-3, start.DayNumber - today.DayNumber - 30)), CreatedByName = owner.FullName,
                Risks = [new CampaignRisk { Title = "流量不及预期 · traffic below plan", Likelihood = RiskLevel.Medium, Impact = RiskLevel.Medium, Mitigation = "加投直通车 · top up search ads" }],
                Tasks = CampaignDesk.DefaultTasks(start, owner.Id),
            };
            c.UpdatedAtUtc = c.CreatedAtUtc;
            var started = start <= today;
            if (state is CampaignState.Approved or CampaignState.Running or CampaignState.Ended or CampaignState.Reviewed)
            {
                c.SubmittedAtUtc = c.CreatedAtUtc.AddDays(1);
                c.ApprovedAtUtc = c.CreatedAtUtc.AddDays(2);
                c.ApprovedByName = director;
                c.ApprovalRiskState = "No automatic risks; traffic below plan (Medium/Medium)";
                c.AdsSpentCents = started ? c.AdsBudgetCents * random.Next(60, 110) / 100 : 0;
            }
            else if (state == CampaignState.InReview)
            {
                c.SubmittedAtUtc = now.AddDays(-1);
            }
            else if (state == CampaignState.Cancelled)
            {
                c.CancelledAtUtc = c.StartsAtUtc.AddDays(-2);
                c.CancelReason = "供应商延期 · supplier delay";
            }
            foreach (var task in c.Tasks.Where(t => t.Deadline < today && (started || random.Next(4) > 0)))
            {
                task.DoneAtUtc = time.ToUtc(task.Deadline.ToDateTime(new TimeOnly(17, 0)));
                task.DoneByName = owner.FullName;
            }
            if (state == CampaignState.Reviewed)
            {
                c.WentWell = "主推款转化高于目标 · the lead SKUs converted above goal";
                c.WentBadly = i % 3 == 0 ? "赠品备货不足，第二天断货 · gifts ran out on day two" : "广告起量慢 · ads were slow to ramp up";
                c.Lessons = i % 2 == 0 ? "提前两周锁定库存，满减门槛贴近客单价 · lock stock two weeks ahead; set the threshold near the basket size"
                    : "客服话术提前一周下发 · brief customer service a week ahead";
                c.ReviewedAtUtc = c.EndsAtUtc.AddDays(3);
                c.ReviewedByName = owner.FullName;
            }
            campaigns.Add(c);
        }
        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync(ct);
        // Orders already in the demo: those placed on a campaign's channels and days with one of its SKUs are its orders.
        foreach (var c in campaigns.Where(c => c.State is CampaignState.Running or CampaignState.Ended or CampaignState.Reviewed))
        {
            var skuIds = c.Skus.Select(s => s.SkuId).ToList();
            var channelIds = c.ChannelIds;
            await db.Orders.Where(o => o.CampaignId == null && channelIds.Contains(o.ChannelId) && o.PlacedAtUtc >= c.StartsAtUtc && o.PlacedAtUtc < c.EndsAtUtc
                    && o.Lines.Any(l => skuIds.Contains(l.SkuId)))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.CampaignId, c.Id), ct);
        }
    }

    /// <summary>The year's campaigns around today: name, type, first day, length in days, state.</summary>
    private static List<(string Name, CampaignType Type, DateOnly Start, int Days, CampaignState State)> Plan(DateOnly today)
    {
        DateOnly Peak(SalesPeakKind kind, int yearOffset) => SalesPeaks.Of(today.Year + yearOffset).FirstOrDefault(p => p.Kind == kind)?.Date ?? today;
        DateOnly Last(SalesPeakKind kind) => Peak(kind, 0) <= today ? Peak(kind, 0) : Peak(kind, -1);
        DateOnly Next(SalesPeakKind kind) => Peak(kind, 0) > today ? Peak(kind, 0) : Peak(kind, 1);
        var list = new List<(string, CampaignType, DateOnly, int, CampaignState)>
        {
            ("春节年货节 · Spring Festival fair", CampaignType.SpendSave, Last(SalesPeakKind.SpringFestival).AddDays(-20), 14, CampaignState.Reviewed),
            ("开春新品 · Spring launch", CampaignType.Launch, Last(SalesPeakKind.SpringFestival).AddDays(20), 10, CampaignState.Reviewed),
            ("三八女王节 · Women's day", CampaignType.LimitedTimeDiscount, Last(SalesPeakKind.SpringFestival).AddDays(35), 5, CampaignState.Reviewed),
            ("会员春日礼 · Members' spring", CampaignType.MemberExclusive, Last(SalesPeakKind.SpringFestival).AddDays(50), 7, CampaignState.Reviewed),
            ("五一出游季 · May Day", CampaignType.GiftWithPurchase, Last(SalesPeakKind.MidYear618).AddDays(-50), 6, CampaignState.Reviewed),
            ("618 预售 · 618 pre-sale", CampaignType.LimitedTimeDiscount, Last(SalesPeakKind.MidYear618).AddDays(-18), 10, CampaignState.Reviewed),
            ("618 满减 · 618 spend and save", CampaignType.SpendSave, Last(SalesPeakKind.MidYear618).AddDays(-7), 8, CampaignState.Reviewed),
            ("618 会员专享 · 618 members", CampaignType.MemberExclusive, Last(SalesPeakKind.MidYear618).AddDays(-3), 4, CampaignState.Cancelled),
            ("盛夏清凉 · Summer cool", CampaignType.GiftWithPurchase, Last(SalesPeakKind.MidYear618).AddDays(30), 10, CampaignState.Reviewed),
            ("开学季 · Back to school", CampaignType.LimitedTimeDiscount, Last(SalesPeakKind.Double11).AddDays(-75), 10, CampaignState.Reviewed),
            ("秋季新品 · Autumn launch", CampaignType.Launch, Last(SalesPeakKind.Double11).AddDays(-50), 7, CampaignState.Reviewed),
            ("国庆黄金周 · Golden week", CampaignType.SpendSave, Last(SalesPeakKind.Double11).AddDays(-41), 7, CampaignState.Reviewed),
            ("双11 预热 · 11.11 warm-up", CampaignType.LimitedTimeDiscount, Last(SalesPeakKind.Double11).AddDays(-20), 10, CampaignState.Reviewed),
            ("双11 满减 · 11.11 spend and save", CampaignType.SpendSave, Last(SalesPeakKind.Double11).AddDays(-10), 11, CampaignState.Reviewed),
            ("双11 满赠 · 11.11 gifts", CampaignType.GiftWithPurchase, Last(SalesPeakKind.Double11).AddDays(-3), 4, CampaignState.Ended),
            ("黑五会员日 · Black Friday members", CampaignType.MemberExclusive, Last(SalesPeakKind.Double11).AddDays(14), 4, CampaignState.Ended),
            ("双12 满减 · 12.12 spend and save", CampaignType.SpendSave, today.AddDays(-5), 12, CampaignState.Running),
            ("年终新品 · Year-end launch", CampaignType.Launch, today.AddDays(12), 7, CampaignState.Approved),
            ("元旦限时购 · New Year flash sale", CampaignType.LimitedTimeDiscount, today.AddDays(24), 4, CampaignState.Approved),
            ("年货节满赠 · New Year gifts", CampaignType.GiftWithPurchase, Next(SalesPeakKind.SpringFestival).AddDays(-25), 12, CampaignState.InReview),
            ("春节会员专享 · Spring Festival members", CampaignType.MemberExclusive, Next(SalesPeakKind.SpringFestival).AddDays(-12), 8, CampaignState.InReview),
            ("春节满减 · Spring Festival spend and save", CampaignType.SpendSave, Next(SalesPeakKind.SpringFestival).AddDays(-18), 10, CampaignState.Draft),
            ("情人节限定 · Valentine's", CampaignType.LimitedTimeDiscount, Next(SalesPeakKind.SpringFestival).AddDays(-4), 3, CampaignState.Draft),
            ("开春新品 2 · Spring launch 2", CampaignType.Launch, today.AddDays(80), 10, CampaignState.Draft),
            ("三月会员日 · March members' day", CampaignType.MemberExclusive, today.AddDays(88), 3, CampaignState.Cancelled),
        };
        // A campaign the plan puts on the wrong side of today by its peak keeps its state's meaning: past states end before today, coming ones start after.
        return [.. list.Select(x => x.Item5 switch
        {
            CampaignState.Reviewed or CampaignState.Ended when x.Item3.AddDays(x.Item4) > today => (x.Item1, x.Item2, x.Item3.AddYears(-1), x.Item4, x.Item5),
            CampaignState.Approved or CampaignState.InReview or CampaignState.Draft when x.Item3 <= today => (x.Item1, x.Item2, x.Item3.AddYears(1), x.Item4, x.Item5),
            _ => x,
        })];
    }
}
