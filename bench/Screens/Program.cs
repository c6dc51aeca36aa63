using System.Text.RegularExpressions;
using EcomOps.Bench.Shared;
using EcomOps.Domain.Catalog.Transfer;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

// Screenshot tour: every page each demo role's menu offers (plus the detail pages a first row opens and the dialogs a
// list opens), in English and in Chinese, full page at 1366x850, to be looked at before a screen change is called done.
// See docs/SCREENS.md.
// Usage: dotnet run --project bench/Screens -- OUT_DIR [--size Standard|Minimal|Large] [--db FILE]
//        [--roles agent,opsmanager] [--lang en|zh-Hans] [--only TEXT]
// --only keeps the menu pages whose path contains TEXT (with their detail pages and dialogs).
namespace Screens;

internal static partial class Tour
{
    /// <summary>Lists whose first row opens a detail page worth a picture of its own.</summary>
    private static readonly (string List, Regex Detail, string Name)[] Details =
    [
        ("/orders", OrderLink(), "order"),
        ("/service/queue", TicketLink(), "ticket"),
        ("/service/complaints", ComplaintLink(), "complaint"),
        ("/inventory/stock", StockLink(), "sku"),
        ("/inventory/purchase-orders", PurchaseOrderLink(), "purchase-order"),
        ("/catalog/products", ProductLink(), "product"),
        ("/catalog/listings", ListingLink(), "listing"),
        ("/catalog/findings", ListingLink(), "finding-listing"),
        ("/catalog/audit", AuditSettingsLink(), "audit-settings"),
        ("/design/board", DesignRequestLink(), "design-request"),
        ("/campaigns", CampaignLink(), "campaign"),
        ("/campaigns", NewCampaignLink(), "new-campaign"),
        ("/campaigns/board", CampaignLink(), "running-campaign"),
        ("/people/training", TrainingSessionLink(), "training-session"),
        ("/people/training", TrainingRecordLink(), "training-record"),
    ];

    /// <summary>Dialogs a page opens (its first row's editor, its "new" form, a figure's records), each worth a picture of its own.</summary>
    private static readonly (string List, string Opener, string Name)[] Dialogs =
    [
        ("/admin/employees", "[data-testid^=employee-edit-]", "employee"),
        ("/service/queue", "[data-testid=ticket-new]", "new-ticket"),
        ("/service/queue", "[data-testid=call-new]", "log-call"),
        ("/catalog/listings", "[data-testid=listing-new]", "new-listing"),
        ("/service/complaints", "[data-testid=complaint-new]", "record-complaint"),
        ("/service/answers", "[data-testid=answer-new]", "new-answer"),
        ("/service/sla", "[data-testid=sla-policy-add]", "new-sla-policy"),
        ("/inventory/suppliers", "[data-testid=supplier-new]", "new-supplier"),
        ("/inventory/purchase-orders", "[data-testid=po-new]", "new-purchase-order"),
        ("/orders/channels", "[data-testid^=channel-edit-]", "channel"),
        ("/catalog/categories", "[data-testid^=category-edit-]", "category"),
        ("/catalog/price-bands", "[data-testid=band-new]", "new-price-band"),
        ("/catalog/warehouses", "[data-testid^=warehouse-edit-]", "warehouse"),
        ("/analytics/kpi", "[data-testid=kpi-targets]", "kpi-targets"),
        ("/analytics/dashboard", "[data-testid^=value-]", "records"),
        ("/analytics/customers", "[data-testid=customer-open]", "customer"),
        ("/design/board", "[data-testid=design-new]", "new-design-request"),
        ("/design/board", "[data-testid^=design-assign-]", "assign-design"),
        ("/people/training", "[data-testid=training-schedule]", "schedule-session"),
    ];

    /// <summary>
    /// Screens a few clicks deep, from a list: the catalogue import showing a workbook's problems, and the listings' bulk
    /// change previewing a 10% price cut of the first rows. A scene answers false when the role cannot play it.
    /// </summary>
    private static readonly (string List, string Name, Func<IPage, Task<bool>> Play)[] Scenes =
    [
        ("/catalog/products", "catalog-import-problems", async page =>
        {
            if (await page.Locator("[data-testid=catalog-import]").CountAsync() == 0)
            {
                return false;
            }
            await page.Locator("[data-testid=catalog-import]").First.ClickAsync();
            await WaitForCircuitAsync(page);
            await page.Locator("[data-testid=catalog-import-file]").SetInputFilesAsync(new FilePayload
            {
                Name = "catalogue.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = BadCatalogueWorkbook(),
            });
            await page.Locator("[data-testid=import-problems]").WaitForAsync();
            return true;
        }),
        // A planned campaign's "page and poster" task asking the design team: the request dialog briefed from the campaign.
        ("/campaigns", "campaign-request-design", async page =>
        {
            var links = await page.Locator("a[href^='/campaigns/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            foreach (var href in links.Where(l => CampaignLink().IsMatch(l)).Distinct().Take(30))
            {
                await page.GotoAsync(href);
                await WaitForCircuitAsync(page);
                var ask = page.Locator("[data-testid=campaign-task-request-design]");
                if (await ask.CountAsync() > 0)
                {
                    await ask.First.ClickAsync();
                    await page.Locator("[data-testid=design-request-title]").WaitForAsync();
                    return true;
                }
            }
            return false;
        }),
        // The supervisor's team view: agents' load and the escalations nobody has taken yet.
        ("/service/queue", "queue-team-escalations", async page =>
        {
            var team = page.Locator("[data-testid=queue-scope] .mud-toggle-item").Last;
            if (await page.Locator("[data-testid=queue-scope] .mud-toggle-item").CountAsync() < 4)
            {
                return false;
            }
            await team.ClickAsync();
            await page.Locator("[data-testid=escalations]").WaitForAsync();
            return true;
        }),
        ("/service/queue", "log-call-caller-found", async page =>
        {
            if (await page.Locator("[data-testid=call-new]").CountAsync() == 0)
            {
                return false;
            }
            await page.Locator("[data-testid=call-new]").ClickAsync();
            // A customer of the Standard demo with nine orders (another number shows the "new caller" state instead).
            await page.Locator("input[data-testid=call-number]").FillAsync("+86 198 7208 1559");
            await page.Locator("[data-testid=call-lookup]").ClickAsync();
            await page.Locator("[data-testid=call-caller]").WaitForAsync();
            return true;
        }),
        ("/design/board", "design-request-delivered", async page =>
        {
            // A delivered request: its versions, reviews, the requester's rating and the contribution with its days.
            var delivered = page.Locator("[data-testid=design-column-Delivered] [data-kind=DetailPage] a[href^='/design/requests/']");
            if (await delivered.CountAsync() == 0)
            {
                return false;
            }
            await delivered.First.ClickAsync();
            await WaitForCircuitAsync(page);
            await page.Locator("[data-testid=design-contribution]").WaitForAsync();
            if (await page.Locator("[data-testid=design-contribution-days]").CountAsync() > 0)
            {
                await page.Locator("[data-testid=design-contribution-days]").ClickAsync();
            }
            return true;
        }),
        ("/catalog/listings", "bulk-change-preview", async page =>
        {
            if (await page.Locator("[data-testid=bulk-selected]").CountAsync() == 0)
            {
                return false;
            }
            // The first rows ticked: live listings (refused: locked while live) and drafts (repriced).
            var ticks = page.Locator("[data-testid=listing-table] tbody input[type=checkbox]");
            for (var i = 0; i < 8; i++)
            {
                await ticks.Nth(i).ClickAsync();
            }
            await page.Locator("[data-testid=bulk-selected]").ClickAsync();
            await page.Locator(".mud-dialog input[data-testid=bulk-percent]").FillAsync("-10");
            await page.Locator(".mud-dialog input[data-testid=bulk-percent]").BlurAsync();
            await page.Locator("[data-testid=bulk-preview]").ClickAsync();
            await page.Locator("[data-testid=bulk-summary]").WaitForAsync();
            return true;
        }),
        ("/analytics/traffic-analysis", "listing-funnel", async page =>
        {
            await WaitForCircuitAsync(page);
            await page.Locator(".mud-tabs .mud-tab").Nth(1).ClickAsync();
            await page.Locator("[data-testid=funnel-table], [data-testid=funnel-empty]").First.WaitForAsync();
            return true;
        }),
        ("/analytics/traffic", "source-report-problems", async page =>
        {
            await WaitForCircuitAsync(page);
            await page.Locator(".mud-tabs .mud-tab").Nth(1).ClickAsync();
            await page.Locator("[data-testid=traffic-file]").SetInputFilesAsync(new FilePayload
            {
                Name = "sources.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(string.Join("\n",
                    "渠道,日期,流量来源,访客数,浏览量,支付买家数", "天猫,2026-11-20,手淘搜索,1000,3000,40", "天猫,2026-11-20,直通车,400,900,10",
                    "渠道,日期,流量来源,访客数,浏览量,支付买家数", "天猫,2026-11-20,抖音外链,50,60,1", "京东,2026-11-20,京准通,200,150,5", "合计,,,1650,4110,56")),
            });
            await page.Locator("[data-testid=traffic-summary]").WaitForAsync();
            return true;
        }),
        ("/analytics/traffic", "source-mapping", async page =>
        {
            await WaitForCircuitAsync(page);
            await page.Locator(".mud-tabs .mud-tab").Nth(3).ClickAsync();
            await page.Locator("[data-testid=mapping-table]").WaitForAsync();
            return true;
        }),
    ];

    /// <summary>A catalogue workbook a person got wrong in the ways the import names row by row (unknown category and brand, a price past ¥10^9, a code twice, a state changed).</summary>
    private static byte[] BadCatalogueWorkbook()
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en");
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        void Sheet(CatalogSheet sheet, params object[][] rows)
        {
            var ws = workbook.AddWorksheet(CatalogLayout.SheetName(sheet, culture));
            var columns = CatalogLayout.Columns[sheet];
            for (var c = 0; c < columns.Count; c++)
            {
                ws.Cell(1, c + 1).SetValue(columns[c].Header(culture));
            }
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    ws.Cell(r + 2, c + 1).SetValue(rows[r][c]?.ToString());
                }
            }
        }
        Sheet(CatalogSheet.Products,
            ["NEW-1", "云朵羊毛袜 三双装", "Apparel / Socks", "Cloudy", "浙江诸暨", "羊毛", "", "", "", "", "Yes", ""],
            ["NEW-2", "云朵真丝眼罩", "Apparel", "云朵", "", "真丝", "", "", "", "", "Yes", ""]);
        Sheet(CatalogSheet.Skus,
            ["SOCK-01", "NEW-1", "", "灰色 均码", "WS-01", "6901234500018", "39.90", "12.00", "", "1", "Yes", ""],
            ["SOCK-01", "NEW-1", "", "黑色 均码", "WS-02", "6901234500025", "39.90", "12.00", "", "1", "Yes", ""],
            ["MASK-01", "NEW-2", "", "香槟色", "EM-01", "12345", "1,500,000,000", "30.00", "", "1", "Yes", ""],
            ["MASK-02", "NEW-3", "", "黑色", "EM-02", "", "59.00", "30.00", "", "1", "Yes", ""]);
        Sheet(CatalogSheet.Listings,
            ["NEW-2", "", "TMALL", "云朵真丝眼罩 遮光透气", "", "", "Live", ""],
            ["NEW-2", "", "NOSUCH", "云朵真丝眼罩", "", "", "", ""]);
        Sheet(CatalogSheet.ListingPrices);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Visible loading indicators or texts; the picture waits until none is left.</summary>
    private const string StillLoading = """
        () => {
            const visible = e => e.offsetParent !== null;
            const busy = [...document.querySelectorAll('.mud-progress-linear.mud-progress-indeterminate, .mud-table-loading-progress, .mud-skeleton')].some(visible);
            const text = document.body.innerText;
            return busy || text.includes('Loading…') || text.includes('加载中…');
        }
        """;

    /// <summary>What the page shows when something went wrong: the reconnect banner, an error page, an alert of the error kind.</summary>
    private const string ShownErrors = """
        () => {
            const out = [];
            const modal = document.getElementById('components-reconnect-modal');
            if (modal && modal.open) out.push('reconnect banner: ' + modal.innerText.trim());
            const boom = document.getElementById('blazor-error-ui');
            if (boom && getComputedStyle(boom).display !== 'none') out.push('error UI: ' + boom.innerText.trim());
            for (const a of document.querySelectorAll('.mud-alert-filled-error, .mud-alert-text-error, .mud-alert-outlined-error'))
                if (a.offsetParent !== null) out.push('error alert: ' + a.innerText.trim());
            return out;
        }
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: Screens OUT_DIR [--size Standard] [--db FILE] [--roles agent,opsmanager] [--lang en|zh-Hans] [--only TEXT]");
            return 2;
        }
        var output = Directory.CreateDirectory(args[0]).FullName;
        var size = Option(args, "--size") ?? nameof(DemoSize.Standard);
        var roles = Option(args, "--roles")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var languages = Option(args, "--lang") is { } one ? [one] : new[] { "en", "zh-Hans" };
        var only = Option(args, "--only");
        if (Chromium.Missing is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 2;
        }

        // A --db file that already holds demo data is used as it is (the console seeds an empty database only): a second
        // run skips the half-minute of seeding.
        var temp = Option(args, "--db") is null ? Directory.CreateTempSubdirectory("screens-") : null;
        var database = Option(args, "--db") ?? Path.Combine(temp!.FullName, "screens.db");
        var problems = new List<string>();
        var shots = 0;
        try
        {
            Console.WriteLine($"starting the console on {database} ({size} demo data)…");
            await using var host = new ConsoleHost(database, Enum.Parse<DemoSize>(size, ignoreCase: true));
            var baseAddress = host.Address;

            var (playwright, browser) = await Chromium.LaunchAsync();
            using var _ = playwright;
            await using var __ = browser;

            foreach (var signIn in OrgDemoData.SignIns.Where(s => roles is null || roles.Any(r => s.Email.StartsWith(r + "@", StringComparison.OrdinalIgnoreCase))))
            {
                var role = signIn.Email[..signIn.Email.IndexOf('@')];
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = baseAddress.ToString(),
                    Locale = "en-US",
                    TimezoneId = "Asia/Shanghai",
                    ViewportSize = new ViewportSize { Width = 1366, Height = 850 },
                });
                context.SetDefaultTimeout(30_000);
                var page = await context.NewPageAsync();
                var errors = new List<string>();
                page.PageError += (_, error) => errors.Add($"page error: {error}");
                page.Console += (_, message) =>
                {
                    if (message.Type == "error")
                    {
                        errors.Add($"console error: {message.Text}");
                    }
                };

                await page.GotoAsync("Account/Login");
                await page.Locator("#email").FillAsync(signIn.Email);
                await page.Locator("#password").FillAsync(DemoDataGenerator.DemoPassword);
                await page.Locator("[data-testid=login-submit]").ClickAsync();
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

                foreach (var language in languages)
                {
                    // The language switch the menu uses: it writes the culture cookie and saves the user's choice.
                    await page.GotoAsync($"culture?culture={language}&returnUrl=%2F");
                    await WaitForCircuitAsync(page);
                    var links = await page.Locator("[data-testid=nav] a[href]").EvaluateAllAsync<string[]>(
                        "links => links.filter(a => a.target !== '_blank').map(a => new URL(a.href).pathname)");
                    var targets = links.Distinct().Select(path => (Path: path, Name: Slug(path), Detail: false)).ToList();

                    for (var i = 0; i < targets.Count; i++)
                    {
                        var (path, name, isDetail) = targets[i];
                        if (only is not null && !isDetail && !path.Contains(only, StringComparison.OrdinalIgnoreCase) && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }
                        errors.Clear();
                        var response = await page.GotoAsync(path.TrimStart('/'));
                        await SettleAsync(page, problems, $"{role} {language} {path}");
                        var file = Path.Combine(output, $"{role}.{language}.{name}.png");
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                        shots++;
                        await ReportAsync(page, response, errors, problems, $"{role} {language} {path}");
                        Console.WriteLine($"  {Path.GetFileName(file)}");

                        // The shell's menus, open, once per role and language (on the home page).
                        if (path == "/")
                        {
                            foreach (var (summary, menuName) in new[] { ("[data-testid=user-menu-button]", "user-menu"), ("[data-testid=language-menu] summary", "language-menu") })
                            {
                                await page.Locator(summary).ClickAsync();
                                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, $"{role}.{language}.{menuName}.png") });
                                shots++;
                                Console.WriteLine($"  {role}.{language}.{menuName}.png");
                                await page.Keyboard.PressAsync("Escape");
                            }
                        }

                        // The detail page a first row opens, once per list.
                        foreach (var (_, detail, detailName) in Details.Where(d => d.List == path))
                        {
                            var hrefs = await page.Locator(".mud-main-content a[href]").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
                            if (hrefs.FirstOrDefault(detail.IsMatch) is { } first && targets.All(t => t.Path != first))
                            {
                                targets.Insert(i + 1, (first, detailName, true));
                            }
                            else if (hrefs.FirstOrDefault(detail.IsMatch) is null)
                            {
                                problems.Add($"{role} {language} {path}: no row opens a {detailName} (empty list?)");
                            }
                        }
                        foreach (var (_, opener, dialogName) in Dialogs.Where(d => d.List == path))
                        {
                            if (await page.Locator(opener).CountAsync() == 0)
                            {
                                continue;
                            }
                            errors.Clear();
                            if (await page.Locator(".mud-dialog").CountAsync() > 0)
                            {
                                // The page's dialog before is still open: from the page as it first shows.
                                await page.GotoAsync(path.TrimStart('/'));
                                await SettleAsync(page, problems, $"{role} {language} {path}");
                            }
                            await page.Locator(opener).First.ClickAsync();
                            await page.Locator(".mud-dialog").WaitForAsync();
                            var where = $"{role} {language} {path} {dialogName} dialog";
                            await SettleAsync(page, problems, where);
                            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, $"{role}.{language}.{dialogName}.png"), FullPage = true });
                            shots++;
                            await ReportAsync(page, null, errors, problems, where);
                            Console.WriteLine($"  {role}.{language}.{dialogName}.png");
                        }
                        foreach (var (_, sceneName, play) in Scenes.Where(sc => sc.List == path))
                        {
                            // From the list as it first shows (a dialog shot before may still be open).
                            await page.GotoAsync(path.TrimStart('/'));
                            await SettleAsync(page, problems, $"{role} {language} {path}");
                            errors.Clear();
                            var where = $"{role} {language} {path} {sceneName}";
                            try
                            {
                                if (!await play(page))
                                {
                                    continue;
                                }
                            }
                            catch (Exception e) when (e is TimeoutException or PlaywrightException)
                            {
                                problems.Add($"{where}: {e.Message.Split('\n')[0]}");
                                continue;
                            }
                            await SettleAsync(page, problems, where);
                            // A scene's clicks may have scrolled the page: a full-page picture taken scrolled shows the fixed
                            // app bar in the middle of the page.
                            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
                            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, $"{role}.{language}.{sceneName}.png"), FullPage = true });
                            shots++;
                            // The scene shows refusals on purpose: only what broke counts.
                            errors.RemoveAll(e => !e.StartsWith("page error", StringComparison.Ordinal));
                            await ReportAsync(page, null, errors, problems, where);
                            Console.WriteLine($"  {role}.{language}.{sceneName}.png");
                        }
                    }
                }
            }
        }
        finally
        {
            temp?.Delete(recursive: true);
        }

        Console.WriteLine($"{shots} screenshots in {output}");
        Console.WriteLine(problems.Count == 0 ? "no page showed an error" : $"{problems.Count} problem(s):");
        foreach (var problem in problems)
        {
            Console.WriteLine($"  {problem}");
        }
        return problems.Count == 0 ? 0 : 1;
    }

    private static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("#circuit-ready[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>The circuit is up, rows are in and animations are done, or the page is named as one that never settled.</summary>
    private static async Task SettleAsync(IPage page, List<string> problems, string where)
    {
        try
        {
            await WaitForCircuitAsync(page);
            await page.WaitForFunctionAsync($"() => !({StillLoading})()", null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 200 });
        }
        catch (TimeoutException)
        {
            problems.Add($"{where}: still loading after 30 s");
        }
        // Charts and dialogs animate in; a picture taken mid-way shows half a bar.
        await Task.Delay(700);
    }

    private static async Task ReportAsync(IPage page, IResponse? response, List<string> errors, List<string> problems, string where)
    {
        if (response is { Ok: false })
        {
            problems.Add($"{where}: HTTP {response.Status}");
        }
        var path = new Uri(page.Url).AbsolutePath;
        if (path is "/Account/AccessDenied" or "/not-found" or "/Error" or "/Account/Login")
        {
            problems.Add($"{where}: ended on {path}");
        }
        problems.AddRange((await page.EvaluateAsync<string[]>(ShownErrors)).Select(e => $"{where}: {e}"));
        problems.AddRange(errors.Select(e => $"{where}: {e}"));
    }

    private static string Slug(string path) =>
        path == "/" ? "home" : string.Join('-', path.Trim('/').Split('/'));

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    [GeneratedRegex(@"^/people/training/sessions/\d+$")]
    private static partial Regex TrainingSessionLink();

    [GeneratedRegex(@"^/people/record/\d+$")]
    private static partial Regex TrainingRecordLink();

    [GeneratedRegex(@"^/campaigns/\d+$")]
    private static partial Regex CampaignLink();

    [GeneratedRegex(@"^/campaigns/new$")]
    private static partial Regex NewCampaignLink();

    [GeneratedRegex(@"^/orders/\d+$")]
    private static partial Regex OrderLink();

    [GeneratedRegex(@"^/service/tickets/\d+$")]
    private static partial Regex TicketLink();

    [GeneratedRegex(@"^/service/complaints/\d+$")]
    private static partial Regex ComplaintLink();

    [GeneratedRegex(@"^/inventory/stock/\d+/\d+$")]
    private static partial Regex StockLink();

    [GeneratedRegex(@"^/inventory/purchase-orders/\d+$")]
    private static partial Regex PurchaseOrderLink();

    [GeneratedRegex(@"^/catalog/products/\d+$")]
    private static partial Regex ProductLink();

    [GeneratedRegex(@"^/catalog/listings/\d+$")]
    private static partial Regex ListingLink();

    [GeneratedRegex(@"^/design/requests/\d+$")]
    private static partial Regex DesignRequestLink();

    [GeneratedRegex(@"^/catalog/audit/settings$")]
    private static partial Regex AuditSettingsLink();
}
