using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.People;

/// <summary>
/// One step of a career path: the role a person can move to from the step before (same <see cref="Track"/>, lower
/// <see cref="Rank"/>), the training areas they must have passed, and the minimum appraisal result (filled by appraisal).
/// </summary>
public sealed class CareerStep : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Track { get; set; }
    public int Rank { get; set; }
    public required string Role { get; set; }

    /// <summary>Training areas required to take this step (comma-separated <see cref="TrainingArea"/> names).</summary>
    public string RequiredAreas { get; set; } = "";

    /// <summary>
    /// The lowest final score (0–100) of the person's latest closed appraisal to be proposed for this step; set by the
    /// director, none by default (then appraisal results are shown, not required).
    /// </summary>
    public decimal? MinAppraisalScore { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<TrainingArea> RequiredAreaList =>
        [.. RequiredAreas.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<TrainingArea>)];
}

public enum ProposalState
{
    Proposed,
    Approved,
    Rejected,
}

/// <summary>A manager's proposal to promote a person to another role; the director approves (the role changes then) or rejects.</summary>
[LiveBoard(Boards.Training)]
public sealed class PromotionProposal : IVersioned, IAudited
{
    public const int MaxReasonLength = 1000;

    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public required string FromRole { get; set; }
    public required string ToRole { get; set; }
    public string Reason { get; set; } = "";
    public ProposalState State { get; set; }
    public string? ProposedByUserId { get; set; }
    public string ProposedByName { get; set; } = "";
    public DateTime ProposedAtUtc { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }
    public long Version { get; set; }
}

/// <summary>A spell of a person in another post (job rotation), with its dates.</summary>
[LiveBoard(Boards.Training)]
public sealed class Rotation : IAudited
{
    public const int MaxPostLength = 120;

    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public string FromPost { get; set; } = "";
    public string ToPost { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? ArrangedByName { get; set; }
}

internal sealed class CareerConfiguration :
    IEntityTypeConfiguration<CareerStep>, IEntityTypeConfiguration<PromotionProposal>, IEntityTypeConfiguration<Rotation>
{
    public void Configure(EntityTypeBuilder<CareerStep> b)
    {
        b.Property(s => s.Track).HasMaxLength(40);
        b.Property(s => s.Role).HasMaxLength(40);
        b.Property(s => s.RequiredAreas).HasMaxLength(300);
        b.Property(s => s.MinAppraisalScore).HasPrecision(5, 2);
        b.HasIndex(s => new { s.Track, s.Rank }).IsUnique();
        b.Ignore(s => s.RequiredAreaList);
        // The rulebook's paths, there in every database (a company without demo data too); appraisal fills the minimum results.
        b.HasData(
            new CareerStep { Id = 1, Track = "Operations", Rank = 1, Role = Roles.OperationsSpecialist, RequiredAreas = "EcommerceBasics" },
            new CareerStep { Id = 2, Track = "Operations", Rank = 2, Role = Roles.OperationsManager, RequiredAreas = "EcommerceBasics,CampaignPlanning,DataAnalysis" },
            new CareerStep { Id = 3, Track = "Operations", Rank = 3, Role = Roles.OperationsDirector, RequiredAreas = "CampaignPlanning,DataAnalysis,Leadership" },
            new CareerStep { Id = 4, Track = "CustomerService", Rank = 1, Role = Roles.CsAgent, RequiredAreas = "EcommerceBasics,CustomerService" },
            new CareerStep { Id = 5, Track = "CustomerService", Rank = 2, Role = Roles.CsSupervisor, RequiredAreas = "CustomerService,Compliance,Leadership" },
            new CareerStep { Id = 6, Track = "Design", Rank = 1, Role = Roles.Designer, RequiredAreas = "EcommerceBasics,DesignSkills" },
            new CareerStep { Id = 7, Track = "Design", Rank = 2, Role = Roles.DesignSupervisor, RequiredAreas = "DesignSkills,Leadership" });
    }

    public void Configure(EntityTypeBuilder<PromotionProposal> b)
    {
        b.Property(p => p.FromRole).HasMaxLength(40);
        b.Property(p => p.ToRole).HasMaxLength(40);
        b.Property(p => p.Reason).HasMaxLength(PromotionProposal.MaxReasonLength);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.ProposedByName).HasMaxLength(256);
        b.Property(p => p.DecidedByName).HasMaxLength(256);
        b.Property(p => p.DecisionNote).HasMaxLength(PromotionProposal.MaxReasonLength);
        b.HasIndex(p => new { p.EmployeeId, p.State });
        b.HasOne(p => p.Employee).WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Rotation> b)
    {
        b.Property(r => r.FromPost).HasMaxLength(Rotation.MaxPostLength);
        b.Property(r => r.ToPost).HasMaxLength(Rotation.MaxPostLength);
        b.Property(r => r.ArrangedByName).HasMaxLength(256);
        b.HasIndex(r => r.EmployeeId);
        b.HasOne(r => r.Employee).WithMany().HasForeignKey(r => r.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
