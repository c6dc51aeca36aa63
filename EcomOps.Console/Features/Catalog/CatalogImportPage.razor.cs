using System.Globalization;
using EcomOps.Console.Components.Shared;
using EcomOps.Domain.Catalog.Transfer;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// The catalogue workbook's import: the file is read and checked at once (the check is the import rolled back), the page
/// shows what would be created and changed or every problem by sheet, row and column, and Import writes it all or nothing.
/// </summary>
public sealed partial class CatalogImportPage : IAsyncDisposable
{
    /// <summary>Largest workbook taken: the whole demo catalogue is about 400 KB.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private string? _fileName;
    private long _size;
    private string? _fileError;
    private CatalogFile? _file;
    private CatalogImportResult? _check;
    private CatalogImportResult? _done;
    private bool _busy;
    private bool _importing;
    private BrowserFile? _browserFile;

    [Inject]
    private CatalogImport Import { get; set; } = default!;

    [Inject]
    private CompanyTime Time { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<ImportProblem> Problems => _done is { Succeeded: false } d ? d.Problems : _check?.Problems ?? [];

    private async Task FileChosenAsync(InputFileChangeEventArgs e)
    {
        (_fileError, _file, _check, _done) = (null, null, null, null);
        var chosen = e.File;
        (_fileName, _size) = (chosen.Name, chosen.Size);
        if (chosen.Size > MaxFileBytes)
        {
            _fileError = L["Orders.Import.FileTooLarge", chosen.Name, MaxFileBytes / 1024 / 1024];
            return;
        }
        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = chosen.OpenReadStream(MaxFileBytes))
            {
                await stream.CopyToAsync(buffer);
            }
            // Let the progress bar show before the workbook is read.
            StateHasChanged();
            await Task.Yield();
            _file = CatalogWorkbook.Read(chosen.Name, buffer.ToArray(), CultureInfo.CurrentUICulture);
            _check = await Import.CheckAsync(await ActorAsync(), _file);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ImportAsync()
    {
        if (_file is null)
        {
            return;
        }
        (_busy, _importing) = (true, true);
        try
        {
            var result = await Import.ImportAsync(await ActorAsync(), _file);
            if (result.Succeeded)
            {
                (_done, _check, _file) = (result, null, null);
            }
            else
            {
                _check = result;
            }
        }
        finally
        {
            (_busy, _importing) = (false, false);
        }
    }

    private async Task<Actor> ActorAsync() => Actor.From((await AuthState).User);

    private object[] Counts(CatalogImportCounts c) => [c.ProductsNew, c.ProductsChanged, c.SkusNew, c.SkusChanged, c.ListingsNew, c.ListingsChanged];

    private string Reason(ImportProblem problem) => CatalogImport.Reason(problem, key => L[key]);

    private Task DownloadReportAsync()
    {
        var report = CatalogImport.Report(Problems, key => L[key], Time.Zone);
        return (_browserFile ??= new BrowserFile(JS)).SaveAsync(ListExportButton.FileName("catalogue-import-problems", Time.LocalNow), report.Content);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browserFile is not null)
        {
            await _browserFile.DisposeAsync();
        }
    }
}
