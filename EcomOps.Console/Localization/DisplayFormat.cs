using System.Globalization;
using EcomOps.Domain.Time;

namespace EcomOps.Console.Localization;

/// <summary>How the console shows times and money: in the company time zone, in the user's culture, amounts in CNY.</summary>
public sealed class DisplayFormat(CompanyTime time)
{
    public string ZoneName => time.Zone.Id;

    /// <summary>A stored UTC time as the company's local date and time, e.g. 2026-11-27 14:05 or 2026/11/27 14:05.</summary>
    public string DateTime(DateTime utc) => time.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    public string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public string Money(decimal amount)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "¥";
        return amount.ToString("C2", format);
    }
}
