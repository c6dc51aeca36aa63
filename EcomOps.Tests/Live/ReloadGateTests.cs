using EcomOps.Console.Live;

namespace EcomOps.Tests.Live;

public sealed class ReloadGateTests
{
    [Fact]
    public async Task A_change_that_arrives_while_a_reload_runs_is_followed_by_one_more_reload()
    {
        var loads = 0;
        var firstLoadStarted = new TaskCompletionSource();
        var releaseFirstLoad = new TaskCompletionSource();
        var gate = new ReloadGate(async () =>
        {
            loads++;
            if (loads == 1)
            {
                firstLoadStarted.SetResult();
                await releaseFirstLoad.Task;
            }
        }, TimeSpan.Zero);

        var first = gate.RequestAsync();
        await firstLoadStarted.Task;
        await gate.RequestAsync();
        await gate.RequestAsync();
        releaseFirstLoad.SetResult();
        await first;

        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task Changes_that_arrive_one_after_another_each_reload()
    {
        var loads = 0;
        var gate = new ReloadGate(() => { loads++; return Task.CompletedTask; }, TimeSpan.Zero);

        await gate.RequestAsync();
        await gate.RequestAsync();

        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_lone_change_reloads_at_once_and_a_burst_right_after_costs_one_more_reload()
    {
        var loads = 0;
        var gate = new ReloadGate(() => { loads++; return Task.CompletedTask; }, TimeSpan.FromMilliseconds(200));

        var first = gate.RequestAsync();
        Assert.Equal(1, loads);
        await first;
        var second = gate.RequestAsync();
        for (var i = 0; i < 98; i++)
        {
            await gate.RequestAsync();
        }
        Assert.Equal(1, loads);
        await second;

        Assert.Equal(2, loads);
    }
}
