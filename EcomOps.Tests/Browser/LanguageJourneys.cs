using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>
/// The language choice. A class (and console) of its own: it saves the agent's language in the database, which
/// would change what other journeys signing in as the agent see.
/// </summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class LanguageJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task Switching_to_Chinese_shows_Chinese_navigation_and_the_choice_is_kept_for_the_user()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "agent@ecomops.local");
        var nav = page.Locator("[data-testid=nav]");
        await Expect(nav).ToContainTextAsync("Home");

        await page.Locator("[data-testid=language-menu] summary").First.ClickAsync();
        await page.Locator("[data-testid=lang-zh]").ClickAsync();

        // The item goes through /culture, which reloads this page: the URL is the same before and after, so wait
        // for the Chinese page itself, then for its circuit.
        await Expect(nav).ToContainTextAsync("首页");
        await WaitForCircuitAsync(page);
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(nav).Not.ToContainTextAsync("Home");
        await Expect(page.Locator("[data-testid=home-role]")).ToContainTextAsync("客服专员");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");

        // A reload keeps it (the culture cookie).
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await Expect(nav).ToContainTextAsync("首页");

        // Signing in again on another browser (a new context: no auth or culture cookie) keeps it: the choice is
        // saved for the user, not only in this browser's cookie. The other browser starts in English.
        var elsewhere = await NewPageAsync();
        await elsewhere.GotoAsync("Account/Login");
        await Expect(elsewhere.Locator("[data-testid=login-submit]")).ToHaveTextAsync("Sign in");
        await SignInAsync(elsewhere, "agent@ecomops.local");
        await Expect(elsewhere.Locator("[data-testid=nav]")).ToContainTextAsync("首页");
        await Expect(elsewhere.Locator("[data-testid=home-greeting]")).ToContainTextAsync("刘洋 Liu Yang");
    }

    [SkippableFact]
    public async Task Sign_in_page_switches_to_Chinese_before_signing_in()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("Account/Login");

        await page.Locator("header [data-testid=lang-zh]").ClickAsync();

        // Blazor's enhanced navigation may fetch /culture and patch the page in place: wait for the Chinese form.
        await Expect(page.Locator("label[for=email]")).ToHaveTextAsync("邮箱");
        await Expect(page.Locator("[data-testid=login-submit]")).ToHaveTextAsync("登录");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
    }
}
