using System.Text.Json.Serialization;
using AniPlanner.Api.Authentication;
using AniPlanner.Api.Common;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.Customers.CreateCustomer;
using AniPlanner.Application.Identity.Customers.DeleteCustomer;
using AniPlanner.Application.Identity.Customers.GetCustomer;
using AniPlanner.Application.Identity.Customers.ListCustomers;
using AniPlanner.Application.Identity.Customers.UpdateCustomer;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Identity;

/// <summary>Platform administration of tenants. Needs the <c>Admin:ApiKey</c> credential.</summary>
[ApiController]
[Route("v1.0/customers")]
[Authorize(Policy = CallerClaims.PlatformAdminPolicy)]
[Produces("application/json")]
public sealed class CustomersController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<CustomerPageDto> List(
        [FromQuery(Name = "page_size")] string? pageSize, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken cancellationToken) =>
        await mediator.Send(new ListCustomers(pageSize, pageToken), cancellationToken);

    /// <summary>Creates a customer and answers it with its first (admin) access key, token included.</summary>
    [HttpPost]
    public async Task<CreatedCustomerDto> Create([FromBody] CreateCustomerRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new CreateCustomer(body.Name, body.Detail), cancellationToken);

    [HttpGet("{id}")]
    public async Task<CustomerDto> Get(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetCustomer(CustomerId(id)), cancellationToken);

    [HttpPut("{id}")]
    public async Task<CustomerDto> Update(string id, [FromBody] NameAndDetailRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateCustomer(CustomerId(id), body.Name, body.Detail), cancellationToken);

    /// <summary>Soft delete: every credential of the customer stops working on its next use.</summary>
    [HttpDelete("{id}")]
    public async Task<CustomerDto> Delete(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteCustomer(CustomerId(id)), cancellationToken);

    private static Guid CustomerId(string id) => InvalidIdException.Parse(id, "customer");
}

/// <summary>The body of <c>POST /v1.0/customers</c>: a customer needs a name (its display name).</summary>
public sealed class CreateCustomerRequest
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
}
