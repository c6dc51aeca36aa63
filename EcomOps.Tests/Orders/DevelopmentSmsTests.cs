using Bunit;
using EcomOps.Console.Components.Layout;
using EcomOps.Console.Features.Orders;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Orders;

/// <summary>What the development SMS gateway recorded, listed for those who answer for customer notices.</summary>
public sealed class DevelopmentSmsTests : IAsyncLifetime
{
    private static readonly Actor Supervisor = new("sup", "Chen Jing", [Roles.CsSupervisor]);

    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static void SignIn(BunitContext ctx, string role) =>
        ctx.AddAuthorization().SetAuthorized($"{role}@ecomops.local").SetRoles(role)
            .SetPolicies([.. Permissions.All.Where(p => Permissions.Allows(role, p))]);

    [Fact]
    public void A_phone_shows_only_its_last_4_characters()
    {
        Assert.Equal("•••••••5678", DevelopmentSmsGateway.MaskPhone("13912345678"));
        Assert.Equal("••••••••••0000", DevelopmentSmsGateway.MaskPhone(" +8613900000000 "));
        Assert.Equal("•••", DevelopmentSmsGateway.MaskPhone("123"));
    }

    [Fact]
    public async Task Only_the_cs_supervisor_and_the_operations_manager_may_read_the_recorded_texts()
    {
        var gateway = _harness.Get<DevelopmentSmsGateway>();

        Assert.True((await gateway.ListAsync(Supervisor)).Succeeded);
        Assert.True((await gateway.ListAsync(new Actor("om", "Zhao Lei", [Roles.OperationsManager]))).Succeeded);
        Assert.False((await gateway.ListAsync(new Actor("agent", "Li Na", [Roles.CsAgent]))).Succeeded);
        Assert.False((await gateway.ListAsync(new Actor("os", "Sun Li", [Roles.OperationsSpecialist]))).Succeeded);
    }

    [Fact]
    public async Task The_page_lists_each_text_with_a_masked_phone_and_its_notice_under_a_nothing_was_sent_label()
    {
        var ticket = await _harness.Get<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.Hotline, CustomerName = "王芳", CustomerContact = "13912345678", Subject = "退货", Category = TicketCategories.Other, Message = "想退货",
        });
        const string survey = "【EcomOps】请为本次服务打分：https://shop.test/s/abc";
        await using (var db = _harness.NewDb())
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = NotificationKind.SurveyInvitation, TicketId = ticket.Value, Language = "zh-Hans", Recipient = "13912345678", Text = survey,
                CreatedAtUtc = _harness.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var gateway = _harness.Get<DevelopmentSmsGateway>();
        await gateway.SendAsync("13912345678", survey, CancellationToken.None);
        await gateway.SendAsync("13800001111", "<b>测试</b> without a notice", CancellationToken.None);
        await using var ctx = ComponentHarness.NewContext(_harness);
        SignIn(ctx, Roles.CsSupervisor);

        var page = ctx.Render<DevelopmentSmsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=sms-table] tbody tr").Count));
        Assert.Contains("Development SMS gateway — nothing was sent", page.Find("[data-testid=sms-banner]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=sms-not-in-use]"));
        Assert.Equal(["•••••••1111", "•••••••5678"], page.FindAll("[data-testid=sms-phone]").Select(p => p.TextContent.Trim()));
        Assert.DoesNotContain("13912345678", page.Markup);
        Assert.Equal("<b>测试</b> without a notice", page.FindAll("[data-testid=sms-text]")[0].TextContent.Trim());
        var notices = page.FindAll("[data-testid=sms-notice]");
        Assert.Equal("No matching notice", notices[0].TextContent.Trim());
        Assert.Contains("Survey link", notices[1].TextContent);
        Assert.Equal($"/service/tickets/{ticket.Value}", notices[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(Ticket.NumberOf(ticket.Value), notices[1].TextContent);
    }

    [Fact]
    public async Task Without_texts_the_page_says_what_will_appear_here()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        SignIn(ctx, Roles.OperationsManager);

        var page = ctx.Render<DevelopmentSmsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=sms-empty]")));
        Assert.NotNull(page.Find("[data-testid=sms-banner]"));
    }

    [Fact]
    public async Task The_menu_links_the_texts_only_while_the_development_gateway_is_the_registered_one()
    {
        await using var development = ComponentHarness.NewContext(_harness);
        SignIn(development, Roles.CsSupervisor);
        await using var company = ComponentHarness.NewContext(_harness);
        company.Services.AddSingleton<ISmsGateway>(new CompanyGateway());
        SignIn(company, Roles.CsSupervisor);
        await using var agent = ComponentHarness.NewContext(_harness);
        SignIn(agent, Roles.CsAgent);

        Assert.Single(development.Render<NavMenu>().FindAll("[data-testid=nav-development-sms]"));
        Assert.Empty(company.Render<NavMenu>().FindAll("[data-testid=nav-development-sms]"));
        Assert.Empty(agent.Render<NavMenu>().FindAll("[data-testid=nav-development-sms]"));
    }

    /// <summary>A company's own gateway, as far as the menu can tell: not the development one.</summary>
    private sealed class CompanyGateway : ISmsGateway
    {
        public Task SendAsync(string phone, string text, CancellationToken ct) => Task.CompletedTask;
    }
}
