using EcomOps.Domain.Audit;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin-id", "admin@ecomops.local");
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static EmployeeForm Form => new()
    {
        EmployeeNumber = "E1",
        FullName = "周杰",
        Email = "zhou.jie@ecomops.local",
        Role = Roles.CsAgent,
        HireDate = new DateOnly(2024, 1, 2),
        Password = "welcome123",
    };

    [Fact]
    public async Task Creating_records_who_when_which_entity_and_every_field_set()
    {
        var created = (await _harness.Get<EmployeeDirectory>().CreateAsync(Admin, Form)).Value!;

        var entry = (await _harness.Get<AuditTrail>().SearchAsync(new AuditQuery(EntityType: nameof(Employee)))).Items.Single();

        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal(created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityKey);
        Assert.Equal("admin@ecomops.local", entry.ActorName);
        Assert.Equal("admin-id", entry.ActorId);
        Assert.Equal(_harness.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
        Assert.Contains(entry.Changes, c => c is { Field: "FullName", Old: null, New: "周杰" });
        Assert.DoesNotContain(entry.Changes, c => c.Field == "Version");
    }

    [Fact]
    public async Task Updating_records_only_the_fields_that_changed_old_to_new()
    {
        var directory = _harness.Get<EmployeeDirectory>();
        var created = (await directory.CreateAsync(Admin, Form)).Value!;
        _harness.Clock.Advance(TimeSpan.FromHours(1));

        await directory.UpdateAsync(new Actor("boss", "boss@ecomops.local"), created.Id, Form with { Role = Roles.CsSupervisor, Password = null, Version = created.Version });

        var entry = (await _harness.Get<AuditTrail>().SearchAsync(new AuditQuery(Action: AuditAction.Updated))).Items.Single();
        Assert.Equal("boss@ecomops.local", entry.ActorName);
        Assert.Equal([new FieldChange("Role", Roles.CsAgent, Roles.CsSupervisor)], entry.Changes);
    }

    [Fact]
    public async Task A_new_row_pointing_to_another_new_row_records_the_real_key_not_a_temporary_one()
    {
        await using (var db = _harness.NewDb())
        {
            var boss = new Employee { EmployeeNumber = "B1", FullName = "Boss", Email = "boss@ecomops.local", Role = Roles.CsSupervisor };
            db.Employees.Add(new Employee { EmployeeNumber = "R1", FullName = "Report", Email = "r1@ecomops.local", Role = Roles.CsAgent, Manager = boss });
            await db.SaveChangesAsync();
        }

        await using var check = _harness.NewDb();
        var bossId = (await check.Employees.SingleAsync(e => e.EmployeeNumber == "B1")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reportEntry = (await _harness.Get<AuditTrail>().SearchAsync(new AuditQuery())).Items.Single(e => e.Changes.Any(c => c.New == "R1"));
        Assert.Contains(reportEntry.Changes, c => c is { Field: "ManagerId", Old: null } && c.New == bossId);
        Assert.Contains(reportEntry.Changes, c => c is { Field: "HireDate", New: "0001-01-01" });
    }

    [Fact]
    public async Task Deleting_records_the_old_values()
    {
        var created = (await _harness.Get<EmployeeDirectory>().CreateAsync(Admin, Form)).Value!;
        await using (var db = _harness.NewDb())
        {
            db.Actor = Admin;
            db.Employees.Remove(await db.Employees.SingleAsync(e => e.Id == created.Id));
            await db.SaveChangesAsync();
        }

        var entry = (await _harness.Get<AuditTrail>().SearchAsync(new AuditQuery(Action: AuditAction.Deleted))).Items.Single();
        Assert.Contains(entry.Changes, c => c is { Field: "EmployeeNumber", Old: "E1", New: null });
    }

    [Fact]
    public async Task A_failed_save_writes_no_audit_entry()
    {
        await _harness.Get<EmployeeDirectory>().CreateAsync(Admin, Form);
        await using (var db = _harness.NewDb())
        {
            // Same employee number: the unique index refuses the insert.
            db.Employees.Add(new Employee { EmployeeNumber = "E1", FullName = "dup", Email = "dup@ecomops.local", Role = Roles.CsAgent });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        var entries = await _harness.Get<AuditTrail>().SearchAsync(new AuditQuery());
        Assert.Equal(1, entries.Total);
    }

    [Fact]
    public async Task Filters_narrow_by_actor_and_period()
    {
        var directory = _harness.Get<EmployeeDirectory>();
        await directory.CreateAsync(Admin, Form);
        var start = _harness.Clock.GetUtcNow().UtcDateTime;
        _harness.Clock.Advance(TimeSpan.FromDays(2));
        await directory.CreateAsync(new Actor("b", "boss@ecomops.local"), Form with { EmployeeNumber = "E2", Email = "e2@ecomops.local" });

        var trail = _harness.Get<AuditTrail>();
        Assert.Equal(1, (await trail.SearchAsync(new AuditQuery(Actor: "boss"))).Total);
        Assert.Equal(1, (await trail.SearchAsync(new AuditQuery(FromUtc: start, ToUtc: start.AddDays(1)))).Total);
        Assert.Equal([nameof(Employee)], await trail.EntityTypesAsync());
    }

    [Fact]
    public async Task Retention_deletes_entries_older_than_the_limit_and_a_second_run_deletes_nothing()
    {
        var directory = _harness.Get<EmployeeDirectory>();
        await directory.CreateAsync(Admin, Form);
        _harness.Clock.Advance(TimeSpan.FromDays(20));
        await directory.CreateAsync(Admin, Form with { EmployeeNumber = "E2", Email = "e2@ecomops.local" });
        _harness.Clock.Advance(TimeSpan.FromDays(15));
        var trail = _harness.Get<AuditTrail>();

        var first = await trail.PurgeAsync(retentionDays: 30);
        var second = await trail.PurgeAsync(retentionDays: 30);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal("E2", (await _harness.Get<EmployeeDirectory>().FindAsync(2))!.EmployeeNumber);
        Assert.Equal(1, (await trail.SearchAsync(new AuditQuery())).Total);
    }
}
