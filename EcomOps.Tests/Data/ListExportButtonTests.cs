using Bunit;
using EcomOps.Console.Components.Shared;
using EcomOps.Domain.Data;
using EcomOps.Tests.Support;
using MudBlazor;

namespace EcomOps.Tests.Data;

public sealed class ListExportButtonTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_export_button_builds_the_list_in_the_readers_language_hands_it_to_the_browser_and_says_how_many_rows()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var module = ctx.JSInterop.SetupModule("./Components/Shared/ListExportButton.razor.js");
        module.SetupVoid("saveFile", _ => true).SetVoidResult();
        var snackbar = ctx.Render<MudSnackbarProvider>();
        string? header = null;
        var button = ctx.Render<ListExportButton>(p => p
            .Add(b => b.FileStem, "orders")
            .Add(b => b.Build, (text, _) =>
            {
                header = text("Orders.Total");
                return Task.FromResult(new ListWorkbookFile([1, 2, 3], 7, false));
            }));

        button.Find("button").Click();

        button.WaitForAssertion(() => Assert.Contains("Exported 7 rows", snackbar.Markup));
        Assert.Equal("Total", header);
        var saved = Assert.Single(module.Invocations, i => i.Identifier == "saveFile");
        Assert.Equal(ListExportButton.FileName("orders", _harness.Get<EcomOps.Domain.Time.CompanyTime>().LocalNow), saved.Arguments[0]);
        Assert.Matches(@"^orders-\d{8}-\d{4}\.xlsx$", (string)saved.Arguments[0]!);
    }
}
