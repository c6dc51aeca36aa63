namespace EcomOps.Domain.Live;

/// <summary>
/// Tells many viewers the same news from every core. A circuit that is free renders at once on the thread that tells
/// it, so a board told its hundred viewers from one thread rendered them one after another on one core while the other
/// waited, and the last viewer's tab heard of the change a whole fan-out after the first. Split into one run per core, each
/// run tells its share in order, and the last viewer is told about as soon as the middle one was.
/// </summary>
internal static class FanOut
{
    /// <summary>Below this many viewers per core one thread tells them all: handing a run to another thread costs more
    /// than a few renders.</summary>
    internal const int PerRunAtLeast = 8;

    /// <summary>Calls <paramref name="tell"/> for each item: the first run on this thread, the others queued to the
    /// thread pool. <paramref name="tell"/> must not throw (it starts the viewer's own work and returns).</summary>
    public static void Tell<TItem, TNews>(IReadOnlyList<TItem> items, TNews news, Action<TItem, TNews> tell)
    {
        var runs = Math.Min(Environment.ProcessorCount, items.Count / PerRunAtLeast);
        if (runs <= 1)
        {
            TellRange(items, news, tell, 0, items.Count);
            return;
        }
        var size = (items.Count + runs - 1) / runs;
        for (var run = 1; run < runs; run++)
        {
            var from = run * size;
            var to = Math.Min(items.Count, from + size);
            ThreadPool.QueueUserWorkItem(_ => TellRange(items, news, tell, from, to), null);
        }
        TellRange(items, news, tell, 0, Math.Min(size, items.Count));
    }

    private static void TellRange<TItem, TNews>(IReadOnlyList<TItem> items, TNews news, Action<TItem, TNews> tell, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            tell(items[i], news);
        }
    }
}
