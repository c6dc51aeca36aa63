using EcomOps.Domain.Org;

namespace EcomOps.Tests.Org;

public sealed class EmployeeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static EmployeeForm Valid => new()
    {
        EmployeeNumber = "E2001",
        FullName = "王喆",
        Email = "wang.zhe@ecomops.local",
        Role = Roles.CsAgent,
        HireDate = Today,
        Password = "secret123",
    };

    [Fact]
    public void A_complete_form_breaks_no_rule() => Assert.Empty(EmployeeRules.Check(Valid, creating: true, Today));

    [Fact]
    public void Each_missing_required_field_is_named()
    {
        var form = new EmployeeForm { EmployeeNumber = " ", FullName = "", Email = "", HireDate = null, Password = null };

        var errors = EmployeeRules.Check(form, creating: true, Today);

        Assert.Equal(
            ["EmployeeNumber", "FullName", "Email", "HireDate", "Password"],
            errors.Where(e => e.Code == "Required").Select(e => e.Field));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("Name <a@b.com>")]
    public void A_malformed_email_is_refused(string email)
    {
        var errors = EmployeeRules.Check(Valid with { Email = email }, creating: true, Today);

        Assert.Contains(errors, e => e.Field == "Email" && e.Code == "EmailFormat");
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("lettersonly")]
    [InlineData("12345678")]
    public void A_weak_password_is_refused(string password)
    {
        var errors = EmployeeRules.Check(Valid with { Password = password }, creating: true, Today);

        Assert.Contains(errors, e => e.Field == "Password" && e.Code == "PasswordWeak");
    }

    [Fact]
    public void Editing_without_a_password_keeps_the_old_one()
    {
        Assert.Empty(EmployeeRules.Check(Valid with { Password = null }, creating: false, Today));
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        Assert.Contains(EmployeeRules.Check(Valid with { Role = "Superuser" }, creating: true, Today), e => e.Field == "Role");
    }

    [Fact]
    public void A_number_with_spaces_is_refused()
    {
        Assert.Contains(EmployeeRules.Check(Valid with { EmployeeNumber = "E 1" }, creating: true, Today), e => e.Code == "EmployeeNumberFormat");
    }

    [Fact]
    public void Choosing_ones_own_report_as_manager_is_a_cycle()
    {
        // 1 manages 2, 2 manages 3: making 3 the manager of 1 closes the loop.
        var managerOf = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2 };

        Assert.True(EmployeeRules.WouldCycle(employeeId: 1, managerId: 3, managerOf));
        Assert.True(EmployeeRules.WouldCycle(employeeId: 1, managerId: 1, managerOf));
        Assert.False(EmployeeRules.WouldCycle(employeeId: 3, managerId: 1, managerOf));
    }

    [Fact]
    public void A_loop_already_in_the_data_does_not_hang_the_check()
    {
        var managerOf = new Dictionary<int, int?> { [1] = 2, [2] = 1, [3] = null };

        Assert.True(EmployeeRules.WouldCycle(employeeId: 3, managerId: 1, managerOf));
    }

    [Theory]
    [InlineData(Roles.CsAgent, Team.CustomerService)]
    [InlineData(Roles.CsSupervisor, Team.CustomerService)]
    [InlineData(Roles.Designer, Team.Design)]
    [InlineData(Roles.OperationsSpecialist, Team.Operations)]
    [InlineData(Roles.Admin, Team.Operations)]
    public void A_role_belongs_to_its_team(string role, Team team) => Assert.Equal(team, Roles.TeamOf(role));

    [Fact]
    public void Only_admins_manage_employees_and_only_admins_and_the_director_run_jobs()
    {
        Assert.Equal([Roles.Admin], Permissions.RolesFor(Permissions.ManageEmployees));
        Assert.Equal([Roles.Admin, Roles.OperationsDirector], Permissions.RolesFor(Permissions.RunJobs));
        Assert.All(Roles.All, role => Assert.True(Permissions.Allows(role, Permissions.UseConsole)));
    }
}
