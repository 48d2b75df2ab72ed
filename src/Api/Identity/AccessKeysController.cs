using System.ComponentModel;
using System.Text.Json.Serialization;
using AniPlanner.Api.Authentication;
using AniPlanner.Api.Common;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Identity.AccessKeys.CreateAccessKey;
using AniPlanner.Application.Identity.AccessKeys.DeleteAccessKey;
using AniPlanner.Application.Identity.AccessKeys.GetAccessKey;
using AniPlanner.Application.Identity.AccessKeys.ListAccessKeys;
using AniPlanner.Application.Identity.AccessKeys.UpdateAccessKey;
using AniPlanner.Application.Identity.Common;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Identity;

/// <summary>VoIPBIN's access keys: a customer's long-lived credentials. Admin permission only.</summary>
[ApiController]
[Route("v1.0/accesskeys")]
[Authorize(Policy = CallerClaims.AdminPolicy)]
[Produces("application/json")]
public sealed class AccessKeysController(IMediator mediator) : ControllerBase
{
    private Guid CustomerId => CallerClaims.CustomerIdOf(User);

    [HttpGet]
    public async Task<AccessKeyPageDto> List(
        [FromQuery(Name = "page_size")] string? pageSize, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken cancellationToken) =>
        await mediator.Send(new ListAccessKeys(CustomerId, pageSize, pageToken), cancellationToken);

    /// <summary>Issues a key; the answer carries its token, which is never shown again.</summary>
    [HttpPost]
    public async Task<AccessKeyDto> Create([FromBody] CreateAccessKeyRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new CreateAccessKey(CustomerId, body.Name, body.Detail, body.Expire, body.Permission), cancellationToken);

    [HttpGet("{id}")]
    public async Task<AccessKeyDto> Get(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetAccessKey(CustomerId, AccessKeyId(id)), cancellationToken);

    [HttpPut("{id}")]
    public async Task<AccessKeyDto> Update(string id, [FromBody] NameAndDetailRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateAccessKey(CustomerId, AccessKeyId(id), body.Name, body.Detail), cancellationToken);

    [HttpDelete("{id}")]
    public async Task<AccessKeyDto> Delete(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteAccessKey(CustomerId, AccessKeyId(id)), cancellationToken);

    private static Guid AccessKeyId(string id) => InvalidIdException.Parse(id, "access key");
}

public sealed class CreateAccessKeyRequest
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }

    /// <summary>Lifetime in seconds (at least a day); absent means the key never expires.</summary>
    [JsonPropertyName("expire")] public long? Expire { get; init; }

    /// <summary>Absent means admin: VoIPBIN's keys carry no permission, and only an admin issues keys.</summary>
    [JsonPropertyName("permission")]
    [DefaultValue("admin")]
    [Description("admin, manager or planner; absent means admin.")]
    public string? Permission { get; init; }
}
