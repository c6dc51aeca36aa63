using System.Text;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Data;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Analytics;

public sealed class TrafficImportTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private static readonly Actor Analyst = new(null, "specialist@ecomops.local");

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private TrafficImport Import => _harness.Get<TrafficImport>();

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    private const string Header = "channel,date,visits,page_views,visitors,new_visitors";

    [Fact]
    public async Task Duplicate_and_invalid_rows_are_shown_with_reasons_and_nothing_is_written_until_confirmed()
    {
        await using (var db = _harness.NewDb())
        {
            db.TrafficDays.Add(new TrafficDay { Channel = TrafficChannel.JD, Day = new DateOnly(2026, 11, 2), Visits = 1, PageViews = 1, Visitors = 1 });
            await db.SaveChangesAsync();
        }
        var file = Csv(Header,
            "Tmall,2026-11-01,1000,4000,700,200",
            "天猫,2026-11-01,1100,4100,710,210",
            "JD,2026-11-02,500,1500,300,90",
            "Amazon,2026-11-02,1,1,1,1",
            "Douyin,2026-13-01,10,40,7,2",
            "Douyin,2026-11-03,100,50,170,200",
            "Pinduoduo,2026-11-27,10,40,7,2",
            "WebShop,2026-11-03,ten,40,7,2",
            "WebShop,2026-11-03,10,40");

        var preview = await Import.PreviewAsync("traffic.csv", file);
        var unconfirmed = await Import.CommitAsync(Analyst, preview, problemsConfirmed: false);

        Assert.Null(preview.FileError);
        Assert.Equal([(4, "TrafficChannelUnknown"), (5, "TrafficDateInvalid"), (6, "TrafficVisitorsAboveVisits"), (6, "TrafficNewAboveVisitors"), (6, "TrafficPageViewsBelowVisits"),
                (7, "TrafficDateNotOver"), (8, "TrafficNumberInvalid"), (9, "TrafficColumnCount")],
            preview.Invalid.SelectMany(i => i.Reasons.Select(r => (i.Line - 1, r))));
        Assert.Equal([(TrafficChannel.Tmall, false, 2), (TrafficChannel.JD, true, 1)], preview.Duplicates.Select(d => (d.Key.Channel, d.AlreadyStored, d.Lines.Count)));
        Assert.Equal([new FieldError("Confirm", "TrafficProblemsUnconfirmed")], unconfirmed.Errors);
        await using (var db = _harness.NewDb())
        {
            Assert.Equal(1, await db.TrafficDays.CountAsync());
        }

        var confirmed = await Import.CommitAsync(Analyst, preview, problemsConfirmed: true);

        Assert.Equal(2, confirmed.Value);
        await using (var db = _harness.NewDb())
        {
            var days = await db.TrafficDays.OrderBy(d => d.Day).ToListAsync();
            Assert.Equal([(TrafficChannel.Tmall, 1100), (TrafficChannel.JD, 500)], days.Select(d => (d.Channel, d.Visits)));
            Assert.All(days, d => Assert.Equal(("specialist@ecomops.local", "traffic.csv"), (d.ImportedBy, d.SourceFile)));
        }
    }

    [Fact]
    public async Task Wrong_columns_wrong_encoding_and_an_empty_file_are_refused_as_a_whole_and_GBK_is_read()
    {
        // Taken from the provider, not registered: registering here would hide a product that forgot to.
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

        Assert.Equal("TrafficColumns", (await Import.PreviewAsync("a.csv", Csv("渠道,日期,访问", "Tmall,2026-11-01,1"))).FileError);
        // The platforms' back offices export GBK: it is read; UTF-16 ("Unicode text" from Excel) is not what any of them writes.
        Assert.Equal([TrafficChannel.Tmall], (await Import.PreviewAsync("b.csv", gbk.GetBytes(Header + "\n天猫,2026-11-01,1,1,1,1"))).Rows.Select(r => r.Channel));
        Assert.Equal("TrafficEncoding", (await Import.PreviewAsync("b.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header)).ToArray())).FileError);
        Assert.Equal("TrafficEmpty", (await Import.PreviewAsync("c.csv", Csv(Header, ""))).FileError);
        Assert.Equal([new FieldError("File", "TrafficColumns")], (await Import.CommitAsync(Analyst, await Import.PreviewAsync("a.csv", Csv("x")), true)).Errors);
    }

    [Fact]
    public async Task A_clean_file_imports_without_confirmation_and_a_day_stored_since_the_preview_is_a_conflict()
    {
        var clean = await Import.PreviewAsync("clean.csv", Csv("\uFEFF" + Header, "\"Web Shop\",2026/11/5,10,40,7,2"));
        await using (var db = _harness.NewDb())
        {
            db.TrafficDays.Add(new TrafficDay { Channel = TrafficChannel.WebShop, Day = new DateOnly(2026, 11, 5), Visits = 1, PageViews = 1, Visitors = 1 });
            await db.SaveChangesAsync();
        }

        var stale = await Import.CommitAsync(Analyst, clean, problemsConfirmed: false);
        var fresh = await Import.PreviewAsync("clean.csv", Csv(Header, "WebShop,2026-11-05,10,40,7,2"));
        var replaced = await Import.CommitAsync(Analyst, fresh, problemsConfirmed: true);

        Assert.False(clean.HasProblems);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.True(replaced.Succeeded);
        await using var check = _harness.NewDb();
        Assert.Equal(10, (await check.TrafficDays.SingleAsync()).Visits);
    }
}
