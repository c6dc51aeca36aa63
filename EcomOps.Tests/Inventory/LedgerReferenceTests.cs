using Bunit;
using EcomOps.Console.Features.Inventory;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Inventory;

public sealed class LedgerReferenceTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("order:3717", "/orders/3717", "O0003717")]
    [InlineData("po:12", "/inventory/purchase-orders/12", "PO-000012")]
    [InlineData("count:88", "/inventory/counts", "Stock count #88")]
    public async Task A_reference_the_ledger_writes_links_to_the_record_by_its_number(string reference, string href, string text)
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var link = ctx.Render<LedgerReference>(p => p.Add(c => c.Reference, reference)).Find("[data-testid=ledger-reference]");

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal(text, link.TextContent);
    }

    [Fact]
    public async Task A_reference_typed_with_an_adjustment_is_shown_as_typed()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var cut = ctx.Render<LedgerReference>(p => p.Add(c => c.Reference, "shelf check: B-12"));

        Assert.Empty(cut.FindAll("a"));
        Assert.Equal("shelf check: B-12", cut.Markup.Trim());
    }
}
