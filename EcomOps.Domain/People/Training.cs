using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.People;

/// <summary>The rulebook's content areas of training (chapter 6); a required training is an area passed.</summary>
public enum TrainingArea
{
    EcommerceBasics,
    ProfessionalSkills,
    CustomerService,
    CampaignPlanning,
    DataAnalysis,
    DesignSkills,
    Compliance,
    Leadership,
}

public enum TrainingMethod
{
    Internal,
    External,
    Online,
}

/// <summary>How a session's attendees are assessed: a score (with a pass mark), or a practical check passed or not.</summary>
public enum AssessmentKind
{
    Score,
    Practical,
}

public enum PlanState
{
    Draft,
    Submitted,
    Approved,
}

public enum EnrolmentState
{
    Enrolled,
    Waiting,
    Withdrawn,
}

/// <summary>A team's annual training plan: drafted by its manager or supervisor, approved by the operations director.</summary>
[LiveBoard(Boards.Training)]
public sealed class TrainingPlan : IVersioned, IAudited
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }
    public Team Team { get; set; }
    public int Year { get; set; }
    public string Goals { get; set; } = "";
    public string AssessmentMethod { get; set; } = "";
    public PlanState State { get; set; }
    public string? DraftedByName { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public List<TrainingPlanItem> Items { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>One line of a plan: what (area, title), how (method), in which month, how many sessions.</summary>
public sealed class TrainingPlanItem : IAudited
{
    public const int MaxTitleLength = 200;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public TrainingArea Area { get; set; }
    public string Title { get; set; } = "";
    public TrainingMethod Method { get; set; }
    public int Month { get; set; }
    public int PlannedSessions { get; set; } = 1;
    public AssessmentKind Assessment { get; set; }
}

/// <summary>A training session: a plan item held at a time, by an employee or an external provider, for up to its capacity.</summary>
[LiveBoard(Boards.Training)]
public sealed class TrainingSession : IVersioned, IAudited
{
    public const int MaxTitleLength = 200;
    public const int MaxPlaceLength = 300;
    public const int MaxCapacity = 500;

    public int Id { get; set; }
    public int? PlanItemId { get; set; }
    public TrainingPlanItem? PlanItem { get; set; }
    public Team Team { get; set; }
    public TrainingArea Area { get; set; }
    public TrainingMethod Method { get; set; }
    public AssessmentKind Assessment { get; set; }

    /// <summary>The pass mark of a scored assessment (0–100).</summary>
    public int PassMark { get; set; } = 60;

    public string Title { get; set; } = "";
    public int? TrainerEmployeeId { get; set; }
    public Employee? Trainer { get; set; }
    public string? ExternalProvider { get; set; }
    public string? ProviderContact { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public int DurationMinutes { get; set; } = 90;
    public string Place { get; set; } = "";
    public int Capacity { get; set; }

    /// <summary>Roles whose members in the session's team must attend (comma-separated); they are enrolled as required.</summary>
    public string RequiredRoles { get; set; } = "";

    public bool Cancelled { get; set; }
    public DateTime? AttendanceTakenAtUtc { get; set; }
    public DateTime? ResultsRecordedAtUtc { get; set; }
    public List<TrainingEnrolment> Enrolments { get; set; } = [];
    public long Version { get; set; }

    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);

    public IReadOnlyList<string> RequiredRoleList => RequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A person on a session: enrolled or on the waiting list; after it, attended or not, the result, their feedback.</summary>
[LiveBoard(Boards.Training)]
public sealed class TrainingEnrolment : IAudited
{
    public const int MaxCommentLength = 1000;

    public int Id { get; set; }
    public int SessionId { get; set; }
    public TrainingSession? Session { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public EnrolmentState State { get; set; }

    /// <summary>Named by the session's required roles or by the person who scheduled it: missing it tells the manager.</summary>
    public bool Required { get; set; }

    public DateTime EnrolledAtUtc { get; set; }
    public bool? Attended { get; set; }
    public int? Score { get; set; }
    public bool? Passed { get; set; }
    public int? FeedbackRating { get; set; }
    public string? FeedbackComment { get; set; }
}

/// <summary>Which areas a role must have passed (the training record lists the ones still missing).</summary>
public sealed class RequiredTraining
{
    public int Id { get; set; }
    public required string Role { get; set; }
    public TrainingArea Area { get; set; }
}

internal sealed class TrainingConfiguration :
    IEntityTypeConfiguration<TrainingPlan>, IEntityTypeConfiguration<TrainingPlanItem>, IEntityTypeConfiguration<TrainingSession>,
    IEntityTypeConfiguration<TrainingEnrolment>, IEntityTypeConfiguration<RequiredTraining>
{
    public void Configure(EntityTypeBuilder<TrainingPlan> b)
    {
        b.Property(p => p.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.Goals).HasMaxLength(TrainingPlan.MaxTextLength);
        b.Property(p => p.AssessmentMethod).HasMaxLength(TrainingPlan.MaxTextLength);
        b.Property(p => p.DraftedByName).HasMaxLength(256);
        b.Property(p => p.ApprovedByName).HasMaxLength(256);
        b.HasIndex(p => new { p.Team, p.Year }).IsUnique();
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TrainingPlanItem> b)
    {
        b.Property(i => i.Area).HasConversion<string>().HasMaxLength(24);
        b.Property(i => i.Method).HasConversion<string>().HasMaxLength(12);
        b.Property(i => i.Assessment).HasConversion<string>().HasMaxLength(12);
        b.Property(i => i.Title).HasMaxLength(TrainingPlanItem.MaxTitleLength);
    }

    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.Property(s => s.Team).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Area).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Method).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.Assessment).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.Title).HasMaxLength(TrainingSession.MaxTitleLength);
        b.Property(s => s.ExternalProvider).HasMaxLength(200);
        b.Property(s => s.ProviderContact).HasMaxLength(200);
        b.Property(s => s.Place).HasMaxLength(TrainingSession.MaxPlaceLength);
        b.Property(s => s.RequiredRoles).HasMaxLength(400);
        b.HasIndex(s => s.StartsAtUtc);
        b.HasIndex(s => new { s.Team, s.StartsAtUtc });
        b.HasOne(s => s.PlanItem).WithMany().HasForeignKey(s => s.PlanItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(s => s.Trainer).WithMany().HasForeignKey(s => s.TrainerEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Enrolments).WithOne(e => e.Session).HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(s => s.EndsAtUtc);
        b.Ignore(s => s.RequiredRoleList);
    }

    public void Configure(EntityTypeBuilder<TrainingEnrolment> b)
    {
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(12);
        b.Property(e => e.FeedbackComment).HasMaxLength(TrainingEnrolment.MaxCommentLength);
        b.HasIndex(e => new { e.SessionId, e.EmployeeId }).IsUnique();
        b.HasIndex(e => e.EmployeeId);
        b.HasOne(e => e.Employee).WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<RequiredTraining> b)
    {
        b.Property(r => r.Role).HasMaxLength(40);
        b.Property(r => r.Area).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(r => new { r.Role, r.Area }).IsUnique();
        var id = 0;
        b.HasData(new (string Role, TrainingArea[] Areas)[]
        {
            (Roles.OperationsSpecialist, [TrainingArea.EcommerceBasics, TrainingArea.ProfessionalSkills, TrainingArea.Compliance]),
            (Roles.OperationsManager, [TrainingArea.EcommerceBasics, TrainingArea.CampaignPlanning, TrainingArea.DataAnalysis]),
            (Roles.CsAgent, [TrainingArea.EcommerceBasics, TrainingArea.CustomerService]),
            (Roles.CsSupervisor, [TrainingArea.CustomerService, TrainingArea.Leadership]),
            (Roles.Designer, [TrainingArea.EcommerceBasics, TrainingArea.DesignSkills]),
            (Roles.DesignSupervisor, [TrainingArea.DesignSkills, TrainingArea.Leadership]),
        }.SelectMany(r => r.Areas.Select(a => new RequiredTraining { Id = ++id, Role = r.Role, Area = a })).ToArray());
    }
}
