using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

/// <summary>Who stock is bought from: contact, how long an order takes to arrive, and the smallest order they take.</summary>
public sealed class Supplier : IVersioned, IAudited
{
    public const int MaxNameLength = 120;
    public const int MaxContactLength = 200;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Days from sending a purchase order to its arrival; the expected date of each order is set from it.</summary>
    public int LeadTimeDays { get; set; }

    /// <summary>Smallest quantity per SKU line the supplier accepts.</summary>
    public int MinOrderQuantity { get; set; } = 1;

    public bool Active { get; set; } = true;
    public long Version { get; set; }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.Name).HasMaxLength(Supplier.MaxNameLength);
        b.Property(s => s.ContactName).HasMaxLength(Supplier.MaxContactLength);
        b.Property(s => s.Phone).HasMaxLength(40);
        b.Property(s => s.Email).HasMaxLength(256);
        b.HasIndex(s => s.Code).IsUnique();
    }
}
