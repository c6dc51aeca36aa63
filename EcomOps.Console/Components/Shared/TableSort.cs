using EcomOps.Domain.Data;
using MudBlazor;

namespace EcomOps.Console.Components.Shared;

/// <summary>The sort a MudTable's header asks for, as the Domain's list queries take it (a sort label names a column).</summary>
public static class TableSort
{
    public static ListSort<TColumn> Of<TColumn>(TableState state, ListSort<TColumn> fallback) where TColumn : struct, Enum =>
        ListSort<TColumn>.From(state.SortLabel, state.SortDirection switch
        {
            SortDirection.Ascending => false,
            SortDirection.Descending => true,
            _ => null,
        }, fallback);
}
