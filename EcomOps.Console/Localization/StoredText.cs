using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Data;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Localization;

/// <summary>Values records keep as codes, as a reader says them: people, languages, time zones, carriers, platforms.</summary>
public static class StoredText
{
    /// <summary>A language code ("zh-Hans", "en") by its name in the reader's language ("中文", "English").</summary>
    public static string LanguageName(this IStringLocalizer text, string code) =>
        text[$"Answers.Language.{code}"] is { ResourceNotFound: false } name ? name.Value
        : code.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? text["Answers.Language.zh-Hans"] : code;

    /// <summary>A time zone by the name its reader knows ("China time (Beijing)", "北京时间"); an unusual one by its IANA id.</summary>
    public static string ZoneName(this IStringLocalizer text, string zoneId) =>
        text[$"TimeZone.{zoneId}"] is { ResourceNotFound: false } name ? name.Value : zoneId;

    /// <summary>A carrier by its name in the reader's language ("SF Express", "顺丰速运"); one the console does not list, as stored.</summary>
    public static string CarrierName(this IStringLocalizer text, string carrier) =>
        text[$"Carrier.{carrier}"] is { ResourceNotFound: false } name ? name.Value : carrier;

    /// <summary>
    /// A sales platform a figure is broken down or recorded by ("WebShop") by its name in the reader's language ("官网商城");
    /// any other label as it is.
    /// </summary>
    public static string PlatformOr(this IStringLocalizer text, string label) =>
        Enum.TryParse<TrafficChannel>(label, out var channel) && Enum.IsDefined(channel) ? text[$"Traffic.Channel.{channel}"].Value : label;

    /// <summary>Who did something: a person's full name, the console's own work as the console.</summary>
    /// <param name="names">Full names by sign-in or user id, looked up once for the whole list (<see cref="Domain.Org.PeopleNames"/>).</param>
    /// <param name="stored">What the record keeps: a sign-in e-mail, a user id, or the name of an automatic actor.</param>
    public static string Person(this IStringLocalizer text, IReadOnlyDictionary<string, string> names, string? stored) =>
        stored is null ? "—"
        : names.TryGetValue(stored, out var name) ? name
        : text.AutomaticActor(stored) ?? stored;

    /// <summary>
    /// The console's own work (an actor without a person: jobs, auto-assignment, API intake, demo data) as the
    /// console, naming the part that acted: "Console (automatic) · auto-assignment". Null for any other name.
    /// </summary>
    public static string? AutomaticActor(this IStringLocalizer text, string name) => name switch
    {
        _ when name == Actor.System.Name => text["Common.SystemActor"].Value,
        "auto-assign" => text["Common.SystemActor.AutoAssign"].Value,
        "bootstrap" => text["Common.SystemActor.Bootstrap"].Value,
        "demo-data" => text["Common.SystemActor.DemoData"].Value,
        _ when name.StartsWith("api:", StringComparison.Ordinal) => text["Common.SystemActor.Api", name[4..]].Value,
        _ => null,
    };
}
