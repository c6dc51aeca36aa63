namespace EcomOps.Domain.Service.Sla;

public enum TicketStatus
{
    New,
    Open,
    PendingCustomer,
    Solved,
    Closed,
}

public enum ThreadEntryKind
{
    CustomerMessage,
    PublicReply,
    InternalNote,
}

public sealed record StatusChange(TicketStatus Status, DateTime AtUtc);

public sealed record ThreadEntry(ThreadEntryKind Kind, DateTime AtUtc);

/// <summary>
/// What the SLA clock reads from a ticket: when it was created, its status history (the first entry is the status at
/// creation, whatever its time stamp) and its conversation, both in time order.
/// </summary>
public sealed class TicketTimeline
{
    public TicketTimeline(DateTime createdAtUtc, IReadOnlyList<StatusChange> statusHistory, IReadOnlyList<ThreadEntry> thread)
    {
        CreatedAtUtc = UtcInstant.Require(createdAtUtc, nameof(createdAtUtc));
        if (statusHistory.Count == 0)
        {
            throw new ArgumentException("The status history starts with the status at creation.", nameof(statusHistory));
        }
        RequireInOrder(statusHistory.Skip(1).Select(change => change.AtUtc), nameof(statusHistory));
        RequireInOrder(thread.Select(entry => entry.AtUtc), nameof(thread));
        StatusHistory = [.. statusHistory];
        Thread = [.. thread];
    }

    public DateTime CreatedAtUtc { get; }

    public IReadOnlyList<StatusChange> StatusHistory { get; }

    public IReadOnlyList<ThreadEntry> Thread { get; }

    private void RequireInOrder(IEnumerable<DateTime> instants, string paramName)
    {
        var previous = CreatedAtUtc;
        foreach (var at in instants)
        {
            UtcInstant.Require(at, paramName);
            if (at < previous)
            {
                throw new ArgumentException("Entries must be in time order and not before the ticket was created.", paramName);
            }
            previous = at;
        }
    }
}
