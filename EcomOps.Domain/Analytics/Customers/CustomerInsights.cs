using System.Diagnostics;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Analytics.Customers;

/// <summary>A customer (known by phone number) as the last refresh scored them.</summary>
public sealed class CustomerProfile
{
    public required string Phone { get; set; }
    public required string Name { get; set; }
    public DateOnly FirstOrderDay { get; set; }
    public DateOnly LastOrderDay { get; set; }
    public int Orders { get; set; }
    public long SpendCents { get; set; }
    public int Recency { get; set; }
    public int Frequency { get; set; }
    public int Monetary { get; set; }
    public CustomerSegment Segment { get; set; }
    public int OpenComplaints { get; set; }
}

/// <summary>An association rule between two products as the last refresh found it.</summary>
public sealed class ProductPairRule
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int ThenProductId { get; set; }
    public int BothOrders { get; set; }
    public double Support { get; set; }
    public double Confidence { get; set; }
    public double Lift { get; set; }
}

/// <summary>One cell of the first-order cohorts: customers of a cohort month who ordered N months after it.</summary>
public sealed class CohortCell
{
    public DateOnly CohortMonth { get; set; }
    public int MonthIndex { get; set; }
    public int Customers { get; set; }
}

/// <summary>One refresh of the customer analysis: when, how long, over how many orders.</summary>
public sealed class CustomerInsightRun
{
    public int Id { get; set; }
    public DateTime FinishedAtUtc { get; set; }
    public DateOnly AsOf { get; set; }
    public int Orders { get; set; }
    public int Customers { get; set; }
    public int Rules { get; set; }
    public long Milliseconds { get; set; }
}

internal sealed class CustomerInsightConfiguration : IEntityTypeConfiguration<CustomerProfile>, IEntityTypeConfiguration<ProductPairRule>, IEntityTypeConfiguration<CustomerInsightRun>,
    IEntityTypeConfiguration<CohortCell>
{
    public void Configure(EntityTypeBuilder<CohortCell> b) => b.HasKey(x => new { x.CohortMonth, x.MonthIndex });

    public void Configure(EntityTypeBuilder<CustomerProfile> b)
    {
        b.HasKey(x => x.Phone);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Segment).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.Segment, x.SpendCents });
    }

    public void Configure(EntityTypeBuilder<ProductPairRule> b) => b.HasIndex(x => x.ProductId);

    public void Configure(EntityTypeBuilder<CustomerInsightRun> b) { }
}

/// <summary>
/// The customer analysis, computed in one pass over the orders by the nightly job (never on a page load) and stored:
/// each customer's RFM scores and segment with their open complaints, and the products bought together. A refresh
/// replaces the stored analysis in one transaction, so a page reads either the old one or the new one.
/// </summary>
public sealed class CustomerInsights(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    /// <summary>Orders read per query while refreshing: keeps memory flat at a million orders.</summary>
    private const int Batch = 50_000;

    public async Task<CustomerInsightRun> RefreshAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var today = time.Today;
        var customers = new Dictionary<string, (string Name, DateTime First, DateTime Last, int Orders, long Spend)>(StringComparer.Ordinal);
        var baskets = new List<int[]>();
        var months = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var lastId = 0;
            while (true)
            {
                var orders = await db.Orders.AsNoTracking()
                    .Where(o => o.Id > lastId && o.Status != OrderStatus.Cancelled && o.CustomerPhone != "")
                    .OrderBy(o => o.Id).Take(Batch)
                    .Select(o => new { o.Id, o.CustomerPhone, o.CustomerName, o.PlacedAtUtc, Net = o.ItemsCents - o.DiscountCents })
                    .ToListAsync(ct);
                if (orders.Count == 0)
                {
                    break;
                }
                var (firstId, lastOfBatch) = (orders[0].Id, orders[^1].Id);
                var lines = await (from line in db.OrderLines.AsNoTracking()
                                   join sku in db.Skus on line.SkuId equals sku.Id
                                   where line.OrderId >= firstId && line.OrderId <= lastOfBatch && sku.ProductId != null
                                   select new { line.OrderId, ProductId = sku.ProductId!.Value })
                    .ToListAsync(ct);
                var productsOf = lines.GroupBy(l => l.OrderId).ToDictionary(g => g.Key, g => g.Select(l => l.ProductId).Distinct().ToArray());
                foreach (var o in orders)
                {
                    customers[o.CustomerPhone] = customers.TryGetValue(o.CustomerPhone, out var c)
                        ? (o.PlacedAtUtc >= c.Last ? o.CustomerName : c.Name, o.PlacedAtUtc < c.First ? o.PlacedAtUtc : c.First,
                            o.PlacedAtUtc > c.Last ? o.PlacedAtUtc : c.Last, c.Orders + 1, c.Spend + o.Net)
                        : (o.CustomerName, o.PlacedAtUtc, o.PlacedAtUtc, 1, o.Net);
                    if (!months.TryGetValue(o.CustomerPhone, out var ordered))
                    {
                        months[o.CustomerPhone] = ordered = [];
                    }
                    ordered.Add(CohortAnalysis.MonthKey(DateOnly.FromDateTime(time.ToLocal(o.PlacedAtUtc))));
                    if (productsOf.TryGetValue(o.Id, out var products))
                    {
                        baskets.Add(products);
                    }
                }
                lastId = lastOfBatch;
            }
            var complaints = await db.Set<ComplaintCase>().AsNoTracking().Where(c => c.Stage != ComplaintStage.Closed)
                .GroupBy(c => c.Contact).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var profiles = customers.Select(c =>
            {
                var last = DateOnly.FromDateTime(time.ToLocal(c.Value.Last));
                var score = RfmScoring.Score(new CustomerHistory(today.DayNumber - last.DayNumber, c.Value.Orders, c.Value.Spend));
                return new CustomerProfile
                {
                    Phone = c.Key, Name = c.Value.Name, FirstOrderDay = DateOnly.FromDateTime(time.ToLocal(c.Value.First)), LastOrderDay = last,
                    Orders = c.Value.Orders, SpendCents = c.Value.Spend, Recency = score.Recency, Frequency = score.Frequency, Monetary = score.Monetary,
                    Segment = score.Segment, OpenComplaints = complaints.GetValueOrDefault(c.Key),
                };
            }).ToList();
            var rules = BasketAnalysis.Rules(baskets);
            var cohorts = CohortAnalysis.Retention(months.Values);
            var orderCount = customers.Values.Sum(c => c.Orders);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Set<CustomerProfile>().ExecuteDeleteAsync(ct);
            await db.Set<ProductPairRule>().ExecuteDeleteAsync(ct);
            await db.Set<CohortCell>().ExecuteDeleteAsync(ct);
            using (var insert = new BulkInsert<CohortCell>(db))
            {
                foreach (var c in cohorts)
                {
                    insert.Add(new CohortCell { CohortMonth = c.CohortMonth, MonthIndex = c.MonthIndex, Customers = c.Customers });
                }
            }
            using (var insert = new BulkInsert<CustomerProfile>(db))
            {
                profiles.ForEach(insert.Add);
            }
            using (var insert = new BulkInsert<ProductPairRule>(db))
            {
                var id = 0;
                foreach (var r in rules)
                {
                    insert.Add(new ProductPairRule
                    {
                        Id = ++id, ProductId = r.ProductId, ThenProductId = r.ThenProductId, BothOrders = r.BothOrders, Support = r.Support, Confidence = r.Confidence, Lift = r.Lift,
                    });
                }
            }
            var run = new CustomerInsightRun
            {
                FinishedAtUtc = time.UtcNow, AsOf = today, Orders = orderCount, Customers = profiles.Count, Rules = rules.Count, Milliseconds = watch.ElapsedMilliseconds,
            };
            db.Set<CustomerInsightRun>().Add(run);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return run;
        }
    }
}

/// <summary>A segment's size and worth in the stored analysis.</summary>
public sealed record SegmentFigure(CustomerSegment Segment, int Customers, long SpendCents, double AverageOrders, int WithOpenComplaints);

/// <summary>An association rule with its products' names, for the page.</summary>
public sealed record PairRuleRow(int ProductId, string Product, int ThenProductId, string ThenProduct, int BothOrders, double Support, double Confidence, double Lift);

/// <summary>What the customer pages read: the stored analysis only, never the orders.</summary>
public sealed class CustomerAnalysisQueries(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public async Task<CustomerInsightRun?> LastRunAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CustomerInsightRun>().AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Every segment, empty ones too, in the enum's order.</summary>
    public async Task<IReadOnlyList<SegmentFigure>> SegmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<CustomerProfile>().AsNoTracking().GroupBy(p => p.Segment)
            .Select(g => new { g.Key, Count = g.Count(), Spend = g.Sum(p => p.SpendCents), Orders = g.Sum(p => p.Orders), Complaining = g.Count(p => p.OpenComplaints > 0) })
            .ToListAsync(ct);
        return Enum.GetValues<CustomerSegment>().Select(s => stored.FirstOrDefault(x => x.Key == s) is { } x
            ? new SegmentFigure(s, x.Count, x.Spend, (double)x.Orders / x.Count, x.Complaining)
            : new SegmentFigure(s, 0, 0, 0, 0)).ToList();
    }

    /// <summary>A segment's customers (or those with open complaints), biggest spenders first, up to <paramref name="take"/>, and how many there are.</summary>
    public async Task<(IReadOnlyList<CustomerProfile> Rows, int Total)> CustomersAsync(CustomerSegment? segment, bool openComplaintsOnly, int take,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Matching(db, segment, openComplaintsOnly);
        return (await query.OrderByDescending(p => p.SpendCents).ThenBy(p => p.Phone).Take(take).ToListAsync(ct), await query.CountAsync(ct));
    }

    /// <summary>The first-order cohorts, oldest first, each with its customers per month after the first.</summary>
    public async Task<IReadOnlyList<CohortCount>> CohortsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Set<CohortCell>().AsNoTracking().OrderBy(c => c.CohortMonth).ThenBy(c => c.MonthIndex).ToListAsync(ct))
            .Select(c => new CohortCount(c.CohortMonth, c.MonthIndex, c.Customers)).ToList();
    }

    /// <summary>The rules with the most orders behind them first, with product names.</summary>
    public async Task<IReadOnlyList<PairRuleRow>> RulesAsync(int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from r in db.Set<ProductPairRule>().AsNoTracking()
                      join a in db.Products on r.ProductId equals a.Id
                      join b in db.Products on r.ThenProductId equals b.Id
                      orderby r.BothOrders descending, r.Confidence descending, r.Id
                      select new PairRuleRow(r.ProductId, a.Name, r.ThenProductId, b.Name, r.BothOrders, r.Support, r.Confidence, r.Lift))
            .Take(take).ToListAsync(ct);
    }

    public static readonly IReadOnlyList<ListColumn<CustomerProfile>> ExportColumns =
    [
        new("Customers.Name", (c, _) => ListCell.Of(c.Name)),
        new("Customers.Phone", (c, _) => ListCell.Of(c.Phone)),
        new("Customers.Segment", (c, text) => ListCell.Of(text($"Customers.Segment.{c.Segment}"))),
        new("Customers.Orders", (c, _) => ListCell.Of(c.Orders)),
        new("Customers.Spend", (c, _) => ListCell.Money(c.SpendCents)),
        new("Customers.FirstOrder", (c, _) => ListCell.Of(c.FirstOrderDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
        new("Customers.LastOrder", (c, _) => ListCell.Of(c.LastOrderDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
        new("Customers.Rfm", (c, _) => ListCell.Of($"{c.Recency}{c.Frequency}{c.Monetary}")),
        new("Customers.OpenComplaints", (c, _) => ListCell.Of(c.OpenComplaints)),
    ];

    /// <summary>A segment's customers as a workbook (names and phones as text, never run as formulas), biggest spenders first.</summary>
    public async Task<ListWorkbookFile> ExportAsync(CustomerSegment? segment, bool openComplaintsOnly, Func<string, string> text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Matching(db, segment, openComplaintsOnly).OrderByDescending(p => p.SpendCents).ThenBy(p => p.Phone).Take(ListWorkbook.MaxRows + 1).ToListAsync(ct);
        var title = segment is { } s ? text($"Customers.Segment.{s}") : text("Customers.Title");
        return ListWorkbook.Build(title, ExportColumns, rows, text, time.Zone);
    }

    private static IQueryable<CustomerProfile> Matching(OpsDb db, CustomerSegment? segment, bool openComplaintsOnly)
    {
        var query = db.Set<CustomerProfile>().AsNoTracking();
        if (segment is { } s)
        {
            query = query.Where(p => p.Segment == s);
        }
        return openComplaintsOnly ? query.Where(p => p.OpenComplaints > 0) : query;
    }
}
