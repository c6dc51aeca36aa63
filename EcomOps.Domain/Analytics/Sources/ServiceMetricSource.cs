using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Sources;

/// <summary>
/// The customer-service metrics. Every figure is <see cref="ServiceMetrics"/>' own (one rule, one query); this source
/// only names them, and lists the tickets and cases each figure was computed from.
/// </summary>
public sealed class ServiceMetricSource(ServiceMetrics metrics, IDbContextFactory<OpsDb> dbFactory) : IMetricSource
{
    public const string ReplyTimeliness = "service.reply-timeliness";
    public const string ResolutionRate = "service.resolution-rate";
    public const string FirstResponse = "service.first-response";
    public const string ResolutionTime = "service.resolution-time";
    public const string SlaAchievement = "service.sla-achievement";
    public const string ReopenRate = "service.reopen-rate";
    public const string Backlog = "service.backlog";
    public const string Csat = "service.csat";
    public const string TicketsSolved = "service.tickets-solved";
    public const string ComplaintResolutionRate = "service.complaint-resolution-rate";
    public const string ComplaintSatisfaction = "service.complaint-satisfaction";

    public MetricArea Area { get; } = new("service", "Customer service", "客户服务", 50);

    public IReadOnlyList<string> LiveBoards { get; } = [Live.Boards.Tickets, Live.Boards.Complaints];

    public IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        Agent(ReplyTimeliness, "Reply timeliness", "回复及时率",
            "First responses given within their SLA deadline ÷ all first responses, for tickets created in the period (credited to the agent who replied)",
            "在时限内完成的首次回复数 ÷ 全部首次回复数（统计期内创建的工单，计入回复的客服）", MetricUnit.Percent, MetricDirection.HigherIsBetter),
        Agent(ResolutionRate, "Resolution rate", "解决率",
            "Tickets created in the period and solved within it ÷ tickets created in the period (by assignee)",
            "统计期内创建且在期内解决的工单数 ÷ 统计期内创建的工单数（按处理人）", MetricUnit.Percent, MetricDirection.HigherIsBetter),
        Agent(FirstResponse, "First response time", "首次响应时长",
            "Average minutes from a ticket's creation to its first public reply, for tickets created in the period",
            "统计期内创建的工单从创建到首次公开回复的平均分钟数", MetricUnit.Minutes, MetricDirection.LowerIsBetter),
        Agent(ResolutionTime, "Resolution time", "解决时长",
            "Average hours from creation to the first solve, for tickets solved in the period (by assignee)",
            "统计期内解决的工单从创建到首次解决的平均小时数（按处理人）", MetricUnit.Hours, MetricDirection.LowerIsBetter),
        Agent(SlaAchievement, "SLA achievement", "SLA 达成率",
            "Tickets created in the period with no SLA deadline missed ÷ tickets created in the period (by assignee)",
            "统计期内创建且未错过任何 SLA 时限的工单数 ÷ 统计期内创建的工单数（按处理人）", MetricUnit.Percent, MetricDirection.HigherIsBetter),
        Agent(ReopenRate, "Reopen rate", "重开率",
            "Tickets solved in the period and later reopened ÷ tickets solved in the period",
            "统计期内解决后又被重开的工单数 ÷ 统计期内解决的工单数", MetricUnit.Percent, MetricDirection.LowerIsBetter),
        Agent(Backlog, "Backlog", "积压工单",
            "Tickets open now (new, open or pending the customer) held by the agent; unassigned ones count for the team",
            "当前未结的工单数（新建、处理中、等待客户），未分配的计入团队", MetricUnit.Count, MetricDirection.LowerIsBetter),
        Agent(Csat, "Satisfaction (CSAT)", "满意度 (CSAT)",
            "Average 1–5 rating of the surveys answered in the period, credited to the agent who held the ticket when solved",
            "统计期内回复的满意度调查的平均评分（1–5），计入解决时的处理人", MetricUnit.Score, MetricDirection.HigherIsBetter),
        Agent(TicketsSolved, "Tickets solved", "已解决工单",
            "Tickets solved (first solve) in the period, by assignee",
            "统计期内首次解决的工单数（按处理人）", MetricUnit.Count, MetricDirection.HigherIsBetter),
        TeamOnly(ComplaintResolutionRate, "Complaint resolution rate", "投诉解决率",
            "Complaint cases received in the period that are closed ÷ complaint cases received in the period",
            "统计期内受理且已结案的投诉数 ÷ 统计期内受理的投诉数", MetricUnit.Percent, MetricDirection.HigherIsBetter),
        TeamOnly(ComplaintSatisfaction, "Complaint satisfaction", "投诉满意率",
            "Follow-ups answered in the period with the customer satisfied ÷ follow-ups answered in the period",
            "统计期内回访结果为满意的次数 ÷ 统计期内的回访次数", MetricUnit.Percent, MetricDirection.HigherIsBetter),
    ];

    public async Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct)
    {
        var snapshot = new MetricSnapshot(period);
        // Tickets and complaints are two loads: a question about one of them (a trend, say) skips the other.
        var wantsTickets = Metrics.Any(m => m.Key is not (ComplaintResolutionRate or ComplaintSatisfaction) && options.Wants(m.Key));
        var wantsComplaints = options.WantsAny(ComplaintResolutionRate, ComplaintSatisfaction);
        var (team, agents) = wantsTickets ? await metrics.MeasureAsync(period, options.PerEmployee, ct) : (null, []);
        var complaints = wantsComplaints ? await metrics.ComplaintsAsync(period, ct) : ComplaintFigures.None;

        var all = team is null ? [] : agents.Prepend(team).ToList();
        foreach (var figures in all)
        {
            foreach (var (key, value, _) in Figures(figures))
            {
                snapshot.Values[new MetricCell(key, figures.EmployeeId)] = value;
            }
        }
        if (wantsComplaints)
        {
            snapshot.Values[new MetricCell(ComplaintResolutionRate, null)] = complaints.ResolutionRate;
            snapshot.Values[new MetricCell(ComplaintSatisfaction, null)] = complaints.Satisfaction;
        }
        if (options.PerEmployee && team is not null)
        {
            foreach (var (key, _, _) in Figures(team))
            {
                snapshot.Breakdowns[key] = agents.Select(a => new BreakdownItem(a.Name, snapshot.Of(key, a.EmployeeId!.Value))).ToList();
            }
        }
        if (options.RecordCap > 0)
        {
            await ListRecordsAsync(snapshot, all, complaints, wantsComplaints, options.RecordCap, ct);
        }
        return snapshot;
    }

    /// <summary>A ticket metric's trend loads the span's tickets once (a day-by-day load re-read every open ticket daily).</summary>
    public async Task<IReadOnlyList<double?>> MeasureSeriesAsync(string metric, IReadOnlyList<MetricPeriod> buckets, CancellationToken ct)
    {
        if (metric is ComplaintResolutionRate or ComplaintSatisfaction)
        {
            return await MetricSeries.ByBucketAsync(this, metric, buckets, ct);
        }
        var figures = await metrics.TeamSeriesAsync(buckets, ct);
        return figures.Select(f => Figures(f).Single(x => x.Key == metric).Value).ToList();
    }

    private static IEnumerable<(string Key, double? Value, IReadOnlyList<int> Tickets)> Figures(ServiceFigures f) =>
    [
        (ReplyTimeliness, f.FirstResponseWithinSla, f.Basis.FirstResponses),
        (ResolutionRate, f.ResolutionRate, f.Basis.Created),
        (FirstResponse, f.FirstResponseMinutes, f.Basis.FirstResponses),
        (ResolutionTime, f.ResolutionHours, f.Basis.Solved),
        (SlaAchievement, f.SlaAchievement, f.Basis.Created),
        (ReopenRate, f.ReopenRate, f.Basis.Solved),
        (Backlog, f.Backlog, f.Basis.Open),
        (Csat, f.Csat, f.Basis.Rated),
        (TicketsSolved, f.TicketsSolved, f.Basis.Solved),
    ];

    private async Task ListRecordsAsync(MetricSnapshot snapshot, IEnumerable<ServiceFigures> all, ComplaintFigures complaints, bool withComplaints, int cap, CancellationToken ct)
    {
        var ticketCells = new List<(MetricCell Cell, IReadOnlyList<int> Ids)>();
        foreach (var figures in all)
        {
            ticketCells.AddRange(Figures(figures).Select(f => (new MetricCell(f.Key, figures.EmployeeId), f.Tickets)));
        }
        var ticketIds = ticketCells.SelectMany(c => c.Ids.Take(cap)).ToHashSet();
        var caseIds = complaints.ReceivedIds.Take(cap).Concat(complaints.FollowUpIds.Take(cap)).ToHashSet();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = new Dictionary<int, MetricRecord>();
        foreach (var chunk in ticketIds.Chunk(500))
        {
            var rows = await db.Tickets.AsNoTracking().Where(t => chunk.Contains(t.Id))
                .Select(t => new { t.Id, t.CreatedAtUtc, t.Subject, t.CustomerName }).ToListAsync(ct);
            foreach (var t in rows)
            {
                tickets[t.Id] = new MetricRecord(Ticket.NumberOf(t.Id), t.CreatedAtUtc, $"{t.CustomerName}: {t.Subject}", $"/service/tickets/{t.Id}");
            }
        }
        var cases = (await db.ComplaintCases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.ReceivedAtUtc, c.ComplainantName, c.Matter }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => new MetricRecord($"C{c.Id:D6}", c.ReceivedAtUtc, $"{c.ComplainantName}: {c.Matter}", $"/service/complaints/{c.Id}"));

        foreach (var (cell, ids) in ticketCells)
        {
            snapshot.Records[cell] = new MetricRecords(ids.Count, ids.Take(cap).Select(id => tickets[id]).ToList());
        }
        if (!withComplaints)
        {
            return;
        }
        snapshot.Records[new MetricCell(ComplaintResolutionRate, null)] =
            new MetricRecords(complaints.ReceivedIds.Count, complaints.ReceivedIds.Take(cap).Select(id => cases[id]).ToList());
        snapshot.Records[new MetricCell(ComplaintSatisfaction, null)] =
            new MetricRecords(complaints.FollowUpIds.Count, complaints.FollowUpIds.Take(cap).Select(id => cases[id]).ToList());
    }

    private static MetricDefinition Agent(string key, string en, string zh, string formulaEn, string formulaZh, MetricUnit unit, MetricDirection direction) =>
        new(key, "service", en, zh, formulaEn, formulaZh, unit, direction, Team.CustomerService, PerEmployee: true);

    private static MetricDefinition TeamOnly(string key, string en, string zh, string formulaEn, string formulaZh, MetricUnit unit, MetricDirection direction) =>
        new(key, "service", en, zh, formulaEn, formulaZh, unit, direction, Team.CustomerService, PerEmployee: false);
}
