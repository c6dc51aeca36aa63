using System.Text.Json;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Notifications;

/// <summary>What a notification is about: its icon and the filter on the list.</summary>
public enum NotificationKind
{
    TrainingReminder,
    TrainingMoved,
    TrainingDue,
    TrainingFeedback,
    TrainingMissed,
    TrainingFailed,
    TrainingPlan,
    Promotion,
    SlaEscalation,
    ComplaintMeasureOverdue,
    AuditFinding,

    /// <summary>A customer's question referred to the reader (by name) or to the department they head.</summary>
    Referral,
    ReferralAnswered,
    ReferralOverdue,
    AppraisalStep,

    /// <summary>A customer's feedback or suggestion for the department the reader heads, and its monthly digest.</summary>
    CustomerFeedback,
    FeedbackDigest,
}

/// <summary>
/// One message to one person in the notification centre. The text is a UI text key and its arguments, so it reads in
/// the reader's language whenever it is shown. <see cref="EventKey"/> names the event: the pair (recipient, event) is
/// unique in the database, so an event reaches a person once however often (or on however many servers) a job runs.
/// </summary>
[LiveBoard(Boards.Notifications, CarriesValues = true)]
public sealed class Notification
{
    public const int MaxArgLength = 400;

    public long Id { get; set; }
    public required string RecipientUserId { get; set; }
    public NotificationKind Kind { get; set; }
    public required string TextKey { get; set; }

    /// <summary>The text's arguments as a JSON array of strings; a time is written <c>@utc:</c> and ISO 8601, shown in the reader's format.</summary>
    public string ArgsJson { get; set; } = "[]";

    public string? Link { get; set; }
    public required string EventKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }

    public IReadOnlyList<string> Args => JsonSerializer.Deserialize<string[]>(ArgsJson) ?? [];
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.RecipientUserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.TextKey).HasMaxLength(100);
        b.Property(n => n.ArgsJson).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.EventKey).HasMaxLength(200);
        b.HasIndex(n => new { n.RecipientUserId, n.EventKey }).IsUnique();
        b.HasIndex(n => new { n.RecipientUserId, n.ReadAtUtc, n.CreatedAtUtc });
    }
}

/// <summary>A notification to be sent: to whom (a sign-in), about which event, with which text.</summary>
public sealed record NotificationDraft(string RecipientUserId, NotificationKind Kind, string EventKey, string TextKey, IReadOnlyList<string> Args, string? Link)
{
    /// <summary>A time argument: shown in the reader's zone and format.</summary>
    public static string Time(DateTime utc) => "@utc:" + DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public Notification ToEntity(DateTime now) => new()
    {
        RecipientUserId = RecipientUserId, Kind = Kind, EventKey = EventKey, TextKey = TextKey, Link = Link, CreatedAtUtc = now,
        ArgsJson = JsonSerializer.Serialize(Args.Select(a => a.Length > Notification.MaxArgLength ? a[..Notification.MaxArgLength] : a).ToArray()),
    };
}

/// <summary>A notification as the bell and the list show it.</summary>
public sealed record NotificationRow(long Id, NotificationKind Kind, string TextKey, IReadOnlyList<string> Args, string? Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc)
{
    public bool Unread => ReadAtUtc is null;

    public static NotificationRow Of(Notification n) => new(n.Id, n.Kind, n.TextKey, n.Args, n.Link, n.CreatedAtUtc, n.ReadAtUtc);
}
