using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Orders;

public enum NotificationKind
{
    Accepted,
    Shipped,
    Delayed,
    Cancelled,
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// A message to the customer, written in the same transaction as the step it tells about and sent afterwards by an
/// <see cref="INotificationSender"/>: a step is never told without having happened, nor happens untold.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public int OrderId { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Language { get; set; }
    public required string Recipient { get; set; }
    public required string Text { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(m => m.Language).HasMaxLength(10);
        b.Property(m => m.Recipient).HasMaxLength(OrderRules.MaxPhoneLength);
        b.Property(m => m.Text).HasMaxLength(1000);
        b.Property(m => m.LastError).HasMaxLength(400);
        b.HasOne<Order>().WithMany().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.Status, m.Id });
        b.HasIndex(m => m.OrderId);
    }
}
