using System.Net;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Web;

public sealed class AccessTests(OpsWebFactoryFixture fixture) : IClassFixture<OpsWebFactoryFixture>
{
    private readonly OpsWebFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/employees")]
    [InlineData("/admin/audit")]
    [InlineData("/not-a-page")]
    public async Task Anonymous_visitor_to_a_page_is_sent_to_sign_in(string path)
    {
        var response = await _factory.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs/recurring")]
    public async Task Anonymous_request_to_the_jobs_dashboard_is_refused_with_401(string path)
    {
        var response = await _factory.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_hub_negotiation_is_refused_with_401()
    {
        var response = await _factory.NewClient().PostAsync("/hubs/ops/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_200_without_sign_in_and_names_no_secrets()
    {
        var response = await _factory.NewClient().GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"jobs\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Data Source", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=", body, StringComparison.Ordinal);
        // The embedded default's engines: the SQLite file, jobs in memory, live changes within this server; on
        // PostgreSQL the jobs are in the database too.
        Assert.Contains(_factory.Provider == Domain.Data.DatabaseProvider.Sqlite
            ? "\"uses\":{\"database\":\"Sqlite\",\"jobs\":\"InMemory\",\"live\":\"ThisServer\"}"
            : "\"uses\":{\"database\":\"PostgreSql\",\"jobs\":\"PostgreSql\",\"live\":\"ThisServer\"}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_liveness_check_answers_200_without_sign_in_and_checks_nothing()
    {
        var response = await _factory.NewClient().GetAsync("/health/live");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"checks\":{}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_without_the_jobs_permission_is_shown_the_consoles_access_denied_page_not_a_bare_403()
    {
        using var client = await _factory.SignedInClientAsync("agent@ecomops.local");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_not_signed_in_is_sent_from_the_jobs_dashboard_to_sign_in()
    {
        using var client = _factory.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs/recurring")]
    public async Task Agent_is_refused_the_jobs_dashboard_with_403(string path)
    {
        var client = await _factory.SignedInClientAsync("agent@ecomops.local");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("admin@ecomops.local")]
    [InlineData("director@ecomops.local")]
    public async Task Admin_and_director_open_the_jobs_dashboard(string email)
    {
        var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync("/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("audit-retention", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/employees")]
    [InlineData("/admin/audit")]
    [InlineData("/service/sla")]
    public async Task Agent_is_shown_access_denied_on_admin_and_supervisor_pages(string path)
    {
        var client = await _factory.SignedInClientAsync("agent@ecomops.local");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CS_supervisor_opens_the_SLA_settings()
    {
        var client = await _factory.SignedInClientAsync("cssupervisor@ecomops.local");

        var response = await client.GetAsync("/service/sla");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Admin_opens_the_employee_page()
    {
        var client = await _factory.SignedInClientAsync("admin@ecomops.local");

        var response = await client.GetAsync("/admin/employees");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>One console for a test class: starting a host costs about a second.</summary>
public sealed class OpsWebFactoryFixture : IDisposable
{
    public OpsWebFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
