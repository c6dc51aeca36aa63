using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EcomOps.Console.Components.Layout;

/// <summary>
/// The theme's style sheet (MudBlazor's CSS variables for <see cref="OpsTheme"/>), light and dark, made once per process by
/// MudBlazor's own <see cref="MudThemeProvider"/> and shared by every circuit. A provider in each circuit built its own
/// 25 KB copy of the same text, kept its own palettes and a script link, on every page: about 35 KB of each circuit's
/// memory (a heap dump of 200 order-board circuits).
/// </summary>
public sealed class ThemeStyles(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<(string Light, string Dark)> _sheets = new(() => Task.Run(() => BuildAsync(scopes, loggers)).GetAwaiter().GetResult());

    /// <summary>The <c>&lt;style&gt;</c> markup for the light or the dark palette.</summary>
    public MarkupString For(bool dark) => new(dark ? _sheets.Value.Dark : _sheets.Value.Light);

    private static async Task<(string, string)> BuildAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return (await RenderAsync(renderer, dark: false), await RenderAsync(renderer, dark: true));
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, bool dark) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MudThemeProvider.Theme)] = OpsTheme.Theme,
            [nameof(MudThemeProvider.IsDarkMode)] = dark,
        });
        return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
    });
}
