using System.Collections.Concurrent;

namespace EcomOps.Domain.Live;

/// <summary>
/// A list's pages read once for everyone who asks the same question of the same version of the data: after a change,
/// every open tab showing the same list asks again at once, and the database answers once. A version only grows, so a
/// page of an older version is never asked for again and is dropped once enough pile up. A failed read is not kept (the
/// next reader tries again), and no single reader's cancellation ends a read others wait for.
/// </summary>
public sealed class SharedReads<TQuestion, TAnswer>(Func<TQuestion, Task<TAnswer>> read, int keep = 256) where TQuestion : notnull
{
    private readonly ConcurrentDictionary<(TQuestion Question, long Version), Lazy<Task<TAnswer>>> _answers = new();

    public Task<TAnswer> AskAsync(TQuestion question, long version, CancellationToken ct = default)
    {
        if (_answers.Count > keep)
        {
            foreach (var old in _answers.Keys.Where(k => k.Version < version))
            {
                _answers.TryRemove(old, out _);
            }
        }
        // The read starts only once the dictionary holds it, so even a read that fails at once is removed, not kept.
        return _answers.GetOrAdd((question, version), key => new Lazy<Task<TAnswer>>(() => ReadAsync(key))).Value.WaitAsync(ct);
    }

    private async Task<TAnswer> ReadAsync((TQuestion Question, long Version) key)
    {
        try
        {
            return await read(key.Question);
        }
        catch
        {
            _answers.TryRemove(key, out _);
            throw;
        }
    }
}
