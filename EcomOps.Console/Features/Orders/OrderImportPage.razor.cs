using System.Text;
using EcomOps.Console.Components.Shared;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace EcomOps.Console.Features.Orders;

public partial class OrderImportPage : ComponentBase, IAsyncDisposable
{
    /// <summary>Largest export accepted: a month of a busy shop's orders is a few megabytes.</summary>
    public const long MaxFileBytes = 30 * 1024 * 1024;

    private IReadOnlyList<SalesChannel> _channels = [];
    private List<ExportFile> _files = [];
    private int? _channelId;
    private ExportReadResult? _read;
    private ImportOutcome? _outcome;
    private string? _fileError;
    private bool _importing;
    private int _done;
    private BrowserFile? _browserFile;

    [Inject]
    private OrderQueries Queries { get; set; } = default!;

    [Inject]
    private OrderImport Import { get; set; } = default!;

    [Inject]
    private CompanyTime Time { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<ImportProblem> Problems => _outcome is { Succeeded: false } o ? o.Problems : _read?.Problems ?? [];

    protected override async Task OnInitializedAsync()
    {
        _channels = await Queries.ChannelsAsync();
        _channelId = _channels.FirstOrDefault()?.Id;
    }

    private async Task FilesChosenAsync(InputFileChangeEventArgs e)
    {
        _fileError = null;
        _read = null;
        _outcome = null;
        _files = [];
        if (e.FileCount > 2)
        {
            _fileError = L["Orders.Import.TooManyFiles"];
            return;
        }
        foreach (var file in e.GetMultipleFiles(2))
        {
            if (file.Size > MaxFileBytes)
            {
                _fileError = L["Orders.Import.FileTooLarge", file.Name, MaxFileBytes / 1024 / 1024];
                _files = [];
                return;
            }
            using var buffer = new MemoryStream();
            await using var stream = file.OpenReadStream(MaxFileBytes);
            await stream.CopyToAsync(buffer);
            _files.Add(new ExportFile(file.Name, buffer.ToArray()));
        }
        _read = ExportReader.Read(_files, Time.Zone, Time.UtcNow);
    }

    private async Task ImportAsync()
    {
        if (_read is null || _channelId is not { } channelId)
        {
            return;
        }
        _importing = true;
        _done = 0;
        try
        {
            var progress = new Progress<int>(n =>
            {
                _done = n;
                _ = InvokeAsync(StateHasChanged);
            });
            _outcome = await Import.ImportAsync(Actor.From((await AuthState).User), channelId, _read, progress);
        }
        finally
        {
            _importing = false;
        }
    }

    private Task DownloadReportAsync()
    {
        var headings = new[] { L["Orders.Import.File"].Value, L["Orders.Import.Row"].Value, L["Orders.Import.Column"].Value, L["Orders.Import.Reason"].Value, L["Orders.Import.Value"].Value };
        var bytes = OrderImport.ReportCsv(Problems, Reason, headings);
        return SaveAsync($"import-problems-{Time.LocalNow:yyyyMMdd-HHmm}.csv", bytes);
    }

    /// <summary>Why a row is refused; a cross-check says what the file expects ({0}) and what its rows come to ({1}).</summary>
    private string Reason(ImportProblem problem) => L[$"Error.{problem.Code}", problem.Expected ?? "", problem.Value ?? ""];

    private Task DownloadTemplateAsync()
    {
        var example = "W-10001,2026-11-27 09:30:00,2026-11-27 09:31:00,王喆,13812345678,上海市浦东新区张江路 100 号,zh-Hans,请工作日送货,SKU-10001,,2,59.00,5.00,0.00";
        var text = string.Join(",", ExportLayout.GenericHeader) + "\r\n" + example + "\r\n";
        return SaveAsync("orders-template.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
    }

    private Task SaveAsync(string fileName, byte[] bytes) => (_browserFile ??= new BrowserFile(JS)).SaveAsync(fileName, bytes, "text/csv;charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        if (_browserFile is not null)
        {
            await _browserFile.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
