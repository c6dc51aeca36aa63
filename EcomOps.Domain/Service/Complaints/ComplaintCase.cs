using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service.Complaints;

/// <summary>Where a complaint stands in the rulebook's procedure. A reopened case goes back to <see cref="SolutionInProgress"/> in a new round.</summary>
public enum ComplaintStage
{
    Recorded,
    Investigating,
    SolutionInProgress,
    AwaitingFollowUp,
    Closed,
}

/// <summary>The rulebook's fixed list of root causes.</summary>
public enum ComplaintRootCause
{
    ProductQuality,
    WrongItem,
    DamagedInTransit,
    LateDelivery,
    LostParcel,
    Packaging,
    ListingInaccurate,
    PricingOrPromotion,
    ServiceAttitude,
    Other,
}

/// <summary>Who a cause is laid at: the company's teams and the outside parties the company answers for.</summary>
public enum ComplaintDepartment
{
    CustomerService,
    Operations,
    Design,
    Warehouse,
    Logistics,
    Supplier,
}

public enum FollowUpVerdict
{
    Satisfied,
    NotSatisfied,
}

/// <summary>A customer complaint handled as a case: record, first response, investigation, solution rounds, follow-up.</summary>
[LiveBoard(Boards.Complaints)]
public sealed class ComplaintCase : IVersioned, IAudited
{
    public int Id { get; set; }
    public ComplaintStage Stage { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public required string ComplainantName { get; set; }
    public required string Contact { get; set; }
    public TicketChannel Channel { get; set; }
    public required string Matter { get; set; }

    /// <summary>Free text or a SKU.</summary>
    public string? Product { get; set; }
    public string? OrderReference { get; set; }
    public int? TicketId { get; set; }

    public DateTime FirstResponseDueUtc { get; set; }
    public DateTime? FirstResponseAtUtc { get; set; }
    public string? FirstResponseNote { get; set; }

    public ComplaintRootCause? RootCause { get; set; }
    public ComplaintDepartment? ResponsibleDepartment { get; set; }
    public int? ResponsiblePersonId { get; set; }
    public Employee? ResponsiblePerson { get; set; }
    public string? InvestigationNote { get; set; }
    public DateTime? InvestigatedAtUtc { get; set; }

    /// <summary>The number of the round being worked (0 before the investigation ends).</summary>
    public int CurrentRound { get; set; }

    /// <summary>How many times the customer was not satisfied and the case went into a new round.</summary>
    public int ReopenCount { get; set; }

    /// <summary>The next deadline of the stage: first response, earliest open measure, or follow-up. The board sorts by it.</summary>
    public DateTime? NextDueUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public long Version { get; set; }

    public List<ComplaintRound> Rounds { get; set; } = [];

    public string Number => $"C{Id:D6}";

    public ComplaintRound? Round => Rounds.FirstOrDefault(r => r.Number == CurrentRound);
}

/// <summary>One solution attempt: its measures and the customer's verdict at follow-up. Every round is kept.</summary>
public sealed class ComplaintRound
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int Number { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FollowUpDueUtc { get; set; }
    public FollowUpVerdict? Verdict { get; set; }
    public string? VerdictNote { get; set; }
    public DateTime? FollowUpAtUtc { get; set; }
    public List<ComplaintMeasure> Measures { get; set; } = [];
}

/// <summary>A step of a solution: who does what by when, and what it should achieve.</summary>
public sealed class ComplaintMeasure
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string Description { get; set; }
    public int OwnerId { get; set; }
    public Employee? Owner { get; set; }
    public DateTime DeadlineUtc { get; set; }
    public required string ExpectedOutcome { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public string? Result { get; set; }

    /// <summary>When the owner and their supervisor were alerted that it is overdue; set once.</summary>
    public DateTime? OverdueAlertedAtUtc { get; set; }
}

internal sealed class ComplaintCaseConfiguration : IEntityTypeConfiguration<ComplaintCase>
{
    public void Configure(EntityTypeBuilder<ComplaintCase> b)
    {
        b.Ignore(c => c.Number);
        b.Ignore(c => c.Round);
        b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RootCause).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.ResponsibleDepartment).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ComplainantName).HasMaxLength(ComplaintRules.MaxNameLength);
        b.Property(c => c.Contact).HasMaxLength(ComplaintRules.MaxContactLength);
        b.Property(c => c.Matter).HasMaxLength(ComplaintRules.MaxTextLength);
        b.Property(c => c.Product).HasMaxLength(ComplaintRules.MaxShortLength);
        b.Property(c => c.OrderReference).HasMaxLength(ComplaintRules.MaxShortLength);
        b.Property(c => c.FirstResponseNote).HasMaxLength(ComplaintRules.MaxTextLength);
        b.Property(c => c.InvestigationNote).HasMaxLength(ComplaintRules.MaxTextLength);
        b.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.ResponsiblePerson).WithMany().HasForeignKey(c => c.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Rounds).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.Stage, c.NextDueUtc });
        b.HasIndex(c => c.ReceivedAtUtc);
    }
}

internal sealed class ComplaintRoundConfiguration : IEntityTypeConfiguration<ComplaintRound>
{
    public void Configure(EntityTypeBuilder<ComplaintRound> b)
    {
        b.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.VerdictNote).HasMaxLength(ComplaintRules.MaxTextLength);
        b.HasIndex(r => new { r.CaseId, r.Number }).IsUnique();
        b.HasMany(r => r.Measures).WithOne().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintMeasureConfiguration : IEntityTypeConfiguration<ComplaintMeasure>
{
    public void Configure(EntityTypeBuilder<ComplaintMeasure> b)
    {
        b.Property(m => m.Description).HasMaxLength(ComplaintRules.MaxTextLength);
        b.Property(m => m.ExpectedOutcome).HasMaxLength(ComplaintRules.MaxTextLength);
        b.Property(m => m.Result).HasMaxLength(ComplaintRules.MaxTextLength);
        b.HasOne(m => m.Owner).WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.DoneAtUtc, m.DeadlineUtc });
    }
}
