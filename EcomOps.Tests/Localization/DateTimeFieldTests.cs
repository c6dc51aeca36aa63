using System.Globalization;
using Bunit;
using EcomOps.Console.Components.Shared;
using EcomOps.Console.Localization;
using EcomOps.Domain.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace EcomOps.Tests.Localization;

public sealed class DateTimeFieldTests
{
    [Theory]
    [InlineData("zh-Hans", "2026/12/07")]
    [InlineData("en", "07 Dec 2026")]
    public async Task A_date_and_time_are_shown_in_the_consoles_format_of_the_readers_language_not_the_browsers(string culture, string date)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = DisplayFormat.ConsoleCulture(culture);
        try
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices();
            ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
            ctx.Services.AddSingleton(new CompanyTime(new FakeTimeProvider(), CompanyTime.FindZone("Asia/Shanghai")));
            ctx.Services.AddSingleton<DisplayFormat>();
            ctx.Services.AddTransient<MudLocalizer, ConsoleMudLocalizer>();
            DateTime? picked = null;

            var field = ctx.Render<DateTimeField>(p => p
                .Add(f => f.Value, new DateTime(2026, 12, 7, 6, 23, 0))
                .Add(f => f.ValueChanged, (DateTime? v) => picked = v));

            Assert.Empty(field.FindAll("input[type=datetime-local]"));
            Assert.Equal(date, field.FindComponent<MudDatePicker>().Find("input").GetAttribute("value"));
            Assert.Equal("06:23", field.FindComponent<MudTimePicker>().Find("input").GetAttribute("value"));

            await field.InvokeAsync(() => field.FindComponent<MudTimePicker>().Instance.TimeChanged.InvokeAsync(new TimeSpan(18, 5, 0)));
            Assert.Equal(new DateTime(2026, 12, 7, 18, 5, 0), picked);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
