using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Calendars;

/// <summary>The calendars whose days are stored and edited.</summary>
public enum WorkCalendar
{
    /// <summary>The customer-service desk: its SLA clock counts its opening hours.</summary>
    ServiceDesk,

    /// <summary>The company's working days (Monday to Friday and China's public holidays): the ship-by promise and stock counts.</summary>
    Company,
}

public enum CalendarDayKind
{
    /// <summary>Closed all day.</summary>
    Holiday,

    /// <summary>Worked although its weekday is normally closed (调休), with Monday's hours.</summary>
    MakeUpWorkday,

    /// <summary>Open with hours of its own instead of its weekday's: an extended 11.11 or 618, a short day before a holiday.</summary>
    SpecialHours,
}

/// <summary>One date of a calendar that differs from its week: a holiday, a make-up workday or a day with hours of its own.</summary>
public sealed class CalendarDay : IVersioned, IAudited
{
    public const int MaxNameLength = 60;
    public const int MaxHoursLength = 100;

    public int Id { get; set; }

    public WorkCalendar Calendar { get; set; }

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>For <see cref="CalendarDayKind.SpecialHours"/>: "09:00-12:00, 13:00-23:59" as people write it.</summary>
    public string? Hours { get; set; }

    /// <summary>What the day is, in words: "国庆节", "11.11 extended hours".</summary>
    public string? Name { get; set; }

    public long Version { get; set; }
}

/// <summary>A seed (a year's public holidays) already written once: never written again, so a removed day stays removed.</summary>
public sealed class CalendarSeedApplied
{
    public required string Key { get; set; }

    public DateTime AppliedAtUtc { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays");
        b.Property(d => d.Calendar).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Hours).HasMaxLength(CalendarDay.MaxHoursLength);
        b.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength);
        // One entry per date and calendar: two would contradict each other.
        b.HasIndex(d => new { d.Calendar, d.Date }).IsUnique();
    }
}

internal sealed class CalendarSeedAppliedConfiguration : IEntityTypeConfiguration<CalendarSeedApplied>
{
    public void Configure(EntityTypeBuilder<CalendarSeedApplied> b)
    {
        b.ToTable("CalendarSeedsApplied");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(60);
    }
}
