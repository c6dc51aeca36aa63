using System.Text.RegularExpressions;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>
/// A live page in the user's language. A class (and console) of its own: it saves the agent's language (Chinese) in
/// the database, which would change what other journeys signing in as the agent see.
/// </summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed partial class LiveLanguageJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    private static readonly string[] ChinesePriorities = ["低", "普通", "高", "紧急"];
    private static readonly string[] ChineseStatuses = ["新建", "处理中", "等待客户", "已解决", "已关闭"];
    private static readonly string[] ChineseBadges = ["正常", "即将超时", "已超时", "已暂停", "已达成", "无时限"];

    [SkippableFact]
    public async Task A_Chinese_page_stays_Chinese_after_a_live_change()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "agent@ecomops.local");
        await page.Locator("[data-testid=language-menu] summary").First.ClickAsync();
        await page.Locator("[data-testid=lang-zh]").ClickAsync();
        await Expect(page.Locator("[data-testid=nav]")).ToContainTextAsync("首页");
        await WaitForCircuitAsync(page);

        // A ticket already waiting when the page opens: the live render re-draws its row too.
        var desk = Host.Services.GetRequiredService<TicketDesk>();
        var waiting = await CreateAsync(desk, TicketChannel.Hotline, TicketCategories.ProductQuestion, TicketPriority.Normal, "这个尺码偏大吗");

        await page.GotoAsync("service/queue");
        await WaitForCircuitAsync(page);
        var table = page.Locator("[data-testid=queue-table]");
        var pager = table.Locator(".mud-table-pagination-caption").Last;
        await Expect(pager).ToHaveTextAsync(PagerTotal());
        await Expect(table.Locator($"[data-testid=queue-row-{waiting}]")).ToBeVisibleAsync();
        var before = Total(await pager.InnerTextAsync());

        // Another actor files two tickets; the open queue shows each without a reload. The second one's row proves
        // the page has finished re-rendering for the first (its table and then the page itself).
        var first = await CreateAsync(desk, TicketChannel.Email, TicketCategories.ReturnsRefunds, TicketPriority.High, "申请退货，尺码不合适");
        var firstRow = table.Locator("tbody tr").Filter(new() { Has = page.Locator($"[data-testid=queue-row-{first}]") });
        await Expect(firstRow).ToBeVisibleAsync();
        var second = await CreateAsync(desk, TicketChannel.OnlineChat, TicketCategories.Shipping, TicketPriority.Urgent, "快递三天没有更新");
        var secondRow = table.Locator("tbody tr").Filter(new() { Has = page.Locator($"[data-testid=queue-row-{second}]") });
        await Expect(secondRow).ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = ShotPath("chinese-queue-after-live-change.png"), FullPage = true });

        // What the live renders wrote, read once (no waiting for a later render to correct it): the new rows in
        // Chinese words (UI culture) and Chinese date format (culture), e.g. 2026/12/5 20:08, not 12/5/2026 8:08 PM.
        var firstText = await firstRow.InnerTextAsync();
        Output.WriteLine(firstText);
        foreach (var word in new[] { "高", "新建", "邮件", "退换货与退款", "认领" })
        {
            Assert.Contains(word, firstText, StringComparison.Ordinal);
        }
        foreach (var word in new[] { "High", "New", "Email", "Returns", "Claim" })
        {
            Assert.DoesNotContain(word, firstText, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Matches(ChineseDateTime(), firstText);
        Assert.DoesNotMatch(EnglishDateTime(), firstText);
        var secondText = await secondRow.InnerTextAsync();
        foreach (var word in new[] { "紧急", "新建", "在线客服", "物流配送", "认领" })
        {
            Assert.Contains(word, secondText, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(EnglishDateTime(), secondText);

        // Every row the live render re-drew, old and new: cells labelled in Chinese (the label is rendered with the
        // row), chips and statuses Chinese, never a mix of 高 and Normal.
        var rows = await table.Locator("tbody tr").CountAsync();
        var priorities = await table.Locator("td[data-label=优先级]").AllInnerTextsAsync();
        var statuses = await table.Locator("td[data-label=状态]").AllInnerTextsAsync();
        Assert.True(rows >= 3, $"{rows} rows");
        Assert.Equal(rows, priorities.Count);
        Assert.Equal(rows, statuses.Count);
        Assert.All(priorities, p => Assert.Contains(p.Trim(), ChinesePriorities));
        Assert.All(statuses, s => Assert.Contains(s.Trim(), ChineseStatuses));
        var badges = await table.Locator("[data-testid=sla-countdown]").EvaluateAllAsync<string[]>(
            "els => els.map(e => e.getAttribute('title') || e.textContent.trim())");
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Contains(b, ChineseBadges));
        Assert.All(await table.Locator("[data-testid^=claim-]").AllInnerTextsAsync(), c => Assert.Equal("认领", c.Trim()));
        Assert.Equal(before + 2, Total(await pager.InnerTextAsync()));
        var waitingText = await table.Locator("tbody tr").Filter(new() { Has = page.Locator($"[data-testid=queue-row-{waiting}]") }).InnerTextAsync();
        Assert.Contains("普通", waitingText, StringComparison.Ordinal);
        Assert.Contains("热线电话", waitingText, StringComparison.Ordinal);
        Assert.DoesNotContain("Normal", waitingText, StringComparison.OrdinalIgnoreCase);

        // The page around the table, re-rendered after each change.
        await Expect(page.Locator("h4").First).ToHaveTextAsync("工单队列");
        await Expect(page.Locator("[data-testid=queue-scope]")).ToContainTextAsync("未分配");
        await Expect(page.Locator("[data-testid=queue-scope]")).Not.ToContainTextAsync("Unassigned");
        await Expect(page.Locator("[data-testid=nav]")).Not.ToContainTextAsync("Home");
        await Expect(table.Locator("thead")).ToContainTextAsync("剩余时间");
        Assert.Empty(BrowserErrors);
    }

    private static async Task<string> CreateAsync(TicketDesk desk, TicketChannel channel, string category, TicketPriority priority, string subject)
    {
        var created = await desk.CreateAsync(Actor.System, new TicketForm
        {
            Channel = channel,
            CustomerName = "王喆",
            CustomerContact = "13812345678",
            Subject = subject,
            Category = category,
            Priority = priority,
            Message = subject,
        });
        Assert.True(created.Value > 0, "the ticket was not created");
        return $"T{created.Value:D6}";
    }

    private static int Total(string pager)
    {
        var match = PagerTotal().Match(pager);
        Assert.True(match.Success, $"not a Chinese pager: '{pager}'");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static string ShotPath(string name)
    {
        Directory.CreateDirectory("/tmp/journey-shots");
        return Path.Combine("/tmp/journey-shots", name);
    }

    [GeneratedRegex(@"共 (\d+) 条")]
    private static partial Regex PagerTotal();

    [GeneratedRegex(@"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}")]
    private static partial Regex ChineseDateTime();

    [GeneratedRegex(@"\d{1,2}/\d{1,2}/\d{4}|\b[AP]M\b")]
    private static partial Regex EnglishDateTime();
}
