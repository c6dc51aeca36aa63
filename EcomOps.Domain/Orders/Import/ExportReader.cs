namespace EcomOps.Domain.Orders.Import;

/// <summary>An uploaded file: its name (for the report) and its bytes.</summary>
public sealed record ExportFile(string Name, byte[] Content);

/// <summary>One order read from an export, with the rows it came from so a later check (unknown SKU) can name them.</summary>
public sealed record ImportedOrder(OrderDraft Draft, string File, int Row, IReadOnlyList<int> LineRows, IReadOnlyList<string> LineFiles, ExportKind Kind);

/// <summary>What reading the files gave: the orders, or the problems that stop the import (never both written).</summary>
public sealed record ExportReadResult(
    SalesPlatform? Platform,
    ExportKind? Kind,
    string? Encoding,
    IReadOnlyList<ImportedOrder> Orders,
    IReadOnlyList<ImportProblem> Problems,
    int SkippedClosed)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>
/// Turns the sales platforms' own order exports (and the generic template) into order drafts. The platform is
/// recognised from the header and columns are read by name; every row is checked and each problem named by row and
/// column. Orders the platform already closed or cancelled are skipped: there is nothing to ship.
/// </summary>
public static class ExportReader
{
    public static ExportReadResult Read(IReadOnlyList<ExportFile> files, TimeZoneInfo zone, DateTime nowUtc)
    {
        var problems = new List<ImportProblem>();
        if (files.Count == 0)
        {
            return Fail(new ImportProblem("", 1, null, "EmptyFile"));
        }
        var sheets = new List<(ExportFile File, ExportLayout Layout, List<CsvRecord> Rows, Dictionary<string, int> Columns, string Encoding)>();
        foreach (var file in files)
        {
            var (decoded, problem, problemRow) = ExportText.Decode(file.Content);
            if (decoded is null)
            {
                problems.Add(new ImportProblem(file.Name, problemRow, null, problem!));
                continue;
            }
            var (records, truncated) = CsvTable.Parse(decoded.Text);
            if (records.Count == 0)
            {
                problems.Add(new ImportProblem(file.Name, 1, null, "EmptyFile"));
                continue;
            }
            var header = records[0].Cells;
            var columns = ExportSheet.Columns(header);
            var layout = ExportLayout.Recognise(columns.Keys.ToHashSet());
            if (layout is null)
            {
                problems.Add(new ImportProblem(file.Name, records[0].Row, null, HeaderProblem(columns.Keys)));
                continue;
            }
            var missing = layout.Expected.Where(c => !columns.ContainsKey(c)).ToList();
            problems.AddRange(missing.Select(c => new ImportProblem(file.Name, records[0].Row, c, "MissingColumn")));
            var rows = records.Skip(1).Where(r => r.Cells.Any(c => c.Trim().Trim('\t').Length > 0)).ToList();
            var lastRow = rows.Count > 0 ? rows[^1] : null;
            foreach (var row in rows)
            {
                if (row.Cells.Count < header.Count)
                {
                    var cutOff = truncated && row == lastRow || row == lastRow && row.Cells.Count < header.Count;
                    problems.Add(new ImportProblem(file.Name, row.Row, null, cutOff ? "FileTruncated" : "ColumnCountMismatch"));
                }
            }
            if (truncated && lastRow is not null && lastRow.Cells.Count >= header.Count)
            {
                problems.Add(new ImportProblem(file.Name, lastRow.Row, null, "FileTruncated"));
            }
            if (rows.Count == 0)
            {
                // Said from the row after the header: "no orders from row 2 on".
                problems.Add(new ImportProblem(file.Name, records[0].Row + 1, null, "NoRows"));
            }
            sheets.Add((file, layout, rows, columns, decoded.EncodingName));
        }
        if (problems.Count > 0)
        {
            return new ExportReadResult(null, sheets.FirstOrDefault().Layout?.Kind, null, [], problems, 0);
        }

        var kinds = sheets.Select(s => s.Layout.Kind).ToList();
        var taobao = kinds.Contains(ExportKind.TaobaoOrders) || kinds.Contains(ExportKind.TaobaoItems);
        if (taobao ? sheets.Count != 2 || !kinds.Contains(ExportKind.TaobaoOrders) || !kinds.Contains(ExportKind.TaobaoItems) : sheets.Count != 1)
        {
            var code = !taobao ? "OneFileOnly" : kinds.Contains(ExportKind.TaobaoOrders) ? "ItemReportMissing" : "OrderReportMissing";
            // The header is what tells which report a file is: the problem is named at row 1.
            return Fail(new ImportProblem(sheets[0].File.Name, 1, null, sheets.Count > 2 ? "OneFileOnly" : code));
        }

        var orders = new Dictionary<string, OrderRows>(StringComparer.Ordinal);
        var skipped = 0;
        if (taobao)
        {
            var head = sheets.Single(s => s.Layout.Kind == ExportKind.TaobaoOrders);
            var items = sheets.Single(s => s.Layout.Kind == ExportKind.TaobaoItems);
            skipped = ReadTaobao(new ExportSheet(head.File.Name, head.Columns, zone, problems), head.Rows,
                new ExportSheet(items.File.Name, items.Columns, zone, problems), items.Rows, orders, problems);
        }
        else
        {
            var (file, layout, rows, columns, _) = sheets[0];
            var sheet = new ExportSheet(file.Name, columns, zone, problems);
            skipped = layout.Kind switch
            {
                ExportKind.JD => ReadJd(sheet, rows, orders, problems),
                ExportKind.Douyin => ReadDouyin(sheet, rows, orders, problems),
                ExportKind.Generic => ReadGeneric(sheet, rows, orders, problems),
                _ => ReadPinduoduo(sheet, rows, layout.Kind == ExportKind.PinduoduoWithReceiver, orders, problems),
            };
        }

        var kind = taobao ? ExportKind.TaobaoOrders : sheets[0].Layout.Kind;
        var imported = new List<ImportedOrder>();
        // A row with an unreadable cell is already reported; checking the order built from it would report it twice.
        var badRows = problems.Select(p => (p.File, p.Row)).ToHashSet();
        foreach (var order in orders.Values)
        {
            if (order.Closed)
            {
                continue;
            }
            if (order.Lines.Count == 0)
            {
                problems.Add(new ImportProblem(order.File, order.Row, null, "NoLines"));
                continue;
            }
            var draft = order.ToDraft();
            var readCleanly = !badRows.Contains((order.File, order.Row)) && order.Lines.All(l => !badRows.Contains((l.File, l.Row)));
            foreach (var error in readCleanly ? OrderRules.Check(draft, nowUtc) : [])
            {
                var (file, row) = error.Field.StartsWith("lines[", StringComparison.Ordinal) && LineIndex(error.Field) is { } i && i < order.Lines.Count
                    ? (order.Lines[i].File, order.Lines[i].Row)
                    : (order.File, order.Row);
                problems.Add(new ImportProblem(file, row, ColumnFor(kind, error.Field), error.Code));
            }
            if (readCleanly)
            {
                CrossCheck(order, draft, problems);
            }
            imported.Add(new ImportedOrder(draft, order.File, order.Row, [.. order.Lines.Select(l => l.Row)], [.. order.Lines.Select(l => l.File)], kind));
        }
        var platform = sheets[0].Layout.Platform;
        var encoding = string.Join(" + ", sheets.Select(s => s.Encoding).Distinct());
        return problems.Count > 0
            ? new ExportReadResult(platform, kind, encoding, [], [.. problems.OrderBy(p => p.File).ThenBy(p => p.Row)], skipped)
            : new ExportReadResult(platform, kind, encoding, imported, [], skipped);

        ExportReadResult Fail(ImportProblem problem) => new(null, null, null, [], [problem], 0);
    }

    /// <summary>
    /// The file against itself: the order report's unit count against the item report's (Taobao), and the order's total
    /// (lines less discounts, plus postage) against what the file says the buyer pays. A difference is a problem at the
    /// order's row saying what the file expects and what its rows come to, never an order silently held for its price.
    /// </summary>
    private static void CrossCheck(OrderRows order, OrderDraft draft, List<ImportProblem> problems)
    {
        if (order.ItemCount is { } count && order.Lines.Sum(l => (long)l.Line.Quantity) is var units && units != count)
        {
            problems.Add(new ImportProblem(order.File, order.Row, "宝贝总数量", "ItemCountMismatch",
                units.ToString(System.Globalization.CultureInfo.InvariantCulture), count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (order.TotalColumn is { } column && order.ExpectedTotal is { } expected)
        {
            var found = draft.Lines.Sum(l => l.Quantity * l.UnitPriceCents - l.DiscountCents) + draft.ShippingFeeCents + order.TotalAdjustment;
            if (found != expected)
            {
                problems.Add(new ImportProblem(order.File, order.Row, column, "TotalMismatch", Money.Format(found), Money.Format(expected)));
            }
        }
    }

    /// <summary>Which column a draft's field came from, so the report names what the user sees in the file.</summary>
    public static string? ColumnFor(ExportKind kind, string field)
    {
        var key = field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf('.') is var dot and > 0 ? "lines." + field[(dot + 1)..] : field;
        return (kind, key) switch
        {
            (_, "lines") => null,
            (ExportKind.TaobaoOrders, "platformOrderId") => "订单编号",
            (ExportKind.TaobaoOrders, "customerName") => "收货人姓名",
            (ExportKind.TaobaoOrders, "customerPhone") => "联系手机",
            (ExportKind.TaobaoOrders, "shippingAddress") => "收货地址",
            (ExportKind.TaobaoOrders, "buyerNote") => "买家留言",
            (ExportKind.TaobaoOrders, "placedAt") => "订单创建时间",
            (ExportKind.TaobaoOrders, "paidAt") => "订单付款时间",
            (ExportKind.TaobaoOrders, "shippingFee") => "买家应付邮费",
            (ExportKind.TaobaoOrders, "lines.sku") => "商家编码",
            (ExportKind.TaobaoOrders, "lines.quantity") => "购买数量",
            (ExportKind.TaobaoOrders, "lines.unitPrice") => "价格",
            (ExportKind.TaobaoOrders, "lines.discount") => "买家实际支付金额",
            (ExportKind.JD, "platformOrderId") => "订单号",
            (ExportKind.JD, "customerName") => "客户姓名",
            (ExportKind.JD, "customerPhone") => "联系电话",
            (ExportKind.JD, "shippingAddress") => "客户地址",
            (ExportKind.JD, "buyerNote") => "订单备注",
            (ExportKind.JD, "placedAt") => "下单时间",
            (ExportKind.JD, "paidAt") => "付款确认时间",
            (ExportKind.JD, "shippingFee") => "运费金额",
            (ExportKind.JD, "lines.sku") => "商家SKUID",
            (ExportKind.JD, "lines.quantity") => "订购数量",
            (ExportKind.JD, "lines.unitPrice") => "京东价",
            (ExportKind.JD, "lines.discount") => "应付金额",
            (ExportKind.Douyin, "platformOrderId") => "主订单编号",
            (ExportKind.Douyin, "customerName") => "收件人",
            (ExportKind.Douyin, "customerPhone") => "收件人手机号",
            (ExportKind.Douyin, "shippingAddress") => "详细地址",
            (ExportKind.Douyin, "buyerNote") => "买家留言",
            (ExportKind.Douyin, "placedAt") => "订单提交时间",
            (ExportKind.Douyin, "paidAt") => "支付完成时间",
            (ExportKind.Douyin, "shippingFee") => "运费",
            (ExportKind.Douyin, "lines.sku") => "商家编码",
            (ExportKind.Douyin, "lines.quantity") => "商品数量",
            (ExportKind.Douyin, "lines.unitPrice") => "商品金额",
            (ExportKind.Douyin, "lines.discount") => "优惠总金额",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "platformOrderId") => "订单号",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "customerName") => "收货人",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "customerPhone") => "手机",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "shippingAddress") => "街道",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "buyerNote") => "买家留言",
            (ExportKind.PinduoduoWithReceiver, "placedAt" or "paidAt") => "支付时间",
            (ExportKind.Pinduoduo, "placedAt" or "paidAt") => "订单成交时间",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "shippingFee") => "邮费(元)",
            (ExportKind.PinduoduoWithReceiver, "lines.sku") => "商家编码-SKU维度",
            (ExportKind.Pinduoduo, "lines.sku") => "商家编码-规格维度",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "lines.quantity") => "商品数量(件)",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "lines.unitPrice") => "商品总价(元)",
            (ExportKind.Pinduoduo or ExportKind.PinduoduoWithReceiver, "lines.discount") => "店铺优惠折扣(元)",
            (ExportKind.Generic, "platformOrderId") => "order_id",
            (ExportKind.Generic, "customerName") => "customer_name",
            (ExportKind.Generic, "customerPhone") => "customer_phone",
            (ExportKind.Generic, "shippingAddress") => "shipping_address",
            (ExportKind.Generic, "customerLanguage") => "customer_language",
            (ExportKind.Generic, "buyerNote") => "buyer_note",
            (ExportKind.Generic, "promotionCode") => "promotion_code",
            (_, "promotionCode") => PromotionCodeColumns[1],
            (ExportKind.Generic, "placedAt") => "placed_at",
            (ExportKind.Generic, "paidAt") => "paid_at",
            (ExportKind.Generic, "shippingFee") => "shipping_fee",
            (ExportKind.Generic, "lines.sku") => "sku",
            (ExportKind.Generic, "lines.quantity") => "quantity",
            (ExportKind.Generic, "lines.unitPrice") => "unit_price",
            (ExportKind.Generic, "lines.discount") => "line_discount",
            _ => null,
        };
    }

    /// <summary>The platforms' words for an order that will never ship: 交易关闭, 已关闭, 已取消, (删除)订单取消.</summary>
    private static bool IsClosed(string status) => status.Contains("关闭", StringComparison.Ordinal) || status.Contains("取消", StringComparison.Ordinal);

    private static int ReadTaobao(ExportSheet head, List<CsvRecord> headRows, ExportSheet items, List<CsvRecord> itemRows, Dictionary<string, OrderRows> orders, List<ImportProblem> problems)
    {
        var skipped = 0;
        foreach (var row in headRows)
        {
            var id = head.Id(row, "订单编号");
            if (id.Length == 0)
            {
                problems.Add(new ImportProblem(head.File, row.Row, "订单编号", "Required"));
                continue;
            }
            if (orders.ContainsKey(id))
            {
                problems.Add(new ImportProblem(head.File, row.Row, "订单编号", "DuplicateOrderId", id));
                continue;
            }
            var paid = head.Date(row, "订单付款时间", required: false);
            var closed = IsClosed(head.Raw(row, "订单状态"));
            skipped += closed ? 1 : 0;
            var mobile = head.Id(row, "联系手机");
            // What the buyer pays for the goods and postage: the actual payment once paid, the order total before.
            var payableColumn = paid is null ? "总金额" : "买家实际支付金额";
            var payable = head.Amount(row, payableColumn);
            orders[id] = new OrderRows(id, head.File, row.Row)
            {
                Closed = closed,
                Name = head.Text(row, "收货人姓名"),
                Phone = mobile.Length > 0 ? mobile : head.Id(row, "联系电话"),
                Address = head.Text(row, "收货地址"),
                Note = head.Text(row, "买家留言"),
                Placed = head.Date(row, "订单创建时间", required: true),
                Paid = paid,
                ShippingFee = head.Amount(row, "买家应付邮费", required: false) ?? 0,
                Payable = payable,
                TotalColumn = payableColumn,
                ExpectedTotal = payable,
                ItemCount = head.Count(row, "宝贝总数量"),
                PromotionCode = PromotionCode(head, row),
            };
        }
        var seenItems = new HashSet<(string, string)>();
        foreach (var row in itemRows)
        {
            var id = items.Id(row, "订单编号");
            if (!orders.TryGetValue(id, out var order))
            {
                problems.Add(new ImportProblem(items.File, row.Row, "订单编号", "OrderMissingForItem", id));
                continue;
            }
            var sku = items.Id(row, "商家编码");
            if (sku.Length == 0 && items.Has("外部系统编号"))
            {
                sku = items.Id(row, "外部系统编号");
            }
            if (!seenItems.Add((id, sku)))
            {
                problems.Add(new ImportProblem(items.File, row.Row, "商家编码", "DuplicateLine", sku));
                continue;
            }
            var quantity = items.Quantity(row, "购买数量");
            var price = items.Amount(row, "价格");
            order.AddLine(items.File, row.Row, sku, items.Text(row, "标题"), quantity ?? 1, price ?? 0, 0);
        }
        return skipped;
    }

    private static int ReadJd(ExportSheet sheet, List<CsvRecord> rows, Dictionary<string, OrderRows> orders, List<ImportProblem> problems)
    {
        var seenLines = new HashSet<(string, string)>();
        foreach (var row in rows)
        {
            var id = sheet.Id(row, "订单号");
            if (id.Length == 0)
            {
                problems.Add(new ImportProblem(sheet.File, row.Row, "订单号", "Required"));
                continue;
            }
            var before = problems.Count;
            var status = sheet.Raw(row, "订单状态");
            var next = new OrderRows(id, sheet.File, row.Row)
            {
                Closed = IsClosed(status),
                Name = sheet.Text(row, "客户姓名"),
                Phone = sheet.Id(row, "联系电话"),
                Address = sheet.Text(row, "客户地址"),
                Note = sheet.Text(row, "订单备注"),
                Placed = sheet.Date(row, "下单时间", required: true),
                Paid = sheet.Date(row, "付款确认时间", required: false),
                ShippingFee = sheet.Amount(row, "运费金额", required: false) ?? 0,
                Payable = sheet.Amount(row, "应付金额"),
                TotalColumn = "应付金额",
            };
            next.ExpectedTotal = next.Payable;
            next.Head =
            [
                ("订单状态", status), ("客户姓名", next.Name), ("联系电话", next.Phone), ("客户地址", next.Address), ("订单备注", next.Note),
                ("下单时间", next.Placed), ("付款确认时间", next.Paid), ("应付金额", next.Payable), ("运费金额", next.ShippingFee),
            ];
            next.HeadClean = problems.Count == before;
            next.PromotionCode = PromotionCode(sheet, row);
            var order = Merge(orders, next, "订单号", problems);
            var sku = sheet.Id(row, "商家SKUID");
            if (sku.Length == 0 && sheet.Has("货号"))
            {
                sku = sheet.Id(row, "货号");
            }
            if (!seenLines.Add((id, sku)))
            {
                problems.Add(new ImportProblem(sheet.File, row.Row, "商家SKUID", "DuplicateLine", sku));
                continue;
            }
            order?.AddLine(sheet.File, row.Row, sku, sheet.Text(row, "商品名称"), sheet.Quantity(row, "订购数量") ?? 1, sheet.Amount(row, "京东价") ?? 0, 0);
        }
        return orders.Values.Count(o => o.Closed);
    }

    private static int ReadDouyin(ExportSheet sheet, List<CsvRecord> rows, Dictionary<string, OrderRows> orders, List<ImportProblem> problems)
    {
        var subOrders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var id = sheet.Id(row, "主订单编号");
            var sub = sheet.Id(row, "子订单编号");
            if (id.Length == 0)
            {
                problems.Add(new ImportProblem(sheet.File, row.Row, "主订单编号", "Required"));
                continue;
            }
            if (sub.Length == 0 || !subOrders.Add(sub))
            {
                problems.Add(new ImportProblem(sheet.File, row.Row, "子订单编号", sub.Length == 0 ? "Required" : "DuplicateOrderId", sub));
                continue;
            }
            var before = problems.Count;
            var parts = new[] { "省", "市", "区", "街道" }.Select(c => sheet.Text(row, c)).ToList();
            var detail = sheet.Text(row, "详细地址");
            var next = new OrderRows(id, sheet.File, row.Row)
            {
                Closed = IsClosed(sheet.Raw(row, "订单状态")),
                Name = sheet.Text(row, "收件人"),
                Phone = sheet.Id(row, "收件人手机号"),
                // A masked or encrypted detail stands alone: the platform delivers to it by its own waybill.
                Address = OrderRules.IsCiphertext(detail) ? detail : string.Concat(parts) + detail,
                Note = sheet.Text(row, "买家留言"),
                Placed = sheet.Date(row, "订单提交时间", required: true),
                Paid = sheet.Date(row, "支付完成时间", required: false),
                ShippingFee = sheet.Amount(row, "运费", required: false) ?? 0,
                TotalColumn = "订单应付金额",
            };
            // The order's own fields, repeated on each of its sub-orders. The status is not among them: a sub-order
            // can be closed (refunded) while the others ship.
            next.Head =
            [
                ("收件人", next.Name), ("收件人手机号", next.Phone), ("省", parts[0]), ("市", parts[1]), ("区", parts[2]), ("街道", parts[3]), ("详细地址", detail),
                ("买家留言", next.Note), ("订单提交时间", next.Placed), ("支付完成时间", next.Paid), ("运费", next.ShippingFee),
            ];
            next.HeadClean = problems.Count == before;
            next.PromotionCode = PromotionCode(sheet, row);
            var order = Merge(orders, next, "主订单编号", problems);
            var quantity = sheet.Quantity(row, "商品数量") ?? 1;
            // 商品金额 is the sub-order's amount (unit price x quantity), 优惠总金额 its discount and 订单应付金额 what
            // the buyer pays for it: the sub-orders' payable amounts add up to the order's (freight included).
            var amount = sheet.Amount(row, "商品金额") ?? 0;
            var discount = sheet.Amount(row, "优惠总金额", required: false) ?? 0;
            var payable = sheet.Amount(row, "订单应付金额");
            if (order is not null)
            {
                order.ExpectedTotal = order.ExpectedTotal is { } sum && payable is { } part ? sum + part : payable;
            }
            // A unit price that does not divide evenly leaves its cents in the discount.
            var unit = (amount + quantity - 1) / quantity;
            order?.AddLine(sheet.File, row.Row, sheet.Id(row, "商家编码"), sheet.Text(row, "选购商品"), quantity, unit, discount + (unit * quantity - amount));
        }
        return orders.Values.Count(o => o.Closed);
    }

    private static int ReadPinduoduo(ExportSheet sheet, List<CsvRecord> rows, bool withReceiver, Dictionary<string, OrderRows> orders, List<ImportProblem> problems)
    {
        var skuColumn = withReceiver ? "商家编码-SKU维度" : "商家编码-规格维度";
        var timeColumn = withReceiver ? "支付时间" : "订单成交时间";
        var skipped = 0;
        foreach (var row in rows)
        {
            var id = sheet.Id(row, "订单号");
            if (id.Length == 0)
            {
                problems.Add(new ImportProblem(sheet.File, row.Row, "订单号", "Required"));
                continue;
            }
            if (orders.ContainsKey(id))
            {
                problems.Add(new ImportProblem(sheet.File, row.Row, "订单号", "DuplicateOrderId", id));
                continue;
            }
            var closed = IsClosed(sheet.Raw(row, "订单状态"));
            skipped += closed ? 1 : 0;
            // Pinduoduo orders exist once paid (拼单): the payment (or deal) time is both placed and paid.
            var at = sheet.Date(row, timeColumn, required: true);
            // The buyer paid the order's total less what the platform took off (its discount and 多多支付 cut),
            // plus any installation or delivery-to-door services.
            var platformOff = PinduoduoPlatformOff.Sum(c => sheet.Amount(row, c, required: false) ?? 0);
            var services = PinduoduoServices.Sum(c => sheet.Amount(row, c, required: false) ?? 0);
            var order = orders[id] = new OrderRows(id, sheet.File, row.Row)
            {
                Closed = closed,
                Name = withReceiver ? sheet.Text(row, "收货人") : "",
                Phone = withReceiver ? sheet.Id(row, "手机") : "",
                Address = withReceiver ? string.Concat(new[] { "省", "市", "区", "街道" }.Select(c => sheet.Text(row, c))) : "",
                Note = sheet.Text(row, "买家留言"),
                Placed = at,
                Paid = at,
                ShippingFee = sheet.Amount(row, "邮费(元)", required: false) ?? 0,
                TotalColumn = "用户实付金额(元)",
                ExpectedTotal = sheet.Amount(row, "用户实付金额(元)"),
                TotalAdjustment = services - platformOff,
                PromotionCode = PromotionCode(sheet, row),
            };
            var sku = sheet.Id(row, skuColumn);
            if (sku.Length == 0 && sheet.Has("商家编码-商品维度"))
            {
                sku = sheet.Id(row, "商家编码-商品维度");
            }
            var quantity = sheet.Quantity(row, "商品数量(件)") ?? 1;
            var goods = sheet.Amount(row, "商品总价(元)") ?? 0;
            var unit = (goods + quantity - 1) / quantity;
            var discount = sheet.Amount(row, "店铺优惠折扣(元)", required: false) ?? 0;
            order.AddLine(sheet.File, row.Row, sku, sheet.Text(row, "商品"), quantity, unit, discount + (unit * quantity - goods));
        }
        return skipped;
    }

    /// <summary>
    /// The columns that may carry the promotion or campaign code: the generic layout's, and the names a platform's newer
    /// export or a seller's own column gives it (the documented platform layouts have none; their orders are attributed
    /// by SKU and time).
    /// </summary>
    public static readonly string[] PromotionCodeColumns = ["promotion_code", "活动编码", "优惠码", "促销码", "活动ID"];

    private static string PromotionCode(ExportSheet sheet, CsvRecord row) =>
        PromotionCodeColumns.Where(sheet.Has).Select(c => sheet.Text(row, c)).FirstOrDefault(t => t.Length > 0) ?? "";

    private static readonly string[] PinduoduoPlatformOff = ["平台优惠折扣(元)", "多多支付立减金额(元)"];

    private static readonly string[] PinduoduoServices = ["上门安装费(元)", "送货入户费(元)", "送货入户并安装费(元)"];

    private static int ReadGeneric(ExportSheet sheet, List<CsvRecord> rows, Dictionary<string, OrderRows> orders, List<ImportProblem> problems)
    {
        var seenLines = new HashSet<(string, string)>();
        foreach (var row in rows)
        {
            var id = sheet.Id(row, "order_id");
            if (id.Length == 0)
            {
                problems.Add(new ImportProblem(sheet.File, row.Row, "order_id", "Required"));
                continue;
            }
            var before = problems.Count;
            var language = sheet.Raw(row, "customer_language");
            var next = new OrderRows(id, sheet.File, row.Row)
            {
                Name = sheet.Text(row, "customer_name"),
                Phone = sheet.Id(row, "customer_phone"),
                Address = sheet.Text(row, "shipping_address"),
                Language = language.Length == 0 ? null : language,
                Note = sheet.Text(row, "buyer_note"),
                Placed = sheet.Date(row, "placed_at", required: true),
                Paid = sheet.Date(row, "paid_at", required: false),
                ShippingFee = sheet.Amount(row, "shipping_fee", required: false) ?? 0,
            };
            next.Head =
            [
                ("customer_name", next.Name), ("customer_phone", next.Phone), ("shipping_address", next.Address), ("customer_language", next.Language),
                ("buyer_note", next.Note), ("placed_at", next.Placed), ("paid_at", next.Paid), ("shipping_fee", next.ShippingFee),
            ];
            next.HeadClean = problems.Count == before;
            next.PromotionCode = PromotionCode(sheet, row);
            var order = Merge(orders, next, "order_id", problems);
            var sku = sheet.Id(row, "sku");
            if (!seenLines.Add((id, sku)))
            {
                problems.Add(new ImportProblem(sheet.File, row.Row, "sku", "DuplicateLine", sku));
                continue;
            }
            var title = sheet.Text(row, "title");
            order?.AddLine(sheet.File, row.Row, sku, title.Length == 0 ? null : title, sheet.Quantity(row, "quantity") ?? 1,
                sheet.Amount(row, "unit_price") ?? 0, sheet.Amount(row, "line_discount", required: false) ?? 0);
        }
        return orders.Values.Count(o => o.Closed);
    }

    /// <summary>
    /// In one-row-per-line exports the order's own fields repeat on every line; a row that says something else about
    /// the same order id is a different order under a duplicate id, or a damaged file. The row is reported with the
    /// order id column first, then each field that differs (a row whose cells could not be read is reported as such).
    /// </summary>
    private static OrderRows? Merge(Dictionary<string, OrderRows> orders, OrderRows next, string idColumn, List<ImportProblem> problems)
    {
        if (!orders.TryGetValue(next.Id, out var existing))
        {
            orders[next.Id] = next;
            return next;
        }
        if (!existing.HeadClean || !next.HeadClean)
        {
            return existing;
        }
        var differing = existing.Head.Zip(next.Head).Where(p => !Equals(p.First.Value, p.Second.Value)).Select(p => p.First.Column).ToList();
        if (differing.Count == 0)
        {
            return existing;
        }
        problems.Add(new ImportProblem(next.File, next.Row, idColumn, "DuplicateOrderId", next.Id));
        problems.AddRange(differing.Select(c => new ImportProblem(next.File, next.Row, c, "ConflictingOrderFields", next.Id)));
        return null;
    }

    private static int? LineIndex(string field)
    {
        var close = field.IndexOf(']');
        return close > 6 && int.TryParse(field.AsSpan(6, close - 6), out var i) ? i : null;
    }

    private static string HeaderProblem(IEnumerable<string> header)
    {
        var names = header.ToList();
        var known = ExportLayout.All.SelectMany(l => l.Required.Concat(l.Signature)).ToHashSet();
        // A header of Chinese column names that matches none of the known ones was read in the wrong encoding
        // (or was garbled before it came here); an ASCII or partly known header is simply another layout.
        return names.Any(known.Contains) || names.All(n => n.All(c => c < 0x80)) ? "UnknownLayout" : "WrongEncoding";
    }

    private sealed class OrderRows(string id, string file, int row)
    {
        public string Id { get; } = id;
        public string File { get; } = file;
        public int Row { get; } = row;
        public bool Closed { get; init; }
        public string Name { get; init; } = "";
        public string Phone { get; init; } = "";
        public string Address { get; init; } = "";
        public string? Language { get; init; }
        public string Note { get; init; } = "";

        /// <summary>The promotion or campaign code the export carries, if it has such a column.</summary>
        public string PromotionCode { get; set; } = "";
        public DateTime? Placed { get; init; }
        public DateTime? Paid { get; init; }
        public long ShippingFee { get; init; }

        /// <summary>When the export gives only the order's payable amount, the discount is what the lines lack to it.</summary>
        public long? Payable { get; init; }

        /// <summary>The order's own fields as this row gives them, compared across the rows of one order.</summary>
        public IReadOnlyList<(string Column, object? Value)> Head { get; set; } = [];

        /// <summary>Whether this row's order fields were all read without a problem (else they are not compared).</summary>
        public bool HeadClean { get; set; } = true;

        /// <summary>The file's own column for what the buyer pays for the order, and its amount, to check the total against.</summary>
        public string? TotalColumn { get; init; }

        public long? ExpectedTotal { get; set; }

        /// <summary>What turns the order's total into the file's payable amount (Pinduoduo: less the platform's discounts, plus services).</summary>
        public long TotalAdjustment { get; init; }

        /// <summary>The number of units the order report says the order has (Taobao 宝贝总数量).</summary>
        public int? ItemCount { get; init; }

        public List<(string File, int Row, OrderLineDraft Line)> Lines { get; } = [];

        public void AddLine(string file, int row, string sku, string? title, int quantity, long unitPriceCents, long discountCents) =>
            Lines.Add((file, row, new OrderLineDraft(sku, title, quantity, unitPriceCents, discountCents)));

        public OrderDraft ToDraft()
        {
            var lines = Lines.Select(l => l.Line).ToList();
            if (Payable is { } payable)
            {
                lines = AllocateDiscount(lines, lines.Sum(l => l.Quantity * l.UnitPriceCents) + ShippingFee - payable);
            }
            return new OrderDraft
            {
                PlatformOrderId = Id,
                CustomerName = Name,
                CustomerPhone = Phone,
                ShippingAddress = Address,
                CustomerLanguage = Language,
                BuyerNote = Note.Length == 0 ? null : Note,
                PromotionCode = PromotionCode.Length == 0 ? null : PromotionCode,
                PlacedAtUtc = Placed ?? default,
                PaidAtUtc = Paid,
                ShippingFeeCents = ShippingFee,
                Lines = lines,
            };
        }
    }

    /// <summary>
    /// Spreads an order-level discount over its lines in proportion to their amounts (largest remainder, so the parts add
    /// up to the cent). A negative difference (the buyer paid more than the goods and postage, e.g. service fees) is no discount.
    /// </summary>
    public static List<OrderLineDraft> AllocateDiscount(List<OrderLineDraft> lines, long discountCents)
    {
        var gross = lines.Sum(l => l.Quantity * l.UnitPriceCents);
        if (discountCents <= 0 || gross <= 0)
        {
            return lines;
        }
        discountCents = Math.Min(discountCents, gross);
        var shares = lines.Select(l => (decimal)discountCents * l.Quantity * l.UnitPriceCents / gross).ToList();
        var parts = shares.Select(s => (long)Math.Floor(s)).ToList();
        var left = discountCents - parts.Sum();
        foreach (var i in shares.Select((s, i) => (Fraction: s - Math.Floor(s), i)).OrderByDescending(x => x.Fraction).ThenBy(x => x.i).Take((int)left).Select(x => x.i))
        {
            parts[i]++;
        }
        return [.. lines.Select((l, i) => l with { DiscountCents = l.DiscountCents + parts[i] })];
    }
}
