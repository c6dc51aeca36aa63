using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using Microsoft.AspNetCore.Identity;

namespace EcomOps.Domain.Org;

/// <summary>A demo sign-in for one role, listed on the sign-in page in Development.</summary>
public sealed record DemoSignIn(string Role, string Email, string FullName);

/// <summary>Employees across the three teams with their sign-ins: one named demo user per role, then a realistic staff.</summary>
public sealed class OrgDemoData(IPasswordHasher<OpsUser> hasher, ILookupNormalizer normalizer, Time.CompanyTime time) : IDemoDataArea
{
    public static readonly IReadOnlyList<DemoSignIn> SignIns =
    [
        new(Roles.Admin, "admin@ecomops.local", "Admin 管理员"),
        new(Roles.OperationsDirector, "director@ecomops.local", "王建国 Wang Jianguo"),
        new(Roles.OperationsManager, "opsmanager@ecomops.local", "李娜 Li Na"),
        new(Roles.OperationsSpecialist, "specialist@ecomops.local", "张伟 Zhang Wei"),
        new(Roles.CsSupervisor, "cssupervisor@ecomops.local", "陈静 Chen Jing"),
        new(Roles.CsAgent, "agent@ecomops.local", "刘洋 Liu Yang"),
        new(Roles.DesignSupervisor, "designsupervisor@ecomops.local", "Emily Carter"),
        new(Roles.Designer, "designer@ecomops.local", "赵敏 Zhao Min"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] SurnamesPinyin = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "喆", "堃"];
    private static readonly string[] GivenPinyin = ["Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie", "Juan", "Tao", "Ming", "Chao", "Xiuying", "Xia", "Ping", "Gang", "Guiying", "Zhe", "Kun"];
    private static readonly string[] EnglishFirst = ["Olivia", "James", "Sophia", "Daniel", "Grace", "Lucas", "Chloe", "Ethan", "Hannah", "Ryan", "Mia", "Nathan"];
    private static readonly string[] EnglishLast = ["Smith", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Wright", "Hughes", "Green", "Hall"];

    public int Order => 0;

    public string Name => "Org";

    public Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) =>
        SeedAsync(db, new DemoRun(size, random, WithSignIns: true), ct);

    public async Task SeedAsync(OpsDb db, DemoRun run, CancellationToken ct)
    {
        var (size, random) = (run.Size, run.Random);
        // One hash for every demo sign-in: the salt is inside the hash, and hashing hundreds of times would only slow start-up.
        var passwordHash = run.WithSignIns ? hasher.HashPassword(new OpsUser(), DemoDataGenerator.DemoPassword) : null;
        var today = time.Today;
        var number = 1000;
        var usedEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var employees = new List<Employee>();

        Employee Add(string role, string fullName, string email, Employee? manager, bool active = true)
        {
            usedEmails.Add(email);
            usedNames.Add(fullName);
            var employee = new Employee
            {
                EmployeeNumber = $"E{++number}",
                FullName = fullName,
                Email = email,
                Role = role,
                Team = Roles.TeamOf(role),
                Manager = manager,
                HireDate = today.AddDays(-random.Next(30, 3650)),
                Active = active,
            };
            if (passwordHash is null)
            {
                // Outside Development: employee records only, no one to sign in as; and no demo administrator, so the
                // first admin still comes from Bootstrap configuration at the next start.
                if (role != Roles.Admin)
                {
                    db.Employees.Add(employee);
                    employees.Add(employee);
                }
                return employee;
            }
            var user = new OpsUser
            {
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email),
                EmailConfirmed = true,
                LockoutEnabled = true,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            employee.UserId = user.Id;
            db.Employees.Add(employee);
            employees.Add(employee);
            return employee;
        }

        var named = SignIns.ToDictionary(s => s.Role, s => s);
        Employee Named(string role, Employee? manager) => Add(role, named[role].FullName, named[role].Email, manager);

        Named(Roles.Admin, null);
        var director = Named(Roles.OperationsDirector, null);
        var opsManager = Named(Roles.OperationsManager, director);
        Named(Roles.OperationsSpecialist, opsManager);
        var csSupervisor = Named(Roles.CsSupervisor, director);
        Named(Roles.CsAgent, csSupervisor);
        var designSupervisor = Named(Roles.DesignSupervisor, director);
        Named(Roles.Designer, designSupervisor);

        var staff = size switch
        {
            DemoSize.Minimal => 0,
            DemoSize.Standard => 64,
            _ => 600,
        };
        // The rulebook's shape: customer service is the largest team, then operations, then design.
        (string Role, Employee Manager, int Weight)[] mix =
        [
            (Roles.CsAgent, csSupervisor, 45),
            (Roles.OperationsSpecialist, opsManager, 30),
            (Roles.Designer, designSupervisor, 15),
            (Roles.CsSupervisor, director, 4),
            (Roles.OperationsManager, director, 3),
            (Roles.DesignSupervisor, director, 3),
        ];
        var totalWeight = mix.Sum(m => m.Weight);
        for (var i = 0; i < staff; i++)
        {
            var pick = random.Next(totalWeight);
            var (role, manager, _) = mix.First(m => (pick -= m.Weight) < 0);
            // Two people of one name on one team would be told apart by nobody (a pick list, a KPI sheet): draw again. The
            // 480 Chinese and 120 English names run out only in the large demo, where a repeat is then kept.
            var (fullName, emailStem) = RandomName(random);
            for (var draw = 0; draw < 50 && usedNames.Contains(fullName); draw++)
            {
                (fullName, emailStem) = RandomName(random);
            }
            var email = $"{emailStem}@ecomops.local";
            for (var n = 2; usedEmails.Contains(email); n++)
            {
                email = $"{emailStem}{n}@ecomops.local";
            }
            // About one in twenty has left the company: their record stays, their sign-in does not work.
            Add(role, fullName, email, manager, active: random.Next(20) != 0);
        }

        await db.SaveChangesAsync(ct);
    }

    private static (string FullName, string EmailStem) RandomName(Random random)
    {
        if (random.Next(8) == 0)
        {
            var first = EnglishFirst[random.Next(EnglishFirst.Length)];
            var last = EnglishLast[random.Next(EnglishLast.Length)];
            return ($"{first} {last}", $"{first}.{last}".ToLowerInvariant());
        }
        var s = random.Next(Surnames.Length);
        var g = random.Next(Given.Length);
        return ($"{Surnames[s]}{Given[g]}", $"{SurnamesPinyin[s]}.{GivenPinyin[g]}".ToLowerInvariant());
    }
}
