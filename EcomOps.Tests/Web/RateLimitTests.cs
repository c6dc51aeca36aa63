using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Web;

/// <summary>
/// The console with small limits, so that they are reached in a test: 6 sign-in posts per client and 10 minutes,
/// 3 failed sign-ins per client, a lock after 5 failures for one e-mail, 3 survey pages and 3 order posts per key;
/// 203.0.200.1 is a known proxy. Each test speaks from addresses of its own.
/// </summary>
public sealed class LimitedHost : IDisposable
{
    public OpsWebFactory Factory { get; } = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["RateLimiting:SignIn:PermitLimit"] = "6",
            ["RateLimiting:SignIn:Window"] = "00:10:00",
            ["RateLimiting:SignIn:FailuresPerClient"] = "3",
            ["RateLimiting:SignIn:LockoutThreshold"] = "5",
            ["RateLimiting:Survey:PermitLimit"] = "3",
            ["RateLimiting:Survey:Window"] = "00:10:00",
            ["RateLimiting:OrderApi:PermitLimit"] = "3",
            ["RateLimiting:OrderApi:Window"] = "00:10:00",
            ["ForwardedHeaders:KnownProxies:0"] = "203.0.200.1",
        },
    };

    public void Dispose() => Factory.Dispose();
}

public sealed partial class RateLimitTests(LimitedHost host) : IClassFixture<LimitedHost>
{
    private const string Failed = "Sign-in failed: the email or password is wrong, or this sign-in is not active.";
    private const string Locked = "this sign-in is locked for 15 minutes";
    private const string TooMany = "Too many attempts";
    private readonly OpsWebFactory _factory = host.Factory;

    private static IPAddress Address(int network, int host) => IPAddress.Parse($"203.0.{network}.{host}");

    private Task<HttpResponseMessage> SignInFromAsync(IPAddress from, string email, string password = "Demo#2026") =>
        _factory.SignInAsync(_factory.NewClientFrom(from), email, password);

    private async Task HireAsync(string email)
    {
        var outcome = await _factory.Services.GetRequiredService<EmployeeDirectory>().CreateAsync(Actor.System, new EmployeeForm
        {
            EmployeeNumber = email.Split('@')[0].Replace(".", "", StringComparison.Ordinal),
            FullName = email,
            Email = email,
            Role = Roles.CsAgent,
            HireDate = new DateOnly(2026, 1, 5),
            Password = "welcome123",
        });
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors.Select(e => e.Code)));
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_identical_answer_in_the_same_time()
    {
        _ = _factory.Server;
        var wrong = await SignInFromAsync(Address(1, 1), "designer@ecomops.local", "Wrong#2026");
        var unknown = await SignInFromAsync(Address(1, 2), "nobody.here@ecomops.local", "Wrong#2026");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Contains(Failed, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            Comparable(await wrong.Content.ReadAsStringAsync(), "designer@ecomops.local"),
            Comparable(await unknown.Content.ReadAsStringAsync(), "nobody.here@ecomops.local"));

        // Before, an unknown e-mail answered in a few milliseconds and a known one after a password hash (~0.4 s here).
        var known = new List<double>();
        var nobody = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            known.Add(await TimeAsync(Address(2, i), "designer@ecomops.local"));
            nobody.Add(await TimeAsync(Address(3, i), $"nobody{i}@ecomops.local"));
        }
        var (knownMedian, nobodyMedian) = (known.Order().ElementAt(1), nobody.Order().ElementAt(1));
        Assert.True(nobodyMedian >= knownMedian * 0.5, $"unknown e-mail {nobodyMedian:F0} ms, wrong password {knownMedian:F0} ms");
    }

    private async Task<double> TimeAsync(IPAddress from, string email)
    {
        var client = _factory.NewClientFrom(from);
        var page = await client.GetStringAsync("/Account/Login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = "Wrong#2026",
        });
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsync("/Account/Login", form);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return elapsed;
    }

    /// <summary>
    /// The page with what legitimately differs taken out: the e-mail typed, echoed in its field, the token, and Blazor's
    /// encrypted component state (fresh nonce per response).
    /// </summary>
    private static string Comparable(string page, string email) =>
        ComponentState().Replace(Token().Replace(page, "token"), "state").Replace($"value=\"{email}\"", "value=\"EMAIL\"", StringComparison.Ordinal);

    [Fact]
    public async Task Sign_in_posts_beyond_the_per_client_limit_are_answered_429_with_retry_after_and_a_page_that_says_so()
    {
        var office = Address(4, 1);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync(office, "agent@ecomops.local")).StatusCode);
        }

        var refused = await SignInFromAsync(office, "agent@ecomops.local");
        var elsewhere = await SignInFromAsync(Address(4, 2), "agent@ecomops.local");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains(TooMany, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit_and_no_one_else_can_choose_an_address()
    {
        Task<HttpResponseMessage> SignInAsync(IPAddress from, string forwardedFor)
        {
            var client = _factory.NewClientFrom(from);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return _factory.SignInAsync(client, "agent@ecomops.local");
        }
        var proxy = Address(200, 1);
        var stranger = Address(201, 1);
        var first = new List<HttpStatusCode>();
        var spoofed = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            first.Add((await SignInAsync(proxy, "198.51.100.1")).StatusCode);
            spoofed.Add((await SignInAsync(stranger, $"198.51.101.{i}")).StatusCode);
        }

        var second = await SignInAsync(proxy, "198.51.100.2");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 6), HttpStatusCode.TooManyRequests], first);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 6), HttpStatusCode.TooManyRequests], spoofed);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
    }

    [Fact]
    public async Task A_colleagues_account_is_not_locked_by_failed_attempts_from_a_limited_client()
    {
        await HireAsync("colleague.one@ecomops.local");
        var outsider = Address(5, 1);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await SignInFromAsync(outsider, "colleague.one@ecomops.local", $"guess{i}-2026"));
        }

        var colleague = await SignInFromAsync(Address(5, 2), "colleague.one@ecomops.local", "welcome123");

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers.Skip(3), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.True(answers[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains(TooMany, await answers[3].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
    }

    [Fact]
    public async Task Failures_from_several_clients_lock_a_sign_in_and_an_unknown_email_is_answered_the_same_way()
    {
        await HireAsync("lock.me@ecomops.local");
        async Task<string> FailFiveTimesAsync(string email, int network)
        {
            var last = "";
            for (var i = 0; i < 5; i++)
            {
                last = await (await SignInFromAsync(Address(network, i / 3), email, "nope12345")).Content.ReadAsStringAsync();
            }
            return last;
        }

        var realFifth = await FailFiveTimesAsync("lock.me@ecomops.local", 6);
        var unknownFifth = await FailFiveTimesAsync("not.a.colleague@ecomops.local", 7);
        var rightPassword = await SignInFromAsync(Address(6, 9), "lock.me@ecomops.local", "welcome123");

        Assert.Contains(Locked, realFifth, StringComparison.Ordinal);
        Assert.Contains(Locked, unknownFifth, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains(Locked, await rightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_anonymous_survey_page_is_limited_per_client()
    {
        var client = _factory.NewClientFrom(Address(8, 1));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/survey/guess-{i}")).StatusCode);
        }

        var refused = await client.GetAsync("/survey/guess-3");
        var elsewhere = await _factory.NewClientFrom(Address(8, 2)).GetAsync("/survey/guess-4");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains(TooMany, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_order_api_is_limited_per_api_key_and_answers_problem_json()
    {
        _ = _factory.Server;
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var channels = await db.SalesChannels.OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
        var desk = _factory.Services.GetRequiredService<ChannelDesk>();
        var first = (await desk.IssueKeyAsync(Actor.System, channels[0])).Value!;
        var second = (await desk.IssueKeyAsync(Actor.System, channels[1])).Value!;
        async Task<HttpResponseMessage> PostAsync(string key)
        {
            var client = _factory.NewClientFrom(Address(9, 1));
            client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
            return await client.PostAsync("/api/orders", new StringContent("{\"platformOrderId\": ", Encoding.UTF8, "application/json"));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(first)).StatusCode);
        }
        var refused = await PostAsync(first);
        var otherKey = await PostAsync(second);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("TooManyRequests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.BadRequest, otherKey.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex ComponentState();
}
