using System.Net;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Tests.Support;
using EcomOps.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Design;

/// <summary>Who may open the design studio's pages through the web host, and which actions a page offers whom.</summary>
public sealed class DesignAccessTests(OpsWebFactoryFixture fixture) : IClassFixture<OpsWebFactoryFixture>
{
    private readonly OpsWebFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("/design/board")]
    [InlineData("/design/specs")]
    [InlineData("/design/requests/1")]
    public async Task Anonymous_visitor_to_a_design_page_is_sent_to_sign_in(string path)
    {
        var response = await _factory.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("designer@ecomops.local", "/design/specs")]
    [InlineData("agent@ecomops.local", "/design/board")]
    [InlineData("cssupervisor@ecomops.local", "/design/requests/1")]
    public async Task A_role_without_the_permission_is_shown_access_denied(string email, string path)
    {
        using var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_designer_opens_the_board_but_a_request_in_review_offers_them_no_supervisor_action()
    {
        int inReview;
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            inReview = await db.Set<DesignRequest>().Where(r => r.State == DesignState.InReview).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }
        using var designer = await _factory.SignedInClientAsync("designer@ecomops.local");
        using var supervisor = await _factory.SignedInClientAsync("designsupervisor@ecomops.local");

        Assert.Equal(HttpStatusCode.OK, (await designer.GetAsync("/design/board")).StatusCode);
        var designerPage = await designer.GetStringAsync($"/design/requests/{inReview}");
        var supervisorPage = await supervisor.GetStringAsync($"/design/requests/{inReview}");

        Assert.Contains("data-testid=\"design-number\"", designerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"design-approve\"", designerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"design-assign\"", designerPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"design-approve\"", supervisorPage, StringComparison.Ordinal);
    }
}
