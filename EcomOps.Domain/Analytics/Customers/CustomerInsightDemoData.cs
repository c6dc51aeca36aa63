using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;

namespace EcomOps.Domain.Analytics.Customers;

/// <summary>The demo starts with the customer analysis computed once, as the nightly job would have, after every order and complaint is in.</summary>
public sealed class CustomerInsightDemoData(CustomerInsights insights) : IDemoDataArea
{
    public int Order => 95;

    public string Name => "customer analysis";

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) => await insights.RefreshAsync(ct);
}
