namespace EcomOps.Domain.Analytics.Customers;

/// <summary>What a purchase preference is about. The UI names each <c>Customers.Kind.{Name}</c>.</summary>
public enum PreferenceKind
{
    Category,
    Brand,
    PriceBand,
}

/// <summary>A label (category, brand or price band) and the share of spend that went to it.</summary>
public sealed record PreferenceShare(PreferenceKind Kind, string Label, long SpendCents, double Share);

/// <summary>One order line as preferences read it: what it was (each may be unknown) and its net value in fen.</summary>
public sealed record PurchaseLine(string? Category, string? Brand, string? PriceBand, long NetCents);

/// <summary>
/// Spend per category, brand and price band of one customer (or of a segment, by adding customers): each label's share
/// is its spend ÷ all the spend counted (lines the catalogue cannot place count in the whole, never as a label), so
/// the shares of a kind add up to at most 100%. Labels are interned as small numbers by the caller (<see cref="LabelTable"/>).
/// </summary>
public sealed class SpendTally
{
    private readonly Dictionary<int, long>[] _byKind = [new(), new(), new()];

    public long TotalCents { get; private set; }

    public void Add(int? category, int? brand, int? priceBand, long netCents)
    {
        if (netCents <= 0)
        {
            return;
        }
        TotalCents += netCents;
        Add(PreferenceKind.Category, category, netCents);
        Add(PreferenceKind.Brand, brand, netCents);
        Add(PreferenceKind.PriceBand, priceBand, netCents);
    }

    public void Add(SpendTally other)
    {
        TotalCents += other.TotalCents;
        for (var k = 0; k < _byKind.Length; k++)
        {
            foreach (var (label, cents) in other._byKind[k])
            {
                _byKind[k][label] = _byKind[k].GetValueOrDefault(label) + cents;
            }
        }
    }

    /// <summary>The <paramref name="top"/> labels of a kind with the most spend (ties: the label's name, ordinal), with their shares.</summary>
    public IReadOnlyList<PreferenceShare> Top(PreferenceKind kind, int top, LabelTable labels) =>
        TotalCents == 0
            ? []
            : _byKind[(int)kind].Select(x => (Label: labels[x.Key], Cents: x.Value))
                .OrderByDescending(x => x.Cents).ThenBy(x => x.Label, StringComparer.Ordinal).Take(top)
                .Select(x => new PreferenceShare(kind, x.Label, x.Cents, (double)x.Cents / TotalCents)).ToList();

    private void Add(PreferenceKind kind, int? label, long cents)
    {
        if (label is { } l)
        {
            var map = _byKind[(int)kind];
            map[l] = map.GetValueOrDefault(l) + cents;
        }
    }
}

/// <summary>Labels as small numbers, so a million lines are tallied without a string per line.</summary>
public sealed class LabelTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _labels = [];

    public string this[int id] => _labels[id];

    public int? Id(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }
        if (!_ids.TryGetValue(label, out var id))
        {
            _ids[label] = id = _labels.Count;
            _labels.Add(label);
        }
        return id;
    }
}

/// <summary>A customer's (or segment's) preferences: the top labels of each kind by share of spend.</summary>
public sealed record PurchasePreferences(IReadOnlyList<PreferenceShare> Categories, IReadOnlyList<PreferenceShare> Brands, IReadOnlyList<PreferenceShare> PriceBands)
{
    /// <summary>How many labels of each kind are kept per customer and per segment.</summary>
    public const int Top = 3;

    public static PurchasePreferences Of(IEnumerable<PurchaseLine> lines, int top = Top)
    {
        var labels = new LabelTable();
        var tally = new SpendTally();
        foreach (var line in lines)
        {
            tally.Add(labels.Id(line.Category), labels.Id(line.Brand), labels.Id(line.PriceBand), line.NetCents);
        }
        return From(tally, labels, top);
    }

    public static PurchasePreferences From(SpendTally tally, LabelTable labels, int top = Top) =>
        new(tally.Top(PreferenceKind.Category, top, labels), tally.Top(PreferenceKind.Brand, top, labels), tally.Top(PreferenceKind.PriceBand, top, labels));

    public IEnumerable<PreferenceShare> All => Categories.Concat(Brands).Concat(PriceBands);
}

/// <summary>A purchase of a category on a day (several lines of the category in a day count once).</summary>
public readonly record struct CategoryPurchase(int DayNumber, int Category);

/// <summary>Whose repeat interval a prediction uses.</summary>
public enum NextPurchaseBasis
{
    /// <summary>The customer bought the category at least twice: the median of their own gaps.</summary>
    OwnInterval,

    /// <summary>The customer bought it once: the median gap of every customer who bought it again.</summary>
    CategoryInterval,
}

/// <summary>
/// The category a customer is expected to buy next and when: between <see cref="FromDay"/> and <see cref="ToDay"/>
/// (day numbers, both included), <see cref="GapDays"/> after they last bought it on <see cref="LastDay"/>.
/// </summary>
public sealed record NextPurchase(int Category, int FromDay, int ToDay, int LastDay, int GapDays, NextPurchaseBasis Basis, int Times);

/// <summary>How the model did when the last weeks were hidden, against the naive baseline on the same customers and windows.</summary>
public sealed record BacktestResult(int Evaluated, int ModelHits, int BaselineHits)
{
    public double? ModelRate => Evaluated == 0 ? null : (double)ModelHits / Evaluated;

    public double? BaselineRate => Evaluated == 0 ? null : (double)BaselineHits / Evaluated;
}

/// <summary>
/// The next likely purchase, by category repeat intervals — explainable in one sentence:
/// for each category a customer bought, the interval is the median of their own gaps between purchase days of it, or,
/// bought once, the median gap of all customers who bought it again (no such customer: no interval). It is due the
/// interval after they last bought it; the window is the due day ± a quarter of the interval (at least
/// <see cref="MinHalfWindowDays"/> days), moved to start the next day when the due day has passed. A category missed
/// by more than a whole interval past its due day is no longer expected. The prediction is the expected category whose
/// window opens first (ties: the one bought more often, then the lower label number).
/// Back-test: hide the purchases after a cutoff, compute the intervals and predictions from what came before, and
/// count a hit when the customer bought the predicted category inside the window (up to the end of the data); the
/// naive baseline predicts each customer's most bought category (most purchase days, then the latest) in the same window.
/// Only customers whose window opens within the hidden weeks are counted.
/// </summary>
public static class NextPurchaseModel
{
    public const int MinHalfWindowDays = 7;

    /// <summary>How many weeks at the end of the data the back-test hides.</summary>
    public const int BacktestWeeks = 8;

    /// <summary>The median of gaps (the mean of the middle two, rounded half up, for an even count); null when none.</summary>
    public static int? Median(List<int> gaps)
    {
        if (gaps.Count == 0)
        {
            return null;
        }
        gaps.Sort();
        var mid = gaps.Count / 2;
        return gaps.Count % 2 == 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid] + 1) / 2;
    }

    /// <summary>Each category's median gap across customers, from purchases before <paramref name="beforeDay"/> (exclusive).</summary>
    public static Dictionary<int, int> CategoryGaps(IEnumerable<IReadOnlyList<CategoryPurchase>> customers, int beforeDay = int.MaxValue)
    {
        var gaps = new Dictionary<int, List<int>>();
        foreach (var purchases in customers)
        {
            foreach (var (category, days) in DaysByCategory(purchases, beforeDay))
            {
                for (var i = 1; i < days.Count; i++)
                {
                    if (!gaps.TryGetValue(category, out var list))
                    {
                        gaps[category] = list = [];
                    }
                    list.Add(days[i] - days[i - 1]);
                }
            }
        }
        return gaps.ToDictionary(g => g.Key, g => Median(g.Value)!.Value);
    }

    /// <summary>The prediction as of <paramref name="asOfDay"/> from the purchases up to it (later ones are ignored); null when nothing repeats.</summary>
    public static NextPurchase? Predict(IReadOnlyList<CategoryPurchase> purchases, int asOfDay, IReadOnlyDictionary<int, int> categoryGaps)
    {
        NextPurchase? best = null;
        foreach (var (category, days) in DaysByCategory(purchases, asOfDay + 1))
        {
            var own = new List<int>(days.Count);
            for (var i = 1; i < days.Count; i++)
            {
                own.Add(days[i] - days[i - 1]);
            }
            var (gap, basis) = Median(own) is { } m ? (m, NextPurchaseBasis.OwnInterval) : (categoryGaps.GetValueOrDefault(category), NextPurchaseBasis.CategoryInterval);
            if (gap <= 0)
            {
                continue;
            }
            var last = days[^1];
            var due = last + gap;
            if (due + gap < asOfDay + 1)
            {
                continue;
            }
            var half = Math.Max(MinHalfWindowDays, gap / 4);
            var from = Math.Max(asOfDay + 1, due - half);
            var candidate = new NextPurchase(category, from, from + 2 * half, last, gap, basis, days.Count);
            if (best is null || candidate.FromDay < best.FromDay
                || (candidate.FromDay == best.FromDay && (candidate.Times > best.Times || (candidate.Times == best.Times && candidate.Category < best.Category))))
            {
                best = candidate;
            }
        }
        return best;
    }

    /// <summary>The naive baseline: the category bought on the most days up to <paramref name="asOfDay"/> (ties: bought last, then the lower number).</summary>
    public static int? MostBought(IReadOnlyList<CategoryPurchase> purchases, int asOfDay) =>
        DaysByCategory(purchases, asOfDay + 1).OrderByDescending(c => c.Days.Count).ThenByDescending(c => c.Days[^1]).ThenBy(c => c.Category)
            .Select(c => (int?)c.Category).FirstOrDefault();

    /// <summary>Hides the purchases after <paramref name="cutoffDay"/>, predicts from the rest, and scores against what was bought up to <paramref name="endDay"/>.</summary>
    public static BacktestResult Backtest(IReadOnlyCollection<IReadOnlyList<CategoryPurchase>> customers, int cutoffDay, int endDay)
    {
        var gaps = CategoryGaps(customers, cutoffDay + 1);
        var (evaluated, hits, baselineHits) = (0, 0, 0);
        foreach (var purchases in customers)
        {
            if (Predict(purchases, cutoffDay, gaps) is not { } next || next.FromDay > endDay)
            {
                continue;
            }
            evaluated++;
            var to = Math.Min(next.ToDay, endDay);
            if (Bought(purchases, next.Category, next.FromDay, to))
            {
                hits++;
            }
            if (MostBought(purchases, cutoffDay) is { } naive && Bought(purchases, naive, next.FromDay, to))
            {
                baselineHits++;
            }
        }
        return new BacktestResult(evaluated, hits, baselineHits);
    }

    private static bool Bought(IReadOnlyList<CategoryPurchase> purchases, int category, int from, int to)
    {
        foreach (var p in purchases)
        {
            if (p.Category == category && p.DayNumber >= from && p.DayNumber <= to)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Each category's distinct purchase days before <paramref name="beforeDay"/>, ascending.</summary>
    private static List<(int Category, List<int> Days)> DaysByCategory(IReadOnlyList<CategoryPurchase> purchases, int beforeDay)
    {
        var result = new List<(int Category, List<int> Days)>();
        foreach (var p in purchases)
        {
            if (p.DayNumber >= beforeDay)
            {
                continue;
            }
            var found = result.FindIndex(r => r.Category == p.Category);
            if (found < 0)
            {
                result.Add((p.Category, [p.DayNumber]));
            }
            else if (!result[found].Days.Contains(p.DayNumber))
            {
                result[found].Days.Add(p.DayNumber);
            }
        }
        foreach (var (_, days) in result)
        {
            days.Sort();
        }
        return result;
    }
}
