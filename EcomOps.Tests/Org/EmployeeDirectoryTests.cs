using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Org;

public sealed class EmployeeDirectoryTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin-id", "admin@ecomops.local");
    private DomainHarness _harness = default!;

    private EmployeeDirectory Directory => _harness.Get<EmployeeDirectory>();

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static EmployeeForm Form(string number, string email, int? managerId = null, string role = Roles.CsAgent) => new()
    {
        EmployeeNumber = number,
        FullName = $"Employee {number}",
        Email = email,
        Role = role,
        ManagerId = managerId,
        HireDate = new DateOnly(2025, 3, 1),
        Password = "welcome123",
    };

    [Fact]
    public async Task Creating_an_employee_creates_their_sign_in_with_a_hashed_password()
    {
        var outcome = await Directory.CreateAsync(Admin, Form("E1", "li.kun@ecomops.local", role: Roles.Designer));

        Assert.True(outcome.Succeeded);
        Assert.Equal(Team.Design, outcome.Value!.Team);
        await using var db = _harness.NewDb();
        var employee = await db.Employees.SingleAsync();
        var user = await db.Users.SingleAsync(u => u.Id == employee.UserId);
        Assert.Equal("LI.KUN@ECOMOPS.LOCAL", user.NormalizedUserName);
        Assert.NotEqual("welcome123", user.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success,
            _harness.Get<IPasswordHasher<OpsUser>>().VerifyHashedPassword(user, user.PasswordHash!, "welcome123"));
    }

    [Fact]
    public async Task A_taken_employee_number_and_sign_in_are_refused_and_nothing_is_written()
    {
        await Directory.CreateAsync(Admin, Form("E1", "a@ecomops.local"));

        var outcome = await Directory.CreateAsync(Admin, Form("E1", "A@ecomops.local"));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(outcome.Errors, e => e.Field == "EmployeeNumber" && e.Code == "EmployeeNumberTaken");
        Assert.Contains(outcome.Errors, e => e.Field == "Email" && e.Code == "SignInTaken");
        await using var db = _harness.NewDb();
        Assert.Equal(1, await db.Employees.CountAsync());
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task A_manager_that_would_close_a_loop_is_refused()
    {
        var boss = (await Directory.CreateAsync(Admin, Form("E1", "boss@ecomops.local"))).Value!;
        var report = (await Directory.CreateAsync(Admin, Form("E2", "report@ecomops.local", boss.Id))).Value!;

        var outcome = await Directory.UpdateAsync(Admin, boss.Id, Form("E1", "boss@ecomops.local", report.Id) with { Version = boss.Version, Password = null });

        Assert.Contains(outcome.Errors, e => e.Field == "ManagerId" && e.Code == "ManagerCycle");
        Assert.Null((await Directory.FindAsync(boss.Id))!.ManagerId);
    }

    [Fact]
    public async Task An_inactive_manager_is_refused()
    {
        var former = (await Directory.CreateAsync(Admin, Form("E1", "former@ecomops.local"))).Value!;
        await Directory.UpdateAsync(Admin, former.Id, Form("E1", "former@ecomops.local") with { Active = false, Version = former.Version, Password = null });

        var outcome = await Directory.CreateAsync(Admin, Form("E2", "new@ecomops.local", former.Id));

        Assert.Contains(outcome.Errors, e => e.Code == "ManagerUnknown");
    }

    [Fact]
    public async Task A_save_from_a_stale_copy_is_a_conflict_and_keeps_the_other_persons_change()
    {
        var created = (await Directory.CreateAsync(Admin, Form("E1", "x@ecomops.local"))).Value!;
        var first = await Directory.UpdateAsync(Admin, created.Id, Form("E1", "x@ecomops.local") with { FullName = "First editor", Version = created.Version, Password = null });

        var second = await Directory.UpdateAsync(Admin, created.Id, Form("E1", "x@ecomops.local") with { FullName = "Second editor", Version = created.Version, Password = null });

        Assert.True(first.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        var stored = await Directory.FindAsync(created.Id);
        Assert.Equal("First editor", stored!.FullName);
        Assert.Equal(created.Version + 1, stored.Version);
    }

    [Fact]
    public async Task Deactivating_renews_the_security_stamp_and_a_name_change_does_not()
    {
        var created = (await Directory.CreateAsync(Admin, Form("E1", "y@ecomops.local"))).Value!;
        var stampBefore = await StampOf(created.Id);

        var renamed = (await Directory.UpdateAsync(Admin, created.Id, Form("E1", "y@ecomops.local") with { FullName = "Renamed", Version = created.Version, Password = null })).Value!;
        var stampAfterRename = await StampOf(created.Id);
        await Directory.UpdateAsync(Admin, created.Id, Form("E1", "y@ecomops.local") with { Active = false, Version = renamed.Version, Password = null });
        var stampAfterDeactivation = await StampOf(created.Id);

        Assert.Equal(stampBefore, stampAfterRename);
        Assert.NotEqual(stampBefore, stampAfterDeactivation);
        var userId = await UserIdOf(created.Id);
        Assert.False(await _harness.Get<UserPreferences>().IsSessionValidAsync(userId, stampAfterDeactivation));
    }

    [Fact]
    public async Task Search_finds_by_name_number_or_email_and_pages_on_the_server()
    {
        for (var i = 1; i <= 30; i++)
        {
            await Directory.CreateAsync(Admin, Form($"E{i:00}", $"person{i}@ecomops.local"));
        }

        var page2 = await Directory.SearchAsync(new EmployeeQuery(Skip: 25, Take: 25));
        var byEmail = await Directory.SearchAsync(new EmployeeQuery("person7@"));
        var byNumber = await Directory.SearchAsync(new EmployeeQuery("E12"));

        Assert.Equal(30, page2.Total);
        Assert.Equal(5, page2.Items.Count);
        Assert.Equal("E07", Assert.Single(byEmail.Items).EmployeeNumber);
        Assert.Equal("E12", Assert.Single(byNumber.Items).EmployeeNumber);
    }

    [Fact]
    public async Task Headcount_counts_active_and_inactive_per_team()
    {
        var agent = (await Directory.CreateAsync(Admin, Form("E1", "a1@ecomops.local"))).Value!;
        await Directory.CreateAsync(Admin, Form("E2", "a2@ecomops.local"));
        await Directory.CreateAsync(Admin, Form("E3", "d1@ecomops.local", role: Roles.Designer));
        await Directory.UpdateAsync(Admin, agent.Id, Form("E1", "a1@ecomops.local") with { Active = false, Version = agent.Version, Password = null });

        var headcount = await Directory.HeadcountAsync();

        Assert.Equal(new TeamHeadcount(Team.CustomerService, 1, 1), headcount.Single(h => h.Team == Team.CustomerService));
        Assert.Equal(new TeamHeadcount(Team.Design, 1, 0), headcount.Single(h => h.Team == Team.Design));
        Assert.Equal(new TeamHeadcount(Team.Operations, 0, 0), headcount.Single(h => h.Team == Team.Operations));
    }

    private async Task<string> UserIdOf(int employeeId)
    {
        await using var db = _harness.NewDb();
        return (await db.Employees.SingleAsync(e => e.Id == employeeId)).UserId!;
    }

    private async Task<string?> StampOf(int employeeId)
    {
        var userId = await UserIdOf(employeeId);
        await using var db = _harness.NewDb();
        return (await db.Users.SingleAsync(u => u.Id == userId)).SecurityStamp;
    }
}
