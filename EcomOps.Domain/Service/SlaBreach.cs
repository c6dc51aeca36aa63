using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service;

/// <summary>
/// A deadline a ticket missed. The clock dates a breach at the exact deadline, so (ticket, target, deadline) is
/// unique: however often the check runs, a breach is recorded once.
/// </summary>
public sealed class SlaBreach
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public SlaTargetKind Target { get; set; }
    public DateTime BreachedAtUtc { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? PolicyName { get; set; }
}

internal sealed class SlaBreachConfiguration : IEntityTypeConfiguration<SlaBreach>
{
    public void Configure(EntityTypeBuilder<SlaBreach> b)
    {
        b.Property(x => x.Target).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PolicyName).HasMaxLength(100);
        b.HasIndex(x => new { x.TicketId, x.Target, x.BreachedAtUtc }).IsUnique();
    }
}
