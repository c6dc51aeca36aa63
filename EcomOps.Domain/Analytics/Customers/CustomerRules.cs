namespace EcomOps.Domain.Analytics.Customers;

/// <summary>The named segments customers fall into by their RFM scores (first match in <see cref="RfmScoring.SegmentOf"/>'s order).</summary>
public enum CustomerSegment
{
    Vip,
    New,
    Active,
    AtRisk,
    Hibernating,
    Lost,
}

/// <summary>One customer's orders as RFM needs them: days since the last order, number of orders, net spend in fen.</summary>
public sealed record CustomerHistory(int DaysSinceLastOrder, int Orders, long SpendCents);

/// <summary>A customer's three scores (1–5 each) and the segment they make.</summary>
public sealed record RfmScore(int Recency, int Frequency, int Monetary, CustomerSegment Segment);

/// <summary>
/// RFM scoring with fixed, explainable boundaries (a score never moves because other customers changed):
/// recency — last order at most 14 days ago 5, 30 days 4, 60 days 3, 90 days 2, older 1;
/// frequency — orders 10+ 5, 5+ 4, 3+ 3, 2 2, one 1;
/// monetary — net spend ¥5,000+ 5, ¥2,000+ 4, ¥800+ 3, ¥300+ 2, less 1.
/// Segments, first match: Lost (recency 1: nothing for over 90 days); VIP (recency ≥ 4, frequency ≥ 4, monetary ≥ 4);
/// New (one order, recency ≥ 4); Active (recency ≥ 4); At risk (recency 2–3 and two orders or more: bought again
/// and again, not lately); Hibernating (recency 2–3 and a single order).
/// </summary>
public static class RfmScoring
{
    public static readonly int[] RecencyDays = [14, 30, 60, 90];
    public static readonly int[] FrequencyOrders = [10, 5, 3, 2];
    public static readonly long[] MonetaryCents = [500_000, 200_000, 80_000, 30_000];

    public static RfmScore Score(CustomerHistory customer)
    {
        var recency = 5 - RecencyDays.TakeWhile(d => customer.DaysSinceLastOrder > d).Count();
        var frequency = 5 - FrequencyOrders.TakeWhile(n => customer.Orders < n).Count();
        var monetary = 5 - MonetaryCents.TakeWhile(c => customer.SpendCents < c).Count();
        return new RfmScore(recency, frequency, monetary, SegmentOf(recency, frequency, monetary, customer.Orders));
    }

    public static CustomerSegment SegmentOf(int recency, int frequency, int monetary, int orders) => recency switch
    {
        1 => CustomerSegment.Lost,
        >= 4 when frequency >= 4 && monetary >= 4 => CustomerSegment.Vip,
        >= 4 when orders == 1 => CustomerSegment.New,
        >= 4 => CustomerSegment.Active,
        _ when orders >= 2 => CustomerSegment.AtRisk,
        _ => CustomerSegment.Hibernating,
    };
}

/// <summary>"Who buys <see cref="ProductId"/> also buys <see cref="ThenProductId"/>": how often and how surely.</summary>
/// <param name="Support">Orders with both ÷ all orders.</param>
/// <param name="Confidence">Orders with both ÷ orders with <see cref="ProductId"/>.</param>
/// <param name="Lift">Confidence ÷ the share of orders with <see cref="ThenProductId"/>: above 1, buying one makes the other likelier.</param>
public sealed record BasketRule(int ProductId, int ThenProductId, int BothOrders, double Support, double Confidence, double Lift);

/// <summary>
/// Association rules between two products from orders' baskets (the distinct products of each order). A pair is kept
/// when at least <paramref name="minOrders"/> orders hold both and the rule's confidence reaches <paramref name="minConfidence"/>;
/// both directions of a pair are separate rules (their confidence differs).
/// </summary>
public static class BasketAnalysis
{
    public static IReadOnlyList<BasketRule> Rules(IEnumerable<IReadOnlyCollection<int>> baskets, int minOrders = 3, double minConfidence = 0.05)
    {
        var orders = 0;
        var single = new Dictionary<int, int>();
        var pairs = new Dictionary<(int, int), int>();
        foreach (var basket in baskets)
        {
            orders++;
            var items = basket.Distinct().Order().ToArray();
            foreach (var item in items)
            {
                single[item] = single.GetValueOrDefault(item) + 1;
            }
            for (var i = 0; i < items.Length; i++)
            {
                for (var j = i + 1; j < items.Length; j++)
                {
                    var key = (items[i], items[j]);
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                }
            }
        }
        var rules = new List<BasketRule>();
        foreach (var ((a, b), both) in pairs)
        {
            if (both < minOrders)
            {
                continue;
            }
            foreach (var (from, to) in new[] { (a, b), (b, a) })
            {
                var confidence = (double)both / single[from];
                if (confidence >= minConfidence)
                {
                    rules.Add(new BasketRule(from, to, both, (double)both / orders, confidence, confidence / ((double)single[to] / orders)));
                }
            }
        }
        return rules.OrderByDescending(r => r.Confidence).ThenByDescending(r => r.BothOrders).ThenBy(r => r.ProductId).ThenBy(r => r.ThenProductId).ToList();
    }
}

/// <summary>How many of a first-order cohort ordered again <see cref="MonthIndex"/> months after their first month (0: the first month itself).</summary>
public sealed record CohortCount(DateOnly CohortMonth, int MonthIndex, int Customers);

/// <summary>
/// First-order cohorts with retention by month: a customer belongs to the month of their first order, and counts in
/// month N of their cohort when they ordered in the N-th calendar month after it (several orders in a month count once).
/// </summary>
public static class CohortAnalysis
{
    /// <summary>Each customer's order months (as <see cref="MonthKey"/>); the cohorts' counts, oldest cohort first.</summary>
    public static IReadOnlyList<CohortCount> Retention(IEnumerable<IReadOnlyCollection<int>> customersMonths)
    {
        var counts = new Dictionary<(int Cohort, int Index), int>();
        foreach (var months in customersMonths)
        {
            if (months.Count == 0)
            {
                continue;
            }
            var first = months.Min();
            foreach (var month in months.Distinct())
            {
                var key = (first, month - first);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        return counts.OrderBy(c => c.Key.Cohort).ThenBy(c => c.Key.Index)
            .Select(c => new CohortCount(FromKey(c.Key.Cohort), c.Key.Index, c.Value)).ToList();
    }

    public static int MonthKey(DateOnly day) => day.Year * 12 + day.Month - 1;

    public static DateOnly FromKey(int key) => new(key / 12, key % 12 + 1, 1);
}
