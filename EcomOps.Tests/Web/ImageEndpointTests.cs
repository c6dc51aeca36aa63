using System.Net;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Web;

/// <summary>Product images are served to signed-in people only, as what their bytes are, and kept by the browser.</summary>
public sealed class ImageEndpointTests(OpsWebFactoryFixture fixture) : IClassFixture<OpsWebFactoryFixture>
{
    private readonly OpsWebFactory _factory = fixture.Factory;

    private async Task<string> UploadAsync()
    {
        var manager = Actor.Person("u-img", "opsmanager@ecomops.local", Roles.OperationsManager);
        var category = await _factory.Services.GetRequiredService<MasterDataDesk>().SaveCategoryAsync(manager, null, 0,
            new CategoryForm { NameZh = "图片" + Guid.NewGuid().ToString("N")[..6], NameEn = "Images " + Guid.NewGuid().ToString("N")[..6] });
        var saved = await _factory.Services.GetRequiredService<CatalogDesk>().SaveProductAsync(manager, null, 0, new ProductForm { Name = "图片测试 · image test", CategoryId = category.Value });
        Assert.Empty(saved.Errors);
        var bytes = DemoImages.Render(5, 640);
        var added = await _factory.Services.GetRequiredService<ProductImageDesk>().AddAsync(manager, saved.Value, "x.jpg", bytes);
        Assert.Equal(OutcomeKind.Done, added.Kind);
        return ImageRules.HashOf(bytes);
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_no_image()
    {
        var hash = await UploadAsync();

        var response = await _factory.NewClient().GetAsync($"/catalog/images/{hash}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signed_in_agent_gets_the_picture_and_its_thumbnail_and_a_second_ask_with_the_tag_is_not_modified()
    {
        var hash = await UploadAsync();
        var client = await _factory.SignedInClientAsync("agent@ecomops.local");

        var full = await client.GetAsync($"/catalog/images/{hash}");
        var thumb = await client.GetAsync($"/catalog/images/{hash}/thumb");

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("image/jpeg", full.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", full.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(640, ImageRules.Inspect(await full.Content.ReadAsByteArrayAsync()).Image!.Width);
        Assert.Equal(ImageRules.ThumbnailSide, ImageRules.Inspect(await thumb.Content.ReadAsByteArrayAsync()).Image!.Width);

        var again = new HttpRequestMessage(HttpMethod.Get, $"/catalog/images/{hash}");
        again.Headers.IfNoneMatch.Add(full.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/catalog/images/{new string('0', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catalog/images/..%2f..%2fappsettings.json")).StatusCode);
    }
}
