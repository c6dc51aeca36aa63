using System.Security.Claims;
using Bunit;
using EcomOps.Console.Features.Service.Feedback;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Feedback;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service.Feedback;

/// <summary>The feedback list and the ticket's feedback panel, on real SQLite.</summary>
public sealed class FeedbackPagesTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private readonly Dictionary<string, (Actor Actor, string Email, string Role, string UserId)> _people = [];
    private int _ticket;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        foreach (var p in await db.Employees.Where(e => e.UserId != null).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.Id, u.Email, e.Role }).ToListAsync())
        {
            _people[p.Email!.Split('@')[0]] = (Actor.Person(p.Id, p.Email, p.Role), p.Email, p.Role, p.Id);
        }
        _ticket = (await _harness.Get<TicketDesk>().CreateAsync(_people["agent"].Actor, new TicketForm
        {
            Channel = Domain.Service.Sla.TicketChannel.OnlineChat, CustomerName = "李赟", CustomerContact = "13900139000", Subject = "包装",
            Category = TicketCategories.Other, Message = "盒子太大了，很浪费。",
        })).Value;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private BunitContext Context(string who)
    {
        var person = _people[who];
        var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<FeedbackDesk>());
        ctx.Services.AddSingleton(_harness.Get<FeedbackDigests>());
        ctx.AddAuthorization().SetAuthorized(person.Email).SetRoles(person.Role).SetClaims(new Claim(ClaimTypes.NameIdentifier, person.UserId));
        return ctx;
    }

    [Fact]
    public async Task An_agent_records_feedback_on_the_ticket_and_the_departments_head_sees_it_live_and_replies()
    {
        await using var agentCtx = Context("agent");
        agentCtx.Render<MudPopoverProvider>();
        var dialogs = agentCtx.Render<MudDialogProvider>();
        var panel = agentCtx.Render<TicketFeedbackPanel>(p => p.Add(x => x.TicketId, _ticket).Add(x => x.LastCustomerMessage, "盒子太大了，很浪费。"));
        panel.WaitForElement("[data-testid=feedback-none]");

        await using var headCtx = Context("opsmanager");
        var page = headCtx.Render<FeedbackPage>();
        page.WaitForElement("[data-testid=feedback-empty]");

        await panel.InvokeAsync(() => panel.Find("[data-testid=feedback-open]").Click());
        dialogs.WaitForElement("[data-testid=feedback-dialog]");
        Assert.Equal("盒子太大了，很浪费。", dialogs.Find("[data-testid=feedback-text]").GetAttribute("value"));
        dialogs.Find("[data-testid=feedback-save]").Click();

        var id = await WaitForFeedbackAsync();
        panel.WaitForElement($"[data-testid=feedback-{id}]");
        // Product feedback by default: operations. The head's page shows it live with a reply box; the specialist's has none.
        page.WaitForElement($"[data-testid=feedback-row-{id}] [data-testid=feedback-response-input-{id}]");
        await using var specialistCtx = Context("specialist");
        var specialistPage = specialistCtx.Render<FeedbackPage>();
        specialistPage.WaitForElement($"[data-testid=feedback-row-{id}]");
        Assert.Empty(specialistPage.FindAll($"[data-testid=feedback-acknowledge-{id}]"));

        page.Find($"[data-testid=feedback-response-input-{id}]").Input("下周起换小号纸箱。");
        page.Find($"[data-testid=feedback-acknowledge-{id}]").Click();

        page.WaitForAssertion(() => Assert.Equal("下周起换小号纸箱。", page.Find($"[data-testid=feedback-response-{id}]").TextContent));
        panel.WaitForAssertion(() => Assert.Contains("下周起换小号纸箱。", panel.Find($"[data-testid=feedback-{id}]").TextContent, StringComparison.Ordinal));
    }

    private async Task<int> WaitForFeedbackAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = _harness.NewDb();
            if (await db.Set<CustomerFeedback>().Select(f => (int?)f.Id).FirstOrDefaultAsync() is { } id)
            {
                return id;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("no feedback was recorded");
    }
}
