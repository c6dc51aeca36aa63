using Bunit;
using EcomOps.Console.Features.Org;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Org;

public sealed class EmployeeEditorTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static EmployeeForm Form(string name) => new()
    {
        EmployeeNumber = "E1",
        FullName = name,
        Email = "e1@ecomops.local",
        Role = Roles.CsAgent,
        HireDate = new DateOnly(2025, 5, 6),
        Password = "welcome123",
    };

    private static async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(BunitContext ctx, EmployeeRow? existing, string role = Roles.Admin)
    {
        ctx.AddAuthorization().SetAuthorized($"{role}@ecomops.local").SetRoles(role);
        var provider = ctx.Render<MudDialogProvider>();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<EmployeeEditor>("edit", new DialogParameters<EmployeeEditor> { { e => e.Existing, existing } }));
        provider.WaitForElement("[data-testid=employee-save]");
        return provider;
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_says_so_keeps_their_change_and_reload_shows_it()
    {
        var directory = _harness.Get<EmployeeDirectory>();
        var created = (await directory.CreateAsync(Actor.System, Form("Original"))).Value!;
        await using var ctx = ComponentHarness.NewContext(_harness);
        var dialog = await OpenAsync(ctx, created);

        await directory.UpdateAsync(Actor.System, created.Id, Form("Changed by Li") with { Version = created.Version, Password = null });
        dialog.Find("input[data-testid=field-name]").Change("Changed by me");
        dialog.Find("[data-testid=employee-save]").Click();

        dialog.WaitForElement("[data-testid=employee-conflict]");
        Assert.Contains("changed by someone else", dialog.Find("[data-testid=employee-conflict]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Changed by Li", (await directory.FindAsync(created.Id))!.FullName);

        dialog.Find("[data-testid=employee-conflict] button").Click();
        dialog.WaitForAssertion(() =>
        {
            Assert.Empty(dialog.FindAll("[data-testid=employee-conflict]"));
            Assert.Equal("Changed by Li", dialog.Find("input[data-testid=field-name]").GetAttribute("value"));
        });
    }

    [Fact]
    public async Task Someone_whose_role_may_not_manage_employees_is_told_so_above_the_form_and_nothing_is_saved()
    {
        var directory = _harness.Get<EmployeeDirectory>();
        var created = (await directory.CreateAsync(Actor.System, Form("Original"))).Value!;
        await using var ctx = ComponentHarness.NewContext(_harness);
        var dialog = await OpenAsync(ctx, created, Roles.OperationsDirector);

        dialog.Find("input[data-testid=field-name]").Change("Renamed");
        dialog.Find("[data-testid=employee-save]").Click();

        dialog.WaitForAssertion(() => Assert.Contains("Your role does not allow this", dialog.Find("[data-testid=form-refusal]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Original", (await directory.FindAsync(created.Id))!.FullName);
    }

    [Fact]
    public async Task Saving_an_empty_form_shows_each_error_beside_its_field_and_writes_nothing()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var dialog = await OpenAsync(ctx, null);

        dialog.Find("[data-testid=employee-save]").Click();

        dialog.WaitForAssertion(() =>
        {
            foreach (var field in new[] { "field-number", "field-name", "field-email", "field-password" })
            {
                Assert.Contains("Required.", dialog.Find($"input[data-testid={field}]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
            }
        });
        Assert.Equal(0, (await _harness.Get<EmployeeDirectory>().SearchAsync(new EmployeeQuery())).Total);
    }
}
