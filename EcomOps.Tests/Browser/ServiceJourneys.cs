using System.Diagnostics;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>Two agents on the live ticket queue.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class ServiceJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task Agent_claims_and_answers_a_ticket_while_another_agent_sees_it_leave_the_unassigned_queue_live()
    {
        var agentA = await NewPageAsync();
        var agentB = await NewPageAsync();
        await SignInAsync(agentA, "agent@ecomops.local");
        await SignInAsync(agentB, "cssupervisor@ecomops.local");

        var created = await Host.Services.GetRequiredService<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.OnlineChat,
            CustomerName = "李堃",
            CustomerContact = "13912345678",
            Subject = "快递三天没有更新",
            Category = TicketCategories.Shipping,
            Message = "<script>alert('x')</script> 我的包裹三天没有动了。",
        });
        var number = $"T{created.Value:D6}";

        await agentB.GotoAsync("service/queue");
        await WaitForCircuitAsync(agentB);
        await agentB.Locator("[data-testid=queue-scope]").GetByText("Unassigned", new() { Exact = true }).ClickAsync();
        var rowOnB = agentB.Locator($"[data-testid=queue-row-{number}]");
        await Expect(rowOnB).ToBeVisibleAsync();

        await agentA.GotoAsync("service/queue");
        await WaitForCircuitAsync(agentA);
        await Expect(agentA.Locator("[data-testid=sla-countdown]").First).ToHaveAttributeAsync("data-badge", "Ok");
        var clock = Stopwatch.StartNew();
        await agentA.Locator($"[data-testid=claim-{number}]").ClickAsync();

        // Agent B's open queue drops the ticket without a reload.
        await Expect(rowOnB).ToHaveCountAsync(0, new() { Timeout = 1000 + 500 });
        Output.WriteLine($"left B's unassigned queue {clock.ElapsedMilliseconds} ms after A's click");
        Assert.True(clock.ElapsedMilliseconds < 1500, $"took {clock.ElapsedMilliseconds} ms");

        await agentA.Locator($"[data-testid=queue-row-{number}]").ClickAsync();
        await WaitForCircuitAsync(agentA);
        await Expect(agentA.Locator("[data-testid=ticket-assignee]")).ToHaveTextAsync("刘洋 Liu Yang");
        // Customer text is shown as text, never run as HTML.
        await Expect(agentA.Locator("[data-testid=entry-CustomerMessage] .thread-body")).ToContainTextAsync("<script>alert('x')</script>");
        await Expect(agentA.Locator("[data-testid=sla-FirstResponse]")).ToHaveAttributeAsync("data-state", "Active");

        // A standard answer that fits the customer's words is one click away, filled in for this customer.
        // Agent B opens the same ticket: each sees the other, and B sees A typing.
        await agentB.GotoAsync($"service/tickets/{created.Value}");
        await WaitForCircuitAsync(agentB);
        await Expect(agentA.Locator("[data-testid=ticket-viewer]")).ToContainTextAsync("陈静 Chen Jing");
        await Expect(agentB.Locator("[data-testid=ticket-viewer]")).ToHaveTextAsync("刘洋 Liu Yang");

        var compose = agentA.Locator("textarea[data-testid=ticket-compose]");
        await compose.PressSequentiallyAsync("您好");
        await Expect(agentB.Locator("[data-testid=ticket-viewer]")).ToContainTextAsync("typing");
        await compose.FillAsync("");
        await agentA.Locator("[data-testid=answer-suggestions] [data-testid^=answer-insert-]").First.ClickAsync();
        await Expect(compose).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("李堃"));
        var inserted = await compose.InputValueAsync();
        Assert.DoesNotContain("{customer_name}", inserted, StringComparison.Ordinal);
        await compose.FillAsync(inserted);
        await agentA.Locator("[data-testid=ticket-reply]").ClickAsync();

        await Expect(agentA.Locator("[data-testid=entry-PublicReply]")).ToHaveCountAsync(1);
        await Expect(agentA.Locator("[data-testid=sla-FirstResponse]")).ToHaveAttributeAsync("data-state", "Met");
        await Expect(agentA.Locator("[data-testid=sla-FirstResponse] [data-testid=sla-countdown]")).ToHaveAttributeAsync("data-badge", "Met");
        await Expect(agentA.Locator("[data-testid=ticket-status]")).ToHaveTextAsync("Pending customer");
        Assert.Empty(BrowserErrors);
    }
    [SkippableFact]
    public async Task A_customer_writes_on_the_contact_page_the_agent_answers_from_the_live_queue_and_the_customers_answer_reopens_the_ticket()
    {
        var agent = await NewPageAsync();
        await SignInAsync(agent, "agent@ecomops.local");
        await agent.GotoAsync("service/queue");
        await WaitForCircuitAsync(agent);
        await agent.Locator("[data-testid=queue-scope]").GetByText("Unassigned", new() { Exact = true }).ClickAsync();

        // The customer has no account: the shop's link opens the contact page as it is.
        var customer = await NewPageAsync();
        await customer.GotoAsync("contact");
        var opened = Stopwatch.StartNew();
        await customer.Locator("[data-testid=contact-name]").FillAsync("赵赟");
        await customer.Locator("[data-testid=contact-contact]").FillAsync("13711112222");
        await customer.Locator("[data-testid=contact-topic]").SelectOptionAsync(TicketCategories.Shipping);
        await customer.Locator("[data-testid=contact-message]").FillAsync("下单五天了还没发货，能帮我看看吗？");
        // A person takes a few seconds to write; a form sent faster is taken for a program and asked again.
        await Task.Delay(Math.Max(0, (int)(Domain.Service.Contact.ContactDesk.MinFillTime.TotalMilliseconds - opened.ElapsedMilliseconds) + 200));
        await customer.Locator("[data-testid=contact-send]").ClickAsync();
        var reference = (await customer.Locator("[data-testid=contact-reference]").TextContentAsync())!;
        Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}$", reference);

        // It is in the agent's queue without a reload; the ticket says where it came from.
        var row = agent.Locator("[data-testid^=queue-row-]").Filter(new() { HasText = "下单五天了还没发货" });
        await Expect(row).ToBeVisibleAsync();
        await row.ClickAsync();
        await WaitForCircuitAsync(agent);
        await Expect(agent.Locator("[data-testid=ticket-web-contact]")).ToContainTextAsync(reference);
        await agent.Locator("textarea[data-testid=ticket-compose]").FillAsync("您好，仓库今天下午发出，单号稍后更新。");
        await agent.Locator("[data-testid=ticket-reply]").ClickAsync();
        await Expect(agent.Locator("[data-testid=ticket-status]")).ToHaveTextAsync("Pending customer");

        // The customer reads the reply on their conversation page and answers there.
        await customer.Locator("[data-testid=contact-open-conversation]").ClickAsync();
        await Expect(customer.Locator("[data-testid=contact-line]")).ToHaveCountAsync(2);
        await Expect(customer.Locator("[data-testid=contact-line]").Last).ToContainTextAsync("仓库今天下午发出");
        await Expect(customer.Locator("[data-testid=contact-status]")).ToHaveTextAsync("Waiting for your answer");
        await customer.Locator("[data-testid=contact-message]").FillAsync("好的，谢谢！");
        await customer.Locator("[data-testid=contact-send]").ClickAsync();
        await Expect(customer.Locator("[data-testid=contact-sent]")).ToBeVisibleAsync();

        // The agent's open ticket shows the answer and is open again, its clock running for the next reply.
        await Expect(agent.Locator("[data-testid=entry-CustomerMessage]").Last).ToContainTextAsync("好的，谢谢！");
        await Expect(agent.Locator("[data-testid=ticket-status]")).ToHaveTextAsync("Open");
        Assert.Empty(BrowserErrors);
    }

    [SkippableFact]
    public async Task The_queues_countdowns_count_seconds_in_the_last_ten_minutes_and_beyond_them_turn_over_together_once_a_minute()
    {
        await Host.Services.GetRequiredService<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.Email,
            CustomerName = "王芳",
            CustomerContact = "wangfang@example.com",
            Subject = "发票抬头写错了",
            Category = TicketCategories.Shipping,
            Message = "请帮我改一下发票抬头。",
        });
        var agent = await NewPageAsync();
        await SignInAsync(agent, "agent@ecomops.local");
        await agent.GotoAsync("service/queue");
        await WaitForCircuitAsync(agent);
        var chips = agent.Locator("[data-testid=sla-countdown][data-due] .countdown-text");
        await Expect(chips.First).ToBeVisibleAsync();

        // The page's own script, at fixed instants: 02:00:00 UTC on a day, and deadlines from it. Beyond ten minutes the
        // count runs from the end of the page's current minute, so it changes only once a minute.
        var minute = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        async Task<string> Text(long dueMs, long nowMs, string? days = null, string? hours = null, string? minutes = null, long phase = 0) =>
            await agent.EvaluateAsync<string>("a => window.ecomOpsCountdownText(a[0], a[1], a[2], a[3], a[4], a[5])", new object?[] { dueMs, nowMs, days, hours, minutes, phase });
        Assert.Equal("7:05", await Text(minute + (7 * 60 + 5) * 1000L, minute));
        Assert.Equal("6:35", await Text(minute + (7 * 60 + 5) * 1000L, minute + 30_000));
        Assert.Equal("−5:03", await Text(minute - (5 * 60 + 3) * 1000L, minute));
        var soon = minute + (42 * 60 + 7) * 1000L;
        Assert.Equal("41m", await Text(soon, minute + 1_000));
        Assert.Equal("41m", await Text(soon, minute + 59_000));
        Assert.Equal("40m", await Text(soon, minute + 60_000));
        var far = minute + (3 * 3600 + 12 * 60 + 40) * 1000L;
        Assert.Equal("3h 11m", await Text(far, minute + 1_000));
        Assert.Equal("3h 11m", await Text(far, minute + 59_000));
        Assert.Equal("3h 10m", await Text(far, minute + 60_000));
        Assert.Equal("−2h 06m", await Text(minute - (2 * 3600 + 5 * 60 + 30) * 1000L, minute + 20_000));
        // A page opened 20 seconds into a minute turns its minutes over 20 seconds into each.
        Assert.Equal("3h 11m", await Text(far, minute + 79_000, phase: 20_000));
        Assert.Equal("3h 10m", await Text(far, minute + 80_000, phase: 20_000));
        Assert.Equal("2天03小时", await Text(minute + (2 * 86400 + 3 * 3600 + 60) * 1000L, minute + 5_000, "{0}天{1}小时", "{0}小时{1}分", "{0}分钟"));
        Assert.Equal("3小时11分", await Text(far, minute + 5_000, "{0}天{1}小时", "{0}小时{1}分", "{0}分钟"));
        Assert.Equal("41分钟", await Text(soon, minute + 5_000, "{0}天{1}小时", "{0}小时{1}分", "{0}分钟"));

        // And every chip on the live queue reads one of those shapes once the script has ticked.
        await agent.EvaluateAsync("() => window.ecomOpsCountdownTick()");
        foreach (var text in await chips.AllTextContentsAsync())
        {
            Assert.Matches(@"^−?(\d:\d\d|\d{1,2}m|\d{1,2}h \d\dm|\d+d \d\dh)$", text);
        }
        Assert.Empty(BrowserErrors);
    }
}
