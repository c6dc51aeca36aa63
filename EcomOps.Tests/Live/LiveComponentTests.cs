using System.Globalization;
using Bunit;
using EcomOps.Console.Features.Home;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Live;

public sealed class LiveComponentTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<Outcome<EmployeeRow>> HireAgentAsync(string number) =>
        _harness.Get<EmployeeDirectory>().CreateAsync(Actor.System, new EmployeeForm
        {
            EmployeeNumber = number,
            FullName = number,
            Email = $"{number}@ecomops.local",
            Role = Roles.CsAgent,
            HireDate = new DateOnly(2026, 1, 5),
            Password = "welcome123",
        });

    [Fact]
    public async Task A_committed_change_reaches_an_open_home_page_within_one_second()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var cut = ctx.Render<HomeCounts>(p => p.Add(c => c.Role, Roles.Admin));
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=count-team-CustomerService]").TextContent));

        await HireAgentAsync("E1");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1", cut.Find("[data-testid=count-team-CustomerService]").TextContent);
            Assert.Equal("1", cut.Find("[data-testid=count-changes-today]").TextContent);
        }, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_role_without_the_audit_trail_sees_no_change_count()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var cut = ctx.Render<HomeCounts>(p => p.Add(c => c.Role, Roles.CsAgent));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=count-team-Design]")));
        Assert.Empty(cut.FindAll("[data-testid=count-changes-today]"));
    }

    [Fact]
    public async Task A_live_change_published_from_an_English_thread_renders_in_the_users_Chinese()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
            await using var ctx = ComponentHarness.NewContext(_harness);
            var cut = ctx.Render<ProbeBoard>();

            await Task.Run(() =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
                _harness.Feed.Publish(new LiveChange(Boards.Org, "Employee", "1", LiveChangeKind.Updated, DateTime.UtcNow));
            });

            cut.WaitForAssertion(() => Assert.Equal(1, cut.Instance.Heard));
            Assert.Equal("zh-Hans", cut.Instance.HeardIn);
            Assert.Equal("zh-Hans", cut.Find("[data-testid=probe-culture]").TextContent);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task A_disposed_component_receives_nothing()
    {
        var feed = _harness.Feed;
        await using var ctx = ComponentHarness.NewContext(_harness);
        var before = feed.SubscriberCount;
        var cut = ctx.Render<ProbeBoard>();
        Assert.Equal(before + 1, feed.SubscriberCount);

        feed.Publish(new LiveChange(Boards.Org, "Employee", "1", LiveChangeKind.Updated, DateTime.UtcNow));
        cut.WaitForAssertion(() => Assert.Equal(1, cut.Instance.Heard));
        var probe = cut.Instance;
        await ctx.DisposeComponentsAsync();
        await HireAgentAsync("E2");
        feed.Publish(new LiveChange(Boards.Org, "Employee", "3", LiveChangeKind.Updated, DateTime.UtcNow));
        await Task.Delay(200);

        Assert.Equal(1, probe.Heard);
        Assert.Equal(before, feed.SubscriberCount);
    }
}

/// <summary>The smallest live component: counts what it hears on the org board.</summary>
public sealed class ProbeBoard : EcomOps.Console.Live.LiveComponent
{
    public int Heard { get; private set; }

    public string? HeardIn { get; private set; }

    protected override IReadOnlyList<string> LiveBoards => [Boards.Org];

    protected override Task OnLiveChangeAsync(LiveChange change)
    {
        Heard++;
        HeardIn = CultureInfo.CurrentUICulture.Name;
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "data-testid", "probe-culture");
        builder.AddContent(2, CultureInfo.CurrentUICulture.Name);
        builder.CloseElement();
    }
}
