using Bunit;
using EcomOps.Console.Features.Service.Answers;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Answers;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Service.Answers;

public sealed class AnswerSuggestionsTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Insert_counts_a_use_and_hands_over_the_answer_filled_in_for_the_customer()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<AnswerLibrary>());
        string? inserted = null;

        var panel = ctx.Render<AnswerSuggestions>(p => p
            .Add(s => s.Message, "我的包裹三天没有动了，物流也没更新。")
            .Add(s => s.Category, TicketCategories.Shipping)
            .Add(s => s.CustomerName, "李堃")
            .Add(s => s.OrderReference, "TB-2051000001")
            .Add(s => s.TicketNumber, "T000007")
            .Add(s => s.AgentName, "刘洋")
            .Add(s => s.OnInsert, text => inserted = text));
        var first = panel.WaitForElement("[data-testid^=answer-insert-]");
        var id = int.Parse(first.GetAttribute("data-testid")!["answer-insert-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var answer = (await _harness.Get<AnswerLibrary>().FindAsync(id))!;

        Assert.InRange(panel.FindAll("[data-testid^=answer-insert-]").Count, 1, 5);
        first.Click();

        panel.WaitForAssertion(() => Assert.NotNull(inserted));
        Assert.Equal(TicketCategories.Shipping, answer.Category);
        Assert.Equal(AnswerTemplate.Fill(answer.Body, new AnswerPlaceholders("李堃", "TB-2051000001", "T000007", "刘洋")), inserted);
        Assert.Contains("李堃", inserted, StringComparison.Ordinal);
        Assert.DoesNotContain("{", inserted, StringComparison.Ordinal);
        Assert.Equal(1, (await _harness.Get<AnswerLibrary>().FindAsync(id))!.UsageCount);
    }

    [Fact]
    public async Task A_message_nothing_fits_says_so_instead_of_suggesting()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<AnswerLibrary>());

        var panel = ctx.Render<AnswerSuggestions>(p => p.Add(s => s.Message, "zzz qqq").Add(s => s.Category, "Nope"));

        panel.WaitForElement("[data-testid=answer-suggestions-none]");
        Assert.Empty(panel.FindAll("[data-testid^=answer-insert-]"));
    }
}
