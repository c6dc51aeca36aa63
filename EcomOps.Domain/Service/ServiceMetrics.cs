using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Service.Surveys;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service;

/// <summary>A half-open period [From, To) in UTC.</summary>
public sealed record MetricPeriod(DateTime FromUtc, DateTime ToUtc)
{
    public bool Contains(DateTime utc) => utc >= FromUtc && utc < ToUtc;
}

/// <summary>
/// Customer-service figures for one agent (or the whole team when <see cref="EmployeeId"/> is null) over a period.
/// Rates are 0..1 and null when there was nothing to measure.
/// </summary>
public sealed record ServiceFigures(
    int? EmployeeId,
    string Name,
    int TicketsCreated,
    int TicketsSolved,
    double? FirstResponseMinutes,
    double? ResolutionHours,
    double? SlaAchievement,
    double? ReopenRate,
    int Backlog,
    double? Csat,
    int CsatResponses);

/// <summary>
/// The service figures the KPI sheets and dashboards use, from one query. Definitions:
/// first response = minutes from creation to the first public reply, for tickets created in the period, credited
/// to the agent who replied; resolution = hours from creation to the first solve in the period, credited to the
/// assignee; SLA achievement = share of tickets created in the period (by assignee) with no breach recorded;
/// reopen rate = share of tickets solved in the period that were later reopened; backlog = tickets open now held
/// by the agent (unassigned ones count for the team); CSAT = average 1–5 rating of surveys answered in the period,
/// credited to the agent who held the ticket when it was solved.
/// </summary>
public sealed class ServiceMetrics(IDbContextFactory<OpsDb> dbFactory)
{
    private static readonly TicketStatus[] Open = [TicketStatus.New, TicketStatus.Open, TicketStatus.PendingCustomer];

    public async Task<IReadOnlyList<ServiceFigures>> PerAgentAsync(MetricPeriod period, CancellationToken ct = default)
    {
        var data = await LoadAsync(period, ct);
        return data.Agents
            .Select(a => Figures(a.Id, a.FullName, data, t => t.AssigneeId == a.Id, e => e == a.Id))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<ServiceFigures> TeamAsync(MetricPeriod period, CancellationToken ct = default)
    {
        var data = await LoadAsync(period, ct);
        return Figures(null, "", data, _ => true, _ => true);
    }

    private static ServiceFigures Figures(int? employeeId, string name, Loaded data, Func<TicketFacts, bool> held, Func<int?, bool> credited)
    {
        var created = data.Tickets.Where(t => data.Period.Contains(t.CreatedAtUtc)).ToList();
        var firstResponses = created.Where(t => t.FirstReplyAtUtc is not null && credited(t.FirstReplyBy))
            .Select(t => (t.FirstReplyAtUtc!.Value - t.CreatedAtUtc).TotalMinutes).ToList();
        var solved = data.Tickets.Where(t => t.FirstSolvedInPeriodUtc is not null && held(t)).ToList();
        var createdHeld = created.Where(held).ToList();
        var surveys = data.Surveys.Where(s => credited(s.AgentId)).ToList();
        return new ServiceFigures(
            employeeId,
            name,
            createdHeld.Count,
            solved.Count,
            firstResponses.Count == 0 ? null : firstResponses.Average(),
            solved.Count == 0 ? null : solved.Average(t => (t.FirstSolvedInPeriodUtc!.Value - t.CreatedAtUtc).TotalHours),
            createdHeld.Count == 0 ? null : createdHeld.Count(t => !t.Breached) / (double)createdHeld.Count,
            solved.Count == 0 ? null : solved.Count(t => t.ReopenedAfterSolve) / (double)solved.Count,
            data.Tickets.Count(t => t.OpenNow && (employeeId is null || t.AssigneeId == employeeId)),
            surveys.Count == 0 ? null : surveys.Average(s => (double)s.Rating!.Value),
            surveys.Count);
    }

    private async Task<Loaded> LoadAsync(MetricPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agents = await db.Employees.AsNoTracking().Where(e => e.Team == Team.CustomerService)
            .Select(e => new Agent(e.Id, e.FullName)).ToListAsync(ct);

        // Tickets that matter to the period: created in it, solved in it, or still open (backlog).
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.MergedIntoId == null
                && ((t.CreatedAtUtc >= period.FromUtc && t.CreatedAtUtc < period.ToUtc)
                    || Open.Contains(t.Status)
                    || t.StatusHistory.Any(s => s.Status == TicketStatus.Solved && s.AtUtc >= period.FromUtc && s.AtUtc < period.ToUtc)))
            .Select(t => new
            {
                t.Id,
                t.CreatedAtUtc,
                t.AssigneeId,
                t.Status,
                FirstReply = t.Entries.Where(e => e.Kind == ThreadEntryKind.PublicReply).OrderBy(e => e.AtUtc)
                    .Select(e => new { e.AtUtc, e.AuthorEmployeeId }).FirstOrDefault(),
                History = t.StatusHistory.OrderBy(s => s.AtUtc).ThenBy(s => s.Id).Select(s => new { s.Status, s.AtUtc }).ToList(),
                Breached = db.SlaBreaches.Any(b => b.TicketId == t.Id),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var facts = tickets.Select(t =>
        {
            var solveAt = t.History.FindIndex(h => h.Status == TicketStatus.Solved && period.Contains(h.AtUtc));
            var solveInPeriod = solveAt < 0 ? null : t.History[solveAt];
            // In history order, not by time: a reopen in the same instant as the solve still counts.
            var reopened = solveAt >= 0 && t.History.Skip(solveAt + 1).Any(h => Open.Contains(h.Status));
            return new TicketFacts(t.CreatedAtUtc, t.AssigneeId, t.FirstReply?.AtUtc, t.FirstReply?.AuthorEmployeeId,
                solveInPeriod?.AtUtc, reopened, t.Breached, Open.Contains(t.Status));
        }).ToList();

        var surveys = await db.Set<SatisfactionSurvey>().AsNoTracking()
            .Where(s => s.AnsweredAtUtc >= period.FromUtc && s.AnsweredAtUtc < period.ToUtc && s.Rating != null)
            .Select(s => new SurveyFact(s.AgentId, s.Rating)).ToListAsync(ct);
        return new Loaded(period, agents, facts, surveys);
    }

    private sealed record Agent(int Id, string FullName);

    private sealed record TicketFacts(
        DateTime CreatedAtUtc, int? AssigneeId, DateTime? FirstReplyAtUtc, int? FirstReplyBy,
        DateTime? FirstSolvedInPeriodUtc, bool ReopenedAfterSolve, bool Breached, bool OpenNow);

    private sealed record SurveyFact(int? AgentId, int? Rating);

    private sealed record Loaded(MetricPeriod Period, List<Agent> Agents, List<TicketFacts> Tickets, List<SurveyFact> Surveys);
}
