using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EcomOps.Domain.Live;

/// <summary>
/// Committed changes as they travel between the servers of a cluster: board, entity, key, kind and time, and for the
/// entities whose changes carry values (<see cref="LiveBoardAttribute.CarriesValues"/>) the row before and after,
/// with its stored fields only (no related rows). What one server sends, another reads back as the same changes, so a
/// per-user list on any server tells from the change alone whether its page moves.
/// </summary>
public static class LiveWire
{
    private static readonly IReadOnlyDictionary<string, Type> CarriedTypes = typeof(LiveWire).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<LiveBoardAttribute>() is { CarriesValues: true })
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredFieldsOnly } },
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Write(IReadOnlyCollection<LiveChange> changes) =>
        JsonSerializer.SerializeToUtf8Bytes(changes.Select(Wire.Of).ToList(), Options);

    /// <summary>The changes a message carries; a message this version cannot read yields <c>null</c>, not an exception.</summary>
    public static IReadOnlyList<LiveChange>? Read(ReadOnlySpan<byte> message)
    {
        try
        {
            var wires = JsonSerializer.Deserialize<List<Wire>>(message, Options);
            return wires?.Select(w => w.ToChange()).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private sealed record Wire(string Board, string Entity, string Key, LiveChangeKind Kind, DateTime AtUtc, JsonElement? Before, JsonElement? After)
    {
        public static Wire Of(LiveChange change) =>
            new(change.Board, change.Entity, change.Key, change.Kind, change.AtUtc, Values(change.Before), Values(change.After));

        public LiveChange ToChange() => new(Board, Entity, Key, Kind, DateTime.SpecifyKind(AtUtc, DateTimeKind.Utc))
        {
            Before = Row(Entity, Before),
            After = Row(Entity, After),
        };

        private static JsonElement? Values(object? row) =>
            row is not null && CarriedTypes.ContainsKey(row.GetType().Name) ? JsonSerializer.SerializeToElement(row, row.GetType(), Options) : null;

        private static object? Row(string entity, JsonElement? values) =>
            values is { } json && CarriedTypes.TryGetValue(entity, out var type) ? json.Deserialize(type, Options) : null;
    }

    /// <summary>A carried row travels with its stored fields: related rows and computed properties stay home.</summary>
    private static void StoredFieldsOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !CarriedTypes.ContainsKey(info.Type.Name))
        {
            return;
        }
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null || !IsStored(property.PropertyType))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private static bool IsStored(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(decimal) || plain == typeof(DateTime)
            || plain == typeof(DateOnly) || plain == typeof(TimeOnly) || plain == typeof(DateTimeOffset) || plain == typeof(Guid);
    }
}
