using System.Net;
using System.Reflection;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Web;

/// <summary>
/// Every endpoint and page the real host maps, found by asking the host (its endpoint data sources, and the routable
/// components of the Router's assembly), not by a list that could forget a page: each one refuses an anonymous visitor,
/// and each one that names a policy refuses a signed-in role that lacks it.
/// </summary>
public sealed class EndpointSweepTests(OpsWebFactoryFixture fixture) : IClassFixture<OpsWebFactoryFixture>
{
    /// <summary>The only routes open without a sign-in, each for a reason.</summary>
    private static readonly Dictionary<string, string> OpenByDesign = new()
    {
        ["/Account/Login"] = "the sign-in page",
        ["/survey/{Token}"] = "the customer's satisfaction survey: a random single-use link, answered by people who are not staff",
        ["/contact"] = "the shop's contact page for customers, who have no account: rate-limited per client, with a bot check",
        ["/contact/{Reference}"] = "a customer's conversation from the contact page: a random ten-character reference, rate-limited per client",
        ["/health"] = "the health check for the load balancer (readiness); it names no secrets",
        ["/health/live"] = "the liveness check for the load balancer: it checks nothing and names no secrets",
        ["/culture"] = "the language switch, used on the sign-in page before anyone is signed in; it changes only a cookie",
        ["/Error"] = "the error page the exception handler shows, also to a visitor who is not signed in yet",
    };

    /// <summary>Machine-facing paths answer a bare 401/403; everything else is a page that sends a person on.</summary>
    private static readonly string[] StatusCodePaths = ["/api", "/hubs", "/jobs"];

    private readonly OpsWebFactory _factory = fixture.Factory;

    private sealed record Probe(string Pattern, string Method, string Url, IReadOnlyList<string> Policies)
    {
        public bool AnswersWithStatusCode => StatusCodePaths.Any(p => Url.StartsWith(p, StringComparison.Ordinal));

        public override string ToString() => $"{Method} {Pattern}";
    }

    private List<Probe> Probes()
    {
        _ = _factory.Server;
        var sources = ((CompositeEndpointDataSource)_factory.Services.GetRequiredService<EndpointDataSource>()).DataSources;
        var probes = new List<Probe>();
        foreach (var source in sources)
        {
            // Static assets (MapStaticAssets: CSS, scripts, images, Blazor's own framework files) are open by design.
            if (source.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetsEndpointDataSource")
            {
                continue;
            }
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var pattern = endpoint.RoutePattern.RawText ?? "";
                if (OpenByDesign.ContainsKey(pattern))
                {
                    continue;
                }
                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
                // An endpoint that names no method answers every one: GET and POST stand for them.
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get, HttpMethods.Post];
                foreach (var method in methods.Where(m => m != HttpMethods.Options && m != HttpMethods.Head))
                {
                    probes.Add(new Probe(pattern, method, Url(endpoint.RoutePattern), policies));
                }
            }
        }
        return probes;
    }

    /// <summary>A concrete address the route matches: numbers for numeric parameters, a word for the others.</summary>
    private static string Url(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "file") => "sweep.txt",
            RoutePatternParameterPart { IsCatchAll: true } => "sweep",
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "1",
            RoutePatternParameterPart => "sweep",
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Probe probe)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
        if (probe.Method != HttpMethods.Get)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public void Every_routable_page_of_the_router_is_a_mapped_endpoint_and_the_sweep_sees_them_all()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .ToList();
        var mapped = Probes().Select(p => p.Pattern).Concat(OpenByDesign.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.True(pages.Count >= 34, $"{pages.Count} routable pages");
        Assert.DoesNotContain(pages, p => !mapped.Contains(p));
    }

    [Fact]
    public async Task Every_endpoint_and_page_refuses_an_anonymous_visitor()
    {
        var client = _factory.NewClient();
        var probes = Probes();
        var wrong = new List<string>();

        foreach (var probe in probes)
        {
            var response = await SendAsync(client, probe);
            var refused = probe.AnswersWithStatusCode
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect
                  && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true;
            if (!refused)
            {
                wrong.Add($"{probe} ({probe.Url}): {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(probes.Count >= 40, $"only {probes.Count} probes");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_endpoint_and_page_that_names_a_policy_refuses_each_role_without_it()
    {
        var probes = Probes().Where(p => p.Policies.Count > 0).ToList();
        var clients = new Dictionary<string, HttpClient>();
        var wrong = new List<string>();
        var checkedCount = 0;

        foreach (var probe in probes)
        {
            foreach (var role in Roles.All.Where(r => !probe.Policies.All(p => Permissions.Allows(r, p))))
            {
                if (!clients.TryGetValue(role, out var client))
                {
                    client = clients[role] = await _factory.SignedInClientAsync(OrgDemoData.SignIns.Single(s => s.Role == role).Email);
                }
                var response = await SendAsync(client, probe);
                checkedCount++;
                var refused = probe.AnswersWithStatusCode
                    ? response.StatusCode == HttpStatusCode.Forbidden
                    : response.StatusCode == HttpStatusCode.Redirect
                      && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true;
                if (!refused)
                {
                    wrong.Add($"{role} {probe} ({probe.Url}): {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(checkedCount >= 100, $"only {checkedCount} refusals checked");
        Assert.Empty(wrong);
    }
}
