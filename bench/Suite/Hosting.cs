using System.Diagnostics;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace EcomOps.Bench;

/// <summary>Signed-in browser contexts and tabs on the console.</summary>
internal static class Browsers
{
    /// <summary>A context signed in as <paramref name="email"/> through the real form; its pages share the sign-in cookie.</summary>
    public static async Task<IBrowserContext> SignedInAsync(IBrowser browser, Uri console, string email)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = console.ToString(), Locale = "en-US", TimezoneId = "Asia/Shanghai", ViewportSize = new ViewportSize { Width = 1366, Height = 850 },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoDataGenerator.DemoPassword);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.CloseAsync();
        return context;
    }

    /// <summary>The sign-in cookie of a context, as a Cookie header for a SignalR client.</summary>
    public static async Task<string> CookieHeaderAsync(IBrowserContext context) =>
        string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));

    /// <summary>Opens <paramref name="count"/> tabs on <paramref name="path"/>, each with its own circuit, waiting for each to be interactive.</summary>
    public static async Task<List<IPage>> OpenTabsAsync(IBrowserContext context, string path, int count, int atOnce = 10)
    {
        var pages = new List<IPage>();
        for (var start = 0; start < count; start += atOnce)
        {
            var batch = await Task.WhenAll(Enumerable.Range(start, Math.Min(atOnce, count - start)).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                await page.Locator("#circuit-ready[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
                return page;
            }));
            pages.AddRange(batch);
        }
        return pages;
    }
}

/// <summary>Runs this benchmark program again as a child process (a separate client, or a clean measurement of memory).</summary>
internal static class Child
{
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Child).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return Process.Start(info)!;
    }

    /// <summary>Reads the child's output until a line starts with <paramref name="prefix"/>.</summary>
    public static async Task<string> WaitForAsync(Process child, string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await child.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
            System.Console.WriteLine($"    child: {line}");
        }
        throw new InvalidOperationException($"The child ended before saying '{prefix}'.");
    }
}

/// <summary>The Domain alone on a migrated SQLite file, registered as the console registers it (no web, no jobs).</summary>
internal static class DomainOnly
{
    public static async Task<ServiceProvider> StartAsync(string database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOpsDomain(_ => $"Data Source={database}");
        services.AddCompanyTime("Asia/Shanghai");
        var provider = services.BuildServiceProvider();
        await OpsDbSetup.MigrateAsync(provider.GetRequiredService<IDbContextFactory<OpsDb>>());
        return provider;
    }
}
