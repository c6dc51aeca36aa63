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
        Assert.Equal("11/28/2026 1:30 AM", InCulture("en", () => format.DateTime(utc)).Replace((char)0x202F, (char)0x20));
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
