using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

/// <summary>
/// This year's approved training plan for each team, about 40 sessions (past ones with attendance, results and feedback;
/// coming ones with enrolments, some with a waiting list), a few promotions and rotations, and the notifications the
/// reminders would have sent by now, unread.
/// </summary>
public sealed class TrainingDemoData(CompanyTime time, TrainingReminders reminders) : IDemoDataArea
{
    public int Order => 90;

    public string Name => "training";

    private static readonly Dictionary<Team, (TrainingArea Area, string Title, TrainingMethod Method, AssessmentKind Assessment)[]> Topics = new()
    {
        [Team.Operations] =
        [
            (TrainingArea.EcommerceBasics, "平台规则与店铺运营基础 · Platform rules and store basics", TrainingMethod.Internal, AssessmentKind.Score),
            (TrainingArea.CampaignPlanning, "大促活动策划 · Planning a sales peak", TrainingMethod.Internal, AssessmentKind.Practical),
            (TrainingArea.DataAnalysis, "生意参谋数据分析 · Reading the traffic reports", TrainingMethod.Online, AssessmentKind.Score),
            (TrainingArea.Compliance, "广告法与极限词 · Advertising law", TrainingMethod.External, AssessmentKind.Score),
        ],
        [Team.CustomerService] =
        [
            (TrainingArea.CustomerService, "客服话术与情绪安抚 · Calming an upset customer", TrainingMethod.Internal, AssessmentKind.Practical),
            (TrainingArea.EcommerceBasics, "订单与售后流程 · Orders and after-sales", TrainingMethod.Internal, AssessmentKind.Score),
            (TrainingArea.ProfessionalSkills, "商品知识 · Product knowledge", TrainingMethod.Online, AssessmentKind.Score),
            (TrainingArea.Compliance, "投诉处理规范 · Complaint handling rules", TrainingMethod.External, AssessmentKind.Score),
        ],
        [Team.Design] =
        [
            (TrainingArea.DesignSkills, "主图与详情页视觉规范 · Main images and detail pages", TrainingMethod.Internal, AssessmentKind.Practical),
            (TrainingArea.EcommerceBasics, "各平台设计规格 · Platform specifications", TrainingMethod.Online, AssessmentKind.Score),
            (TrainingArea.CampaignPlanning, "大促视觉 · Campaign visuals", TrainingMethod.External, AssessmentKind.Practical),
        ],
    };

    public Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) => SeedAsync(db, new DemoRun(size, random, false), ct);

    public async Task SeedAsync(OpsDb db, DemoRun run, CancellationToken ct)
    {
        var random = new Random(DemoDataGenerator.Seed + 31);
        var staff = await db.Employees.AsNoTracking().Where(e => e.Active).OrderBy(e => e.Id).ToListAsync(ct);
        if (staff.Count == 0)
        {
            return;
        }
        var now = time.UtcNow;
        var today = time.Today;
        var director = staff.FirstOrDefault(e => e.Role == Roles.OperationsDirector);
        var leads = new Dictionary<Team, Employee?>
        {
            [Team.Operations] = staff.FirstOrDefault(e => e.Role == Roles.OperationsManager),
            [Team.CustomerService] = staff.FirstOrDefault(e => e.Role == Roles.CsSupervisor),
            [Team.Design] = staff.FirstOrDefault(e => e.Role == Roles.DesignSupervisor),
        };
        var sessions = new List<TrainingSession>();
        foreach (var (team, topics) in Topics)
        {
            var members = staff.Where(e => e.Team == team && e.Role != Roles.Admin && e.Role != Roles.OperationsDirector).ToList();
            if (members.Count == 0)
            {
                continue;
            }
            var plan = new TrainingPlan
            {
                Team = team, Year = today.Year, State = PlanState.Approved, DraftedByName = leads[team]?.FullName, ApprovedByName = director?.FullName,
                ApprovedAtUtc = time.ToUtc(new DateTime(today.Year, 1, 10, 10, 0, 0)),
                Goals = "全员掌握岗位必修内容，考核通过率 90% 以上 · everyone passes their role's required training; pass rate above 90%",
                AssessmentMethod = "笔试打分（60 分及格）或实操考核 · written test (pass at 60) or practical check",
            };
            // Each topic twice a year (spring and autumn) plus once more for the first: about a dozen sessions per team.
            var months = new[] { 2, 4, 6, 9, 10, 11, 12 };
            for (var t = 0; t < topics.Length; t++)
            {
                foreach (var month in new[] { months[t % months.Length], months[(t + 3) % months.Length] })
                {
                    plan.Items.Add(new TrainingPlanItem { Area = topics[t].Area, Title = topics[t].Title, Method = topics[t].Method, Month = month, PlannedSessions = t == 0 ? 2 : 1, Assessment = topics[t].Assessment });
                }
            }
            db.Add(plan);
            await db.SaveChangesAsync(ct);

            // Sessions: from about seven months back to three weeks ahead, roughly two a month per team; the last two
            // are coming, the one before them waits for its attendance.
            for (var k = 0; k < 14; k++)
            {
                var item = plan.Items[k % plan.Items.Count];
                var day = today.AddDays(-200 + k * 17 + random.Next(0, 4));
                var hour = new[] { 10, 14, 16 }[random.Next(3)];
                var start = time.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));
                var external = item.Method == TrainingMethod.External;
                var trainer = external ? null : (k % 3 == 0 ? leads[team] : members[random.Next(members.Count)]);
                var session = new TrainingSession
                {
                    PlanItemId = item.Id, Team = team, Area = item.Area, Method = item.Method, Assessment = item.Assessment, Title = item.Title,
                    TrainerEmployeeId = trainer?.Id, ExternalProvider = external ? "华培企业管理咨询 Huapei Consulting" : null, ProviderContact = external ? "021-5566 7788" : null,
                    StartsAtUtc = start, DurationMinutes = 90, Place = item.Method == TrainingMethod.Online ? "https://meeting.example.com/t/" + (1000 + k) : "3F 培训室 Training room",
                    Capacity = Math.Min(members.Count, 6 + random.Next(0, 10)), RequiredRoles = k % 4 == 0 ? string.Join(',', members.Select(m => m.Role).Distinct().Where(r => r is Roles.CsAgent or Roles.Designer or Roles.OperationsSpecialist)) : "",
                };
                var held = session.EndsAtUtc < now && k != 11;
                var attendees = members.Where(m => m.Id != trainer?.Id).OrderBy(_ => random.Next()).Take(session.Capacity + (held ? 0 : 2)).ToList();
                var required = session.RequiredRoleList;
                foreach (var person in attendees)
                {
                    var enrolled = session.Enrolments.Count(e => e.State == EnrolmentState.Enrolled) < session.Capacity;
                    var enrolment = new TrainingEnrolment
                    {
                        EmployeeId = person.Id, State = enrolled ? EnrolmentState.Enrolled : EnrolmentState.Waiting, Required = required.Contains(person.Role),
                        EnrolledAtUtc = start.AddDays(-7 - random.Next(0, 7)),
                    };
                    if (held && enrolled)
                    {
                        enrolment.Attended = random.NextDouble() < 0.9;
                        if (enrolment.Attended == true)
                        {
                            enrolment.Score = session.Assessment == AssessmentKind.Score ? 45 + random.Next(0, 56) : null;
                            enrolment.Passed = session.Assessment == AssessmentKind.Score ? enrolment.Score >= session.PassMark : random.NextDouble() < 0.88;
                            enrolment.FeedbackRating = random.NextDouble() < 0.8 ? 3 + random.Next(0, 3) : null;
                            enrolment.FeedbackComment = enrolment.FeedbackRating is 5 ? "案例很实用 · practical examples" : enrolment.FeedbackRating is 3 ? "节奏有点快 · a bit fast" : null;
                        }
                    }
                    session.Enrolments.Add(enrolment);
                }
                if (held)
                {
                    session.AttendanceTakenAtUtc = session.EndsAtUtc.AddHours(1);
                    session.ResultsRecordedAtUtc = session.EndsAtUtc.AddDays(1);
                }
                sessions.Add(session);
            }
        }
        db.AddRange(sessions);
        await db.SaveChangesAsync(ct);

        await SeedCareersAsync(db, staff, director, leads, random, today, now, ct);

        // What the reminders would have sent by now (the last two weeks and the coming days), unread.
        var recent = await db.Set<TrainingSession>().AsNoTracking()
            .Include(s => s.Enrolments).ThenInclude(e => e.Employee).ThenInclude(e => e!.Manager).Include(s => s.Trainer)
            .Where(s => s.StartsAtUtc >= now.AddDays(-14) && s.StartsAtUtc <= now.AddDays(3)).AsSplitQuery().ToListAsync(ct);
        await NotificationCentre.AddAsync(db, recent.SelectMany(s => reminders.DueFor(s, now)), now, ct);
        await NotificationCentre.AddAsync(db, await OtherAreasNoticesAsync(db, ct), now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What the other areas would have sent by now, keyed as they key it (so a later sweep adds nothing twice): the open
    /// promotion proposals to the director, the latest open SLA escalations to the supervisors, and each owner's open
    /// compliance findings of the latest audit run.
    /// </summary>
    private static async Task<List<NotificationDraft>> OtherAreasNoticesAsync(OpsDb db, CancellationToken ct)
    {
        var drafts = new List<NotificationDraft>();
        var approvers = await NotificationCentre.UsersWithAsync(db, Permissions.ApprovePromotions, ct);
        var proposals = await db.Set<PromotionProposal>().AsNoTracking().Where(p => p.State == ProposalState.Proposed)
            .Select(p => new { p.Id, p.Employee!.FullName, p.ToRole }).ToListAsync(ct);
        drafts.AddRange(proposals.SelectMany(p => approvers.Select(u => new NotificationDraft(u, NotificationKind.Promotion, $"promotion:{p.Id}:proposed",
            "Notice.PromotionProposed", [p.FullName, p.ToRole], "/people/careers"))));

        var supervisors = await NotificationCentre.UsersWithAsync(db, Permissions.SuperviseService, ct);
        var alerts = await db.ServiceAlerts.AsNoTracking().Where(a => a.AcknowledgedAtUtc == null).OrderByDescending(a => a.RaisedAtUtc).Take(5).ToListAsync(ct);
        drafts.AddRange(alerts.SelectMany(a => supervisors.Select(u => new NotificationDraft(u, NotificationKind.SlaEscalation,
            $"sla:{a.TicketId}:{a.Target}:{a.Kind}:{a.DueAtUtc.Ticks}", $"Notice.Sla{a.Kind}", [Service.Ticket.NumberOf(a.TicketId), "@key:Sla.Target." + a.Target],
            $"/service/tickets/{a.TicketId}"))));

        var lastRun = await db.Set<Catalog.Compliance.ListingFinding>().AsNoTracking().MaxAsync(f => f.OpenedByRunId, ct);
        if (lastRun is { } run)
        {
            var owners = await db.Set<Catalog.Compliance.ListingFinding>().AsNoTracking().Where(f => f.OpenedByRunId == run && f.ClosedAtUtc == null && f.OwnerEmployeeId != null)
                .GroupBy(f => f.OwnerEmployeeId).Select(g => new { Owner = g.Key, Count = g.Count() })
                .Join(db.Employees.Where(e => e.UserId != null), g => g.Owner, e => e.Id, (g, e) => new { e.UserId, g.Count }).ToListAsync(ct);
            drafts.AddRange(owners.Select(o => new NotificationDraft(o.UserId!, NotificationKind.AuditFinding, $"audit-run:{run}:findings", "Notice.AuditFindings",
                [o.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)], "/catalog/findings")));
        }
        return drafts;
    }

    private async Task SeedCareersAsync(OpsDb db, List<Employee> staff, Employee? director, Dictionary<Team, Employee?> leads, Random random, DateOnly today, DateTime now, CancellationToken ct)
    {
        var agents = staff.Where(e => e.Role == Roles.CsAgent).ToList();
        var specialists = staff.Where(e => e.Role == Roles.OperationsSpecialist).ToList();
        var designers = staff.Where(e => e.Role == Roles.Designer).ToList();
        // Open proposals wait for the director; a decided one is history (the role stays as the demo staff has it).
        if (agents.Count > 2 && leads[Team.CustomerService] is { } cs)
        {
            db.Add(new PromotionProposal
            {
                EmployeeId = agents[^1].Id, FromRole = Roles.CsAgent, ToRole = Roles.CsSupervisor, State = ProposalState.Proposed, ProposedByUserId = cs.UserId,
                ProposedByName = cs.FullName, ProposedAtUtc = now.AddDays(-3), Reason = "连续两季度满意度第一，带教新人 · top satisfaction two quarters running; mentors new agents",
            });
            db.Add(new PromotionProposal
            {
                EmployeeId = agents[^2].Id, FromRole = Roles.CsAgent, ToRole = Roles.CsSupervisor, State = ProposalState.Rejected, ProposedByUserId = cs.UserId,
                ProposedByName = cs.FullName, ProposedAtUtc = now.AddDays(-90), DecidedByName = director?.FullName, DecidedAtUtc = now.AddDays(-85),
                Reason = "工作积极 · very committed", DecisionNote = "先完成投诉处理规范培训 · complete complaint handling training first",
            });
        }
        if (specialists.Count > 1 && leads[Team.Operations] is { } ops)
        {
            db.Add(new PromotionProposal
            {
                EmployeeId = specialists[^1].Id, FromRole = Roles.OperationsSpecialist, ToRole = Roles.OperationsManager, State = ProposalState.Proposed, ProposedByUserId = ops.UserId,
                ProposedByName = ops.FullName, ProposedAtUtc = now.AddDays(-6), Reason = "独立负责双11天猫店 · ran the Tmall store through Double 11 alone",
            });
        }
        foreach (var (person, post, from, days) in new[]
        {
            (specialists.ElementAtOrDefault(0), "客服专员 · CS agent", -120, 30),
            (agents.ElementAtOrDefault(0), "运营专员 · Operations specialist", -60, 21),
            (designers.ElementAtOrDefault(0), "运营专员 · Operations specialist", 10, 30),
        })
        {
            if (person is not null)
            {
                db.Add(new Rotation { EmployeeId = person.Id, FromPost = person.Role, ToPost = post, StartsOn = today.AddDays(from), EndsOn = today.AddDays(from + days), ArrangedByName = leads[person.Team]?.FullName });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
