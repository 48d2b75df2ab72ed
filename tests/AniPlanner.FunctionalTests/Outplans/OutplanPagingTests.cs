using System.Net;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.Outplans;

public sealed class OutplanPagingTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Following_page_tokens_visits_every_outplan_once_newest_first()
    {
        var (_, token) = await CreateCustomerAsync();
        var created = new List<string>();
        for (var index = 0; index < 7; index++)
        {
            created.Add((await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody($"plan {index}"))).Body!["id"]!.GetValue<string>());
        }

        var (visited, pageSizes) = await WalkAsync(token, pageSize: 3);

        Assert.That(visited, Is.EqualTo(Enumerable.Reverse(created).ToList()), "newest first, each exactly once");
        Assert.That(pageSizes, Is.EqualTo(new[] { 3, 3, 1, 0 }), "the walk ends on an empty page with an empty token");
    }

    [Test]
    public async Task Outplans_sharing_a_creation_time_are_neither_skipped_nor_repeated()
    {
        var (_, token) = await CreateCustomerAsync();
        var ids = new List<string>();
        for (var index = 0; index < 6; index++)
        {
            ids.Add((await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody($"plan {index}"))).Body!["id"]!.GetValue<string>());
        }

        // Give four of them one creation instant (as a burst of creates could), straddling page boundaries.
        var sharedInstant = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        await SetCreationTimeAsync(ids.Skip(1).Take(4), sharedInstant);

        var (visited, _) = await WalkAsync(token, pageSize: 2);

        Assert.That(visited, Is.EquivalentTo(ids), "every outplan visited");
        Assert.That(visited, Is.Unique, "no outplan repeated");
    }

    [Test]
    public async Task A_page_wholly_inside_one_creation_time_grows_to_hold_all_of_it()
    {
        var (_, token) = await CreateCustomerAsync();
        var ids = new List<string>();
        for (var index = 0; index < 4; index++)
        {
            ids.Add((await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody($"plan {index}"))).Body!["id"]!.GetValue<string>());
        }

        await SetCreationTimeAsync(ids, new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc));

        var (visited, pageSizes) = await WalkAsync(token, pageSize: 2);

        Assert.That(visited, Is.EquivalentTo(ids));
        Assert.That(pageSizes, Is.EqualTo(new[] { 4, 0 }));
    }

    [TestCase("0", 100)]
    [TestCase("-5", 100)]
    [TestCase("101", 100)]
    [TestCase("99999999999999999999", 100)]
    [TestCase("", 100)]
    [TestCase("5", 5)]
    public async Task Page_size_defaults_and_clamps_to_100(string pageSize, int expected)
    {
        var (_, token) = await CreateCustomerAsync();
        for (var index = 0; index < 101; index++)
        {
            await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody($"plan {index}"));
        }

        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1.0/outplans?page_size={pageSize}", token);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body!["result"]!.AsArray(), Has.Count.EqualTo(expected));
    }

    [TestCase("page_size=abc", "page_size must be a whole number")]
    [TestCase("page_size=1.5", "page_size must be a whole number")]
    [TestCase("page_token=yesterday", "page_token must be the next_page_token of a previous page")]
    [TestCase("page_token=2022-04-28T01:50:23", "page_token must be the next_page_token of a previous page")]
    public async Task Malformed_paging_parameters_are_400(string query, string message)
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendAsync(HttpMethod.Get, $"/v1.0/outplans?{query}", token), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", message);
    }

    private async Task<(List<string> Visited, List<int> PageSizes)> WalkAsync(string token, int pageSize)
    {
        var visited = new List<string>();
        var pageSizes = new List<int>();
        var pageToken = "";
        for (var guard = 0; guard < 50; guard++)
        {
            var (status, body) = await SendAsync(
                HttpMethod.Get, $"/v1.0/outplans?page_size={pageSize}&page_token={Uri.EscapeDataString(pageToken)}", token);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            var page = body!["result"]!.AsArray();
            pageSizes.Add(page.Count);
            visited.AddRange(page.Select(outplan => outplan!["id"]!.GetValue<string>()));
            pageToken = body["next_page_token"]!.GetValue<string>();
            if (page.Count == 0)
            {
                Assert.That(pageToken, Is.Empty);
                return (visited, pageSizes);
            }

            Assert.That(pageToken, Is.EqualTo(page[^1]!["tm_create"]!.GetValue<string>()));
        }

        Assert.Fail("the page tokens never reached an empty page");
        return (visited, pageSizes);
    }

    private async Task SetCreationTimeAsync(IEnumerable<string> ids, DateTime createdAt)
    {
        using var scope = Factory.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<AniPlannerDbContext>();
        var guids = ids.Select(Guid.Parse).ToList();
        await context.Outplans.Where(outplan => guids.Contains(outplan.Id)).ExecuteUpdateAsync(set => set.SetProperty(outplan => outplan.TmCreate, createdAt));
    }
}
