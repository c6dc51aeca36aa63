using EcomOps.Domain.DemoData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcomOps.Bench.Shared;

/// <summary>
/// The console as it runs (Development, demo data of the given size, its own SQLite file), on real Kestrel: what the
/// benchmark suite and the screenshot tour start. A database that already holds data is used as it is.
/// </summary>
internal sealed class ConsoleHost : WebApplicationFactory<global::Program>
{
    private readonly string _database;
    private readonly DemoSize _size;

    public ConsoleHost(string database, DemoSize size)
    {
        (_database, _size) = (database, size);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ECOMOPS_CONSOLE", Path.Combine(Repository.Root, "EcomOps.Console"));
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var uri = new UriBuilder(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
        {
            uri.Host = "127.0.0.1";
        }
        uri.Path = "/";
        Address = uri.Uri;
    }

    public Uri Address { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Ops", $"Data Source={_database}");
        builder.UseSetting("DemoData:Size", _size.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        // The suite measures what the console can take in; the order API's per-key limit (600 requests a minute by
        // default) would otherwise answer the 8 writers with 429 once intake is faster than that.
        builder.UseSetting("RateLimiting:OrderApi:PermitLimit", "1000000");
    }
}

/// <summary>Debian's Chromium through Playwright, started as the browser journeys start it (never <c>playwright install</c>).</summary>
internal static class Chromium
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        // Background tabs must keep their timers and sockets running like the foreground one.
        "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows", "--disable-renderer-backgrounding",
    ];

    /// <summary>The browser, or null with the reason when there is no <c>chromium</c> on PATH.</summary>
    public static string? Missing => Find() is null ? "no 'chromium' on PATH: apt-get install -y chromium fonts-noto-cjk" : null;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var chromium = Find() ?? throw new InvalidOperationException(Missing);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = Args });
        return (playwright, browser);
    }

    private static string? Find() => Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
        .SelectMany(d => new[] { Path.Combine(d, "chromium"), Path.Combine(d, "chromium-browser") }).FirstOrDefault(File.Exists);
}

internal static class Repository
{
    /// <summary>The folder that holds EcomOps.sln, above the running program.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcomOps.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("EcomOps.sln not found above the program.");
    }
}
