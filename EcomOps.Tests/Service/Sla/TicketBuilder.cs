using EcomOps.Domain.Service.Sla;

namespace EcomOps.Tests.Service.Sla;

/// <summary>Builds a ticket timeline in the order things happened, with times in Asia/Shanghai wall-clock time of 2026.</summary>
internal sealed class TicketBuilder
{
    private readonly DateTime _createdAt;
    private readonly List<StatusChange> _history;
    private readonly List<ThreadEntry> _thread = [];

    private TicketBuilder(DateTime createdAt, TicketStatus status)
    {
        _createdAt = createdAt;
        _history = [new(status, createdAt)];
    }

    /// <summary>A UTC instant from a Shanghai wall-clock time (UTC+8, no daylight saving).</summary>
    public static DateTime Shanghai(int month, int day, int hour, int minute = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    public static TicketBuilder CreatedAt(DateTime atUtc, TicketStatus status = TicketStatus.New) => new(atUtc, status);

    public TicketBuilder Status(TicketStatus status, DateTime atUtc)
    {
        _history.Add(new(status, atUtc));
        return this;
    }

    public TicketBuilder CustomerMessage(DateTime atUtc) => Add(ThreadEntryKind.CustomerMessage, atUtc);

    public TicketBuilder PublicReply(DateTime atUtc) => Add(ThreadEntryKind.PublicReply, atUtc);

    public TicketBuilder InternalNote(DateTime atUtc) => Add(ThreadEntryKind.InternalNote, atUtc);

    public TicketTimeline Build() => new(_createdAt, _history, _thread);

    private TicketBuilder Add(ThreadEntryKind kind, DateTime atUtc)
    {
        _thread.Add(new(kind, atUtc));
        return this;
    }
}
