namespace EcomOps.Domain.Data;

/// <summary>A rule a value broke: which field, and a stable code that the UI turns into words in the user's language.</summary>
public sealed record FieldError(string Field, string Code);

public enum OutcomeKind
{
    Done,
    Invalid,

    /// <summary>Someone else saved the same record since it was read: nothing was written; reload and try again.</summary>
    Conflict,
    NotFound,
}

/// <summary>What an operation did. Operations never half-write: anything but <see cref="OutcomeKind.Done"/> wrote nothing.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Kind == OutcomeKind.Done;

    public static Outcome<T> Done(T value) => new(OutcomeKind.Done, value, []);
    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, default, errors);
    public static Outcome<T> Conflict() => new(OutcomeKind.Conflict, default, []);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, []);
}
