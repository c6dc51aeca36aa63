using System.Collections.Concurrent;
using System.Globalization;
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

    public string ZoneName => time.Zone.Id;

    /// <summary>The date pattern of the reader's language: 2026/11/28 in Chinese, 28 Nov 2026 in English.</summary>
    public string DatePattern => DatePatternOf(CultureInfo.CurrentCulture);

    /// <summary>The reader's culture with the console's date and time patterns, for pickers and for formatting.</summary>
    public CultureInfo Culture => ConsoleCulture(CultureInfo.CurrentCulture.Name);

    /// <summary>A stored UTC time as the company's local date and time, e.g. 2026/11/28 01:30 or 28 Nov 2026 01:30.</summary>
    public string DateTime(DateTime utc) => time.ToLocal(utc).ToString($"{DatePattern} {TimePattern}", Culture);

    public string Date(DateOnly date) => date.ToString(DatePattern, Culture);

    /// <summary>A company day's local time of day, e.g. 14:05.</summary>
    public string Time(DateTime utc) => time.ToLocal(utc).ToString(TimePattern, Culture);

    /// <summary>The days a period covers, both included: "2026/10/01 – 2026/10/31".</summary>
    public string DayRange(DateOnly first, DateOnly last) => $"{Date(first)} – {Date(last)}";

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
