using AniPlanner.Api.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Identity;

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
        var permissions = claims.FirstOrDefault(requirement => requirement.ClaimType == CallerClaims.Permission)?.AllowedValues;
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
            message = $"This needs the {string.Join(" or ", permissions ?? [])} permission; this credential has '{held}'.";
        }

        return ErrorResponseWriter.WriteAsync(context, ApiError.Forbidden("PERMISSION_DENIED", message));
    }
}
