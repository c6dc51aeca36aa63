using EcomOps.Domain.Data;
using EcomOps.Domain.Live;

namespace EcomOps.Domain.Orders;

/// <summary>
/// Tells an open order list whether a committed change on the orders board can alter its page, from the change alone
/// (no query): a new or removed order always can (the page or its count moves); an update can when the order is on the
/// page, or when the list picks or orders its rows by something an update changes (state, hold reason, promise, the
/// customer's name or phone a search matches, the total or ship-by it sorts by). Channel, placing date and hour never
/// change, so a list narrowed only by them and sorted by placing date ignores updates to orders it does not show.
/// </summary>
public sealed class OrderListChanges(OrderFilter filter, ListSort<OrderColumn> sort)
{
    private readonly bool _updatesMoveRows =
        !string.IsNullOrWhiteSpace(filter.Search) || filter.Status is not null || filter.Reason is not null || filter.Promise is not null
        || sort.Column != OrderColumn.Placed;

    public bool Concerns(LiveChange change, Func<int, bool> onPage)
    {
        if (change.IsResync)
        {
            return true;
        }
        if (change.Entity != nameof(Order))
        {
            return false;
        }
        if (change.Kind != LiveChangeKind.Updated)
        {
            return true;
        }
        return (int.TryParse(change.Key, out var id) && onPage(id)) || _updatesMoveRows;
    }
}
