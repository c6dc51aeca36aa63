using System.Globalization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

/// <summary>
/// The reminders training sends through the notification centre, worked out from the sessions as they stand now:
/// attendees before a session (<see cref="TrainingSettings"/>), the trainer when attendance and results are due,
/// attendees when feedback opens, the manager when a person misses a required session or fails it. Each carries an event
/// key that names what it announces (a reminder names the start it is for), and the centre keeps one per key and person
/// in the database: a second run, a restart or a second server sends nothing twice, and a moved session is reminded of
/// its new time once.
/// </summary>
public sealed class TrainingReminders(IDbContextFactory<OpsDb> dbFactory, NotificationCentre centre, CompanyTime time, TrainingSettings settings)
{
    /// <summary>How far back a session's follow-ups are still sent (older ones are history, not news).</summary>
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromDays(14);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        // The earliest a reminder can be due is DaysBefore days (plus the day itself) before the start.
        var horizon = now.AddDays(Math.Max(0, settings.DaysBefore) + 2);
        var since = now - FollowUpWindow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.Set<TrainingSession>().AsNoTracking()
            .Include(s => s.Enrolments).ThenInclude(e => e.Employee).ThenInclude(e => e!.Manager)
            .Include(s => s.Trainer)
            .Where(s => !s.Cancelled && s.StartsAtUtc <= horizon && s.StartsAtUtc >= since)
            .AsSplitQuery()
            .ToListAsync(ct);
        var drafts = new List<NotificationDraft>();
        foreach (var session in sessions)
        {
            drafts.AddRange(DueFor(session, now));
        }
        return await centre.SendAsync(drafts, ct);
    }

    /// <summary>What is due for one session at <paramref name="now"/>.</summary>
    public IEnumerable<NotificationDraft> DueFor(TrainingSession session, DateTime now)
    {
        var link = TrainingDesk.LinkOf(session.Id);
        var enrolled = session.Enrolments.Where(e => e.State == EnrolmentState.Enrolled && e.Employee?.UserId is not null).ToList();
        var key = $"training:{session.Id}";
        if (session.StartsAtUtc > now && TrainingRules.ReminderDueUtc(session.StartsAtUtc, settings, time.Zone) <= now)
        {
            var ticks = session.StartsAtUtc.Ticks.ToString(CultureInfo.InvariantCulture);
            foreach (var e in enrolled)
            {
                yield return new NotificationDraft(e.Employee!.UserId!, NotificationKind.TrainingReminder, $"{key}:reminder:{ticks}",
                    "Notice.TrainingReminder", [session.Title, NotificationDraft.Time(session.StartsAtUtc), session.Place], link);
            }
        }
        if (session.EndsAtUtc > now)
        {
            yield break;
        }
        if (session.Trainer?.UserId is { } trainer)
        {
            if (session.AttendanceTakenAtUtc is null)
            {
                yield return new NotificationDraft(trainer, NotificationKind.TrainingDue, $"{key}:attendance-due", "Notice.TrainingAttendanceDue", [session.Title], link);
            }
            else if (session.ResultsRecordedAtUtc is null && enrolled.Any(e => e.Attended == true))
            {
                yield return new NotificationDraft(trainer, NotificationKind.TrainingDue, $"{key}:results-due", "Notice.TrainingResultsDue", [session.Title], link);
            }
        }
        if (session.AttendanceTakenAtUtc is null)
        {
            yield break;
        }
        foreach (var e in enrolled)
        {
            var person = e.Employee!;
            if (e.Attended == true)
            {
                yield return new NotificationDraft(person.UserId!, NotificationKind.TrainingFeedback, $"{key}:feedback-open", "Notice.TrainingFeedbackOpen", [session.Title], link);
            }
            if (person.Manager?.UserId is not { } manager)
            {
                continue;
            }
            if (e.Required && e.Attended == false)
            {
                yield return new NotificationDraft(manager, NotificationKind.TrainingMissed, $"{key}:missed:{person.Id}", "Notice.TrainingMissed",
                    [person.FullName, session.Title], $"/people/record/{person.Id}");
            }
            if (e.Passed == false)
            {
                yield return new NotificationDraft(manager, NotificationKind.TrainingFailed, $"{key}:failed:{person.Id}", "Notice.TrainingFailed",
                    [person.FullName, session.Title], $"/people/record/{person.Id}");
            }
        }
    }
}
