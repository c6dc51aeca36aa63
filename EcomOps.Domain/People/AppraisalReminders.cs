using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

/// <summary>
/// Reminds the owner of each open appraisal step — the employee, the team's head, the director — from
/// <see cref="AppraisalPolicy.ReminderDaysBefore"/> days before the step's deadline. The event key names the appraisal
/// and the step, so the notification centre sends each step's reminder to each person once, however often the job runs.
/// </summary>
public sealed class AppraisalReminders(IDbContextFactory<OpsDb> dbFactory, NotificationCentre centre, CompanyTime time)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = time.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Set<Appraisal>().AsNoTracking().Include(a => a.Cycle).Include(a => a.Employee)
            .Where(a => a.Stage != AppraisalStage.Closed && a.Cycle!.ClosedAtUtc == null).ToListAsync(ct);
        var heads = await db.Employees.AsNoTracking().Where(e => e.Active && e.UserId != null).ToListAsync(ct);
        var directors = heads.Where(e => Permissions.Allows(e.Role, Permissions.CalibrateAppraisals)).ToList();
        var drafts = new List<NotificationDraft>();
        foreach (var appraisal in open)
        {
            if (appraisal.Cycle!.DueOn(appraisal.Stage) is not { } due || !AppraisalPolicy.ReminderDue(due, today))
            {
                continue;
            }
            var person = appraisal.Employee!;
            var owners = AppraisalRules.OwnerOf(appraisal.Stage) switch
            {
                AppraisalStepOwner.Employee => [person],
                AppraisalStepOwner.Head when AppraisalPolicy.IsHead(person) => directors,
                AppraisalStepOwner.Head => heads.Where(h => h.Team == person.Team && h.Id != person.Id && AppraisalPolicy.IsHead(h)).ToList(),
                AppraisalStepOwner.Director => directors.Where(d => d.Id != person.Id).ToList(),
                _ => [],
            };
            var dueText = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            drafts.AddRange(owners.Where(o => o.UserId is not null).Select(o => new NotificationDraft(o.UserId!, NotificationKind.AppraisalStep,
                $"appraisal:{appraisal.Id}:{appraisal.Stage}:due", "Notice.AppraisalStepDue", [person.FullName, $"@key:AppraisalStage.{appraisal.Stage}", dueText],
                AppraisalDesk.LinkOf(appraisal.Id))));
        }
        return await centre.SendAsync(drafts, ct);
    }
}
