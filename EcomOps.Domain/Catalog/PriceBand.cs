using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog;

/// <summary>
/// A price band (价格带): list prices from <see cref="FromCents"/> (included) up to <see cref="ToCents"/> (excluded;
/// none for the top band). A product's band is derived from its price, never typed.
/// </summary>
public sealed class PriceBand : IVersioned, IAudited
{
    public const int MaxNameLength = 60;

    public int Id { get; set; }
    public required string Name { get; set; }
    public long FromCents { get; set; }
    public long? ToCents { get; set; }
    public long Version { get; set; }

    public bool Contains(long priceCents) => priceCents >= FromCents && (ToCents is not { } to || priceCents < to);
}

public static class PriceBands
{
    /// <summary>The band a price falls in, or null when the configured bands leave it out.</summary>
    public static PriceBand? For(IEnumerable<PriceBand> bands, long priceCents) =>
        bands.OrderBy(b => b.FromCents).FirstOrDefault(b => b.Contains(priceCents));

    /// <summary>Whether two bands share a price (the lower bound is in, the upper bound out).</summary>
    public static bool Overlap(long fromA, long? toA, long fromB, long? toB) =>
        (toB is not { } tb || fromA < tb) && (toA is not { } ta || fromB < ta);
}

internal sealed class PriceBandConfiguration : IEntityTypeConfiguration<PriceBand>
{
    public void Configure(EntityTypeBuilder<PriceBand> b)
    {
        b.Property(x => x.Name).HasMaxLength(PriceBand.MaxNameLength);
        b.HasIndex(x => x.Name).IsUnique();
    }
}
