using System.Globalization;
using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;

namespace EcomOps.Domain.Service.Sla;

/// <summary>When a policy hands a ticket to someone else: on its warning, or only once it is breached.</summary>
public enum SlaEscalationTrigger
{
    Warning,
    Breach,
}

/// <summary>The reassignment a policy names for its escalations: who gets the ticket, and on which escalation.</summary>
public sealed record SlaReassignment(SlaEscalationTrigger When, int EmployeeId);

/// <summary>
/// The customer-service SLA as its supervisors edit and store it: the calendar's zone and weekly hours, and the ordered
/// policies. Plain values, so it is stored as one JSON document and edited in a form; <see cref="Build"/> is the one
/// place that checks it and, with the desk's dated days (holidays, make-up workdays, days with hours of their own,
/// stored apart as <see cref="Calendars.CalendarDay"/> rows), turns it into the calendar and policies the clock uses.
/// </summary>
public sealed class SlaSettings
{
    public const int MaxPolicies = 30;
    public const int MaxNameLength = 60;
    public const int MaxTargetMinutes = 60 * 24 * 60;

    /// <summary>The zones offered in the editor; any IANA zone the server knows is accepted.</summary>
    public static readonly IReadOnlyList<string> CommonTimeZones =
    [
        "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Europe/London",
        "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC",
    ];

    public string TimeZoneId { get; set; } = "Asia/Shanghai";

    /// <summary>Opening hours per weekday as people write them: "09:00-12:00, 13:30-18:00"; empty is closed.</summary>
    public Dictionary<DayOfWeek, string> WeeklyHours { get; set; } = [];

    public List<SlaPolicySettings> Policies { get; set; } = [];

    /// <summary>
    /// The service desk's hours: every day 09:00–23:00 in Shanghai, when online shoppers write most. Its closed days
    /// (the eve and first day of the Spring Festival) are seeded calendar days (<see cref="Calendars.CalendarSeeds"/>).
    /// </summary>
    public static SlaSettings Default() => new()
    {
        TimeZoneId = "Asia/Shanghai",
        WeeklyHours = Enum.GetValues<DayOfWeek>().ToDictionary(day => day, _ => "09:00-23:00"),
        Policies =
        [
            new() { Name = "Urgent", Priority = TicketPriority.Urgent, FirstResponseMinutes = 30, NextReplyMinutes = 60, ResolutionMinutes = 8 * 60 },
            new() { Name = "Complaint", Category = TicketCategories.Complaint, FirstResponseMinutes = 120, NextReplyMinutes = 240, ResolutionMinutes = 42 * 60 },
            new() { Name = "Online chat", Channel = TicketChannel.OnlineChat, FirstResponseMinutes = 15, NextReplyMinutes = 30, ResolutionMinutes = 14 * 60 },
            new() { Name = "Hotline", Channel = TicketChannel.Hotline, FirstResponseMinutes = 60, NextReplyMinutes = 120, ResolutionMinutes = 28 * 60 },
            new() { Name = "Standard", FirstResponseMinutes = 240, NextReplyMinutes = 480, ResolutionMinutes = 42 * 60 },
        ],
    };

    public SlaSettings Copy() => new()
    {
        TimeZoneId = TimeZoneId,
        WeeklyHours = new(WeeklyHours),
        Policies = [.. Policies.Select(policy => policy with { })],
    };

    /// <summary>
    /// Checks every value and builds the calendar, with the desk's dated days, and the policies; each problem names its
    /// field (<c>WeeklyHours.Monday</c>, <c>Policies[2].FirstResponse</c>) and a code the UI translates.
    /// </summary>
    public Outcome<(BusinessCalendar Calendar, SlaPolicySet Policies)> Build(CalendarDates? days = null)
    {
        days ??= CalendarDates.None;
        var errors = new List<FieldError>();
        var zoneKnown = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId ?? "", out _);
        if (!zoneKnown)
        {
            errors.Add(new FieldError(nameof(TimeZoneId), "SlaTimeZoneUnknown"));
        }

        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (TryParseHours(WeeklyHours.GetValueOrDefault(day), out var hours, out var code))
            {
                week[day] = hours;
            }
            else
            {
                errors.Add(new FieldError($"{nameof(WeeklyHours)}.{day}", code!));
            }
        }
        if (week.Count == 7 && week.Values.All(hours => hours.Count == 0))
        {
            errors.Add(new FieldError(nameof(WeeklyHours), "SlaNoOpeningHours"));
        }
        if (days.MakeUpWorkdays.Count > 0 && week.TryGetValue(DayOfWeek.Monday, out var monday) && monday.Count == 0)
        {
            // A make-up workday works Monday's hours: with Monday closed it would open nothing.
            errors.Add(new FieldError($"{nameof(WeeklyHours)}.{DayOfWeek.Monday}", "SlaMakeUpDayClosedWeekday"));
        }

        if (Policies.Count == 0)
        {
            errors.Add(new FieldError(nameof(Policies), "SlaNoPolicies"));
        }
        else if (Policies.Count > MaxPolicies)
        {
            errors.Add(new FieldError(nameof(Policies), "SlaTooManyPolicies"));
        }
        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Policies.Count; i++)
        {
            errors.AddRange(Policies[i].Check($"{nameof(Policies)}[{i}]", seenNames));
        }

        if (errors.Count > 0)
        {
            return Outcome<(BusinessCalendar, SlaPolicySet)>.Invalid(errors);
        }
        var calendar = new BusinessCalendar(TimeZoneId!, week, days.Holidays, days.MakeUpWorkdays, days.DatedHours);
        return Outcome<(BusinessCalendar, SlaPolicySet)>.Done((calendar, new SlaPolicySet(Policies.Select(policy => policy.ToPolicy()))));
    }

    /// <summary>
    /// Reads "09:00-12:00, 13:30-18:00" (en or em dash; "24:00" for midnight, and a closing "23:59" means the same, see
    /// <see cref="OpeningInterval"/>); empty means closed.
    /// </summary>
    public static bool TryParseHours(string? text, out IReadOnlyList<OpeningInterval> hours, out string? errorCode)
    {
        hours = [];
        errorCode = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var parsed = new List<OpeningInterval>();
        foreach (var part in text.Split([',', ';', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–', '—', '~', '～'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryParseClock(ends[0], out var opens) || !TryParseClock(ends[1], out var closes))
            {
                errorCode = "SlaHoursFormat";
                return false;
            }
            if (closes != TimeOnly.MinValue && closes <= opens)
            {
                errorCode = "SlaHoursCloseBeforeOpen";
                return false;
            }
            parsed.Add(new OpeningInterval(opens, closes));
        }
        var ordered = parsed.OrderBy(interval => interval.Opens).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].OpensAfterMidnight < ordered[i - 1].ClosesAfterMidnight)
            {
                errorCode = "SlaHoursOverlap";
                return false;
            }
        }
        hours = ordered;
        return true;
    }

    /// <summary>Writes hours the way <see cref="TryParseHours"/> reads them.</summary>
    public static string FormatHours(IEnumerable<OpeningInterval> hours) =>
        string.Join(", ", hours.Select(h => $"{h.Opens:HH\\:mm}-{(h.Closes == TimeOnly.MinValue ? "24:00" : h.Closes.ToString("HH\\:mm", CultureInfo.InvariantCulture))}"));

    private static bool TryParseClock(string text, out TimeOnly time)
    {
        if (text is "24:00" or "24")
        {
            time = TimeOnly.MinValue;
            return true;
        }
        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "%H"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}

/// <summary>One policy as stored and edited: what it matches, its targets in minutes, its warning and reassignment.</summary>
public sealed record SlaPolicySettings
{
    public string Name { get; set; } = "";

    /// <summary>Matches every ticket (no priority, channel or category): it must stand last, or the ones after it never match.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsCatchAll => Priority is null && Channel is null && Category is null;

    public TicketPriority? Priority { get; set; }

    public TicketChannel? Channel { get; set; }

    public string? Category { get; set; }

    public int? FirstResponseMinutes { get; set; }

    public int? NextReplyMinutes { get; set; }

    public int? ResolutionMinutes { get; set; }

    /// <summary>Per target: business hours count only the calendar's opening hours; calendar hours count every hour.</summary>
    public SlaTimeMode FirstResponseMode { get; set; } = SlaTimeMode.BusinessHours;

    public SlaTimeMode NextReplyMode { get; set; } = SlaTimeMode.BusinessHours;

    public SlaTimeMode ResolutionMode { get; set; } = SlaTimeMode.BusinessHours;

    public int WarningPercent { get; set; } = 80;

    /// <summary>When set with <see cref="ReassignToEmployeeId"/>, the escalation also hands the ticket over.</summary>
    public SlaEscalationTrigger? ReassignOn { get; set; }

    public int? ReassignToEmployeeId { get; set; }

    internal IEnumerable<FieldError> Check(string prefix, HashSet<string> seenNames)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            yield return new FieldError($"{prefix}.Name", "Required");
        }
        else if (name.Length > SlaSettings.MaxNameLength)
        {
            yield return new FieldError($"{prefix}.Name", "TooLong");
        }
        else if (!seenNames.Add(name))
        {
            yield return new FieldError($"{prefix}.Name", "SlaPolicyNameTaken");
        }
        if (Category is { } category && !TicketCategories.All.Contains(category))
        {
            yield return new FieldError($"{prefix}.Category", "UnknownCategory");
        }
        foreach (var (field, minutes) in new[] { ("FirstResponse", FirstResponseMinutes), ("NextReply", NextReplyMinutes), ("Resolution", ResolutionMinutes) })
        {
            if (minutes is { } value && (value <= 0 || value > SlaSettings.MaxTargetMinutes))
            {
                yield return new FieldError($"{prefix}.{field}", "SlaTargetOutOfRange");
            }
        }
        if (FirstResponseMinutes is null && NextReplyMinutes is null && ResolutionMinutes is null)
        {
            yield return new FieldError($"{prefix}.FirstResponse", "SlaPolicyNoTargets");
        }
        if (WarningPercent is < 1 or > 100)
        {
            yield return new FieldError($"{prefix}.WarningPercent", "SlaWarningOutOfRange");
        }
        if ((ReassignOn is null) != (ReassignToEmployeeId is null))
        {
            yield return new FieldError($"{prefix}.ReassignTo", "SlaReassignIncomplete");
        }
    }

    internal SlaPolicy ToPolicy()
    {
        static SlaTarget? Target(int? minutes, SlaTimeMode mode) => minutes is { } value ? new SlaTarget(TimeSpan.FromMinutes(value), mode) : null;
        return new SlaPolicy
        {
            Name = Name.Trim(),
            Priority = Priority,
            Channel = Channel,
            Category = Category,
            FirstResponse = Target(FirstResponseMinutes, FirstResponseMode),
            NextReply = Target(NextReplyMinutes, NextReplyMode),
            Resolution = Target(ResolutionMinutes, ResolutionMode),
            WarningShare = WarningPercent / 100.0,
            Reassignment = ReassignOn is { } when && ReassignToEmployeeId is { } employee ? new SlaReassignment(when, employee) : null,
        };
    }
}
