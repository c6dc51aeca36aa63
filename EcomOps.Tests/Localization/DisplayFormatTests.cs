using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Time;
using Microsoft.Extensions.Time.Testing;

namespace EcomOps.Tests.Localization;

public sealed class DisplayFormatTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero));

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_utc_time_is_shown_in_the_company_time_zone_in_the_users_culture()
    {
        var format = new DisplayFormat(new CompanyTime(Clock, CompanyTime.FindZone("Asia/Shanghai")));
        var utc = new DateTime(2026, 11, 27, 17, 30, 0, DateTimeKind.Utc);

        Assert.Equal("2026/11/28 01:30", InCulture("zh-Hans", () => format.DateTime(utc)));
        Assert.Equal("28 Nov 2026 01:30", InCulture("en", () => format.DateTime(utc)));
    }

    [Theory]
    [InlineData("zh-Hans", "2026/11/28 01:30", "2026/03/05", "01:30")]
    [InlineData("zh-CN", "2026/11/28 01:30", "2026/03/05", "01:30")]
    [InlineData("en", "28 Nov 2026 01:30", "05 Mar 2026", "01:30")]
    [InlineData("en-US", "28 Nov 2026 01:30", "05 Mar 2026", "01:30")]
    public void One_date_format_per_language_whatever_the_regional_settings(string culture, string dateTime, string date, string time)
    {
        var format = new DisplayFormat(new CompanyTime(Clock, CompanyTime.FindZone("Asia/Shanghai")));
        var utc = new DateTime(2026, 11, 27, 17, 30, 0, DateTimeKind.Utc);
        var console = DisplayFormat.ConsoleCulture(culture);

        Assert.Equal(dateTime, InCulture(culture, () => format.DateTime(utc)));
        Assert.Equal(date, InCulture(culture, () => format.Date(new DateOnly(2026, 3, 5))));
        Assert.Equal(time, InCulture(culture, () => format.Time(utc)));
        // The culture request localization hands out (so "d", "g" and the date pickers agree with the lists).
        Assert.Equal(date, new DateTime(2026, 3, 5).ToString("d", console));
        Assert.Equal(dateTime, new DateTime(2026, 11, 28, 1, 30, 0).ToString("g", console));
        Assert.Equal(InCulture(culture, () => format.DatePattern), console.DateTimeFormat.ShortDatePattern);
        Assert.Equal($"{date} – {date}", InCulture(culture, () => format.DayRange(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5))));
    }

    [Fact]
    public void The_company_day_begins_at_midnight_in_its_zone_not_in_utc()
    {
        var time = new CompanyTime(Clock, CompanyTime.FindZone("Asia/Shanghai"));

        Assert.Equal(new DateOnly(2026, 11, 28), time.Today);
        Assert.Equal(new DateTime(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc), time.ToUtc(new DateTime(2026, 11, 28)));
    }

    [Fact]
    public void Money_is_shown_as_yuan_with_thousands_separators_in_both_languages()
    {
        var format = new DisplayFormat(new CompanyTime(Clock, CompanyTime.FindZone(null)));

        Assert.Equal("¥1,299.00", InCulture("zh-Hans", () => format.Money(1299m)));
        Assert.Equal("¥1,299.50", InCulture("en", () => format.Money(1299.5m)));
    }
}
