using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

/// <summary>
/// The demo shop's catalogue: eight departments, each with its subgroups and article types (a tree of three levels in
/// Chinese and English), five brands each (forty), price bands, and the article types with the variants they come in
/// (a T-shirt in colours and sizes, a cream in volumes) — so no SKU is a "running shoe, 750 ml". The inventory's demo
/// data draws its SKUs from it (<see cref="Inventory.InventoryDemoData"/>) and groups them into products here.
/// </summary>
public static class CatalogDemoData
{
    public sealed record ArticleType(string Cn, string En, long MinPriceCents, long MaxPriceCents, string Group, string Material, int Grams, string[] VariantsCn, string[] VariantsEn);

    public sealed record Department(string Cn, string En, string Code, string Origin, string Instructions, string[] Brands, (string Key, string Cn, string En)[] Groups, ArticleType[] Types);

    private const string AfterSales = "7天无理由退货，15天内质量问题包换，全国联保一年。· 7-day no-reason returns, exchange within 15 days for defects, one-year nationwide warranty.";

    public static readonly Department[] Departments =
    [
        new("服装", "Apparel", "AP", "浙江杭州 Hangzhou, Zhejiang", "冷水手洗，不可漂白，阴干。· Hand wash cold, do not bleach, dry in shade.",
            ["云朵", "北极绒", "素白", "织野", "初棉"],
            [("tops", "上装", "Tops"), ("bottoms", "下装", "Bottoms"), ("outer", "外套", "Outerwear")],
            [
                new("纯棉T恤", "cotton T-shirt", 5900, 12900, "tops", "100% 棉 cotton", 220, ["黑色 M", "白色 L", "灰色 S", "藏青 XL", "米色 M"], ["black M", "white L", "grey S", "navy XL", "beige M"]),
                new("连帽卫衣", "hoodie", 12900, 29900, "tops", "80% 棉 20% 聚酯纤维 cotton/polyester", 550, ["黑色 M", "灰色 L", "藏青 XL", "米色 S", "墨绿 M"], ["black M", "grey L", "navy XL", "beige S", "forest green M"]),
                new("牛仔裤", "jeans", 15900, 39900, "bottoms", "98% 棉 2% 氨纶 cotton/elastane", 650, ["蓝色 28", "蓝色 30", "黑色 32", "浅蓝 29", "黑色 34"], ["blue 28", "blue 30", "black 32", "light blue 29", "black 34"]),
                new("羽绒服", "down jacket", 39900, 129900, "outer", "90% 白鸭绒 white duck down", 900, ["黑色 M", "白色 L", "藏青 XL", "卡其 M", "红色 S"], ["black M", "white L", "navy XL", "khaki M", "red S"]),
                new("针织衫", "knit sweater", 9900, 25900, "tops", "70% 羊毛 30% 锦纶 wool/nylon", 400, ["米色 M", "灰色 L", "酒红 S", "藏青 XL", "白色 M"], ["beige M", "grey L", "burgundy S", "navy XL", "white M"]),
            ]),
        new("家居", "Home", "HM", "广东佛山 Foshan, Guangdong", "首次使用前清洗。· Wash before first use.",
            ["木语", "宜居", "暖屋", "拾光", "栖居"],
            [("bed", "床品", "Bedding"), ("storage", "收纳", "Storage"), ("decor", "家居饰品", "Home décor"), ("kitchen", "餐厨", "Kitchen")],
            [
                new("四件套床品", "bedding set", 19900, 59900, "bed", "100% 长绒棉 long-staple cotton", 2400, ["1.5米 雾蓝", "1.8米 雾蓝", "1.5米 米白", "1.8米 米白", "2.0米 灰色"], ["1.5 m mist blue", "1.8 m mist blue", "1.5 m off-white", "1.8 m off-white", "2.0 m grey"]),
                new("记忆棉枕", "memory-foam pillow", 8900, 19900, "bed", "慢回弹记忆棉 memory foam", 1300, ["标准款", "护颈款", "儿童款", "加高款"], ["standard", "neck support", "children's", "high"]),
                new("收纳箱", "storage box", 2900, 8900, "storage", "PP 聚丙烯 polypropylene", 1100, ["小号", "中号", "大号", "特大号"], ["small", "medium", "large", "extra large"]),
                new("香薰蜡烛", "scented candle", 3900, 12900, "decor", "大豆蜡 soy wax", 350, ["雪松", "白茶", "无花果", "薰衣草", "柑橘"], ["cedar", "white tea", "fig", "lavender", "citrus"]),
                new("保温杯", "vacuum flask", 4900, 15900, "kitchen", "316 不锈钢 stainless steel", 380, ["350ml 白色", "500ml 黑色", "500ml 雾蓝", "750ml 灰色"], ["350 ml white", "500 ml black", "500 ml mist blue", "750 ml grey"]),
            ]),
        new("美妆", "Beauty", "BT", "上海 Shanghai", "洁面后取适量涂抹于面部。避开眼周。· Apply after cleansing; avoid the eye area.",
            ["花西子", "植研", "水光", "颜究", "青黛"],
            [("skin", "护肤", "Skincare"), ("makeup", "彩妆", "Make-up")],
            [
                new("保湿面霜", "moisturising cream", 9900, 35900, "skin", "见包装成分表 see ingredients on pack", 120, ["30ml", "50ml", "100ml"], ["30 ml", "50 ml", "100 ml"]),
                new("洁面乳", "facial cleanser", 4900, 12900, "skin", "见包装成分表 see ingredients on pack", 180, ["100ml", "150ml", "200ml"], ["100 ml", "150 ml", "200 ml"]),
                new("口红", "lipstick", 12900, 32900, "makeup", "见包装成分表 see ingredients on pack", 40, ["#01 正红", "#03 豆沙", "#05 珊瑚", "#08 枫叶"], ["#01 red", "#03 rose", "#05 coral", "#08 maple"]),
                new("防晒霜", "sunscreen", 7900, 19900, "skin", "见包装成分表 see ingredients on pack", 90, ["SPF30 50ml", "SPF50 50ml", "SPF50 100ml"], ["SPF30 50 ml", "SPF50 50 ml", "SPF50 100 ml"]),
                new("面膜", "sheet masks", 5900, 15900, "skin", "天丝面膜布 Tencel sheet", 300, ["5片装", "10片装", "20片装"], ["pack of 5", "pack of 10", "pack of 20"]),
            ]),
        new("数码配件", "Electronics accessories", "EA", "广东深圳 Shenzhen, Guangdong", "使用原装线缆，远离高温潮湿。· Use the supplied cable; keep away from heat and damp.",
            ["绿联", "倍思", "极客", "闪电侠", "声浪"],
            [("charge", "充电", "Charging"), ("audio", "音频", "Audio"), ("phone", "手机配件", "Phone accessories")],
            [
                new("快充充电器", "fast charger", 5900, 16900, "charge", "阻燃 PC fire-retardant PC", 90, ["20W", "33W", "65W", "100W"], ["20 W", "33 W", "65 W", "100 W"]),
                new("数据线", "USB-C cable", 1900, 5900, "charge", "编织尼龙 braided nylon", 45, ["1米", "1.5米", "2米"], ["1 m", "1.5 m", "2 m"]),
                new("蓝牙耳机", "Bluetooth earbuds", 9900, 49900, "audio", "ABS 工程塑料 ABS", 55, ["白色", "黑色", "蓝色"], ["white", "black", "blue"]),
                new("移动电源", "power bank", 8900, 25900, "charge", "锂聚合物电芯 lithium-polymer cells", 230, ["10000mAh", "20000mAh"], ["10,000 mAh", "20,000 mAh"]),
                new("手机壳", "phone case", 2900, 7900, "phone", "TPU 硅胶 TPU", 35, ["iPhone 15", "iPhone 15 Pro", "华为 Mate 60", "小米 14"], ["iPhone 15", "iPhone 15 Pro", "Huawei Mate 60", "Xiaomi 14"]),
            ]),
        new("食品", "Food", "FD", "安徽黄山 Huangshan, Anhui", "开封后密封冷藏，尽快食用。· Reseal and refrigerate after opening.",
            ["三只松鼠", "良品", "山野", "茶语", "蜂语"],
            [("snacks", "零食", "Snacks"), ("drinks", "茶饮", "Tea and coffee"), ("pantry", "滋补", "Pantry")],
            [
                new("每日坚果", "daily nuts", 6900, 15900, "snacks", "坚果与果干 nuts and dried fruit", 750, ["250g", "500g", "礼盒装"], ["250 g", "500 g", "gift box"]),
                new("龙井茶", "Longjing tea", 12900, 59900, "drinks", "西湖龙井 West Lake Longjing", 300, ["100g", "250g", "礼盒装"], ["100 g", "250 g", "gift box"]),
                new("挂耳咖啡", "drip coffee", 4900, 12900, "drinks", "阿拉比卡咖啡豆 Arabica", 400, ["10包", "30包", "50包"], ["10 sachets", "30 sachets", "50 sachets"]),
                new("牛肉干", "beef jerky", 3900, 9900, "snacks", "牛肉 beef", 150, ["原味 100g", "麻辣 100g", "五香 250g"], ["original 100 g", "spicy 100 g", "five-spice 250 g"]),
                new("蜂蜜", "honey", 5900, 18900, "pantry", "百花蜜 wildflower honey", 600, ["250g", "500g", "罐装 1kg"], ["250 g", "500 g", "1 kg jar"]),
            ]),
        new("母婴", "Baby", "BB", "上海 Shanghai", "请在成人看护下使用。· Use under adult supervision.",
            ["贝亲", "小浣熊", "暖宝", "童趣", "安芽"],
            [("care", "纸尿裤湿巾", "Nappies and wipes"), ("feeding", "喂养", "Feeding"), ("wear", "童装", "Baby clothes")],
            [
                new("纸尿裤", "nappies", 8900, 19900, "care", "无纺布 non-woven fabric", 1600, ["S码", "M码", "L码", "XL码"], ["size S", "size M", "size L", "size XL"]),
                new("奶瓶", "baby bottle", 5900, 15900, "feeding", "PPSU", 150, ["160ml", "240ml", "300ml"], ["160 ml", "240 ml", "300 ml"]),
                new("湿巾", "baby wipes", 1900, 5900, "care", "水刺无纺布 spunlace", 1800, ["80抽×3", "80抽×6", "10抽×12"], ["80 × 3", "80 × 6", "10 × 12"]),
                new("婴儿连体衣", "baby romper", 6900, 15900, "wear", "A类纯棉 class-A cotton", 180, ["59码", "66码", "73码", "80码"], ["59 cm", "66 cm", "73 cm", "80 cm"]),
            ]),
        new("运动", "Sports", "SP", "福建泉州 Quanzhou, Fujian", "运动前充分热身。· Warm up before exercise.",
            ["李宁", "跃动", "山峰", "疾风", "禾力"],
            [("fitness", "健身", "Fitness"), ("running", "跑步", "Running")],
            [
                new("瑜伽垫", "yoga mat", 6900, 19900, "fitness", "TPE", 1200, ["6mm 紫色", "8mm 蓝色", "10mm 灰色"], ["6 mm purple", "8 mm blue", "10 mm grey"]),
                new("跑步鞋", "running shoes", 29900, 69900, "running", "网布鞋面 橡胶底 mesh upper, rubber sole", 800, ["40码", "41码", "42码", "43码", "44码"], ["EU 40", "EU 41", "EU 42", "EU 43", "EU 44"]),
                new("运动水壶", "sports bottle", 3900, 9900, "fitness", "Tritan", 200, ["500ml", "750ml", "1L"], ["500 ml", "750 ml", "1 l"]),
                new("速干T恤", "quick-dry T-shirt", 6900, 15900, "running", "100% 聚酯纤维 polyester", 160, ["黑色 M", "黑色 L", "蓝色 M", "白色 XL"], ["black M", "black L", "blue M", "white XL"]),
            ]),
        new("箱包", "Bags", "BG", "浙江温州 Wenzhou, Zhejiang", "避免重压与长时间暴晒。· Avoid heavy loads and long exposure to sun.",
            ["行者", "城市客", "远途", "拾物", "皮匠"],
            [("carry", "背包手袋", "Backpacks and totes"), ("travel", "旅行箱", "Luggage"), ("leather", "小皮具", "Small leather goods")],
            [
                new("双肩包", "backpack", 15900, 45900, "carry", "防泼水牛津布 water-repellent Oxford", 900, ["黑色", "灰色", "藏青"], ["black", "grey", "navy"]),
                new("拉杆箱", "suitcase", 39900, 129900, "travel", "PC 箱体 polycarbonate shell", 3600, ["20寸", "24寸", "28寸"], ["20 in", "24 in", "28 in"]),
                new("帆布包", "canvas tote", 4900, 12900, "carry", "12安帆布 12 oz canvas", 350, ["米白", "黑色", "卡其"], ["off-white", "black", "khaki"]),
                new("钱包", "wallet", 8900, 29900, "leather", "头层牛皮 full-grain leather", 120, ["黑色 短款", "棕色 短款", "黑色 长款"], ["black, short", "brown, short", "black, long"]),
            ]),
    ];

    /// <summary>Styles that tell apart the products of one brand and article type (each product holds each variant once).</summary>
    private static readonly (string Cn, string En)[] Styles =
    [
        ("经典款", "classic"), ("升级款", "plus"), ("简约款", "essential"), ("复古款", "retro"), ("轻享款", "lite"),
        ("旗舰款", "pro"), ("城市款", "city"), ("限定款", "limited"), ("基础款", "basic"), ("联名款", "collab"),
    ];

    private static readonly (string Name, long From, long? To)[] Bands =
    [
        ("¥0–50", 0, 5_000), ("¥50–100", 5_000, 10_000), ("¥100–200", 10_000, 20_000), ("¥200–500", 20_000, 50_000),
        ("¥500–1,000", 50_000, 100_000), ("¥1,000+", 100_000, null),
    ];

    /// <summary>One SKU as drawn: department, article type, brand and variant (indexes into <see cref="Departments"/>).</summary>
    public sealed record DrawnSku(Sku Sku, int Department, int Type, int Brand, int Variant);

    /// <summary>
    /// Writes the tree, brands, bands and products through <paramref name="db"/> (the caller's transaction), and links each
    /// SKU (not yet saved) to its product: SKUs of one brand and article type share a product until a variant repeats,
    /// which starts the next style. Sets each SKU's specification, model, barcode and weight.
    /// </summary>
    public static async Task LinkAsync(OpsDb db, IReadOnlyList<DrawnSku> skus, CancellationToken ct)
    {
        var departments = Departments.Select(d => new Category { NameZh = d.Cn, NameEn = d.En }).ToArray();
        db.Categories.AddRange(departments);
        await db.SaveChangesAsync(ct);
        var groups = new Dictionary<(int, string), Category>();
        for (var d = 0; d < Departments.Length; d++)
        {
            foreach (var (key, cn, en) in Departments[d].Groups)
            {
                groups[(d, key)] = new Category { ParentId = departments[d].Id, NameZh = cn, NameEn = en };
            }
        }
        db.Categories.AddRange(groups.Values);
        await db.SaveChangesAsync(ct);
        var leaves = new Dictionary<(int, int), Category>();
        for (var d = 0; d < Departments.Length; d++)
        {
            for (var t = 0; t < Departments[d].Types.Length; t++)
            {
                var type = Departments[d].Types[t];
                leaves[(d, t)] = new Category { ParentId = groups[(d, type.Group)].Id, NameZh = type.Cn, NameEn = Capitalise(type.En) };
            }
        }
        db.Categories.AddRange(leaves.Values);
        var brands = Departments.Select(d => d.Brands.Select(b => new Brand { Name = b }).ToArray()).ToArray();
        db.Brands.AddRange(brands.SelectMany(b => b));
        db.PriceBands.AddRange(Bands.Select(b => new PriceBand { Name = b.Name, FromCents = b.From, ToCents = b.To }));
        await db.SaveChangesAsync(ct);

        var series = new Dictionary<(int, int, int), List<(Product Product, HashSet<int> Variants)>>();
        var drawn = new List<(DrawnSku Sku, Product Product)>(skus.Count);
        foreach (var s in skus)
        {
            var key = (s.Department, s.Type, s.Brand);
            if (!series.TryGetValue(key, out var products))
            {
                series[key] = products = [];
            }
            var open = products.FirstOrDefault(p => !p.Variants.Contains(s.Variant));
            if (open.Product is null)
            {
                var department = Departments[s.Department];
                var type = department.Types[s.Type];
                var brand = department.Brands[s.Brand];
                var (styleCn, styleEn) = products.Count < Styles.Length ? Styles[products.Count] : ($"{products.Count + 1}号款", $"series {products.Count + 1}");
                open = (new Product
                {
                    Name = $"{brand}{type.Cn} {styleCn} · {type.En}, {styleEn}",
                    CategoryId = leaves[(s.Department, s.Type)].Id,
                    BrandId = brands[s.Department][s.Brand].Id,
                    Origin = department.Origin,
                    Material = type.Material,
                    Instructions = department.Instructions,
                    AfterSales = AfterSales,
                    SellingPoints = $"{brand}{styleCn}{type.Cn}，{department.Origin.Split(' ')[0]}出品。· {Capitalise(type.En)} by {brand}, made in {department.Origin[(department.Origin.IndexOf(' ') + 1)..]}.",
                }, []);
                products.Add(open);
            }
            open.Variants.Add(s.Variant);
            drawn.Add((s, open.Product));
        }
        var all = drawn.Select(d => d.Product).Distinct().ToList();
        db.Products.AddRange(all);
        await db.SaveChangesAsync(ct);

        var models = all.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i + 1);
        foreach (var (s, product) in drawn)
        {
            var department = Departments[s.Department];
            var type = department.Types[s.Type];
            s.Sku.ProductId = product.Id;
            s.Sku.Specification = type.VariantsCn[s.Variant];
            s.Sku.Model = $"{department.Code}-{models[product]:D4}";
            s.Sku.WeightGrams = type.Grams;
            s.Sku.Barcode = Ean13($"690{s.Sku.Code.Where(char.IsAsciiDigit).Aggregate(0L, (n, c) => n * 10 + (c - '0')):D9}");
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The 12 digits with their EAN-13 check digit.</summary>
    private static string Ean13(string twelve)
    {
        var sum = twelve.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return twelve + (char)('0' + (10 - sum % 10) % 10);
    }
}
