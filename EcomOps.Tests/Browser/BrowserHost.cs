using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcomOps.Tests.Browser;

/// <summary>
/// One console served on real Kestrel (a random local port, its own SQLite file) and one headless Chromium for a
/// test class. Each test opens its own <see cref="IBrowserContext"/> (cookies and storage of its own).
/// The browser is Debian's <c>chromium</c> found on PATH (never <c>playwright install</c>). Without it the journeys
/// are skipped with the reason, except under <c>CI=true</c>, where they fail.
/// </summary>
public class BrowserHost : IAsyncLifetime
{
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private OpsWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the console answers, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The console's services, for arranging data a journey starts from.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException(MissingBrowser ?? "The console is not started.");

    /// <summary>Why there is no browser (no <c>chromium</c> on PATH); null when there is one.</summary>
    public string? MissingBrowser { get; private set; }

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        // Expect(...) polls for 5 s by default: too short while the whole suite shares two cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        var chromium = FindOnPath("chromium") ?? FindOnPath("chromium-browser");
        if (chromium is null)
        {
            MissingBrowser = "no 'chromium' on PATH: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk) to run the browser journeys";
            return;
        }

        _factory = CreateConsole();
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = ListeningAddress(_factory.Services);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>The console the journeys of a class use: Development with the minimal demo data, one sign-in per role.</summary>
    protected virtual OpsWebFactory CreateConsole() => new();

    /// <summary>
    /// A fresh context (no cookies) on the console, English browser language. Skips the calling
    /// <c>[SkippableFact]</c> when there is no browser, or fails it under CI.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        if (MissingBrowser is not null)
        {
            if (UnderCi)
            {
                Assert.Fail($"CI=true but the browser journeys cannot run: {MissingBrowser}");
            }
            Skip.If(true, MissingBrowser);
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-US",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 850 },
        });
        // Generous on a busy 2-core machine; a healthy journey waits far less.
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private static Uri ListeningAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no addresses: is it Kestrel?");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No http address among: {string.Join(", ", addresses)}");
        // Kestrel may report a wildcard host; the browser needs a concrete one.
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            uri.Host = "127.0.0.1";
        }
        uri.Path = "/";
        return uri.Uri;
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>
/// The journey classes run one after another (each still with a console and browser of its own): two consoles,
/// two Chromiums and two Playwright drivers warming up at once on a 2-core machine make every journey slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserJourneysCollection
{
    public const string Name = "Browser journeys";
}
