using Bunit;
using EcomOps.Console.Features.Service.Answers;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Answers;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service.Answers;

public sealed class AnswerEditorTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    private AnswerLibrary Library => _harness.Get<AnswerLibrary>();

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static readonly AnswerForm Form = new()
    {
        Title = "包裹物流未更新",
        Body = "{customer_name}您好，包裹已发出。",
        Category = TicketCategories.Shipping,
        Language = AnswerLanguages.Chinese,
    };

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(BunitContext ctx, AnswerRow? existing)
    {
        ctx.Services.AddSingleton(Library);
        ctx.AddAuthorization().SetAuthorized("cssupervisor@ecomops.local").SetRoles(Roles.CsSupervisor);
        var provider = ctx.Render<MudDialogProvider>();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<AnswerEditor>("edit", new DialogParameters<AnswerEditor> { { e => e.Existing, existing } }));
        provider.WaitForElement("[data-testid=answer-save]");
        return provider;
    }

    [Fact]
    public async Task Saving_an_empty_answer_shows_the_errors_beside_title_and_body_and_writes_nothing()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var dialog = await OpenAsync(ctx, null);

        dialog.Find("[data-testid=answer-save]").Click();

        dialog.WaitForAssertion(() =>
        {
            Assert.Contains("Required.", dialog.Find("input[data-testid=answer-field-title]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Required.", dialog.Find("textarea[data-testid=answer-field-body]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        });
        Assert.Equal(0, (await Library.SearchAsync(new AnswerQuery())).Total);
    }

    [Fact]
    public async Task Saving_over_another_supervisors_edit_says_it_was_changed_and_reload_shows_their_version()
    {
        var created = (await Library.CreateAsync(Actor.System, Form)).Value!;
        await using var ctx = ComponentHarness.NewContext(_harness);
        var dialog = await OpenAsync(ctx, created);

        await Library.UpdateAsync(Actor.System, created.Id, created.ToForm() with { Title = "陈静改过的标题" });
        dialog.Find("input[data-testid=answer-field-title]").Change("我的标题");
        dialog.Find("[data-testid=answer-save]").Click();

        dialog.WaitForElement("[data-testid=answer-conflict]");
        Assert.Contains("changed by someone else", dialog.Find("[data-testid=answer-conflict]").TextContent, StringComparison.Ordinal);
        Assert.Equal("陈静改过的标题", (await Library.FindAsync(created.Id))!.Title);

        dialog.Find("[data-testid=answer-conflict] button").Click();
        dialog.WaitForAssertion(() =>
        {
            Assert.Empty(dialog.FindAll("[data-testid=answer-conflict]"));
            Assert.Equal("陈静改过的标题", dialog.Find("input[data-testid=answer-field-title]").GetAttribute("value"));
        });
    }
}
