using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service.Feedback;

/// <summary>What a customer's remark is about (§2.5): each has a department that owns it.</summary>
public enum FeedbackCategory
{
    Product,
    Packaging,
    Delivery,
    Price,
    Site,
    Service,
}

/// <summary>An opinion on what is (feedback, 意见) or an idea for what could be (suggestion, 建议).</summary>
public enum FeedbackKind
{
    Feedback,
    Suggestion,
}

public enum FeedbackState
{
    /// <summary>Waiting for the department to read it.</summary>
    New,

    /// <summary>The department read it and said what it does about it.</summary>
    Acknowledged,
}

/// <summary>
/// A customer's feedback or suggestion that is not a complaint, recorded by an agent from a ticket with its category;
/// routed to the category's department, which acknowledges it; summed up in a monthly digest per department.
/// </summary>
[Live.LiveBoard(Live.Boards.Feedback)]
public sealed class CustomerFeedback : IVersioned, IAudited
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public FeedbackKind Kind { get; set; }
    public FeedbackCategory Category { get; set; }

    /// <summary>Set from the category when recorded (<see cref="FeedbackRules.DepartmentOf"/>): a later change of the rule moves nothing.</summary>
    public Team Department { get; set; }

    /// <summary>The customer's point in the agent's words (or the customer's own).</summary>
    public required string Text { get; set; }

    public required string CustomerName { get; set; }
    public int? RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    public FeedbackState State { get; set; }
    public string? Response { get; set; }
    public string? AcknowledgedByName { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }

    public long Version { get; set; }
}

/// <summary>The month's feedback of one department as the digest job built it: the workbook, kept for download.</summary>
public sealed class FeedbackDigest
{
    public int Id { get; set; }
    public Team Department { get; set; }

    /// <summary>The first day of the month it covers (company calendar).</summary>
    public DateOnly Month { get; set; }

    public int Entries { get; set; }
    public int Suggestions { get; set; }
    public int Acknowledged { get; set; }
    public required string Culture { get; set; }
    public DateTime BuiltAtUtc { get; set; }
    public required byte[] Content { get; set; }
}

internal sealed class CustomerFeedbackConfiguration : IEntityTypeConfiguration<CustomerFeedback>
{
    public void Configure(EntityTypeBuilder<CustomerFeedback> b)
    {
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Department).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Text).HasMaxLength(FeedbackRules.MaxTextLength);
        b.Property(f => f.Response).HasMaxLength(FeedbackRules.MaxTextLength);
        b.Property(f => f.CustomerName).HasMaxLength(TicketRules.MaxNameLength);
        b.Property(f => f.RecordedByName).HasMaxLength(256);
        b.Property(f => f.AcknowledgedByName).HasMaxLength(256);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasIndex(f => new { f.Department, f.RecordedAtUtc });
        b.HasIndex(f => f.TicketId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(f => f.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackDigestConfiguration : IEntityTypeConfiguration<FeedbackDigest>
{
    public void Configure(EntityTypeBuilder<FeedbackDigest> b)
    {
        b.Property(d => d.Department).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Culture).HasMaxLength(20);
        b.HasIndex(d => new { d.Department, d.Month }).IsUnique();
    }
}
