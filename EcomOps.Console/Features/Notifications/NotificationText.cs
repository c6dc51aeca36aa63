using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Notifications;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcomOps.Console.Features.Notifications;

/// <summary>A notification's words in the reader's language: its text key with its arguments, times in the reader's format.</summary>
public static class NotificationText
{
    public static string Of(NotificationRow row, IStringLocalizer<UiText> l, DisplayFormat format) =>
        l[row.TextKey, [.. row.Args.Select(a => Argument(a, l, format))]];

    private static object Argument(string arg, IStringLocalizer<UiText> l, DisplayFormat format) =>
        arg.StartsWith("@utc:", StringComparison.Ordinal) && DateTime.TryParse(arg[5..], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            ? format.DateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc))
        : arg.StartsWith("@key:", StringComparison.Ordinal) ? l[arg[5..]].Value
        // A team by its name only: Enum.TryParse also takes any number ("14 new findings" read "Team.14 new findings").
        : Enum.IsDefined(typeof(Domain.Org.Team), arg) ? l[$"Team.{arg}"].Value
        : Domain.Org.Roles.IsKnown(arg) ? l[$"Role.{arg}"].Value
        : arg;

    /// <summary>The notification's link when the reader may open its page (the director hears of SLA escalations but works no tickets).</summary>
    public static string? LinkFor(NotificationRow row, Domain.Data.Actor reader) =>
        row.Link is { } link && (Components.Shared.PermittedLink.PolicyOf(link) is not { } policy || reader.May(policy)) ? link : null;

    public static string IconOf(NotificationKind kind) => kind switch
    {
        NotificationKind.TrainingReminder => Icons.Material.Filled.EventAvailable,
        NotificationKind.TrainingMoved => Icons.Material.Filled.EventRepeat,
        NotificationKind.TrainingDue => Icons.Material.Filled.Checklist,
        NotificationKind.TrainingFeedback => Icons.Material.Filled.RateReview,
        NotificationKind.TrainingMissed or NotificationKind.TrainingFailed => Icons.Material.Filled.Report,
        NotificationKind.TrainingPlan => Icons.Material.Filled.School,
        NotificationKind.Promotion => Icons.Material.Filled.TrendingUp,
        NotificationKind.SlaEscalation => Icons.Material.Filled.Timer,
        NotificationKind.ComplaintMeasureOverdue => Icons.Material.Filled.ReportProblem,
        NotificationKind.AuditFinding => Icons.Material.Filled.FactCheck,
        NotificationKind.Referral => Icons.Material.Filled.ForwardToInbox,
        NotificationKind.ReferralAnswered => Icons.Material.Filled.MarkEmailRead,
        NotificationKind.ReferralOverdue => Icons.Material.Filled.AlarmOn,
        NotificationKind.AppraisalStep => Icons.Material.Filled.Grading,
        NotificationKind.CustomerFeedback => Icons.Material.Filled.Feedback,
        NotificationKind.FeedbackDigest => Icons.Material.Filled.Summarize,
        _ => Icons.Material.Filled.Notifications,
    };

    public static Color ColorOf(NotificationKind kind) => kind switch
    {
        NotificationKind.SlaEscalation or NotificationKind.TrainingMissed or NotificationKind.TrainingFailed or NotificationKind.ComplaintMeasureOverdue
            or NotificationKind.ReferralOverdue => Color.Error,
        NotificationKind.AuditFinding or NotificationKind.TrainingDue => Color.Warning,
        _ => Color.Primary,
    };
}
