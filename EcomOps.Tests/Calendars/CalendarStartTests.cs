using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Calendars;

public sealed class CalendarStartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private WebApplicationFactory<Program> Production() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Ops", $"Data Source={_folder.File("prod.db")}");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });

    [Fact]
    public async Task A_production_start_without_demo_data_seeds_the_holidays_and_a_restart_keeps_an_edit()
    {
        DateOnly labourDay = new(2027, 5, 3);
        using (var first = Production())
        {
            _ = first.Server;
            var company = first.Services.GetRequiredService<CalendarDays>().Company;
            Assert.False(company.IsWorkingDay(labourDay));
            Assert.True(company.IsWorkingDay(new DateOnly(2027, 5, 8)));
            Assert.Contains(new DateOnly(2027, 2, 6), first.Services.GetRequiredService<ServiceSla>().Calendar.Holidays);

            await using var db = await first.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
            await db.Set<CalendarDay>().Where(d => d.Calendar == WorkCalendar.Company && d.Date == labourDay).ExecuteDeleteAsync();
        }

        using var second = Production();
        _ = second.Server;

        Assert.True(second.Services.GetRequiredService<CalendarDays>().Company.IsWorkingDay(labourDay));
    }
}
