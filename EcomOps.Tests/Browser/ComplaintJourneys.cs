using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Service.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>A CS supervisor walks a complaint through the rulebook's procedure.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class ComplaintJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task A_complaint_is_recorded_investigated_solved_reopened_after_an_unsatisfied_follow_up_and_closed_satisfied()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "cssupervisor@ecomops.local");

        await page.GotoAsync("service/complaints");
        await WaitForCircuitAsync(page);
        await page.Locator("[data-testid=complaint-new]").ClickAsync();
        await page.Locator("input[data-testid=complaint-field-name]").FillAsync("王芳");
        await page.Locator("input[data-testid=complaint-field-contact]").FillAsync("13900001111");
        await page.Locator("input[data-testid=complaint-field-product]").FillAsync("SKU-MUG-014");
        await page.Locator("textarea[data-testid=complaint-field-matter]").FillAsync("=HYPERLINK(\"x\") 收到的杯子碎了");
        await page.Locator("[data-testid=complaint-create]").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/service/complaints/\d+$"), BrowserJourney.Committed);
        var stage = page.Locator("[data-testid=complaint-stage]");
        await Expect(stage).ToHaveAttributeAsync("data-stage", "Recorded");
        await Expect(page.Locator("[data-testid=complaint-matter]")).ToHaveTextAsync("=HYPERLINK(\"x\") 收到的杯子碎了");

        await page.Locator("textarea[data-testid=complaint-response-note]").FillAsync("已致电致歉，说明处理流程。");
        await page.Locator("[data-testid=complaint-respond]").ClickAsync();
        await Expect(stage).ToHaveAttributeAsync("data-stage", "Investigating");

        await ChooseAsync(page, "Root cause", "Packaging");
        await ChooseAsync(page, "Responsible department", "Warehouse");
        await page.Locator("textarea[data-testid=complaint-findings]").FillAsync("仓库打包未加防震材料。");
        await page.Locator("[data-testid=complaint-investigate]").ClickAsync();
        await Expect(stage).ToHaveAttributeAsync("data-stage", "SolutionInProgress");

        await AddAndCompleteMeasureAsync(page, "补发新杯子", 1);
        await page.Locator("[data-testid=complaint-step]").GetByText("Not satisfied", new() { Exact = true }).ClickAsync();
        await page.Locator("input[data-testid=followup-note]").FillAsync("新杯子也有裂纹");
        await page.Locator("[data-testid=followup-save]").ClickAsync();
        await Expect(stage).ToHaveAttributeAsync("data-stage", "SolutionInProgress");
        await Expect(page.Locator("[data-testid=complaint-round]")).ToHaveTextAsync("Round 2");

        await AddAndCompleteMeasureAsync(page, "全额退款并补偿优惠券", 2);
        await page.Locator("[data-testid=complaint-step]").GetByText("Satisfied", new() { Exact = true }).ClickAsync();
        await page.Locator("[data-testid=followup-save]").ClickAsync();
        await page.Locator("[data-testid=complaint-close]").ClickAsync();

        await Expect(stage).ToHaveAttributeAsync("data-stage", "Closed");
        await Expect(page.Locator("[data-testid=round-1] [data-testid=round-verdict]")).ToHaveTextAsync("Not satisfied");
        await Expect(page.Locator("[data-testid=round-2] [data-testid=round-verdict]")).ToHaveTextAsync("Satisfied");
        await Expect(page.Locator("[data-testid=measure-done]")).ToHaveCountAsync(2);
        Assert.Empty(BrowserErrors);
    }

    [SkippableFact]
    public async Task The_complaint_board_shows_a_new_case_live_and_the_analysis_downloads_a_workbook()
    {
        var board = await NewPageAsync();
        await SignInAsync(board, "specialist@ecomops.local");
        await board.GotoAsync("service/complaints/board");
        await WaitForCircuitAsync(board);
        await Expect(board.Locator("[data-testid=board-open-count]")).ToBeVisibleAsync();

        var created = await Host.Services.GetRequiredService<ComplaintDesk>().RecordAsync(Actor.System, new ComplaintForm
        {
            ComplainantName = "李堃",
            Contact = "13912345678",
            Channel = TicketChannel.Email,
            Matter = "包裹显示签收但没收到",
            Product = "SKU-BAG-203",
        });
        var card = board.Locator($"[data-testid=board-stage-Recorded] [data-testid=board-case-C{created.Value:D6}]");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator("[data-testid=sla-countdown]")).ToHaveAttributeAsync("data-badge", "Ok");

        var analyst = await NewPageAsync();
        await SignInAsync(analyst, "cssupervisor@ecomops.local");
        await analyst.GotoAsync("service/complaints/analysis");
        await WaitForCircuitAsync(analyst);
        await Expect(analyst.Locator("[data-testid=analysis-chart-channel] svg").First).ToBeVisibleAsync();
        var download = await analyst.RunAndWaitForDownloadAsync(() => analyst.Locator("[data-testid=analysis-export]").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        await using var file = File.OpenRead(path);
        using var workbook = new ClosedXML.Excel.XLWorkbook(file);
        Assert.True(workbook.Worksheet(ComplaintAnalysisWorkbook.CasesSheet).RowsUsed().Count() >= 2);
        Assert.Empty(BrowserErrors);
    }

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.Locator("[data-testid=complaint-step] .mud-select").Filter(new() { HasText = label }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    private static async Task AddAndCompleteMeasureAsync(IPage page, string measure, int round)
    {
        await page.Locator("input[data-testid=measure-description]").FillAsync(measure);
        await page.Locator("input[data-testid=measure-outcome]").FillAsync("客户收到后满意");
        await page.Locator("[data-testid=measure-add]").ClickAsync();
        var rows = page.Locator($"[data-testid=round-{round}] [data-testid=measure-row]");
        await Expect(rows).ToHaveCountAsync(1);
        await page.Locator("input[data-testid=measure-result]").FillAsync("已完成，客户已确认");
        await rows.Locator("[data-testid=measure-complete]").ClickAsync();
        await Expect(page.Locator("[data-testid=complaint-stage]")).ToHaveAttributeAsync("data-stage", "AwaitingFollowUp");
    }
}
