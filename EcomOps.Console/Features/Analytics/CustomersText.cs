using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics.Customers;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Analytics;

/// <summary>The customer analysis in words: the reason behind a next-purchase prediction.</summary>
public static class CustomersText
{
    public static string NextReason(IStringLocalizer<UiText> l, DisplayFormat format, CustomerProfile c) =>
        (c.NextCategory, c.NextFrom, c.NextTo, c.NextLastBought, c.NextGapDays, c.NextBasis) switch
        {
            ({ } category, { } from, { } to, { } last, { } gap, NextPurchaseBasis.OwnInterval) =>
                l["Customers.NextOwn", category, c.NextTimes ?? 0, gap, format.Date(last), format.Date(from), format.Date(to)],
            ({ } category, { } from, { } to, { } last, { } gap, NextPurchaseBasis.CategoryInterval) =>
                l["Customers.NextCategoryBasis", category, format.Date(last), gap, format.Date(from), format.Date(to)],
            _ => l["Customers.NoNext"],
        };
}
