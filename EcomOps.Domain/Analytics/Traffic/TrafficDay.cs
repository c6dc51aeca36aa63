using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>The sales channels whose platforms send traffic reports.</summary>
public enum TrafficChannel
{
    Tmall,
    JD,
    Douyin,
    Pinduoduo,
    WebShop,
}

/// <summary>
/// One channel's traffic on one company-local day, as the platform reported it (the console has no tracker of its
/// own). One row per channel and day: a re-import of the day replaces it.
/// </summary>
public sealed class TrafficDay
{
    public int Id { get; set; }
    public TrafficChannel Channel { get; set; }
    public DateOnly Day { get; set; }
    public int Visits { get; set; }
    public int PageViews { get; set; }
    public int Visitors { get; set; }
    public int NewVisitors { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public string? ImportedBy { get; set; }
    public string? SourceFile { get; set; }
}

internal sealed class TrafficDayConfiguration : IEntityTypeConfiguration<TrafficDay>
{
    public void Configure(EntityTypeBuilder<TrafficDay> b)
    {
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.Property(x => x.SourceFile).HasMaxLength(260);
        b.HasIndex(x => new { x.Channel, x.Day }).IsUnique();
        b.HasIndex(x => x.Day);
    }
}
