using Bunit;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

public sealed class CustomersPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private BunitContext Context()
    {
        var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<CustomerAnalysisQueries>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.AnalyseCustomers);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    [Fact]
    public async Task Before_the_first_nightly_run_the_page_says_when_the_analysis_is_computed_and_shows_every_segment_empty()
    {
        await using var ctx = Context();

        var page = ctx.Render<CustomersPage>();

        page.WaitForElement("[data-testid=customers-not-computed]");
        Assert.Contains("02:30", page.Find("[data-testid=customers-not-computed]").TextContent, StringComparison.Ordinal);
        Assert.Equal(6, page.FindAll("[data-testid^=segment-]").Count);
        Assert.NotEmpty(page.FindAll("[data-testid=customers-empty]"));
    }

    [Fact]
    public async Task A_segment_card_lists_its_customers_from_the_stored_analysis()
    {
        await using (var db = _harness.NewDb())
        {
            db.Set<CustomerProfile>().AddRange(
                new CustomerProfile { Phone = "+86 138 0000 0001", Name = "王芳", Orders = 1, SpendCents = 9_900, Recency = 3, Frequency = 1, Monetary = 1, Segment = CustomerSegment.Hibernating },
                new CustomerProfile { Phone = "+86 138 0000 0002", Name = "李雷", Orders = 6, SpendCents = 300_000, Recency = 5, Frequency = 4, Monetary = 4, Segment = CustomerSegment.Vip });
            db.Set<CustomerInsightRun>().Add(new CustomerInsightRun { FinishedAtUtc = _harness.Clock.GetUtcNow().UtcDateTime, Orders = 7, Customers = 2 });
            await db.SaveChangesAsync();
        }
        await using var ctx = Context();
        var page = ctx.Render<CustomersPage>();
        page.WaitForElement("[data-testid=customers-run]");
        Assert.Contains("李雷", page.Find("[data-testid=customers-table]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=segment-Hibernating]").Click();

        page.WaitForAssertion(() => Assert.Contains("王芳", page.Find("[data-testid=customers-table]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("李雷", page.Find("[data-testid=customers-table]").TextContent, StringComparison.Ordinal);
    }
}
