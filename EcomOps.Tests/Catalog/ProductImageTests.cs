using System.Text;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace EcomOps.Tests.Catalog;

/// <summary>Main images: what is taken, the thumbnails, the order, and what the listings' completeness makes of them.</summary>
public sealed class ProductImageTests : IAsyncLifetime
{
    private ListingWorld _world = default!;

    private ProductImageDesk Images => _world.Catalog.Harness.Get<ProductImageDesk>();

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Teal);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public void A_picture_is_known_by_its_bytes_not_by_its_name_and_a_text_file_named_jpg_is_refused()
    {
        Assert.Equal(new InspectedImage("image/png", 900, 600), ImageRules.Inspect(Png(900, 600)).Image);
        Assert.Equal("image/jpeg", ImageRules.Inspect(DemoImages.Render(3, 800)).Image?.ContentType);
        Assert.Equal((null, ImageRules.NotAnImage), ImageRules.Inspect(Encoding.UTF8.GetBytes("<svg onload=alert(1)>")));
        Assert.Equal((null, ImageRules.Empty), ImageRules.Inspect([]));
        Assert.Equal((null, ImageRules.TooLarge), ImageRules.Inspect(new byte[ImageRules.MaxBytes + 1]));
    }

    [Fact]
    public void A_thumbnail_fits_the_thumbnail_square_and_keeps_the_pictures_proportions()
    {
        var thumbnail = ImageRules.Thumbnail(Png(1200, 600))!;

        var inspected = ImageRules.Inspect(thumbnail).Image!;
        Assert.Equal(("image/jpeg", ImageRules.ThumbnailSide, ImageRules.ThumbnailSide / 2), (inspected.ContentType, inspected.Width, inspected.Height));
    }

    [Fact]
    public async Task Images_are_shown_in_order_the_main_one_can_be_changed_and_removing_one_closes_the_gap()
    {
        var second = CatalogWorld.Done(await Images.AddAsync(_world.Manager, _world.Tee, "side.png", Png(800, 800)));
        var third = CatalogWorld.Done(await Images.AddAsync(_world.Manager, _world.Tee, @"C:\photos\back.png", Png(801, 801)));

        CatalogWorld.Done(await Images.MakeFirstAsync(_world.Manager, third));
        var ordered = await Images.ListAsync(_world.Tee);
        Assert.Equal([(third, 0, "back.png"), (ordered[1].Id, 1, "tee.jpg"), (second, 2, "side.png")], ordered.Select(i => (i.Id, i.Position, i.FileName)));

        CatalogWorld.Done(await Images.RemoveAsync(_world.Manager, ordered[1].Id));
        Assert.Equal([(third, 0), (second, 1)], (await Images.ListAsync(_world.Tee)).Select(i => (i.Id, i.Position)));
    }

    [Fact]
    public async Task The_same_file_on_two_products_is_kept_once_and_goes_only_when_no_product_shows_it()
    {
        var other = await _world.Catalog.ProductAsync("云朵亚麻衬衫", _world.Category, _world.Brand);
        var bytes = Png(850, 850);
        var mine = CatalogWorld.Done(await Images.AddAsync(_world.Manager, _world.Tee, "a.png", bytes));
        var theirs = CatalogWorld.Done(await Images.AddAsync(_world.Manager, other, "a.png", bytes));
        var hash = ImageRules.HashOf(bytes);

        CatalogWorld.Done(await Images.RemoveAsync(_world.Manager, mine));
        Assert.NotNull(await Images.ContentAsync(hash, thumbnail: false));
        CatalogWorld.Done(await Images.RemoveAsync(_world.Manager, theirs));
        Assert.Null(await Images.ContentAsync(hash, thumbnail: false));
    }

    [Fact]
    public async Task Deleting_a_product_entered_by_mistake_takes_its_pictures_along_unless_another_product_shows_them()
    {
        var mistake = await _world.Catalog.ProductAsync("错建的商品", _world.Category, _world.Brand);
        var own = Png(820, 820);
        var shared = Png(830, 830);
        CatalogWorld.Done(await Images.AddAsync(_world.Manager, mistake, "own.png", own));
        CatalogWorld.Done(await Images.AddAsync(_world.Manager, mistake, "shared.png", shared));
        CatalogWorld.Done(await Images.AddAsync(_world.Manager, _world.Tee, "shared.png", shared));
        long version;
        await using (var db = _world.Catalog.Harness.NewDb())
        {
            version = await db.Products.Where(p => p.Id == mistake).Select(p => p.Version).SingleAsync();
        }

        CatalogWorld.Done(await _world.Catalog.Desk.DeleteAsync<Product>(_world.Manager, mistake, version));

        Assert.Null(await Images.ContentAsync(ImageRules.HashOf(own), thumbnail: false));
        Assert.NotNull(await Images.ContentAsync(ImageRules.HashOf(shared), thumbnail: false));
    }

    [Fact]
    public async Task A_sixth_image_a_file_that_is_no_picture_and_someone_without_catalogue_rights_are_refused_and_nothing_is_saved()
    {
        for (var i = 1; i < ImageRules.MaxPerProduct; i++)
        {
            CatalogWorld.Done(await Images.AddAsync(_world.Manager, _world.Tee, $"{i}.png", Png(800 + i, 800)));
        }

        Assert.Equal([new FieldError(ImageRules.UploadField, ImageRules.TooMany)], (await Images.AddAsync(_world.Manager, _world.Tee, "6.png", Png(900, 900))).Errors);
        var other = await _world.Catalog.ProductAsync("云朵亚麻衬衫", _world.Category, _world.Brand);
        Assert.Equal([new FieldError(ImageRules.UploadField, ImageRules.NotAnImage)],
            (await Images.AddAsync(_world.Manager, other, "photo.jpg", Encoding.UTF8.GetBytes("MZ not a picture"))).Errors);
        Assert.Equal([Actor.NotPermitted], (await Images.AddAsync(_world.Specialist, other, "ok.png", Png(800, 800))).Errors);
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.Equal(ImageRules.MaxPerProduct, await db.ProductImages.CountAsync());
        Assert.Equal(ImageRules.MaxPerProduct, await db.ImageBlobs.CountAsync());
    }

    [Fact]
    public async Task A_listing_whose_product_loses_its_last_image_is_no_longer_complete_and_gets_it_back_with_a_new_one()
    {
        var listing = await _world.InReviewAsync(_world.Taobao);
        var only = Assert.Single(await Images.ListAsync(_world.Tee));

        CatalogWorld.Done(await Images.RemoveAsync(_world.Manager, only.Id));
        Assert.Equal([ListingField.Images], (await _world.DetailAsync(listing)).Completeness.Missing);
        Assert.Equal([ListingField.Images], (await _world.Queries.ListingsAsync(new ListingFilter(), ListingQueries.ByTitle, 0, 10)).Rows.Single().Missing);

        CatalogWorld.Done(await Images.AddAsync(_world.Manager, _world.Tee, "new.png", Png(800, 800)));
        Assert.Equal(100, (await _world.Queries.ListingsAsync(new ListingFilter(), ListingQueries.ByTitle, 0, 10)).Rows.Single().Percent);
    }
}
