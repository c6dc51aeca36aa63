using Microsoft.JSInterop;

namespace EcomOps.Console.Components.Shared;

/// <summary>
/// Hands a file the server built (an import's problem report, a template) to the browser to save, through the one
/// save script (<see cref="ListExportButton.SaveScript"/>). A page keeps one and disposes it with itself.
/// </summary>
public sealed class BrowserFile(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    /// <param name="type">The file's media type; a workbook when not given.</param>
    public async Task SaveAsync(string fileName, byte[] bytes, string? type = null)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ListExportButton.SaveScript);
        using var stream = new DotNetStreamReference(new MemoryStream(bytes));
        await _module.InvokeVoidAsync("saveFile", fileName, stream, type);
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the browser has dropped the module with it.
            }
        }
    }
}
