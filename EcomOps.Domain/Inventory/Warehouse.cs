using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

/// <summary>A place where stock is kept, counted and shipped from (e.g. SH-01 上海仓).</summary>
public sealed class Warehouse : IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; } = true;
}

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> b)
    {
        b.Property(w => w.Code).HasMaxLength(20);
        b.Property(w => w.Name).HasMaxLength(100);
        b.HasIndex(w => w.Code).IsUnique();
    }
}
