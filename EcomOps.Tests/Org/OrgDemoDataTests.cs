using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Org;

public sealed class OrgDemoDataTests
{
    private static async Task<List<(string Number, string Name, string Role, bool Active)>> GenerateAsync(DemoSize size)
    {
        // Only the organisation's part: the other areas' demo data (tens of thousands of orders) says nothing about people.
        await using var harness = await DomainHarness.StartAsync();
        await using (var seeding = harness.NewDb())
        {
            var org = harness.Get<IEnumerable<IDemoDataArea>>().OfType<OrgDemoData>().Single();
            await org.SeedAsync(seeding, size, new Random(DemoDataGenerator.Seed), default);
        }
        await using var db = harness.NewDb();
        var rows = await db.Employees.OrderBy(e => e.EmployeeNumber).Select(e => new { e.EmployeeNumber, e.FullName, e.Role, e.Active, e.UserId }).ToListAsync();
        Assert.All(rows, r => Assert.NotNull(r.UserId));
        return rows.Select(r => (r.EmployeeNumber, r.FullName, r.Role, r.Active)).ToList();
    }

    [Fact]
    public async Task Standard_demo_data_has_at_least_60_employees_across_all_three_teams_and_every_role()
    {
        var staff = await GenerateAsync(DemoSize.Standard);

        Assert.True(staff.Count >= 60, $"{staff.Count} employees");
        Assert.All(Roles.All, role => Assert.Contains(staff, s => s.Role == role));
        Assert.All(Enum.GetValues<Team>(), team => Assert.Contains(staff, s => Roles.TeamOf(s.Role) == team));
        Assert.Contains(staff, s => s.Name.Any(ch => ch >= '\u4e00' && ch <= '\u9fff'));
        Assert.Contains(staff, s => s.Name.All(ch => ch < 128));
    }

    [Fact]
    public async Task No_two_people_in_the_standard_demo_share_a_name()
    {
        var staff = await GenerateAsync(DemoSize.Standard);

        Assert.Empty(staff.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public async Task The_same_size_always_gives_the_same_people()
    {
        var first = await GenerateAsync(DemoSize.Standard);
        var second = await GenerateAsync(DemoSize.Standard);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Every_named_demo_sign_in_exists_and_is_active()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = harness.NewDb();

        foreach (var demo in OrgDemoData.SignIns)
        {
            var employee = await db.Employees.SingleAsync(e => e.Email == demo.Email);
            Assert.Equal(demo.Role, employee.Role);
            Assert.True(employee.Active);
        }
    }
}
