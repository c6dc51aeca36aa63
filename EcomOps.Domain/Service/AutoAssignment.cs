using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service;

/// <summary>A team's switches for how its work is handed out.</summary>
[LiveBoard(Boards.Tickets)]
public sealed class TeamSetting : IVersioned, IAudited
{
    public Team Team { get; set; }

    /// <summary>Hand waiting tickets to on-shift agents automatically instead of waiting for a claim.</summary>
    public bool AutoAssign { get; set; }

    public long Version { get; set; }
}

internal sealed class TeamSettingConfiguration : IEntityTypeConfiguration<TeamSetting>
{
    public void Configure(EntityTypeBuilder<TeamSetting> b)
    {
        b.HasKey(s => s.Team);
        b.Property(s => s.Team).HasConversion<string>().HasMaxLength(20);
    }
}

/// <summary>
/// Auto-assignment: while the team has it switched on, the oldest waiting ticket goes to the on-shift agent with
/// the fewest tickets whose clock is running (ties: the name). Each hand-out is a version-guarded save, so an agent
/// claiming the same ticket at that instant simply wins and the ticket is skipped.
/// </summary>
public sealed class AutoAssignment(IDbContextFactory<OpsDb> dbFactory, TicketDesk desk, TicketQueue queue)
{
    public async Task<bool> IsOnAsync(Team team, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<TeamSetting>().AnyAsync(s => s.Team == team && s.AutoAssign, ct);
    }

    public async Task SwitchAsync(Actor actor, Team team, bool on, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var setting = await db.Set<TeamSetting>().FirstOrDefaultAsync(s => s.Team == team, ct);
        if (setting is null)
        {
            db.Add(new TeamSetting { Team = team, AutoAssign = on });
        }
        else
        {
            setting.AutoAssign = on;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Hands out waiting tickets to the given on-shift agents; returns how many were assigned.</summary>
    public async Task<int> AssignWaitingAsync(IReadOnlyCollection<int> onShiftAgentIds, CancellationToken ct = default)
    {
        if (onShiftAgentIds.Count == 0 || !await IsOnAsync(Team.CustomerService, ct))
        {
            return 0;
        }
        List<int> agents;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Agents only: supervisors on shift watch the queue, they are not handed its work.
            agents = await db.Employees.Where(e => e.Active && e.Role == Roles.CsAgent && onShiftAgentIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        }
        var load = (await queue.AgentLoadAsync(ct)).Where(a => agents.Contains(a.EmployeeId)).ToDictionary(a => a.EmployeeId, a => a.Running);
        if (load.Count == 0)
        {
            return 0;
        }
        List<(int Id, long Version)> waiting;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            waiting = (await db.Tickets.AsNoTracking()
                .Where(t => t.AssigneeId == null && t.MergedIntoId == null && (t.Status == TicketStatus.New || t.Status == TicketStatus.Open))
                .OrderBy(t => t.CreatedAtUtc).ThenBy(t => t.Id)
                .Select(t => new { t.Id, t.Version }).Take(200).ToListAsync(ct))
                .Select(t => (t.Id, t.Version)).ToList();
        }
        var assigned = 0;
        foreach (var (ticketId, version) in waiting)
        {
            var agent = load.OrderBy(a => a.Value).ThenBy(a => a.Key).First().Key;
            var outcome = await desk.AssignAsync(new Actor(null, "auto-assign"), ticketId, agent, version, ct);
            if (outcome.Succeeded)
            {
                load[agent]++;
                assigned++;
            }
        }
        return assigned;
    }
}
