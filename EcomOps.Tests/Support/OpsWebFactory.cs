using System.Net;
using System.Text.RegularExpressions;
using EcomOps.Domain.DemoData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace EcomOps.Tests.Support;

/// <summary>
/// The whole console on a test server (or real Kestrel for the browser) with its own SQLite file — or its own
/// PostgreSQL database when the run is on PostgreSQL (<see cref="TestDatabases.Default"/>) — in Development, with the
/// minimal demo data: one sign-in per role. <see cref="Settings"/> override the console's configuration.
/// </summary>
public sealed partial class OpsWebFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();

    /// <summary>Settings over the console's own (a property, not a constructor argument: xunit fixtures take none).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Development (minimal demo data, one sign-in per role) unless a test starts the console as a company would.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Services put over the console's own after it registered them (a fake clock, say).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? TestServices { get; init; }

    private string? _postgres;

    /// <summary>The engine of the run, or SQLite for a test about SQLite itself.</summary>
    public EcomOps.Domain.Data.DatabaseProvider Provider { get; init; } = TestDatabases.Default;

    public string ConnectionString => Provider == EcomOps.Domain.Data.DatabaseProvider.PostgreSql
        // A migrated, empty database of its own: the console makes its demo data at start, on its own clock, as on SQLite.
        ? _postgres ??= PostgresServer.CreateFromTemplateAsync("migrated", DomainHarness.MigrateOnlyAsync).GetAwaiter().GetResult()
        : $"Data Source={_folder.File("console.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Ops", ConnectionString);
        builder.UseSetting("DemoData:Size", nameof(DemoSize.Minimal));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (TestServices is { } services)
        {
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services);
        }
    }

    /// <summary>A client that does not follow redirects, so a refusal is seen as the status the server sent.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A client whose requests come from <paramref name="address"/> (the test server has no network, so it says where a
    /// request came from the way Kestrel would), keeping its cookies in <paramref name="cookies"/> where a test can read them.
    /// Does not follow redirects.
    /// </summary>
    public HttpClient NewClientFrom(IPAddress? address, CookieContainer? cookies = null) =>
        new(new CookieContainerHandler(cookies ?? new CookieContainer())
        {
            InnerHandler = Server.CreateHandler(context => context.Connection.RemoteIpAddress = address),
        })
        {
            BaseAddress = ClientOptions.BaseAddress,
        };

    /// <summary>Signs in through the real sign-in form (antiforgery token and all); the client keeps the cookie.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = DemoDataGenerator.DemoPassword)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = NewClient();
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
            if (_postgres is not null)
            {
                PostgresServer.DropAsync(_postgres).GetAwaiter().GetResult();
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
