using System.Text.Json.Serialization;

namespace EcomOps.Domain.Live;

public enum LiveChangeKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>A committed change that a live board shows: which board, which entity, what happened.</summary>
public sealed record LiveChange(string Board, string Entity, string Key, LiveChangeKind Kind, DateTime AtUtc)
{
    /// <summary>
    /// A detached copy of the row as it was before the change (null when it was created, or when its entity does not
    /// carry values): with <see cref="After"/> a per-user list tells whether the change can alter its page without a
    /// query. Read-only by convention; never sent to hub clients.
    /// </summary>
    [JsonIgnore]
    public object? Before { get; init; }

    /// <summary>A detached copy of the row as the change left it (null when it was deleted or carries no values).</summary>
    [JsonIgnore]
    public object? After { get; init; }

    /// <summary>The entity name of a <see cref="Resync"/> change.</summary>
    public const string ResyncEntity = "*";

    /// <summary>
    /// "Anything on this board may have changed": sent once per board when the live channel between servers comes back
    /// after changes may have been missed. A board or list that sees it reloads.
    /// </summary>
    public static LiveChange Resync(string board, DateTime atUtc) => new(board, ResyncEntity, "", LiveChangeKind.Updated, atUtc);

    [JsonIgnore]
    public bool IsResync => Entity == ResyncEntity;
}

/// <summary>Names of the live boards. A board groups the changes a screen (or a SignalR client) listens to.</summary>
public static class Boards
{
    public const string Org = "org";

    /// <summary>Customer-service tickets: the live queue and ticket pages.</summary>
    public const string Tickets = "tickets";

    /// <summary>Who is on shift and who has which ticket open: presence, not stored data.</summary>
    public const string Presence = "presence";

    /// <summary>Escalations to customer-service supervisors (SLA warnings and breaches).</summary>
    public const string Alerts = "alerts";

    /// <summary>Sign-ins whose sessions must end now (deactivated, role changed). Key is the user id.</summary>
    public const string Sessions = "sessions";

    /// <summary>Referrals of customers' questions to departments: their lists, the ticket pages and people's home pages.</summary>
    public const string Referrals = "referrals";

    /// <summary>Customers' feedback and suggestions: the departments' list and the ticket pages.</summary>
    public const string Feedback = "feedback";

    /// <summary>Complaint cases: the complaint SLA board and case pages.</summary>
    public const string Complaints = "complaints";

    /// <summary>Stock movements and inventory alerts: the inventory alerts board and stock pages.</summary>
    public const string Inventory = "inventory";

    /// <summary>Orders: the live order board, the order list and the exception queue.</summary>
    public const string Orders = "orders";
    /// <summary>Design requests: the design board, request pages and designers' home pages.</summary>
    public const string Design = "design";
    /// <summary>Campaigns: the calendar, the campaign pages and the live campaign board.</summary>
    public const string Campaigns = "campaigns";

    /// <summary>Appraisals: cycles, each person's appraisal and the distribution of a team's grades.</summary>
    public const string Appraisals = "appraisals";

    /// <summary>The notification centre: a person's notifications (each change carries its row, so a bell reads only its own).</summary>
    public const string Notifications = "notifications";

    /// <summary>Training plans, sessions and enrolments; promotions and rotations.</summary>
    public const string Training = "training";

    /// <summary>KPI report builds: queued, progressing, ready or failed (the report archive).</summary>
    public const string Reports = "reports";

    /// <summary>The optimisation board's findings: found, acted on, measuring, closed.</summary>
    public const string Optimisation = "optimisation";

    /// <summary>Every board (the names above, so a board added there is in it).</summary>
    public static IReadOnlyList<string> All { get; } = [.. typeof(Boards)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];
}

/// <summary>Marks an entity whose committed changes are published on a live board.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LiveBoardAttribute(string board) : Attribute
{
    public string Board { get; } = board;

    /// <summary>Its changes carry the row's values before and after (<see cref="LiveChange.Before"/>, <see cref="LiveChange.After"/>).</summary>
    public bool CarriesValues { get; init; }
}
