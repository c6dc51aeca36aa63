using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One field's change inside an audit entry.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>One create, update or delete of a business entity: who, when, what, and which fields changed.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public AuditAction Action { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityKey).HasMaxLength(100);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        b.OwnsMany(e => e.Changes, c => c.ToJson());
        b.HasIndex(e => e.AtUtc);
        b.HasIndex(e => new { e.EntityType, e.EntityKey });
    }
}
