using Bunit;
using EcomOps.Console.Features.Service;
using EcomOps.Domain.Service;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Service;

/// <summary>The countdown chip's first text, as the server writes it before countdown.js takes over.</summary>
public sealed class SlaCountdownTests : IAsyncLifetime
{
    private readonly List<BunitContext> _contexts = [];
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartAsync();
        // 20 seconds past a minute, so the whole-minute count beyond ten minutes shows.
        _harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 2, 0, 20, TimeSpan.Zero));
    }

    public async Task DisposeAsync()
    {
        foreach (var ctx in _contexts)
        {
            await ctx.DisposeAsync();
        }
        await _harness.DisposeAsync();
    }

    [Theory]
    [InlineData(7 * 60 + 5, SlaBadge.Warning, "7:05")]
    [InlineData(9 * 60 + 59, SlaBadge.Warning, "9:59")]
    [InlineData(-(5 * 60 + 3), SlaBadge.Breached, "−5:03")]
    public void Within_ten_minutes_of_the_deadline_the_chip_counts_minutes_and_seconds(int secondsLeft, SlaBadge badge, string shown)
    {
        var chip = Render(TimeSpan.FromSeconds(secondsLeft), badge);

        Assert.Equal(shown, chip.Find(".countdown-text").TextContent);
    }

    [Theory]
    // Counted from the end of the minute the wall clock is in (02:01): 3h 12m 10s from 02:00:20 is 3h 11m 30s from 02:01,
    // so the chip never shows more time than is left, nor less lateness than there is.
    [InlineData(3 * 3600 + 12 * 60 + 10, SlaBadge.Ok, "3h 11m")]
    [InlineData(3600 + 60, SlaBadge.Ok, "1h 00m")]
    [InlineData(3600, SlaBadge.Ok, "59m")]
    [InlineData(42 * 60 + 7, SlaBadge.Ok, "41m")]
    [InlineData(-(25 * 60), SlaBadge.Breached, "−25m")]
    [InlineData(-(2 * 3600 + 5 * 60 + 30), SlaBadge.Breached, "−2h 06m")]
    [InlineData(2 * 86400 + 3 * 3600 + 60, SlaBadge.Ok, "2d 03h")]
    public void Beyond_ten_minutes_the_chip_shows_whole_minutes_hours_or_days_and_carries_its_patterns_to_the_script(int secondsLeft, SlaBadge badge, string shown)
    {
        var chip = Render(TimeSpan.FromSeconds(secondsLeft), badge);

        Assert.Equal(shown, chip.Find(".countdown-text").TextContent);
        Assert.Equal("{0}h {1}m", chip.Find("[data-due]").GetAttribute("data-hours"));
        Assert.Equal("{0}d {1}h", chip.Find("[data-due]").GetAttribute("data-days"));
        Assert.Equal("{0}m", chip.Find("[data-due]").GetAttribute("data-minutes"));
    }

    private IRenderedComponent<SlaCountdown> Render(TimeSpan left, SlaBadge badge)
    {
        var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton<TimeProvider>(_harness.Clock);
        _contexts.Add(ctx);
        var due = _harness.Clock.GetUtcNow().UtcDateTime + left;
        return ctx.Render<SlaCountdown>(p => p.Add(c => c.Due, due).Add(c => c.Badge, badge));
    }
}
