using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

public enum AbcClass
{
    A,
    B,
    C,
}

/// <summary>A SKU's ABC class by its share of revenue over the last 90 days, as last computed by the weekly job.</summary>
public sealed class SkuClassification
{
    public int SkuId { get; set; }
    public AbcClass Class { get; set; }
    public long RevenueCents { get; set; }
    public DateTime ComputedAtUtc { get; set; }
}

public enum CountStatus
{
    Scheduled,
    Counting,
    AwaitingApproval,
    Approved,
    Rejected,
    Completed,
}

/// <summary>
/// Counting one SKU in one warehouse. Starting snapshots on hand and the last ledger movement; the count is then
/// compared with the snapshot plus what moved since, so a sale during the count is not a variance.
/// </summary>
[LiveBoard(Boards.Inventory)]
public sealed class CountTask : IVersioned, IAudited
{
    public long Id { get; set; }
    public int SkuId { get; set; }
    public int WarehouseId { get; set; }
    public AbcClass Class { get; set; }
    public DateOnly ScheduledFor { get; set; }
    public CountStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public int? ExpectedAtStart { get; set; }

    /// <summary>The last ledger movement when counting started: later movements happened during the count.</summary>
    public long? StartMovementId { get; set; }

    public int? CountedQuantity { get; set; }
    public int? MovedDuringCount { get; set; }
    public int? Variance { get; set; }
    public long? VarianceValueCents { get; set; }
    public DateTime? CountedAtUtc { get; set; }
    public string? CountedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public long Version { get; set; }

    public static readonly CountStatus[] OpenStatuses = [CountStatus.Scheduled, CountStatus.Counting, CountStatus.AwaitingApproval];

    /// <summary>A count that has its result: completed within tolerance, or decided by a manager. Accuracy counts these.</summary>
    public static readonly CountStatus[] FinishedStatuses = [CountStatus.Completed, CountStatus.Approved, CountStatus.Rejected];
}

internal sealed class CountingConfiguration : IEntityTypeConfiguration<SkuClassification>, IEntityTypeConfiguration<CountTask>
{
    public void Configure(EntityTypeBuilder<SkuClassification> b)
    {
        b.HasKey(c => c.SkuId);
        b.Property(c => c.Class).HasConversion<string>().HasMaxLength(1);
        b.HasOne<Sku>().WithOne().HasForeignKey<SkuClassification>(c => c.SkuId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CountTask> b)
    {
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Class).HasConversion<string>().HasMaxLength(1);
        b.Property(t => t.CountedBy).HasMaxLength(256);
        b.Property(t => t.DecidedBy).HasMaxLength(256);
        b.HasIndex(t => new { t.SkuId, t.WarehouseId }).IsUnique().HasFilter("\"Status\" IN ('Scheduled', 'Counting', 'AwaitingApproval')");
        b.HasIndex(t => new { t.Status, t.ScheduledFor });
        b.HasIndex(t => new { t.SkuId, t.WarehouseId, t.CountedAtUtc });
        b.HasOne<Sku>().WithMany().HasForeignKey(t => t.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(t => t.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>ABC classes and count cadence, and how a counted quantity becomes a variance.</summary>
public static class CountRules
{
    public const int RevenueWindowDays = 90;

    /// <summary>Counts per year by class (defaults: A 4×, B 2×, C 1×).</summary>
    public static int CountsPerYear(AbcClass c) => c switch { AbcClass.A => 4, AbcClass.B => 2, _ => 1 };

    public static int IntervalDays(AbcClass c) => 365 / CountsPerYear(c);

    /// <summary>
    /// By revenue, highest first: the SKUs that make the first 80% of revenue are A, the next 15% B, the rest C
    /// (the SKU that crosses a boundary belongs to the class it starts in). SKUs without revenue are C.
    /// </summary>
    public static Dictionary<int, AbcClass> Classify(IEnumerable<(int SkuId, long RevenueCents)> revenue)
    {
        var list = revenue.OrderByDescending(r => r.RevenueCents).ThenBy(r => r.SkuId).ToList();
        var total = (double)list.Sum(r => Math.Max(0, r.RevenueCents));
        var result = new Dictionary<int, AbcClass>();
        var before = 0.0;
        foreach (var (sku, cents) in list)
        {
            var shareBefore = total == 0 ? 1 : before / total;
            result[sku] = cents <= 0 ? AbcClass.C : shareBefore < 0.80 ? AbcClass.A : shareBefore < 0.95 ? AbcClass.B : AbcClass.C;
            before += Math.Max(0, cents);
        }
        return result;
    }

    /// <summary>Variance = counted − (snapshot at start + on-hand movements during the count).</summary>
    public static int VarianceOf(int counted, int expectedAtStart, int movedDuringCount) => counted - (expectedAtStart + movedDuringCount);

    /// <summary>A variance needs a manager when it is over the quantity or the value threshold (either).</summary>
    public static bool NeedsApproval(int variance, long unitCostCents, CountSettings settings) =>
        Math.Abs(variance) > settings.ApprovalQuantity || Math.Abs(variance) * unitCostCents > settings.ApprovalValueCents;

    /// <summary>
    /// The working days of <paramref name="calendar"/> (the company's: Monday to Friday, without public holidays, with
    /// make-up workdays) from <paramref name="from"/> on, <paramref name="count"/> of them, over which new count tasks
    /// are spread one after another.
    /// </summary>
    public static List<DateOnly> WorkingDays(DateOnly from, int count, BusinessCalendar calendar)
    {
        var days = new List<DateOnly>(count);
        for (var d = from; days.Count < count; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d))
            {
                days.Add(d);
            }
        }
        return days;
    }
}

/// <summary>Count thresholds: variances at or under both are adjusted at once; above either, a manager approves.</summary>
public sealed record CountSettings(int ApprovalQuantity = 2, long ApprovalValueCents = 200_00, int SpreadWorkingDays = 10);
