namespace EcomOps.Domain.Campaigns;

/// <summary>A sales peak of the Chinese e-commerce year. The UI names each <c>Campaign.Peak.{Name}</c>.</summary>
public enum SalesPeakKind
{
    SpringFestival,
    MidYear618,
    Double11,
    Double12,
}

public sealed record SalesPeak(SalesPeakKind Kind, DateOnly Date);

/// <summary>The peaks the campaign calendar marks: 618, Double 11 and Double 12 by date, Spring Festival by the lunar calendar.</summary>
public static class SalesPeaks
{
    // 春节 (the first day of the lunar year) has no simple rule in the Gregorian calendar.
    private static readonly Dictionary<int, DateOnly> SpringFestival = new()
    {
        [2024] = new(2024, 2, 10), [2025] = new(2025, 1, 29), [2026] = new(2026, 2, 17), [2027] = new(2027, 2, 6),
        [2028] = new(2028, 1, 26), [2029] = new(2029, 2, 13), [2030] = new(2030, 2, 3), [2031] = new(2031, 1, 23),
    };

    public static IReadOnlyList<SalesPeak> Of(int year)
    {
        var peaks = new List<SalesPeak>();
        if (SpringFestival.TryGetValue(year, out var festival))
        {
            peaks.Add(new SalesPeak(SalesPeakKind.SpringFestival, festival));
        }
        peaks.Add(new SalesPeak(SalesPeakKind.MidYear618, new DateOnly(year, 6, 18)));
        peaks.Add(new SalesPeak(SalesPeakKind.Double11, new DateOnly(year, 11, 11)));
        peaks.Add(new SalesPeak(SalesPeakKind.Double12, new DateOnly(year, 12, 12)));
        return peaks;
    }
}
