using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service.Referrals;

public enum ReferralState
{
    /// <summary>Waiting for the department's answer.</summary>
    Open,
    Answered,

    /// <summary>Withdrawn by the agent (the customer's question was answered another way).</summary>
    Withdrawn,
}

/// <summary>
/// A customer's question an agent could not answer at once, passed to a department (operations, design, customer
/// service) or a named colleague with a time to answer by (rulebook §4.1.2: record it, pass it on, answer the customer in
/// the set time). The answer returns to the ticket as an internal note the agent sends on; an answer not given in time
/// escalates to the department's heads once.
/// </summary>
[LiveBoard(Boards.Referrals)]
public sealed class TicketReferral : IVersioned, IAudited
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public Team Department { get; set; }

    /// <summary>The colleague asked by name, when the agent knows who can answer; else anyone in the department.</summary>
    public int? ToEmployeeId { get; set; }
    public Employee? ToEmployee { get; set; }
    public required string Question { get; set; }
    public DateTime DueUtc { get; set; }
    public ReferralState State { get; set; }
    public int? ReferredById { get; set; }
    public required string ReferredByName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredByName { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }

    /// <summary>When the overdue referral was escalated to the department's heads (once).</summary>
    public DateTime? EscalatedAtUtc { get; set; }
    public long Version { get; set; }

    public string Number => NumberOf(Id);

    public static string NumberOf(int id) => $"R{id:D5}";
}

internal sealed class TicketReferralConfiguration : IEntityTypeConfiguration<TicketReferral>
{
    public void Configure(EntityTypeBuilder<TicketReferral> b)
    {
        b.Ignore(r => r.Number);
        b.Property(r => r.Department).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.Question).HasMaxLength(ReferralRules.MaxTextLength);
        b.Property(r => r.Answer).HasMaxLength(ReferralRules.MaxTextLength);
        b.Property(r => r.ReferredByName).HasMaxLength(256);
        b.Property(r => r.AnsweredByName).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.ToEmployee).WithMany().HasForeignKey(r => r.ToEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.TicketId);
        // A department's open list by deadline, and the overdue sweep.
        b.HasIndex(r => new { r.State, r.Department, r.DueUtc });
    }
}
