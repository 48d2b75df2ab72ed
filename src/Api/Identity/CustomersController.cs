using System.Text.Json.Serialization;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.CreateCustomer;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Identity;

/// <summary>Platform administration: creating tenants. Needs the <c>Admin:ApiKey</c> credential.</summary>
[ApiController]
[Route("v1.0/customers")]
[Authorize(Policy = CallerClaims.PlatformAdminPolicy)]
[Produces("application/json")]
public sealed class CustomersController(IMediator mediator) : ControllerBase
{
    /// <summary>Creates a customer and answers it with its first access key, token included.</summary>
    [HttpPost]
    public async Task<CreatedCustomerDto> Create([FromBody] CreateCustomerRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new CreateCustomer(body.Name, body.Detail), cancellationToken);
}

public sealed class CreateCustomerRequest
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
}
