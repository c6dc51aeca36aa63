using Bunit;
using ClosedXML.Excel;
using EcomOps.Console.Features.Inventory;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Inventory;

[Trait("Engines", "Both")]
public sealed class PurchaseOrderListTests : IAsyncLifetime
{
    private InventoryWorld _world = default!;
    private int _otherSupplier;
    private int _otherWarehouse;
    private readonly Dictionary<string, int> _skus = [];

    private StockQueries Queries => _world.Harness.Get<StockQueries>();

    private PurchasingDesk Purchasing => _world.Harness.Get<PurchasingDesk>();

    public async Task InitializeAsync()
    {
        _world = await InventoryWorld.StartAsync();
        foreach (var code in new[] { "TEE-RED", "TEE-BLUE", "CUP-01" })
        {
            _skus[code] = await _world.SkuAsync(code, onHand: 500);
        }
        await using var db = _world.Harness.NewDb();
        var supplier = new Supplier { Code = "SUP-02", Name = "Anhui Ceramics", LeadTimeDays = 3 };
        var warehouse = new Warehouse { Code = "GZ-01", Name = "广州仓" };
        db.AddRange(supplier, warehouse);
        await db.SaveChangesAsync();
        _otherSupplier = supplier.Id;
        _otherWarehouse = warehouse.Id;
        var now = _world.Harness.Clock.GetUtcNow().UtcDateTime;
        // Each column has values that differ and values that tie, so both the column and the tie-breaker are tested.
        Add(db, _world.Supplier, _world.Warehouse, PurchaseOrderStatus.Draft, null, now, ("TEE-RED", 10, 4500));
        Add(db, _otherSupplier, _world.Warehouse, PurchaseOrderStatus.Sent, now.AddDays(3), now, ("CUP-01", 40, 1200), ("TEE-BLUE", 2, 4500));
        Add(db, _world.Supplier, _otherWarehouse, PurchaseOrderStatus.PartlyReceived, now.AddDays(1), now, ("TEE-BLUE", 30, 4000)).Lines[0].ReceivedQuantity = 12;
        Add(db, _otherSupplier, _otherWarehouse, PurchaseOrderStatus.Sent, now.AddDays(3), now, ("CUP-01", 5, 1200));
        Add(db, _world.Supplier, _world.Warehouse, PurchaseOrderStatus.Closed, now.AddDays(-2), now, ("TEE-RED", 100, 4500)).Lines[0].ReceivedQuantity = 100;
        await db.SaveChangesAsync();
    }

    private PurchaseOrder Add(OpsDb db, int supplier, int warehouse, PurchaseOrderStatus status, DateTime? expected, DateTime created,
        params (string Sku, int Quantity, long Cost)[] lines)
    {
        var order = new PurchaseOrder
        {
            SupplierId = supplier, WarehouseId = warehouse, Status = status, CreatedAtUtc = created, ExpectedAtUtc = expected,
            Lines = [.. lines.Select(l => new PurchaseOrderLine { SkuId = _skus[l.Sku], OrderedQuantity = l.Quantity, UnitCostCents = l.Cost })],
        };
        db.Add(order);
        return order;
    }

    public async Task DisposeAsync() => await _world.Harness.DisposeAsync();

    private static readonly Dictionary<PurchaseOrderColumn, Func<PurchaseOrderRow, IComparable?>> Keys = new()
    {
        [PurchaseOrderColumn.Number] = r => r.Id,
        [PurchaseOrderColumn.Supplier] = r => r.SupplierName,
        [PurchaseOrderColumn.Warehouse] = r => r.WarehouseCode,
        [PurchaseOrderColumn.Status] = r => (int)r.Status,
        [PurchaseOrderColumn.Received] = r => r.Received,
        [PurchaseOrderColumn.Total] = r => r.TotalCents,
        [PurchaseOrderColumn.Expected] = r => r.ExpectedAtUtc,
    };

    public static TheoryData<PurchaseOrderColumn, bool> EveryColumnBothWays()
    {
        var data = new TheoryData<PurchaseOrderColumn, bool>();
        foreach (var column in Enum.GetValues<PurchaseOrderColumn>())
        {
            data.Add(column, false);
            data.Add(column, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryColumnBothWays))]
    public async Task The_purchase_order_list_sorts_by_each_column_both_ways_with_the_number_breaking_ties(PurchaseOrderColumn column, bool descending)
    {
        var filter = new PurchaseOrderFilter(IncludeFinished: true);
        var page = await Queries.PurchaseOrdersAsync(filter, new(column, descending), 0, 100);

        Assert.Equal(5, page.Rows.Count);
        var key = Keys[column];
        var comparer = Comparer<IComparable?>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<IComparable?>.Default.Compare(a, b));
        var expected = descending
            ? page.Rows.OrderByDescending(key, comparer).ThenByDescending(r => r.Id)
            : page.Rows.OrderBy(key, comparer).ThenBy(r => r.Id);
        Assert.Equal(expected.Select(r => r.Id), page.Rows.Select(r => r.Id));
        Assert.NotEqual(1, page.Rows.Select(key).Distinct().Count());
    }

    [Fact]
    public async Task Purchase_orders_are_found_by_number_supplier_or_sku_and_the_grand_total_is_of_what_was_found()
    {
        var all = await Queries.PurchaseOrdersAsync(new(IncludeFinished: true), StockQueries.NewestPurchaseOrdersFirst, 0, 100);
        var second = all.Rows.Single(r => r.SupplierName == "Anhui Ceramics" && r.Lines == 2);

        var byNumber = await Queries.PurchaseOrdersAsync(new(second.Number), StockQueries.NewestPurchaseOrdersFirst, 0, 100);
        var bySupplier = await Queries.PurchaseOrdersAsync(new("anhui"), StockQueries.NewestPurchaseOrdersFirst, 0, 100);
        var bySku = await Queries.PurchaseOrdersAsync(new("tee-blue"), StockQueries.NewestPurchaseOrdersFirst, 0, 100);
        var closedToo = await Queries.PurchaseOrdersAsync(new("TEE-RED", IncludeFinished: true), StockQueries.NewestPurchaseOrdersFirst, 0, 100);

        Assert.Equal([second.Id], byNumber.Rows.Select(r => r.Id));
        Assert.Equal(2, bySupplier.Total);
        Assert.All(bySupplier.Rows, r => Assert.Equal("Anhui Ceramics", r.SupplierName));
        Assert.Equal(2, bySku.Total);
        Assert.Equal(2, closedToo.Total);
        // 40 × ¥12 + 2 × ¥45 = ¥570 for the sent order; all open orders: ¥450 + ¥570 + ¥1,200 + ¥60.
        Assert.Equal(57_000, second.TotalCents);
        Assert.Equal(57_000 + 120_000, bySku.GrandTotalCents);
        var open = await Queries.PurchaseOrdersAsync(new(), StockQueries.NewestPurchaseOrdersFirst, 0, 2);
        Assert.Equal(2, open.Rows.Count);
        Assert.Equal(45_000 + 57_000 + 120_000 + 6_000, open.GrandTotalCents);
    }

    [Fact]
    public async Task The_purchase_order_export_holds_the_found_orders_in_the_lists_order_with_totals_as_money()
    {
        var filter = new PurchaseOrderFilter("anhui");
        var sort = new ListSort<PurchaseOrderColumn>(PurchaseOrderColumn.Total, Descending: true);
        var page = await Queries.PurchaseOrdersAsync(filter, sort, 0, 100);

        using var list = new ExportedList(await Queries.ExportPurchaseOrdersAsync(filter, sort, ExportedList.Text("en")));

        Assert.Equal(page.Rows.Select(r => r.Number), list.Texts("Order"));
        var totals = list.Cells("Total");
        Assert.All(totals, c => Assert.Equal(XLDataType.Number, c.DataType));
        Assert.Equal([570.0, 60.0], totals.Select(c => c.GetDouble()));
        Assert.Equal([42.0, 5.0], list.Cells("Ordered").Select(c => c.GetDouble()));
        Assert.Equal(["Sent", "Sent"], list.Texts("Status"));
    }

    private async Task<PurchaseOrderDetail> DraftAsync() =>
        (await Queries.PurchaseOrderAsync((await Queries.PurchaseOrdersAsync(new(), StockQueries.NewestPurchaseOrdersFirst, 0, 100)).Rows.Single(r => r.Status == PurchaseOrderStatus.Draft).Id))!;

    [Fact]
    public async Task A_line_added_by_hand_to_a_draft_takes_the_skus_cost_unless_one_is_given_and_counts_in_the_total()
    {
        var draft = await DraftAsync();

        var added = await Purchasing.AddLineAsync(_world.Manager, draft.Id, draft.Version, " CUP-01 ", 25, null);
        var again = await Purchasing.AddLineAsync(_world.Manager, draft.Id, added.Value, "TEE-BLUE", 3, 3_999);

        Assert.True(added.Succeeded);
        Assert.True(again.Succeeded);
        var order = (await Queries.PurchaseOrderAsync(draft.Id))!;
        Assert.Equal(["TEE-RED", "CUP-01", "TEE-BLUE"], order.Lines.Select(l => l.SkuCode));
        Assert.Equal(4500, order.Lines[1].UnitCostCents);
        Assert.Equal(3_999, order.Lines[2].UnitCostCents);
        Assert.Equal(10 * 4500 + 25 * 4500 + 3 * 3_999, order.TotalCents);
        Assert.Equal(25 * 4500, order.Lines[1].TotalCents);
    }

    [Fact]
    public async Task A_line_by_hand_with_an_unknown_sku_a_sku_already_on_the_order_or_a_quantity_not_above_zero_is_refused_saying_which()
    {
        var draft = await DraftAsync();

        var unknown = await Purchasing.AddLineAsync(_world.Manager, draft.Id, draft.Version, "NOPE-1", 5, null);
        var duplicate = await Purchasing.AddLineAsync(_world.Manager, draft.Id, draft.Version, "TEE-RED", 5, null);
        var negative = await Purchasing.AddLineAsync(_world.Manager, draft.Id, draft.Version, "CUP-01", -3, null);
        var zero = await Purchasing.AddLineAsync(_world.Manager, draft.Id, draft.Version, "CUP-01", 0, null);
        var costBelowZero = await Purchasing.AddLineAsync(_world.Manager, draft.Id, draft.Version, "CUP-01", 1, -1);

        Assert.Equal(new FieldError("Sku", PurchasingDesk.UnknownSku), Assert.Single(unknown.Errors));
        Assert.Equal(new FieldError("Sku", PurchasingDesk.SkuAlreadyOnOrder), Assert.Single(duplicate.Errors));
        Assert.Equal(new FieldError("Quantity", StockErrors.QuantityNotPositive), Assert.Single(negative.Errors));
        Assert.Equal(new FieldError("Quantity", StockErrors.QuantityNotPositive), Assert.Single(zero.Errors));
        Assert.Equal(new FieldError("UnitCost", PurchasingDesk.UnitCostNegative), Assert.Single(costBelowZero.Errors));
        Assert.Single((await Queries.PurchaseOrderAsync(draft.Id))!.Lines);
    }

    [Fact]
    public async Task A_line_by_hand_on_a_stale_version_a_sent_order_or_by_someone_without_inventory_rights_is_refused()
    {
        var draft = await DraftAsync();
        var sent = (await Queries.PurchaseOrdersAsync(new(), StockQueries.NewestPurchaseOrdersFirst, 0, 100)).Rows.First(r => r.Status == PurchaseOrderStatus.Sent);
        var sentVersion = (await Queries.PurchaseOrderAsync(sent.Id))!.Version;
        var specialist = Actor.Person("u1", "specialist@ecomops.local", Roles.OperationsSpecialist);
        Assert.True((await Purchasing.SetDraftQuantityAsync(_world.Manager, draft.Id, draft.Version, draft.Lines[0].Id, 11)).Succeeded);

        var stale = await Purchasing.AddLineAsync(_world.Manager, draft.Id, draft.Version, "CUP-01", 5, null);
        var notDraft = await Purchasing.AddLineAsync(_world.Manager, sent.Id, sentVersion, "TEE-RED", 5, null);
        var refused = await Purchasing.AddLineAsync(specialist, draft.Id, draft.Version + 1, "CUP-01", 5, null);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(new FieldError("Status", PurchasingDesk.WrongStatus), Assert.Single(notDraft.Errors));
        Assert.Equal(Actor.NotPermitted, Assert.Single(refused.Errors));
        Assert.Single((await Queries.PurchaseOrderAsync(draft.Id))!.Lines);
    }

    [Fact]
    public async Task The_purchase_order_page_lists_each_orders_total_and_what_the_listed_orders_are_worth_in_all()
    {
        await using var ctx = ComponentHarness.NewContext(_world.Harness);
        ctx.Services.AddSingleton(Queries);
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.ManageInventory);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<PurchaseOrdersPage>();

        // The four open orders: ¥450 + ¥570 + ¥1,200 + ¥60.
        // The total and the rows are read apart: wait for both (on a slower database the rows came a render later).
        page.WaitForAssertion(() =>
        {
            Assert.Contains("4 orders, worth", page.Find("[data-testid=po-grand-total]").TextContent);
            Assert.Equal(4, page.FindAll("[data-testid^=po-row-]").Count);
        }, TimeSpan.FromSeconds(10));
        Assert.Contains("2,280.00", page.Find("[data-testid=po-grand-total]").TextContent);
        Assert.Contains("570.00", page.Find("[data-testid=po-table]").TextContent);
    }
}
