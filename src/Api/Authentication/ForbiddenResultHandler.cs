using AniPlanner.Api.Errors;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Authentication;

/// <summary>Writes 403s in the error envelope, saying which credential the endpoint needs.</summary>
public sealed class ForbiddenResultHandler(IOptions<AdminOptions> admin) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var claims = policy.Requirements.OfType<ClaimsAuthorizationRequirement>().ToList();
        // A controller's policy and an action's combine (planner on the controller, manager on a
        // write): the caller needs a permission every one of them admits.
        var permissions = claims.Where(requirement => requirement.ClaimType == CallerClaims.Permission)
            .Select(requirement => requirement.AllowedValues ?? [])
            .Aggregate((IEnumerable<string>?)null, (admitted, next) => admitted?.Intersect(next) ?? next);
        var held = context.User.FindFirst(CallerClaims.Permission)?.Value;
        string message;
        if (claims.Any(requirement => requirement.ClaimType == CallerClaims.PlatformAdmin))
        {
            message = !admin.Value.IsEnabled
                ? "Platform administration is disabled on this service (Admin:ApiKey is not set)."
                : "This endpoint needs the platform administrator key.";
        }
        else if (held is null)
        {
            message = "This endpoint acts inside a customer: use one of the customer's access keys.";
        }
        else
        {
            message = $"This needs {Needed(permissions ?? [])}; this credential has '{held}'.";
        }

        return ErrorResponseWriter.WriteAsync(context, ApiError.Forbidden(ErrorReasons.PermissionDenied, message));
    }

    /// <summary>
    /// The least permission the policy admits, the higher ones in brackets ("the manager
    /// permission (or admin)"): a planner told "planner or manager or admin" would think it qualifies.
    /// </summary>
    private static string Needed(IEnumerable<string> allowed)
    {
        var levels = allowed
            .Select(wire => WireEnum<Permission>.TryParse(wire, out var permission) ? permission : (Permission?)null)
            .OfType<Permission>()
            .Order()
            .Select(permission => permission.ToWire())
            .ToList();
        return levels.Count switch
        {
            0 => "a customer credential",
            1 => $"the {levels[0]} permission",
            _ => $"the {levels[0]} permission (or {string.Join(" or ", levels.Skip(1))})",
        };
    }
}
