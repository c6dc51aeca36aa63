using System.Data.Common;
using System.Globalization;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomOps.Tests.Audit;

public sealed class AuditRecordsTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_pages_records_are_read_in_one_query_per_kind_of_record_however_many_rows_name_them()
    {
        await using (var db = _harness.NewDb())
        {
            db.Employees.AddRange(Enumerable.Range(1, 20).Select(i => new Employee
            {
                EmployeeNumber = $"E{i:D2}", FullName = $"Person {i:D2}", Email = $"p{i}@ecomops.local", Team = Team.CustomerService, Role = Roles.CsAgent, HireDate = new DateOnly(2025, 1, 1),
            }));
            db.Skus.AddRange(Enumerable.Range(1, 10).Select(i => new Sku { Code = $"SKU-{i:D2}", Name = $"Item {i}", Active = true }));
            db.Suppliers.Add(new Supplier { Code = "ACME", Name = "Acme Trading" });
            await db.SaveChangesAsync();
        }
        await using var read = _harness.NewDb();
        var employees = await read.Employees.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var skus = await read.Skus.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var supplier = await read.Suppliers.Select(s => s.Id).SingleAsync();
        var entries = employees.Take(10).Select(id => Entry("Employee", id))
            .Concat(skus.Select(id => Entry("Sku", id)))
            .Append(Entry("Supplier", supplier))
            .Append(Entry("Ticket", 7))
            .ToList();
        var counter = new CommandCounter();
        var builder = new DbContextOptionsBuilder<OpsDb>();
        OpsDbSetup.Use(builder, _harness.Database).AddInterceptors(counter);
        var options = builder.Options;
        await using var counted = new OpsDb(options);

        // Ten employees are records of the page, ten more are named in its fields (an assignee, a manager).
        var records = await AuditRecords.ReadAsync(counted, entries, employees.Skip(10), default);

        Assert.Equal(3, counter.Count);
        Assert.Equal(20, records.Employees.Count);
        Assert.Equal(new NamedEmployee("Person 20", "E20"), records.Employees[employees[^1]]);
        Assert.Equal("SKU-10", records.Label("Sku", skus[^1].ToString(CultureInfo.InvariantCulture)));
        Assert.Equal("Acme Trading", records.Label("Supplier", supplier.ToString(CultureInfo.InvariantCulture)));
        Assert.Null(records.Label("Ticket", "7"));
    }

    private static AuditEntry Entry(string type, int id) => new()
    {
        AtUtc = new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc), ActorName = "system", EntityType = type,
        EntityKey = id.ToString(CultureInfo.InvariantCulture), Action = AuditAction.Updated,
    };

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
