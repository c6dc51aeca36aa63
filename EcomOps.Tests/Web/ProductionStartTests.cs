using System.Net;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Web;

public sealed class ProductionStartTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly WebApplicationFactory<Program> _factory;

    public ProductionStartTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Ops", $"Data Source={_folder.File("prod.db")}");
            b.UseSetting("Bootstrap:AdminEmail", "it@example.com");
            b.UseSetting("Bootstrap:AdminPassword", "First#Admin2026");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
    }

    public void Dispose()
    {
        _factory.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Outside_development_there_are_no_demo_users_and_the_first_admin_comes_from_configuration()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var loginPage = await client.GetStringAsync("/Account/Login");
        var directory = _factory.Services.GetRequiredService<EmployeeDirectory>();

        var everyone = await directory.SearchAsync(new EmployeeQuery());

        Assert.DoesNotContain("agent@ecomops.local", loginPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo#2026", loginPage, StringComparison.Ordinal);
        var admin = Assert.Single(everyone.Items);
        Assert.Equal(("it@example.com", Roles.Admin), (admin.Email, admin.Role));
    }

    [Fact]
    public void An_open_page_cleans_up_its_closed_popovers_every_ten_seconds_not_twice_a_second()
    {
        // MudBlazor's clean-up timer runs in every circuit that has shown a menu or select, idle or not (see Program).
        var popovers = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MudBlazor.PopoverOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(10), popovers.QueueDelay);
    }

    [Fact]
    public async Task The_configured_first_admin_can_sign_in()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = "it@example.com",
            ["Input.Password"] = "First#Admin2026",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
