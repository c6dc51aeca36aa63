using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Catalog;

/// <summary>The catalogue desks on the Domain harness, with an operations manager who owns master data.</summary>
public sealed class CatalogWorld(DomainHarness harness) : IAsyncDisposable
{
    public DomainHarness Harness { get; } = harness;
    public Actor Manager { get; } = Actor.Person("u-manager", "opsmanager@ecomops.local", Roles.OperationsManager);
    public Actor Director { get; } = Actor.Person("u-director", "director@ecomops.local", Roles.OperationsDirector);
    public CatalogDesk Desk => Harness.Get<CatalogDesk>();
    public MasterDataDesk MasterData => Harness.Get<MasterDataDesk>();
    public CatalogQueries Queries => Harness.Get<CatalogQueries>();

    public static async Task<CatalogWorld> StartAsync() => new(await DomainHarness.StartAsync());

    public async Task<int> CategoryAsync(string zh, string en, int? parent = null) =>
        Done(await MasterData.SaveCategoryAsync(Manager, null, 0, new CategoryForm { NameZh = zh, NameEn = en, ParentId = parent }));

    public async Task<int> BrandAsync(string name) => Done(await MasterData.SaveBrandAsync(Manager, null, 0, new BrandForm { Name = name }));

    public async Task<int> ProductAsync(string name, int category, int? brand = null) =>
        Done(await Desk.SaveProductAsync(Manager, null, 0, new ProductForm { Name = name, CategoryId = category, BrandId = brand }));

    public async Task<int> SkuAsync(int product, string code, string? barcode = null, long price = 9_900) =>
        Done(await Desk.SaveSkuAsync(Manager, product, null, 0, new SkuForm { Code = code, Barcode = barcode, Specification = "黑色 M", ListPriceCents = price, UnitCostCents = price / 2 }));

    public static int Done(Outcome<int> outcome)
    {
        Assert.True(outcome.Succeeded, $"{outcome.Kind}: {string.Join(", ", outcome.Errors)}");
        return outcome.Value;
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
