using System.Net;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Web;

public sealed class SignInTests(OpsWebFactoryFixture fixture) : IClassFixture<OpsWebFactoryFixture>
{
    private const string Failed = "Sign-in failed: the email or password is wrong, or this sign-in is not active.";
    private readonly OpsWebFactory _factory = fixture.Factory;

    private async Task<EmployeeRow> HireAsync(string email)
    {
        var outcome = await _factory.Services.GetRequiredService<EmployeeDirectory>().CreateAsync(Actor.System, new EmployeeForm
        {
            EmployeeNumber = email.Split('@')[0],
            FullName = email,
            Email = email,
            Role = Roles.CsAgent,
            HireDate = new DateOnly(2026, 1, 5),
            Password = "welcome123",
        });
        return outcome.Value!;
    }

    [Fact]
    public async Task A_right_password_signs_in_and_lands_on_the_requested_page()
    {
        var response = await _factory.SignInAsync(_factory.NewClient(), "agent@ecomops.local");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("EcomOps.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_message()
    {
        var wrong = await _factory.SignInAsync(_factory.NewClient(), "designer@ecomops.local", "Wrong#2026");
        var unknown = await _factory.SignInAsync(_factory.NewClient(), "nobody@ecomops.local", "Wrong#2026");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(Failed, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Failed, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_an_employee_blocks_their_sign_in_and_ends_their_open_session()
    {
        var employee = await HireAsync("leaver@ecomops.local");
        var client = _factory.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await _factory.SignInAsync(client, "leaver@ecomops.local", "welcome123")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await _factory.Services.GetRequiredService<EmployeeDirectory>().UpdateAsync(Actor.System, employee.Id, new EmployeeForm
        {
            EmployeeNumber = employee.EmployeeNumber,
            FullName = employee.FullName,
            Email = employee.Email,
            Role = employee.Role,
            HireDate = employee.HireDate,
            Active = false,
            Version = employee.Version,
        });

        var openSession = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, openSession.StatusCode);
        Assert.StartsWith("/Account/Login", openSession.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var again = await _factory.SignInAsync(_factory.NewClient(), "leaver@ecomops.local", "welcome123");
        Assert.Contains(Failed, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The sign-out form sits in the user menu, which renders only in the live circuit, so the token is made here the way
    /// the page makes it: for this signed-in user, paired with the client's antiforgery cookie.
    /// </summary>
    private async Task<string> SignOutTokenAsync(CookieContainer cookies, string email)
    {
        using var scope = _factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByNameAsync(email);
        var context = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<OpsUser>>().CreateAsync(user!),
        };
        context.Request.Headers.Cookie = cookies.GetCookieHeader(_factory.ClientOptions.BaseAddress);
        return scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetTokens(context).RequestToken!;
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var cookies = new CookieContainer();
        var client = _factory.NewClientFrom(null, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await _factory.SignInAsync(client, "designer@ecomops.local")).StatusCode);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await SignOutTokenAsync(cookies, "designer@ecomops.local"),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused_and_the_user_stays_signed_in()
    {
        var cookies = new CookieContainer();
        var client = _factory.NewClientFrom(null, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await _factory.SignInAsync(client, "designer@ecomops.local")).StatusCode);
        var anothersToken = await SignOutTokenAsync(cookies, "agent@ecomops.local");

        var withoutToken = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "CfDJ8-forged",
        }));
        var someoneElses = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = anothersToken,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, someoneElses.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_lists_one_demo_user_per_role_in_development()
    {
        var page = await _factory.NewClient().GetStringAsync("/Account/Login");

        Assert.All(OrgDemoData.SignIns, s => Assert.Contains(s.Email, page, StringComparison.Ordinal));
        Assert.Contains("Demo#2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_chinese_is_remembered_in_a_cookie_and_shown_on_the_next_page()
    {
        var client = _factory.NewClient();

        var switched = await client.GetAsync("/culture?culture=zh-Hans&returnUrl=%2FAccount%2FLogin");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Login"));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/Login", switched.Headers.Location!.OriginalString);
        Assert.Contains("登录", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/culture?culture=fr&returnUrl=%2F", HttpStatusCode.BadRequest, null)]
    [InlineData("/culture?culture=en&returnUrl=https%3A%2F%2Fevil.example", HttpStatusCode.Redirect, "/")]
    public async Task The_language_switch_refuses_unknown_languages_and_foreign_redirects(string url, HttpStatusCode status, string? location)
    {
        var response = await _factory.NewClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }
}
