using Microsoft.Data.Sqlite;

namespace EcomOps.Domain.Data;

/// <summary>
/// The one place where a write that found the database busy is tried again. SQLite lets one writer at a time in; a
/// writer that waited its whole busy timeout gets "database is locked" (SQLITE_BUSY). Instead of letting that reach a
/// person (a 500, a broken page), the operation runs again from its start — a new context, a new transaction, nothing
/// of the failed attempt kept — after a jittered back-off, so that many waiting writers do not all knock at once.
/// When the database stays busy past the budget, the operation answers <see cref="Busy"/> (nothing written), which
/// the web layer turns into 503 with Retry-After and a page into "busy, try again".
/// Within one console the writers that come through here also queue for their turn, first come first served: SQLite's
/// own busy wait lets whoever polls at the right moment in, so with eight writers one could wait twenty seconds while
/// others went twice. The retry stays for writers outside the queue (another process, a write that does not come here).
/// </summary>
public static class WriteRetry
{
    private static readonly SemaphoreSlim Turn = new(1, 1);

    // A write that runs another write inside it already holds the turn.
    private static readonly AsyncLocal<bool> HoldsTurn = new();

    public const string BusyCode = "DatabaseBusy";

    /// <summary>The refusal for a write that could not get in: nothing was written, trying again later will do.</summary>
    public static readonly FieldError Busy = new("Database", BusyCode);

    /// <summary>How long each attempt waits inside SQLite for the lock before it gives up (the connection's busy timeout).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Attempts in all: with the back-off between them, a writer waits about a minute before it is told "busy".</summary>
    public const int Attempts = 6;

    /// <summary>
    /// Whether an exception (or one it wraps) is the database saying "not now": SQLite busy or a table locked; on
    /// PostgreSQL a deadlock broken by the server or a serialization failure, which the server expects the
    /// transaction to run again for.
    /// </summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } or Npgsql.PostgresException { SqlState: "40P01" or "40001" })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether an exception (or one it wraps) is a unique index refusing a second row with the same key, on either engine.</summary>
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } or Npgsql.PostgresException { SqlState: "23505" })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs a write operation, again from its start while the database is busy, and <see cref="Busy"/> past the budget.</summary>
    public static async Task<Outcome<T>> RunAsync<T>(Func<Task<Outcome<T>>> write, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InTurnAsync(write, ct);
            }
            catch (Exception e) when (IsBusy(e))
            {
                if (attempt >= Attempts)
                {
                    return Outcome<T>.Invalid([Busy]);
                }
                await Task.Delay(BackOff(attempt), ct);
            }
        }
    }

    /// <summary>As <see cref="RunAsync{T}(Func{Task{Outcome{T}}}, CancellationToken)"/> for a write that answers plainly (a job's step): past the budget it throws.</summary>
    public static async Task<T> RunOrThrowAsync<T>(Func<Task<T>> write, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InTurnAsync(write, ct);
            }
            catch (Exception e) when (IsBusy(e) && attempt < Attempts)
            {
                await Task.Delay(BackOff(attempt), ct);
            }
        }
    }

    private static async Task<T> InTurnAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        if (HoldsTurn.Value)
        {
            return await write();
        }
        await Turn.WaitAsync(ct);
        try
        {
            HoldsTurn.Value = true;
            return await write();
        }
        finally
        {
            HoldsTurn.Value = false;
            Turn.Release();
        }
    }

    /// <summary>Doubling from 100 ms to at most 3.2 s, each spread over half to all of it.</summary>
    private static TimeSpan BackOff(int attempt)
    {
        var ceiling = Math.Min(100 * Math.Pow(2, attempt - 1), 3200);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
