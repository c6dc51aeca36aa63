using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog;

public enum ListingState
{
    Draft,
    InReview,
    Live,
    Paused,
    Retired,
}

/// <summary>
/// A product on one sales channel's store (商品上架): its own title, optionally its own selling points and description,
/// and optionally its own price per SKU (<see cref="ListingPrice"/>; a SKU without one sells at its list price). It
/// shows the product's active SKUs. Going live takes 100% completeness for the channel and a second person's approval.
/// </summary>
public sealed class Listing : IVersioned, IAudited
{
    public const int MaxTitleLength = 200;
    public const int MaxMissingLength = 400;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int ChannelId { get; set; }
    public required string Title { get; set; }

    /// <summary>This channel's selling points; null shows the product's.</summary>
    public string? SellingPoints { get; set; }

    /// <summary>This channel's description; null shows the product's.</summary>
    public string? Description { get; set; }

    public ListingState State { get; set; }

    /// <summary>Completeness for the channel as of the last change to the listing, its product or SKUs (<see cref="ListingCompleteness"/>); lists filter and sort by it.</summary>
    public int CompletenessPercent { get; set; }

    /// <summary>The missing fields behind <see cref="CompletenessPercent"/>, comma-separated (<see cref="ListingFields.Format"/>).</summary>
    public string? MissingFields { get; set; }

    /// <summary>Who last changed the listing's content (creating it counts): the one person who may not approve it.</summary>
    public string? LastEditorUserId { get; set; }
    public int? LastEditorEmployeeId { get; set; }
    public string? LastEditorName { get; set; }
    public DateTime LastEditedAtUtc { get; set; }

    public string? ApprovedByUserId { get; set; }
    public int? ApprovedByEmployeeId { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public DateTime StateChangedAtUtc { get; set; }
    public long Version { get; set; }

    public List<ListingPrice> Prices { get; } = [];
}

/// <summary>The price one SKU sells at on the listing's channel, in fen, when it differs from the SKU's list price.</summary>
public sealed class ListingPrice : IAudited
{
    public int ListingId { get; set; }
    public int SkuId { get; set; }
    public long PriceCents { get; set; }
}

/// <summary>
/// The fields one channel requires on top of the rulebook's. A channel without a row requires its platform's defaults
/// (<see cref="ListingFields.DefaultExtras"/>); a row is written when someone changes the list.
/// </summary>
public sealed class ChannelListingRule : IVersioned, IAudited
{
    public int ChannelId { get; set; }

    /// <summary>Comma-separated <see cref="ListingField"/> names.</summary>
    public string ExtraFields { get; set; } = "";
    public long Version { get; set; }
}

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.Property(l => l.Title).HasMaxLength(Listing.MaxTitleLength);
        b.Property(l => l.SellingPoints).HasMaxLength(Product.MaxLongTextLength);
        b.Property(l => l.Description).HasMaxLength(Product.MaxLongTextLength);
        b.Property(l => l.State).HasConversion<string>().HasMaxLength(12);
        b.Property(l => l.MissingFields).HasMaxLength(Listing.MaxMissingLength);
        b.Property(l => l.LastEditorUserId).HasMaxLength(450);
        b.Property(l => l.LastEditorName).HasMaxLength(256);
        b.Property(l => l.ApprovedByUserId).HasMaxLength(450);
        b.Property(l => l.ApprovedByName).HasMaxLength(256);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SalesChannel>().WithMany().HasForeignKey(l => l.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Prices).WithOne().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.ProductId, l.ChannelId }).IsUnique();
        b.HasIndex(l => new { l.ChannelId, l.State });
        b.HasIndex(l => new { l.State, l.CompletenessPercent });
        b.HasIndex(l => l.Title);
        // The listings page filters by channel, state or completeness and sorts by title (or completeness): an index per
        // pair walks a page in order instead of sorting every match (measured at 100,000 listings: docs/BENCHMARKS.md).
        b.HasIndex(l => new { l.ChannelId, l.Title });
        b.HasIndex(l => new { l.State, l.Title });
        b.HasIndex(l => new { l.CompletenessPercent, l.Title });
        b.ToTable(t => t.HasCheckConstraint("CK_Listings_Completeness", "\"CompletenessPercent\" BETWEEN 0 AND 100"));
    }
}

internal sealed class ListingPriceConfiguration : IEntityTypeConfiguration<ListingPrice>
{
    public void Configure(EntityTypeBuilder<ListingPrice> b)
    {
        b.HasKey(p => new { p.ListingId, p.SkuId });
        b.HasOne<Sku>().WithMany().HasForeignKey(p => p.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_ListingPrices_Price", "\"PriceCents\" >= 0"));
    }
}

internal sealed class ChannelListingRuleConfiguration : IEntityTypeConfiguration<ChannelListingRule>
{
    public void Configure(EntityTypeBuilder<ChannelListingRule> b)
    {
        b.HasKey(r => r.ChannelId);
        b.Property(r => r.ExtraFields).HasMaxLength(200);
        b.HasOne<SalesChannel>().WithOne().HasForeignKey<ChannelListingRule>(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
