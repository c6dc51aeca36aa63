using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Org;
using EcomOps.Tests.Catalog;

namespace EcomOps.Tests.Design;

/// <summary>
/// The listing world with a design team: a supervisor and two designers with sign-ins, and a listing of the tee on
/// Tmall that operations want a detail page for.
/// </summary>
public sealed class DesignWorld(ListingWorld listings) : IAsyncDisposable
{
    public ListingWorld Listings { get; } = listings;
    public Actor Supervisor { get; } = Actor.Person("u-design-sup", "designsupervisor@ecomops.local", Roles.DesignSupervisor);
    public Actor Designer { get; } = Actor.Person("u-designer", "designer@ecomops.local", Roles.Designer);
    public Actor OtherDesigner { get; } = Actor.Person("u-designer-2", "designer2@ecomops.local", Roles.Designer);
    public Actor Specialist => Listings.Specialist;
    public DesignDesk Desk => Listings.Catalog.Harness.Get<DesignDesk>();
    public DesignQueries Queries => Listings.Catalog.Harness.Get<DesignQueries>();
    public int SupervisorId { get; private set; }
    public int DesignerId { get; private set; }
    public int OtherDesignerId { get; private set; }
    public int Listing { get; private set; }

    // The harness clock: 27 Nov 2026 10:00 in Shanghai.
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static async Task<DesignWorld> StartAsync()
    {
        var world = new DesignWorld(await ListingWorld.StartAsync());
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        await using (var db = Listings.Catalog.Harness.NewDb())
        {
            Employee Person(Actor actor, string name, string number, string role)
            {
                db.Users.Add(new OpsUser { Id = actor.UserId!, UserName = actor.Name, Email = actor.Name });
                var employee = new Employee { EmployeeNumber = number, FullName = name, Email = actor.Name, Team = Team.Design, Role = role, HireDate = new DateOnly(2025, 3, 1), UserId = actor.UserId };
                db.Employees.Add(employee);
                return employee;
            }
            var supervisor = Person(Supervisor, "Emily Carter", "D001", Roles.DesignSupervisor);
            var designer = Person(Designer, "赵敏", "D002", Roles.Designer);
            var other = Person(OtherDesigner, "周设计", "D003", Roles.Designer);
            db.Users.Add(new OpsUser { Id = Specialist.UserId!, UserName = Specialist.Name, Email = Specialist.Name });
            db.Employees.Add(new Employee { EmployeeNumber = "O001", FullName = "张伟", Email = Specialist.Name, Team = Team.Operations, Role = Roles.OperationsSpecialist, HireDate = new DateOnly(2024, 1, 1), UserId = Specialist.UserId });
            await db.SaveChangesAsync();
            (SupervisorId, DesignerId, OtherDesignerId) = (supervisor.Id, designer.Id, other.Id);
        }
        Listing = CatalogWorld.Done(await Listings.Desk.CreateAsync(Specialist, Listings.Tee, Listings.Tmall));
    }

    public DesignRequestForm DetailPageForm(DateOnly? due = null) => new()
    {
        Kind = DesignKind.DetailPage, Title = "云朵T恤详情页", Brief = "突出面料柔软，夏季主题", DueDate = due ?? Today.AddDays(5), ListingId = Listing,
    };

    public async Task<DesignDetail> DetailAsync(int id) => (await Queries.DetailAsync(id))!;

    public async Task<long> VersionOf(int id) => (await DetailAsync(id)).Request.Version;

    public static DesignUpload Picture(int look = 1, string name = "v.jpg")
    {
        var bytes = DemoImages.Render(look, 200);
        return new DesignUpload(name, bytes.Length, new MemoryStream(bytes));
    }

    /// <summary>A detail page requested by the specialist, assigned to the designer and submitted once: in review.</summary>
    public async Task<int> InReviewAsync()
    {
        var id = CatalogWorld.Done(await Desk.RequestAsync(Specialist, DetailPageForm()));
        CatalogWorld.Done(await Desk.AssignAsync(Supervisor, id, await VersionOf(id), DesignerId));
        CatalogWorld.Done(await Desk.SubmitAsync(Designer, id, await VersionOf(id), [Picture(1, "detail-1.jpg"), Picture(2, "detail-2.jpg")], "第一版"));
        return id;
    }

    public static DesignReviewForm Review(bool approve, int score = 4) => new()
    {
        BrandFit = score, VisualEffect = score, Creativity = score, Approve = approve, Comment = approve ? null : "主体再大一些",
    };

    public ValueTask DisposeAsync() => Listings.DisposeAsync();
}
