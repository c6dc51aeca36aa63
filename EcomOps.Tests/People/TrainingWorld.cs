using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.People;

/// <summary>
/// A small staff with sign-ins on a migrated database, no demo data: the operations director, a CS supervisor who
/// manages three agents, and an operations manager with a specialist. The clock is the harness's: Friday
/// 27 Nov 2026, 10:00 in Shanghai (02:00 UTC).
/// </summary>
public sealed class TrainingWorld : IAsyncDisposable
{
    private TrainingWorld(DomainHarness harness) => Harness = harness;

    public DomainHarness Harness { get; }
    public Actor Director { get; } = Actor.Person("u-director", "director@t.local", Roles.OperationsDirector);
    public Actor CsSupervisor { get; } = Actor.Person("u-cs-sup", "cssup@t.local", Roles.CsSupervisor);
    public Actor Agent1 { get; } = Actor.Person("u-agent-1", "agent1@t.local", Roles.CsAgent);
    public Actor Agent2 { get; } = Actor.Person("u-agent-2", "agent2@t.local", Roles.CsAgent);
    public Actor Agent3 { get; } = Actor.Person("u-agent-3", "agent3@t.local", Roles.CsAgent);
    public Actor OpsManager { get; } = Actor.Person("u-ops-mgr", "opsmgr@t.local", Roles.OperationsManager);
    public Actor Specialist { get; } = Actor.Person("u-spec", "spec@t.local", Roles.OperationsSpecialist);
    public Dictionary<string, int> Ids { get; } = [];

    public TrainingDesk Desk => Harness.Get<TrainingDesk>();
    public TrainingQueries Queries => Harness.Get<TrainingQueries>();
    public TrainingReminders Reminders => Harness.Get<TrainingReminders>();
    public NotificationCentre Centre => Harness.Get<NotificationCentre>();

    public int IdOf(Actor actor) => Ids[actor.UserId!];

    public static async Task<TrainingWorld> StartAsync()
    {
        var world = new TrainingWorld(await DomainHarness.StartAsync());
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        await using var db = Harness.NewDb();
        Employee Person(Actor actor, string name, Employee? manager)
        {
            db.Users.Add(new OpsUser { Id = actor.UserId!, UserName = actor.Name, Email = actor.Name, SecurityStamp = "initial" });
            var role = actor.Roles![0];
            var employee = new Employee
            {
                EmployeeNumber = "T" + (db.ChangeTracker.Entries<Employee>().Count() + 1), FullName = name, Email = actor.Name, Team = Roles.TeamOf(role), Role = role,
                HireDate = new DateOnly(2025, 3, 1), UserId = actor.UserId, Manager = manager,
            };
            db.Employees.Add(employee);
            return employee;
        }
        var director = Person(Director, "王建国", null);
        var supervisor = Person(CsSupervisor, "陈静", director);
        var people = new[]
        {
            (Director, director), (CsSupervisor, supervisor),
            (Agent1, Person(Agent1, "刘洋", supervisor)), (Agent2, Person(Agent2, "李娜", supervisor)), (Agent3, Person(Agent3, "赵敏", supervisor)),
        }.ToList();
        var manager = Person(OpsManager, "张强", director);
        people.Add((OpsManager, manager));
        people.Add((Specialist, Person(Specialist, "张伟", manager)));
        await db.SaveChangesAsync();
        foreach (var (actor, employee) in people)
        {
            Ids[actor.UserId!] = employee.Id;
        }
    }

    /// <summary>A customer-service session at a company-local time, trained by the supervisor.</summary>
    public SessionForm Session(DateTime startsAtLocal, int capacity = 10, params string[] requiredRoles) => new()
    {
        Team = Team.CustomerService, Area = TrainingArea.CustomerService, Method = TrainingMethod.Internal, Assessment = AssessmentKind.Score, PassMark = 60,
        Title = "客服话术 · Calming an upset customer", TrainerEmployeeId = Ids[CsSupervisor.UserId!], StartsAtLocal = startsAtLocal, DurationMinutes = 90,
        Place = "3F training room", Capacity = capacity, RequiredRoles = [.. requiredRoles],
    };

    public async Task<int> ScheduleAsync(SessionForm form)
    {
        var outcome = await Desk.ScheduleAsync(CsSupervisor, form);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors.Select(e => $"{e.Field}:{e.Code}")));
        return outcome.Value;
    }

    public async Task<long> VersionOfAsync(int sessionId)
    {
        await using var db = Harness.NewDb();
        return await db.Set<TrainingSession>().Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync();
    }

    /// <summary>The notifications a person holds about one event kind of one session.</summary>
    public async Task<List<Notification>> NoticesAsync(Actor to, string eventKeyPrefix)
    {
        await using var db = Harness.NewDb();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.RecipientUserId == to.UserId && n.EventKey.StartsWith(eventKeyPrefix)).ToListAsync();
    }

    public void MoveClockTo(DateTime utc) => Harness.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
