using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>
/// A team's target for one metric in every period of a kind (e.g. Customer Service, reply timeliness, each month:
/// 90%). Percentages are stored as 0..1, like the metric's value.
/// </summary>
public sealed class KpiTarget : IVersioned, IAudited
{
    public int Id { get; set; }
    public Team Team { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public required string MetricKey { get; set; }
    public double Value { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public long Version { get; set; }
}

internal sealed class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> b)
    {
        b.Property(x => x.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PeriodKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.MetricKey).HasMaxLength(80);
        b.HasIndex(x => new { x.Team, x.PeriodKind, x.MetricKey }).IsUnique();
    }
}
