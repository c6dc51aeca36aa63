using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomOps.Tests.Support;

/// <summary>Counts the SQL commands the Domain sends that read (SELECT), to prove how often a board or list queries.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    private void Count(DbCommand command)
    {
        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _reads);
        }
    }
}
