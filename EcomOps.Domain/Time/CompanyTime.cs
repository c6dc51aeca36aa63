namespace EcomOps.Domain.Time;

/// <summary>The company's clock: the injected <see cref="TimeProvider"/> seen in the company's IANA time zone.</summary>
public sealed class CompanyTime(TimeProvider clock, TimeZoneInfo zone)
{
    public const string DefaultZoneId = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; } = zone;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime LocalNow => ToLocal(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static TimeZoneInfo FindZone(string? id) => TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultZoneId : id);
}
