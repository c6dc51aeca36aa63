using Bunit;
using EcomOps.Console.Features.Audit;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using MudBlazor;

namespace EcomOps.Tests.Audit;

public sealed class AuditTrailPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_trail_names_records_and_fields_in_words_not_code_names()
    {
        await _harness.Get<EmployeeDirectory>().CreateAsync(new Actor("admin-id", "admin@ecomops.local"), new EmployeeForm
        {
            EmployeeNumber = "E1", FullName = "周杰", Email = "zhou.jie@ecomops.local", Role = Roles.CsAgent, HireDate = new DateOnly(2024, 1, 2), Password = "welcome123",
        });
        // A KPI target keeps when it was last set (a UTC time).
        await _harness.Get<KpiTargets>().SetAsync(new Actor("admin-id", "admin@ecomops.local"), Team.CustomerService, PeriodKind.Month, ServiceMetricSource.Csat, 4.5, null);
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.AddAuthorization().SetAuthorized("admin@ecomops.local").SetRoles(Roles.Admin).SetPolicies(Permissions.ReadAuditTrail);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<AuditTrailPage>();

        page.WaitForAssertion(() => Assert.Contains("Employee number", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Contains("Employee #", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(">EmployeeNumber<", page.Markup, StringComparison.Ordinal);
        // Times in the company's zone, as the "when" column: the harness clock is 2026-11-27 10:00 in Shanghai.
        Assert.Contains("Updated at</b>: ∅ → 2026-11-27 10:00:00", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NextDueUtc", "Next due")]
    [InlineData("ResponsiblePersonId", "Responsible person")]
    [InlineData("Id", "Id")]
    public void A_field_without_a_translation_is_spelled_out_from_its_code_name(string field, string shown) =>
        Assert.Equal(shown, AuditTrailPage.SpelledOut(field));
}
