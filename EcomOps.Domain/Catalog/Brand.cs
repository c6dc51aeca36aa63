using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog;

/// <summary>A brand products are sold under. Retired, not deleted, once products use it.</summary>
public sealed class Brand : IRetirable, IAudited
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> b)
    {
        b.Property(x => x.Name).HasMaxLength(Brand.MaxNameLength);
        b.HasIndex(x => x.Name).IsUnique();
    }
}
