using EcomOps.Domain.Live;

namespace EcomOps.Tests.Live;

public sealed class SharedReadsTests
{
    [Fact]
    public async Task Everyone_asking_the_same_question_of_the_same_version_shares_one_read()
    {
        var reads = 0;
        var gate = new TaskCompletionSource();
        var shared = new SharedReads<string, int>(async q =>
        {
            Interlocked.Increment(ref reads);
            await gate.Task;
            return q.Length;
        });

        var asks = Enumerable.Range(0, 100).Select(_ => shared.AskAsync("open queue", version: 7)).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(asks), answer => Assert.Equal(10, answer));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_new_version_or_another_question_is_read_again()
    {
        var reads = 0;
        var shared = new SharedReads<string, int>(q => { Interlocked.Increment(ref reads); return Task.FromResult(q.Length); });

        await shared.AskAsync("a", 1);
        await shared.AskAsync("a", 1);
        await shared.AskAsync("a", 2);
        await shared.AskAsync("bb", 2);

        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_failed_read_is_not_kept_and_the_next_reader_tries_again()
    {
        var fail = true;
        var shared = new SharedReads<string, int>(q => fail ? Task.FromException<int>(new InvalidOperationException("busy")) : Task.FromResult(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.AskAsync("q", 1));
        fail = false;

        Assert.Equal(1, await shared.AskAsync("q", 1));
    }

    [Fact]
    public async Task One_reader_giving_up_does_not_end_the_read_the_others_wait_for()
    {
        var gate = new TaskCompletionSource();
        var shared = new SharedReads<string, int>(async _ => { await gate.Task; return 5; });
        using var impatient = new CancellationTokenSource();

        var givingUp = shared.AskAsync("q", 1, impatient.Token);
        var waiting = shared.AskAsync("q", 1);
        impatient.Cancel();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givingUp);
        Assert.Equal(5, await waiting);
    }
}
