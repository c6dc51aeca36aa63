using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Orders;

public enum NotificationKind
{
    Accepted,
    Shipped,
    Delayed,
    Cancelled,

    /// <summary>A solved ticket's satisfaction survey link.</summary>
    SurveyInvitation,

    /// <summary>An agent answered a conversation from the contact page: the link to read and answer it.</summary>
    ContactReply,
}

public enum DeliveryStatus
{
    Pending,

    /// <summary>Claimed by one outbox run until <see cref="OutboxMessage.ClaimedUntilUtc"/>: no other run sends it meanwhile.</summary>
    Sending,
    Delivered,
    Failed,
}

/// <summary>
/// A message to the customer, written in the same transaction as the step it tells about and sent afterwards by an
/// <see cref="INotificationSender"/>: a step is never told without having happened, nor happens untold. It is about
/// an order (its steps) or a ticket (the survey link of a solve).
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxRecipientLength = 120;

    public long Id { get; set; }
    public int? OrderId { get; set; }
    public int? TicketId { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Language { get; set; }
    public required string Recipient { get; set; }
    public required string Text { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }

    /// <summary>While <see cref="DeliveryStatus.Sending"/>: when the claim lapses (a run that died leaves it to the next).</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(m => m.Language).HasMaxLength(10);
        b.Property(m => m.Recipient).HasMaxLength(OutboxMessage.MaxRecipientLength);
        b.Property(m => m.Text).HasMaxLength(1000);
        b.Property(m => m.LastError).HasMaxLength(400);
        b.HasOne<Order>().WithMany().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.Status, m.Id });
        b.HasIndex(m => m.OrderId);
        b.HasOne<Service.Ticket>().WithMany(t => t.CustomerMessages).HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.TicketId);
    }
}
