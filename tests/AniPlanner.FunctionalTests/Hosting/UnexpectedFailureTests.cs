using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.Outplans;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>A failure of ours is a 500 in the envelope that says nothing of our internals.</summary>
public sealed class UnexpectedFailureTests
{
    [Test]
    public async Task An_unexpected_exception_is_a_500_internal_without_details_and_is_logged()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new BrokenOutplanStorageFactory(database);
        using var client = factory.CreateClient();
        using var admin = new HttpRequestMessage(HttpMethod.Post, "/v1.0/customers") { Content = new StringContent("""{"name":"x"}""", System.Text.Encoding.UTF8, "application/json") };
        admin.Headers.Authorization = new("Bearer", AniPlannerFactory.AdminKey);
        var token = JsonNode.Parse(await (await client.SendAsync(admin)).Content.ReadAsStringAsync())!["accesskey"]!["token"]!.GetValue<string>();

        using var response = await client.GetAsync($"/v1.0/outplans/{Guid.NewGuid()}?token={token}");
        var text = await response.Content.ReadAsStringAsync();
        var error = JsonNode.Parse(text)!["error"]!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(error["status"]!.GetValue<string>(), Is.EqualTo("INTERNAL"));
            Assert.That(error["reason"]!.GetValue<string>(), Is.EqualTo("INTERNAL_ERROR"));
            Assert.That(error["request_id"]!.GetValue<string>(), Is.EqualTo(response.Headers.GetValues("X-Request-Id").Single()));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"), "kept when the handler clears the failed answer");
            Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.True);
            Assert.That(text, Does.Not.Contain(BrokenRepository.Secret), "exception details stay inside");
            Assert.That(factory.Logs.Lines, Has.Some.Contains(BrokenRepository.Secret), "but they are logged");
        });
    }

    private sealed class BrokenOutplanStorageFactory(TestDatabase database) : AniPlannerFactory(database)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IRepository<Outplan>, BrokenRepository>());
        }
    }

    private sealed class BrokenRepository : IRepository<Outplan>
    {
        public const string Secret = "connection to db-7 refused";

        public void Add(Outplan entity) => throw new InvalidOperationException(Secret);

        public Task<Outplan?> FirstOrDefaultAsync(ISpecification<Outplan> specification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<List<Outplan>> ListAsync(ISpecification<Outplan> specification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<bool> AnyAsync(ISpecification<Outplan> specification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task<int> CountAsync(ISpecification<Outplan> specification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);

        public Task SaveChangesAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public void DiscardChanges() => throw new InvalidOperationException(Secret);
    }
}
