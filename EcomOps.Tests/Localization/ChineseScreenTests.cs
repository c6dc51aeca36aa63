using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using Bunit;
using EcomOps.Console.Features.Analytics;
using EcomOps.Console.Features.Orders;
using EcomOps.Console.Features.Service;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Localization;

/// <summary>A Chinese reader sees Chinese: the console's own texts and MudBlazor's built-in ones, before and after a live change.</summary>
public sealed partial class ChineseScreenTests : IAsyncLifetime
{
    /// <summary>MudBlazor's built-in English (pager, pickers, dialog, inputs), as its LanguageResource has it.</summary>
    private static readonly string[] MudEnglish =
    [
        "Rows per page", "First page", "Last page", "Next page", "Previous page", "Previous month", "Next month", "Previous year", "Next year",
        "Close dialog", "Close alert", "Close chip", "Close snackbar", "Decrement", "Increment", "Open date picker", "Start date", "End date", "Select all",
    ];

    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_chinese_page_shows_no_english_label_from_the_console_or_mudblazor_before_and_after_a_live_change()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
            await using var ctx = ComponentHarness.NewContext(_harness);
            ctx.Services.AddSingleton(_harness.Get<OrderQueries>());
            ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.WorkOrders);
            var popovers = ctx.Render<MudPopoverProvider>();
            var dialogs = ctx.Render<MudDialogProvider>();
            var page = ctx.Render<OrderListPage>();
            page.WaitForElement(".mud-table-pagination", TimeSpan.FromSeconds(10));

            // The date picker's calendar and a dialog with MudBlazor's close button.
            page.FindAll(".mud-picker input")[0].Click();
            popovers.WaitForElement(".mud-picker-calendar-header", TimeSpan.FromSeconds(5));
            await page.InvokeAsync(() => RecordsDialog.ShowAsync(ctx.Services.GetRequiredService<IDialogService>(), "订单", new MetricRecords(0, [])));
            dialogs.WaitForElement("[data-testid=records-dialog]", TimeSpan.FromSeconds(5));
            Assert.Empty(EnglishOn(page.Nodes, popovers.Nodes, dialogs.Nodes));

            var rendersBefore = page.RenderCount;
            await Task.Run(() =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
                _harness.Feed.Publish(new LiveChange(Boards.Orders, "Order", "1", LiveChangeKind.Created, DateTime.UtcNow));
            });
            page.WaitForAssertion(() => Assert.True(page.RenderCount > rendersBefore), TimeSpan.FromSeconds(5));

            Assert.Empty(EnglishOn(page.Nodes, popovers.Nodes, dialogs.Nodes));
            Assert.Contains("每页行数", page.Markup, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task The_seeded_sla_policies_are_named_in_the_readers_language_and_a_typed_name_stays_as_typed()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var text = ctx.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<EcomOps.Console.UiText>>();
        var chinese = Load("UiText.zh-Hans.resx");

        Assert.All(SlaPolicyNames.Keys, k => Assert.Contains(k, chinese.Keys));
        Assert.Equal("在线客服", InChinese(() => text.PolicyName("Online chat")));
        Assert.Equal("Online chat", text.PolicyName("Online chat"));
        Assert.Equal("VIP 客户", InChinese(() => text.PolicyName("VIP 客户")));
    }

    [Fact]
    public async Task A_notice_with_a_count_shows_the_number_and_a_team_by_its_name_in_the_readers_language()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var text = ctx.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<EcomOps.Console.UiText>>();
        var format = ctx.Services.GetRequiredService<EcomOps.Console.Localization.DisplayFormat>();
        var findings = new EcomOps.Domain.Notifications.NotificationRow(1, default, "Notice.AuditFindings", ["14"], null, DateTime.UtcNow, null);
        var team = new EcomOps.Domain.Notifications.NotificationRow(2, default, "Notice.AuditFindings", [nameof(Team.CustomerService)], null, DateTime.UtcNow, null);

        Assert.Equal("合规审核在您负责的商品中发现 14 个新问题。", InChinese(() => EcomOps.Console.Features.Notifications.NotificationText.Of(findings, text, format)));
        Assert.DoesNotContain(nameof(Team.CustomerService), InChinese(() => EcomOps.Console.Features.Notifications.NotificationText.Of(team, text, format)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_countdown_of_days_speaks_the_readers_units_and_hands_them_to_the_ticking_script()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton<TimeProvider>(_harness.Clock);
        var due = _harness.Clock.GetUtcNow().UtcDateTime.AddDays(2).AddHours(3).AddMinutes(30);

        var chip = InChinese(() => ctx.Render<SlaCountdown>(p => p.Add(c => c.Due, due).Add(c => c.Badge, EcomOps.Domain.Service.SlaBadge.Ok)));

        Assert.Equal("2天03小时", chip.Find(".countdown-text").TextContent);
        Assert.Equal("{0}天{1}小时", chip.Find("[data-due]").GetAttribute("data-days"));
    }

    private static T InChinese<T>(Func<T> action)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    /// <summary>Every English text (the console's own, MudBlazor's) found in the text or the labels of the rendered markup.</summary>
    private static List<string> EnglishOn(params INodeList[] parts)
    {
        var shown = string.Join("\n", parts.SelectMany(p => p).SelectMany(Texts));
        return EnglishTexts().Where(english => shown.Contains(english, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static IEnumerable<string> Texts(INode node)
    {
        if (node is IElement element)
        {
            foreach (var name in new[] { "aria-label", "title", "placeholder" })
            {
                if (element.GetAttribute(name) is { } value)
                {
                    yield return value;
                }
            }
            foreach (var text in element.ChildNodes.SelectMany(Texts))
            {
                yield return text;
            }
        }
        else if (node is IText text)
        {
            yield return text.Data;
        }
    }

    /// <summary>
    /// The console's English texts that Chinese says differently (the longest literal piece of each, at least five
    /// characters, so "SKU" or a lone "{0}" cannot match by chance), and MudBlazor's.
    /// </summary>
    private static IEnumerable<string> EnglishTexts()
    {
        var english = Load("UiText.resx");
        var chinese = Load("UiText.zh-Hans.resx");
        return english.Where(e => !chinese[e.Key].Contains(e.Value, StringComparison.Ordinal))
            .Select(e => Placeholder().Split(e.Value).MaxBy(p => p.Length)!.Trim())
            .Where(p => p.Length >= 5 && p.Any(char.IsLetter))
            .Concat(MudEnglish).Distinct();
    }

    private static Dictionary<string, string> Load(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "EcomOps.sln")))
        {
            dir = dir.Parent;
        }
        return XDocument.Load(Path.Combine(dir.FullName, "EcomOps.Console", "Resources", file)).Root!
            .Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
