using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

/// <summary>A place where stock is kept, counted and shipped from (e.g. SH-01 上海仓).</summary>
public sealed class Warehouse : IRetirable, IAudited
{
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 300;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }
}

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> b)
    {
        b.Property(w => w.Code).HasMaxLength(Warehouse.MaxCodeLength);
        b.Property(w => w.Name).HasMaxLength(Warehouse.MaxNameLength);
        b.Property(w => w.Address).HasMaxLength(Warehouse.MaxAddressLength);
        b.HasIndex(w => w.Code).IsUnique();
    }
}
