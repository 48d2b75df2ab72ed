using System.Text.Json.Serialization;
using AniPlanner.Api.Authentication;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.Users.CreateUser;
using AniPlanner.Application.Identity.Users.DeleteUser;
using AniPlanner.Application.Identity.Users.GetUser;
using AniPlanner.Application.Identity.Users.ListUsers;
using AniPlanner.Application.Identity.Users.UpdateUser;
using AniPlanner.Application.Identity.Users.UpdateUserPassword;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Identity;

/// <summary>The users of the caller's customer. Admin permission only.</summary>
[ApiController]
[Route("v1.0/users")]
[Authorize(Policy = CallerClaims.AdminPolicy)]
[Produces("application/json")]
public sealed class UsersController(IMediator mediator) : ControllerBase
{
    private Guid CustomerId => CallerClaims.CustomerIdOf(User);

    [HttpGet]
    public async Task<UserPageDto> List(
        [FromQuery(Name = "page_size")] string? pageSize, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken cancellationToken) =>
        await mediator.Send(new ListUsers(CustomerId, pageSize, pageToken), cancellationToken);

    [HttpPost]
    public async Task<UserDto> Create([FromBody] CreateUserRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new CreateUser(CustomerId, body.Username, body.Password, body.Permission, body.Name, body.Detail), cancellationToken);

    [HttpGet("{id}")]
    public async Task<UserDto> Get(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetUser(CustomerId, UserId(id)), cancellationToken);

    [HttpPut("{id}")]
    public async Task<UserDto> Update(string id, [FromBody] UpdateUserRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateUser(CustomerId, UserId(id), body.Name, body.Detail, body.Permission), cancellationToken);

    [HttpPut("{id}/password")]
    public async Task<UserDto> UpdatePassword(string id, [FromBody] UserPasswordRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateUserPassword(CustomerId, UserId(id), body.Password), cancellationToken);

    [HttpDelete("{id}")]
    public async Task<UserDto> Delete(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteUser(CustomerId, UserId(id)), cancellationToken);

    private static Guid UserId(string id) => InvalidIdException.Parse(id, "user");
}

/// <summary>The body of <c>POST /v1.0/users</c>.</summary>
public sealed class CreateUserRequest
{
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("password")] public string? Password { get; init; }
    [JsonPropertyName("permission")] public string? Permission { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
}

/// <summary>The body of <c>PUT /v1.0/users/{id}</c>: the username and password stay.</summary>
public sealed class UpdateUserRequest
{
    [JsonPropertyName("permission")] public string? Permission { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
}

/// <summary>The body of <c>PUT /v1.0/users/{id}/password</c>.</summary>
public sealed class UserPasswordRequest
{
    [JsonPropertyName("password")] public string? Password { get; init; }
}
