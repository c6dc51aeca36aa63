namespace EcomOps.Domain.Data;

/// <summary>
/// An entity two people can edit at once. <see cref="Version"/> is the concurrency token: it goes up by one on
/// every save, and a save made from a stale copy fails instead of silently overwriting the other person's change.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>A business entity: its creates, updates and deletes are written to the audit trail.</summary>
public interface IAudited;
