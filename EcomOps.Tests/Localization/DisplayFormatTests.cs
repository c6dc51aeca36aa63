using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics;
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

    [Theory]
    [InlineData("zh-Hans", "2026年12月", "2026年第49周", "2026年第4季度", "2026年", "2026/12/05", "12/05", "12月")]
    [InlineData("en", "Dec 2026", "Week 49, 2026", "Q4 2026", "2026", "05 Dec 2026", "05 Dec", "Dec")]
    public void A_reporting_period_is_named_the_way_its_reader_says_it_not_by_its_iso_code(
        string culture, string month, string week, string quarter, string year, string day, string axisDay, string axisMonth)
    {
        var format = new DisplayFormat(new CompanyTime(Clock, CompanyTime.FindZone("Asia/Shanghai")));
        var saturday = new DateOnly(2026, 12, 5);

        Assert.Equal(month, InCulture(culture, () => format.Period(ReportPeriod.Containing(PeriodKind.Month, saturday))));
        Assert.Equal(week, InCulture(culture, () => format.Period(ReportPeriod.Containing(PeriodKind.Week, saturday))));
        Assert.Equal(quarter, InCulture(culture, () => format.Period(ReportPeriod.Containing(PeriodKind.Quarter, saturday))));
        Assert.Equal(year, InCulture(culture, () => format.Period(ReportPeriod.Containing(PeriodKind.Year, saturday))));
        Assert.Equal(day, InCulture(culture, () => format.Period(ReportPeriod.Containing(PeriodKind.Day, saturday))));
        Assert.Equal(axisDay, InCulture(culture, () => format.AxisLabel(ReportPeriod.Containing(PeriodKind.Day, saturday))));
        Assert.Equal(axisMonth, InCulture(culture, () => format.AxisLabel(ReportPeriod.Containing(PeriodKind.Month, saturday))));
        // Files keep the stable code.
        Assert.Equal("2026-12", ReportPeriod.Containing(PeriodKind.Month, saturday).Label);
    }
}
