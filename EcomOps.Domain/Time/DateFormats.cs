using System.Globalization;

namespace EcomOps.Domain.Time;

/// <summary>
/// One date and time format per language wherever a person reads a time — the screens (through the Console's
/// display format) and the workbooks (as the number format of real Excel date cells): 2026/11/28 14:05 in Chinese,
/// 28 Nov 2026 14:05 in English, a 24-hour clock in both.
/// </summary>
public static class DateFormats
{
    /// <summary>24-hour clock in both languages: a shift that ends at 18:00 is never "6:00 PM" on one screen and "18:00" on another.</summary>
    public const string TimePattern = "HH:mm";

    public static string DatePattern(CultureInfo culture) => IsChinese(culture) ? "yyyy/MM/dd" : "dd MMM yyyy";

    /// <summary>
    /// Excel's number format for a date and time as <see cref="DatePattern"/> and <see cref="TimePattern"/> show it.
    /// Excel reads its codes in either case; a slash is escaped, or Excel would show the machine's date separator.
    /// </summary>
    public static string ExcelDateTime(CultureInfo culture) =>
        $"{DatePattern(culture)} {TimePattern}".ToLowerInvariant().Replace("/", "\\/", StringComparison.Ordinal);

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";
}
