using EcomOps.Domain.DemoData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        // Every connection's output is timed: when a render batch's bytes leave Kestrel for the socket (RenderSends).
        UseKestrel(options =>
        {
            options.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
            {
                var transport = connection.Transport;
                connection.Transport = new TimedPipe(transport, Sends);
                try
                {
                    await next(connection);
                }
                finally
                {
                    connection.Transport = transport;
                }
            }));
            options.Listen(System.Net.IPAddress.Loopback, 0);
        });
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

    /// <summary>When the console's circuits handed a render batch to their connection (Blazor's own debug event), newest last.</summary>
    public RenderSends Sends { get; } = new();

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
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Sends);
            logging.AddFilter<RenderSends>(RenderSends.Category, LogLevel.Debug);
        });
    }
}

/// <summary>
/// Notes the instant each circuit hands a render batch to its connection (Blazor's RemoteRenderer logs it at debug level):
/// the server's part of a tab's delay, apart from the way to the tab and the tab's own work. It notes only while
/// <see cref="Recording"/> (the push part): the other parts' hundreds of thousands of flushes are not kept.
/// </summary>
internal sealed class RenderSends : ILoggerProvider, ILogger
{
    public const string Category = "Microsoft.AspNetCore.Components.Server.Circuits.RemoteRenderer";

    private readonly ConcurrentQueue<long> _sent = new();
    private readonly ConcurrentQueue<long> _wire = new();

    /// <summary>Whether hand-overs and flushes are noted now.</summary>
    public bool Recording { get; set; }

    /// <summary>The instants (Unix milliseconds) at which a connection flushed a frame of a render batch's size (16 bytes or more: more than a keep-alive ping; an order board's batch compresses to a few dozen bytes, under the 40 this first took) towards its socket.</summary>
    public List<long> OnWireSince(long fromMs) => _wire.Where(t => t >= fromMs).Order().ToList();

    internal void Flushed()
    {
        if (Recording)
        {
            _wire.Enqueue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>The instants (Unix milliseconds) of the batches sent at or after <paramref name="fromMs"/>.</summary>
    public List<long> Since(long fromMs) => _sent.Where(t => t >= fromMs).Order().ToList();

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (Recording && formatter(state, exception).StartsWith("Sending render batch", StringComparison.Ordinal))
        {
            _sent.Enqueue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
    }

    public bool IsEnabled(LogLevel logLevel) => Recording && logLevel >= LogLevel.Debug;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public void Dispose()
    {
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

/// <summary>A connection's transport whose output notes when 16 bytes or more are flushed at once (more than a keep-alive ping;
/// an order board's batch compresses to a few dozen bytes).</summary>
internal sealed class TimedPipe(System.IO.Pipelines.IDuplexPipe inner, RenderSends sends) : System.IO.Pipelines.IDuplexPipe
{
    public System.IO.Pipelines.PipeReader Input => inner.Input;

    public System.IO.Pipelines.PipeWriter Output { get; } = new TimedWriter(inner.Output, sends);

    private sealed class TimedWriter(System.IO.Pipelines.PipeWriter inner, RenderSends sends) : System.IO.Pipelines.PipeWriter
    {
        private const int MinBatchBytes = 16;

        private long _written;

        public override void Advance(int bytes)
        {
            _written += bytes;
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<System.IO.Pipelines.FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            if (_written >= MinBatchBytes)
            {
                sends.Flushed();
            }
            _written = 0;
            return inner.FlushAsync(cancellationToken);
        }

        // Kestrel's response writer asks for these (System.Text.Json flushes by them): the transport's own answers.
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }
}
