using System.Globalization;
using Bunit;
using EcomOps.Console.Features.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service.Sla;

public sealed class SlaPolicyDialogTests
{
    [Fact]
    public async Task Editing_a_built_in_policy_in_chinese_says_how_readers_see_its_stored_english_name()
    {
        await using var harness = await DomainHarness.StartAsync();
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
            await using var ctx = ComponentHarness.NewContext(harness);
            var provider = ctx.Render<MudDialogProvider>();
            var settings = SlaSettings.Default();
            var chat = settings.Policies.FindIndex(p => p.Name == "Online chat");

            await provider.InvokeAsync(() => ctx.Services.GetRequiredService<IDialogService>().ShowAsync<SlaPolicyDialog>("edit",
                new DialogParameters<SlaPolicyDialog> { { d => d.Settings, settings }, { d => d.Index, chat } }));

            provider.WaitForAssertion(() => Assert.Contains("在线客服", provider.Markup, StringComparison.Ordinal));
            Assert.Equal("Online chat", provider.Find("input[data-testid=sla-policy-name]").GetAttribute("value"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
