using EcomOps.Console.Jobs;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Jobs;

public sealed class RecurringJobTests : IDisposable
{
    private readonly OpsWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Every_recurring_job_of_the_registry_is_registered_at_start_up()
    {
        _ = _factory.Server;
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();

        var registered = connection.GetRecurringJobs().Select(j => j.Id).ToList();

        Assert.Equal(_factory.Services.GetRequiredService<RecurringJobs>().Ids.Order(), registered.Order());
    }

    [Fact]
    public void Every_recurring_job_has_a_display_name_in_both_languages_on_the_dashboard()
    {
        _ = _factory.Server;
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();

        var names = connection.GetRecurringJobs().Select(j => RecurringJobs.DisplayName(j.Job)).ToList();

        Assert.Equal(_factory.Services.GetRequiredService<RecurringJobs>().Ids.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.DoesNotContain("RunAsync", n, StringComparison.Ordinal));
        Assert.All(names, n => Assert.Contains(n, ch => ch >= '\u4e00' && ch <= '\u9fff'));
    }

    [Fact]
    public async Task Triggering_audit_retention_runs_the_real_job_and_removes_old_entries()
    {
        _ = _factory.Server;
        var services = _factory.Services;
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = DateTime.UtcNow.AddDays(-(AuditRetentionJob.DefaultRetentionDays + 1)),
                ActorName = "old",
                EntityType = nameof(Employee),
                EntityKey = "1",
            });
            await db.SaveChangesAsync();
        }
        var trail = services.GetRequiredService<AuditTrail>();
        var before = (await trail.SearchAsync(new AuditQuery(Actor: "old"))).Total;

        ((IRecurringJobManagerV2)services.GetRequiredService<IRecurringJobManager>()).TriggerJob(RecurringJobs.AuditRetention);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await trail.SearchAsync(new AuditQuery(Actor: "old"))).Total > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(1, before);
        Assert.Equal(0, (await trail.SearchAsync(new AuditQuery(Actor: "old"))).Total);
        Assert.True((await trail.SearchAsync(new AuditQuery(EntityType: nameof(Employee)))).Total > 0, "recent entries stay");
    }
    [Fact]
    public async Task Triggering_the_feedback_digest_twice_builds_last_months_workbook_once_per_department_in_the_report_language()
    {
        _ = _factory.Server;
        var services = _factory.Services;
        var digests = services.GetRequiredService<Domain.Service.Feedback.FeedbackDigests>();
        var lastMonth = digests.LastMonth;
        var time = services.GetRequiredService<Domain.Time.CompanyTime>();
        var ticket = (await services.GetRequiredService<Domain.Service.TicketDesk>().CreateAsync(Actor.System, new Domain.Service.TicketForm
        {
            Channel = Domain.Service.Sla.TicketChannel.OnlineChat, CustomerName = "钱喆", CustomerContact = "13600001111", Subject = "包装",
            Category = Domain.Service.TicketCategories.Other, Message = "盒子太大了。",
        })).Value;
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            // Recorded last month (the desk records at the present moment, so the row is written as last month left it).
            db.Add(new Domain.Service.Feedback.CustomerFeedback
            {
                TicketId = ticket, Kind = Domain.Service.Feedback.FeedbackKind.Feedback, Category = Domain.Service.Feedback.FeedbackCategory.Packaging,
                Department = Team.Operations, Text = "=1+1 盒子太大", CustomerName = "钱喆", RecordedByName = "客服",
                RecordedAtUtc = time.ToUtc(lastMonth.ToDateTime(new TimeOnly(10, 0))),
            });
            await db.SaveChangesAsync();
        }
        var jobs = (IRecurringJobManagerV2)services.GetRequiredService<IRecurringJobManager>();

        jobs.TriggerJob(RecurringJobs.FeedbackDigest);
        jobs.TriggerJob(RecurringJobs.FeedbackDigest);

        var director = Actor.Person(null, "director", Roles.OperationsDirector);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await digests.ListAsync(director)).Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        await Task.Delay(500);
        var built = await digests.ListAsync(director);
        Assert.Equal(3, built.Count);
        Assert.All(built, d => Assert.Equal((lastMonth, "zh-Hans"), (d.Month, d.Culture)));
        var operations = built.Single(d => d.Department == Team.Operations);
        Assert.Equal(1, operations.Entries);
        var file = (await digests.DownloadAsync(director, operations.Id))!.Value;
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheets.First();
        Assert.Equal("记录时间", sheet.Cell(1, 1).GetString());
        var text = sheet.CellsUsed().Single(c => c.GetString().Contains("盒子太大", StringComparison.Ordinal));
        Assert.False(text.HasFormula);
    }
}
