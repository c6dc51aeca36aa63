using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>Signing in, landing on the right home page, and being kept out of pages the role may not use.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class SignInJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task Cs_agent_signs_in_and_lands_on_their_home_page()
    {
        var page = await NewPageAsync();

        await SignInAsync(page, "agent@ecomops.local");

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("[data-testid=home-greeting]")).ToHaveTextAsync("Hello, 刘洋 Liu Yang");
        await Expect(page.Locator("[data-testid=home-role]")).ToContainTextAsync("CS agent");
        await Expect(page.Locator("[data-testid=user-role]")).ToContainTextAsync("CS agent");
        var nav = page.Locator("[data-testid=nav]");
        await Expect(nav).ToContainTextAsync("Home");
        await Expect(nav.Locator("[data-testid=nav-employees]")).ToHaveCountAsync(0);
        await Expect(nav).Not.ToContainTextAsync("Employees");
        await Expect(nav.Locator("a[href='/admin/employees']")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Designer_who_opens_the_employee_page_is_shown_access_denied()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "designer@ecomops.local");

        await page.GotoAsync("admin/employees");

        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=access-denied]")).ToContainTextAsync("Designer");
        await Expect(page.Locator("[data-testid=employee-table]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=employee-new]")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Designer_who_navigates_inside_the_console_to_the_employee_page_is_shown_access_denied()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "designer@ecomops.local");

        // Interactive routing (no new HTTP request): the router's own not-authorized view must refuse the page.
        await page.EvaluateAsync("() => Blazor.navigateTo('/admin/employees')");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/employees", BrowserJourney.Committed);

        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=employee-table]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=nav]")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Wrong_password_shows_the_failure_message_and_stays_on_the_sign_in_page()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("Account/Login");

        await SubmitSignInAsync(page, "agent@ecomops.local", "not-the-password");

        var error = page.Locator("[data-testid=login-error]");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("Sign-in failed");
        Assert.Equal("/Account/Login", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#email")).ToHaveValueAsync("agent@ecomops.local");
        await Expect(page.Locator("#password")).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == "EcomOps.Auth");
    }
}
