using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueMasterData : Migration
    {
        private const string ChineseThenEnglish = """
            instr(label, ' ') > 0
              AND substr(label, 1, instr(label, ' ') - 1) GLOB '*[^ -~]*'
              AND substr(label, instr(label, ' ') + 1) NOT GLOB '*[^ -~]*'
            """;

        private const string CategoriesFromLabels = $"""
            INSERT INTO "Categories" ("ParentId", "NameZh", "NameEn", "Active", "Version")
            SELECT NULL,
                   CASE WHEN {ChineseThenEnglish} THEN substr(label, 1, instr(label, ' ') - 1) ELSE label END,
                   CASE WHEN {ChineseThenEnglish} THEN substr(label, instr(label, ' ') + 1) ELSE label END,
                   1, 0
            FROM (SELECT DISTINCT trim("Category") AS label FROM "Skus" WHERE "Category" IS NOT NULL AND trim("Category") <> '');
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Warehouses",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Warehouses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Barcode",
                table: "Skus",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "Skus",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProductId",
                table: "Skus",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Specification",
                table: "Skus",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WeightGrams",
                table: "Skus",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Brands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Brands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Categories_Categories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PriceBands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FromCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ToCents = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceBands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    BrandId = table.Column<int>(type: "INTEGER", nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Material = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AfterSales = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SellingPoints = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Products_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Products_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Skus_Barcode",
                table: "Skus",
                column: "Barcode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Skus_ProductId",
                table: "Skus",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Brands_Name",
                table: "Brands",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Categories_ParentId",
                table: "Categories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceBands_Name",
                table: "PriceBands",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_BrandId",
                table: "Products",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Active",
                table: "Products",
                columns: new[] { "CategoryId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name",
                table: "Products",
                column: "Name");

            // Every SKU that exists becomes the one variant of a product of its own, named as the SKU is, in a category and
            // under a brand made from the distinct labels the SKUs carry; the product takes the SKU's id, which links the two.
            // A label that reads "中文 English" (Chinese, a space, then plain ASCII) gives the category both its names.
            migrationBuilder.Sql(CategoriesFromLabels);
            migrationBuilder.Sql("""
                INSERT INTO "Brands" ("Name", "Active", "Version")
                SELECT DISTINCT trim("Brand"), 1, 0 FROM "Skus" WHERE "Brand" IS NOT NULL AND trim("Brand") <> '';
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Products" ("Id", "Name", "CategoryId", "BrandId", "Active", "Version")
                SELECT s."Id", s."Name",
                       (SELECT c."Id" FROM "Categories" c
                        WHERE c."ParentId" IS NULL
                          AND (CASE WHEN c."NameZh" = c."NameEn" THEN c."NameZh" ELSE c."NameZh" || ' ' || c."NameEn" END) = trim(s."Category")),
                       (SELECT b."Id" FROM "Brands" b WHERE b."Name" = trim(s."Brand")),
                       s."Active", 0
                FROM "Skus" s;
                """);
            migrationBuilder.Sql("""UPDATE "Skus" SET "ProductId" = "Id";""");

            migrationBuilder.AddForeignKey(
                name: "FK_Skus_Products_ProductId",
                table: "Skus",
                column: "ProductId",
                principalTable: "Products",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Skus_Products_ProductId",
                table: "Skus");

            migrationBuilder.DropTable(
                name: "PriceBands");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Brands");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropIndex(
                name: "IX_Skus_Barcode",
                table: "Skus");

            migrationBuilder.DropIndex(
                name: "IX_Skus_ProductId",
                table: "Skus");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Warehouses");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Warehouses");

            migrationBuilder.DropColumn(
                name: "Barcode",
                table: "Skus");

            migrationBuilder.DropColumn(
                name: "Model",
                table: "Skus");

            migrationBuilder.DropColumn(
                name: "ProductId",
                table: "Skus");

            migrationBuilder.DropColumn(
                name: "Specification",
                table: "Skus");

            migrationBuilder.DropColumn(
                name: "WeightGrams",
                table: "Skus");
        }
    }
}
