using System.Collections.Concurrent;
using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Time;

namespace EcomOps.Console.Localization;

/// <summary>
/// How the console shows times and money: in the company time zone, amounts in CNY, and one date and time format
/// per language everywhere — lists, the audit trail, periods and the date pickers (<see cref="Culture"/>,
/// <see cref="DatePattern"/>) — whatever the machine's or the browser's regional settings say.
/// </summary>
public sealed class DisplayFormat(CompanyTime time)
{
    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase);

    public const string TimePattern = DateFormats.TimePattern;

    /// <summary>The date pattern of the reader's language: 2026/11/28 in Chinese, 28 Nov 2026 in English.</summary>
    public string DatePattern => DatePatternOf(CultureInfo.CurrentCulture);

    /// <summary>The reader's culture with the console's date and time patterns, for pickers and for formatting.</summary>
    public CultureInfo Culture => ConsoleCulture(CultureInfo.CurrentCulture.Name);

    /// <summary>A stored UTC time as the company's local date and time, e.g. 2026/11/28 01:30 or 28 Nov 2026 01:30.</summary>
    public string DateTime(DateTime utc) => time.ToLocal(utc).ToString($"{DatePattern} {TimePattern}", Culture);

    public string Date(DateOnly date) => date.ToString(DatePattern, Culture);

    /// <summary>The company's local day of a stored UTC time, where the hour would only crowd a column.</summary>
    public string Date(DateTime utc) => Date(DateOnly.FromDateTime(time.ToLocal(utc)));

    /// <summary>A company day's local time of day, e.g. 14:05.</summary>
    public string Time(DateTime utc) => time.ToLocal(utc).ToString(TimePattern, Culture);

    /// <summary>The days a period covers, both included: "2026/10/01 – 2026/10/31".</summary>
    public string DayRange(DateOnly first, DateOnly last) => $"{Date(first)} – {Date(last)}";

    /// <summary>
    /// A reporting period as its reader says it: "Dec 2026" or "2026年12月", "Week 49, 2026" or "2026年第49周", "Q4 2026" or
    /// "2026年第4季度"; a day or a custom span by its dates. <see cref="ReportPeriod.Label"/> stays the stable name of files.
    /// </summary>
    public string Period(ReportPeriod period)
    {
        var chinese = DateFormats.IsChinese(CultureInfo.CurrentCulture);
        var start = period.Start.ToDateTime(TimeOnly.MinValue);
        return period.Kind switch
        {
            PeriodKind.Day => Date(period.Start),
            PeriodKind.Week => chinese
                ? $"{ISOWeek.GetYear(start)}年第{ISOWeek.GetWeekOfYear(start)}周"
                : $"Week {ISOWeek.GetWeekOfYear(start)}, {ISOWeek.GetYear(start)}",
            PeriodKind.Month => start.ToString(chinese ? "yyyy年M月" : "MMM yyyy", Culture),
            PeriodKind.Quarter => chinese ? $"{start.Year}年第{(start.Month - 1) / 3 + 1}季度" : $"Q{(start.Month - 1) / 3 + 1} {start.Year}",
            PeriodKind.Year => chinese ? $"{start.Year}年" : start.Year.ToString(CultureInfo.InvariantCulture),
            _ => DayRange(period.Start, period.LastDay),
        };
    }

    /// <summary>A chart axis's short name of a day ("05 Dec", "12/05") or, on a year's chart, of a month ("Dec", "12月").</summary>
    public string AxisLabel(ReportPeriod bucket) => bucket.Start.ToString(
        (bucket.Kind, DateFormats.IsChinese(CultureInfo.CurrentCulture)) switch
        {
            (PeriodKind.Month, true) => "M月",
            (PeriodKind.Month, false) => "MMM",
            (_, true) => "MM/dd",
            _ => "dd MMM",
        }, Culture);

    public string Money(decimal amount)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "¥";
        return amount.ToString("C2", format);
    }

    public static string DatePatternOf(CultureInfo culture) => DateFormats.DatePattern(culture);

    /// <summary>
    /// The culture the console runs a language in: the language's own, with the console's date and time patterns.
    /// Request localization hands these out, so "d", "g" and MudBlazor's pickers follow the same format.
    /// </summary>
    public static CultureInfo ConsoleCulture(string name) => Cultures.GetOrAdd(name, n =>
    {
        var culture = (CultureInfo)new CultureInfo(n).Clone();
        var dates = culture.DateTimeFormat;
        dates.ShortDatePattern = DatePatternOf(culture);
        dates.ShortTimePattern = TimePattern;
        dates.LongTimePattern = TimePattern + ":ss";
        return CultureInfo.ReadOnly(culture);
    });
}
