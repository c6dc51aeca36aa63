using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service;

/// <summary>How a ticket stands against its SLA, for the queue's colour: the most pressing of its targets.</summary>
public enum SlaBadge
{
    None,
    Ok,
    Warning,
    Breached,
    Paused,
    Met,
}

/// <summary>A customer's inquiry: one conversation over one channel, worked by the customer-service team.</summary>
[LiveBoard(Boards.Tickets, CarriesValues = true)]
public sealed class Ticket : IVersioned, IAudited
{
    public int Id { get; set; }
    public TicketChannel Channel { get; set; }
    public required string CustomerName { get; set; }
    public required string CustomerContact { get; set; }

    /// <summary>The language the customer is written to in: "zh-Hans" or "en".</summary>
    public string CustomerLanguage { get; set; } = "zh-Hans";
    public string? OrderReference { get; set; }
    public required string Subject { get; set; }
    public required string Category { get; set; }
    public TicketPriority Priority { get; set; }
    public TicketStatus Status { get; set; }
    public int? AssigneeId { get; set; }
    public Employee? Assignee { get; set; }
    public DateTime? AssignedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Set when this ticket was a duplicate merged into another; its thread was copied there.</summary>
    public int? MergedIntoId { get; set; }

    public string? SlaPolicyName { get; set; }
    public DateTime? FirstResponseDueUtc { get; set; }
    public DateTime? NextReplyDueUtc { get; set; }
    public DateTime? ResolutionDueUtc { get; set; }

    /// <summary>The earliest due time of a running target: the queue sorts by it. Null when nothing runs.</summary>
    public DateTime? NextDeadlineUtc { get; set; }

    /// <summary>When the earliest running target reaches its warning share.</summary>
    public DateTime? NextWarningUtc { get; set; }

    public SlaBadge SlaBadge { get; set; }

    /// <summary>When the SLA picture next changes by itself (a warning or a deadline): the scheduler recomputes then.</summary>
    public DateTime? SlaNextCheckUtc { get; set; }

    public long Version { get; set; }

    public List<TicketEntry> Entries { get; set; } = [];
    public List<TicketStatusChange> StatusHistory { get; set; } = [];
    public List<Surveys.SatisfactionSurvey> Surveys { get; set; } = [];

    /// <summary>What the console sent the customer about this ticket (the satisfaction survey link on each solve).</summary>
    public List<Orders.OutboxMessage> CustomerMessages { get; set; } = [];

    public string Number => NumberOf(Id);

    /// <summary>The ticket number people read and type: T and the id in six digits.</summary>
    public static string NumberOf(int id) => $"T{id:D6}";
}

/// <summary>One message in a ticket's thread. Customer text is stored and shown as plain text, never as HTML.</summary>
public sealed class TicketEntry
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public ThreadEntryKind Kind { get; set; }
    public required string Body { get; set; }
    public required string AuthorName { get; set; }
    public int? AuthorEmployeeId { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A status the ticket entered, and when: the SLA clock's paused time is derived from these.</summary>
public sealed class TicketStatusChange
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public TicketStatus Status { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ByName { get; set; }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Ignore(t => t.Number);
        b.Property(t => t.CustomerName).HasMaxLength(TicketRules.MaxNameLength);
        b.Property(t => t.CustomerContact).HasMaxLength(TicketRules.MaxContactLength);
        b.Property(t => t.CustomerLanguage).HasMaxLength(10).HasDefaultValue("zh-Hans");
        b.Property(t => t.OrderReference).HasMaxLength(TicketRules.MaxOrderReferenceLength);
        b.Property(t => t.Subject).HasMaxLength(TicketRules.MaxSubjectLength);
        b.Property(t => t.Category).HasMaxLength(TicketRules.MaxCategoryLength);
        b.Property(t => t.SlaPolicyName).HasMaxLength(100);
        b.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.SlaBadge).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(t => t.SlaNextCheckUtc);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.StatusHistory).WithOne().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Surveys).WithOne().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        // The live queue: open tickets by assignee, ordered by the earliest deadline.
        b.HasIndex(t => new { t.Status, t.AssigneeId, t.NextDeadlineUtc });
        b.HasIndex(t => t.NextDeadlineUtc);
        b.HasIndex(t => t.CreatedAtUtc);
    }
}

internal sealed class TicketEntryConfiguration : IEntityTypeConfiguration<TicketEntry>
{
    public void Configure(EntityTypeBuilder<TicketEntry> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Body).HasMaxLength(TicketRules.MaxBodyLength);
        b.Property(e => e.AuthorName).HasMaxLength(256);
        b.HasIndex(e => new { e.TicketId, e.AtUtc });
    }
}

internal sealed class TicketStatusChangeConfiguration : IEntityTypeConfiguration<TicketStatusChange>
{
    public void Configure(EntityTypeBuilder<TicketStatusChange> b)
    {
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.ByName).HasMaxLength(256);
        b.HasIndex(s => new { s.TicketId, s.AtUtc });
        // The service metrics: the tickets solved in a period.
        b.HasIndex(s => new { s.Status, s.AtUtc, s.TicketId });
    }
}
