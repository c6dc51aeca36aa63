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
    int CsatResponses,
    double? FirstResponseWithinSla,
    double? ResolutionRate,
    ServiceBasis Basis);

/// <summary>The ticket ids each figure was computed from (the records behind a KPI), in the same selection.</summary>
public sealed record ServiceBasis(
    IReadOnlyList<int> Created, IReadOnlyList<int> FirstResponses, IReadOnlyList<int> Solved, IReadOnlyList<int> Open, IReadOnlyList<int> Rated);

/// <summary>
/// Complaint figures over a period (the team's; a case has no single handler). Resolution rate = share of cases
/// received in the period that are closed; satisfaction = share of follow-ups answered in the period with the
/// customer satisfied. Null when there was nothing to measure.
/// </summary>
public sealed record ComplaintFigures(int Received, int Closed, double? ResolutionRate, int FollowUps, int Satisfied, double? Satisfaction,
    IReadOnlyList<int> ReceivedIds, IReadOnlyList<int> FollowUpIds)
{
    public static readonly ComplaintFigures None = new(0, 0, null, 0, 0, null, [], []);
}

/// <summary>
/// The service figures the KPI sheets and dashboards use, from one query. Definitions:
/// first response = minutes from creation to the first public reply, for tickets created in the period, credited
/// to the agent who replied; resolution = hours from creation to the first solve in the period, credited to the
/// assignee; SLA achievement = share of tickets created in the period (by assignee) with no breach recorded;
/// reopen rate = share of tickets solved in the period that were later reopened; backlog = tickets open now held
/// by the agent (unassigned ones count for the team); CSAT = average 1–5 rating of surveys answered in the period,
/// credited to the agent who held the ticket when it was solved; first response within SLA = share of the period's
/// first responses (credited to the replier) with no first-response breach; resolution rate = share of tickets
/// created in the period (by assignee) that were solved within the period.
/// </summary>
public sealed class ServiceMetrics(IDbContextFactory<OpsDb> dbFactory)
{
    private static readonly TicketStatus[] Open = [TicketStatus.New, TicketStatus.Open, TicketStatus.PendingCustomer];

    public async Task<IReadOnlyList<ServiceFigures>> PerAgentAsync(MetricPeriod period, CancellationToken ct = default) =>
        (await MeasureAsync(period, perAgent: true, ct)).Agents;

    public async Task<ServiceFigures> TeamAsync(MetricPeriod period, CancellationToken ct = default) =>
        (await MeasureAsync(period, perAgent: false, ct)).Team;

    /// <summary>
    /// The team's figures and, when asked, each agent's, from one load of the period's tickets: an agent's figures
    /// look only at the tickets they hold or first answered and the surveys credited to them.
    /// </summary>
    public async Task<(ServiceFigures Team, IReadOnlyList<ServiceFigures> Agents)> MeasureAsync(MetricPeriod period, bool perAgent, CancellationToken ct = default)
    {
        var data = await LoadAsync(period, ct);
        var team = Figures(null, "", data, _ => true, _ => true);
        if (!perAgent)
        {
            return (team, []);
        }
        var ticketsOf = data.Tickets
            .SelectMany(t => new[] { t.AssigneeId, t.FirstReplyBy }.OfType<int>().Distinct().Select(id => (Id: id, Ticket: t)))
            .ToLookup(x => x.Id, x => x.Ticket);
        var surveysOf = data.Surveys.Where(s => s.AgentId is not null).ToLookup(s => s.AgentId!.Value);
        var agents = data.Agents
            .Select(a => Figures(a.Id, a.FullName, data with { Tickets = [.. ticketsOf[a.Id]], Surveys = [.. surveysOf[a.Id]] },
                t => t.AssigneeId == a.Id, e => e == a.Id))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        return (team, agents);
    }

    private static ServiceFigures Figures(int? employeeId, string name, Loaded data, Func<TicketFacts, bool> held, Func<int?, bool> credited)
    {
        var created = data.Tickets.Where(t => data.Period.Contains(t.CreatedAtUtc)).ToList();
        var firstResponses = created.Where(t => t.FirstReplyAtUtc is not null && credited(t.FirstReplyBy))
            .Select(t => (t.FirstReplyAtUtc!.Value - t.CreatedAtUtc).TotalMinutes).ToList();
        var solved = data.Tickets.Where(t => t.FirstSolvedInPeriodUtc is not null && held(t)).ToList();
        var createdHeld = created.Where(held).ToList();
        var surveys = data.Surveys.Where(s => credited(s.AgentId)).ToList();
        var responded = created.Where(t => t.FirstReplyAtUtc is not null && credited(t.FirstReplyBy)).ToList();
        var open = data.Tickets.Where(t => t.OpenNow && (employeeId is null || t.AssigneeId == employeeId)).ToList();
        return new ServiceFigures(
            employeeId,
            name,
            createdHeld.Count,
            solved.Count,
            firstResponses.Count == 0 ? null : firstResponses.Average(),
            solved.Count == 0 ? null : solved.Average(t => (t.FirstSolvedInPeriodUtc!.Value - t.CreatedAtUtc).TotalHours),
            createdHeld.Count == 0 ? null : createdHeld.Count(t => !t.Breached) / (double)createdHeld.Count,
            solved.Count == 0 ? null : solved.Count(t => t.ReopenedAfterSolve) / (double)solved.Count,
            open.Count,
            surveys.Count == 0 ? null : surveys.Average(s => (double)s.Rating!.Value),
            surveys.Count,
            responded.Count == 0 ? null : responded.Count(t => !t.FirstResponseBreached) / (double)responded.Count,
            createdHeld.Count == 0 ? null : createdHeld.Count(t => t.FirstSolvedInPeriodUtc is not null) / (double)createdHeld.Count,
            new ServiceBasis(createdHeld.Select(t => t.Id).ToList(), responded.Select(t => t.Id).ToList(), solved.Select(t => t.Id).ToList(),
                open.Select(t => t.Id).ToList(), surveys.Select(s => s.TicketId).ToList()));
    }

    public async Task<ComplaintFigures> ComplaintsAsync(MetricPeriod period, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var received = await db.ComplaintCases.AsNoTracking()
            .Where(c => c.ReceivedAtUtc >= period.FromUtc && c.ReceivedAtUtc < period.ToUtc)
            .Select(c => new { c.Id, Closed = c.Stage == Complaints.ComplaintStage.Closed }).ToListAsync(ct);
        var followUps = await db.ComplaintRounds.AsNoTracking()
            .Where(r => r.Verdict != null && r.FollowUpAtUtc >= period.FromUtc && r.FollowUpAtUtc < period.ToUtc)
            .Select(r => new { r.CaseId, r.Verdict }).ToListAsync(ct);
        var closed = received.Count(c => c.Closed);
        var satisfied = followUps.Count(f => f.Verdict == Complaints.FollowUpVerdict.Satisfied);
        return new ComplaintFigures(received.Count, closed, received.Count == 0 ? null : closed / (double)received.Count,
            followUps.Count, satisfied, followUps.Count == 0 ? null : satisfied / (double)followUps.Count,
            received.Select(c => c.Id).ToList(), followUps.Select(f => f.CaseId).ToList());
    }

    /// <summary>
    /// The team's figures for each of <paramref name="buckets"/> (the days of a dashboard trend, say) from one load of
    /// the whole span: each bucket's figures are the same as measuring that bucket alone.
    /// </summary>
    public async Task<IReadOnlyList<ServiceFigures>> TeamSeriesAsync(IReadOnlyList<MetricPeriod> buckets, CancellationToken ct = default)
    {
        if (buckets.Count == 0)
        {
            return [];
        }
        var span = new MetricPeriod(buckets.Min(b => b.FromUtc), buckets.Max(b => b.ToUtc));
        var (agents, rows, surveys) = await LoadRowsAsync(span, ct);
        return buckets.Select(bucket =>
        {
            var inBucket = rows.Where(r => r.OpenNow || bucket.Contains(r.CreatedAtUtc) || r.History.Any(h => h.Status == TicketStatus.Solved && bucket.Contains(h.AtUtc)));
            var data = new Loaded(bucket, agents, Facts(inBucket, bucket), surveys.Where(v => bucket.Contains(v.AnsweredAtUtc)).ToList());
            return Figures(null, "", data, _ => true, _ => true);
        }).ToList();
    }

    private async Task<Loaded> LoadAsync(MetricPeriod period, CancellationToken ct)
    {
        var (agents, rows, surveys) = await LoadRowsAsync(period, ct);
        return new Loaded(period, agents, Facts(rows, period), surveys);
    }

    /// <summary>What a ticket's figures are made of, for any period: <see cref="Facts"/> reads it against one.</summary>
    private sealed record TicketRow(
        int Id, DateTime CreatedAtUtc, int? AssigneeId, DateTime? FirstReplyAtUtc, int? FirstReplyBy,
        List<(TicketStatus Status, DateTime AtUtc)> History, bool Breached, bool FirstResponseBreached, bool OpenNow);

    private static List<TicketFacts> Facts(IEnumerable<TicketRow> rows, MetricPeriod period) => rows.Select(t =>
    {
        var solveAt = t.History.FindIndex(h => h.Status == TicketStatus.Solved && period.Contains(h.AtUtc));
        DateTime? solvedAt = solveAt < 0 ? null : t.History[solveAt].AtUtc;
        // In history order, not by time: a reopen in the same instant as the solve still counts.
        var reopened = solveAt >= 0 && t.History.Skip(solveAt + 1).Any(h => Open.Contains(h.Status));
        return new TicketFacts(t.Id, t.CreatedAtUtc, t.AssigneeId, t.FirstReplyAtUtc, t.FirstReplyBy,
            solvedAt, reopened, t.Breached, t.FirstResponseBreached, t.OpenNow);
    }).ToList();

    private async Task<(List<Agent> Agents, List<TicketRow> Rows, List<SurveyFact> Surveys)> LoadRowsAsync(MetricPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agents = await db.Employees.AsNoTracking().Where(e => e.Team == Team.CustomerService)
            .Select(e => new Agent(e.Id, e.FullName)).ToListAsync(ct);

        // Tickets that matter to the period: created in it, solved in it, or still open (backlog). Each set is an index
        // range and the tickets are looked up by id: one condition with ORs would read every ticket ever made.
        var created = db.Tickets.Where(t => t.CreatedAtUtc >= period.FromUtc && t.CreatedAtUtc < period.ToUtc).Select(t => t.Id);
        var open = db.Tickets.Where(t => Open.Contains(t.Status)).Select(t => t.Id);
        var solved = db.Set<TicketStatusChange>().Where(s => s.Status == TicketStatus.Solved && s.AtUtc >= period.FromUtc && s.AtUtc < period.ToUtc)
            .Select(s => s.TicketId);
        var ids = created.Union(open).Union(solved);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.MergedIntoId == null && ids.Contains(t.Id))
            .Select(t => new
            {
                t.Id,
                t.CreatedAtUtc,
                t.AssigneeId,
                t.Status,
                // The first public reply's time and author as two lookups down the ticket's (ticket, time) index: as one
                // row EF Core numbers every public reply of every ticket (a window over the whole thread table) to join it.
                FirstReplyAt = t.Entries.Where(e => e.Kind == ThreadEntryKind.PublicReply).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                    .Select(e => (DateTime?)e.AtUtc).FirstOrDefault(),
                FirstReplyBy = t.Entries.Where(e => e.Kind == ThreadEntryKind.PublicReply).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                    .Select(e => e.AuthorEmployeeId).FirstOrDefault(),
                History = t.StatusHistory.OrderBy(s => s.AtUtc).ThenBy(s => s.Id).Select(s => new { s.Status, s.AtUtc }).ToList(),
                Breached = db.SlaBreaches.Any(b => b.TicketId == t.Id),
                FirstResponseBreached = db.SlaBreaches.Any(b => b.TicketId == t.Id && b.Target == SlaTargetKind.FirstResponse),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = tickets.Select(t => new TicketRow(t.Id, t.CreatedAtUtc, t.AssigneeId, t.FirstReplyAt, t.FirstReplyBy,
            t.History.Select(h => (h.Status, h.AtUtc)).ToList(), t.Breached, t.FirstResponseBreached, Open.Contains(t.Status))).ToList();

        var surveys = await db.Set<SatisfactionSurvey>().AsNoTracking()
            .Where(s => s.AnsweredAtUtc >= period.FromUtc && s.AnsweredAtUtc < period.ToUtc && s.Rating != null)
            .Select(s => new SurveyFact(s.TicketId, s.AgentId, s.Rating, s.AnsweredAtUtc!.Value)).ToListAsync(ct);
        return (agents, rows, surveys);
    }

    private sealed record Agent(int Id, string FullName);

    private sealed record TicketFacts(
        int Id, DateTime CreatedAtUtc, int? AssigneeId, DateTime? FirstReplyAtUtc, int? FirstReplyBy,
        DateTime? FirstSolvedInPeriodUtc, bool ReopenedAfterSolve, bool Breached, bool FirstResponseBreached, bool OpenNow);

    private sealed record SurveyFact(int TicketId, int? AgentId, int? Rating, DateTime AnsweredAtUtc);

    private sealed record Loaded(MetricPeriod Period, List<Agent> Agents, List<TicketFacts> Tickets, List<SurveyFact> Surveys);
}
