using EcomOps.Domain.DemoData;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EcomOps.Tests.Browser;

/// <summary>
/// What every journey needs: a page in a context of its own (closed after the test), signing in through the real
/// form, and waiting for the Blazor circuit before touching interactive parts. Browser errors go to the test output.
/// </summary>
public abstract class BrowserJourney(BrowserHost host, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _browserErrors = [];

    protected BrowserHost Host => host;

    protected ITestOutputHelper Output => output;

    protected IReadOnlyList<string> BrowserErrors => _browserErrors;

    /// <summary>A new page in a new context: no cookies, English browser. Skips or fails when there is no browser.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await host.NewContextAsync();
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => _browserErrors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Add($"console error: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>
    /// Waiting for a page's address waits for the answer to arrive, not for its load event: once a CI run saw the
    /// address and network idle but no load event within 30 s. What the test needs next (the circuit, a locator) waits for itself.
    /// </summary>
    public static PageWaitForURLOptions Committed => new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>Signs in on /Account/Login and waits until the home page is interactive.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password = DemoDataGenerator.DemoPassword)
    {
        await SubmitSignInAsync(page, email, password);
        // The address is polled, not waited for as a navigation: a CI run timed out in WaitForURL with the home page
        // already on screen. When the redirect has landed before the wait starts, Playwright waits for a load state
        // of that finished navigation instead, which never came.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"^https?://[^/]+/(\?.*)?$"),
            new PageAssertionsToHaveURLOptions { Timeout = (float)TimeSpan.FromSeconds(60).TotalMilliseconds });
        await WaitForCircuitAsync(page);
    }

    /// <summary>Fills and submits the sign-in form without waiting for where it leads.</summary>
    protected static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        if (new Uri(page.Url).AbsolutePath != "/Account/Login")
        {
            await page.GotoAsync("Account/Login");
        }
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
    }

    /// <summary>The layout sets a hidden marker after its first interactive render; prerendered HTML cannot be clicked yet.</summary>
    protected static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("#circuit-ready[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Where each page ended and what it told its user (messages, alerts, field errors, the reconnect banner). xunit shows a
    /// test's output only when it fails, so a journey that timed out on a busy CI machine says what the screen showed.
    /// </summary>
    private async Task DescribeLastStateAsync(IPage page)
    {
        try
        {
            var told = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('.mud-snackbar, .mud-alert, .mud-input-error .mud-input-helper-text, #components-reconnect-modal, #blazor-error-ui')]
                    .filter(e => e.offsetParent !== null || getComputedStyle(e).display !== 'none')
                    .map(e => e.innerText.trim()).filter(t => t.length > 0)
                """);
            output.WriteLine($"last page: {page.Url}");
            foreach (var text in told)
            {
                output.WriteLine($"  on screen: {text.ReplaceLineEndings(" ")}");
            }
        }
        catch (PlaywrightException error)
        {
            output.WriteLine($"last page: {page.Url} (could not be read: {error.Message})");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var error in _browserErrors)
        {
            output.WriteLine(error);
        }
        foreach (var context in _contexts)
        {
            foreach (var page in context.Pages)
            {
                await DescribeLastStateAsync(page);
            }
            await context.CloseAsync();
        }
    }
}
