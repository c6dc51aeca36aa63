using EcomOps.Console.Components.Layout;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Web;

/// <summary>The console's colours reach every page from one shared copy of the theme's style sheet.</summary>
public sealed class ThemeStylesTests(OpsWebFactoryFixture fixture) : IClassFixture<OpsWebFactoryFixture>
{
    private readonly OpsWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task A_signed_in_page_carries_the_theme_colours_of_the_console_in_its_first_html()
    {
        var client = await _factory.SignedInClientAsync("agent@ecomops.local");

        var page = await client.GetStringAsync("/");

        // The light palette's primary (#1565c0) as MudBlazor writes its variables.
        Assert.Contains("--mud-palette-primary: rgba(21,101,192,1);", page, StringComparison.Ordinal);
        Assert.Contains("--mud-palette-appbar-background: rgba(13,71,161,1);", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dark_sheet_has_the_dark_palette_and_every_circuit_shares_one_copy_of_each()
    {
        var styles = _factory.Services.GetRequiredService<ThemeStyles>();

        var light = styles.For(dark: false).Value;
        var dark = styles.For(dark: true).Value;

        Assert.Contains("--mud-palette-primary: rgba(100,181,246,1);", dark, StringComparison.Ordinal);
        Assert.DoesNotContain("--mud-palette-primary: rgba(21,101,192,1);", dark, StringComparison.Ordinal);
        Assert.Same(light, styles.For(dark: false).Value);
        Assert.Same(dark, styles.For(dark: true).Value);
    }
}
