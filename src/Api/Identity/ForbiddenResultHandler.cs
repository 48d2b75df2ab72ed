using AniPlanner.Api.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AniPlanner.Api.Identity;

/// <summary>Writes 403s in the error envelope, saying which credential the endpoint needs.</summary>
public sealed class ForbiddenResultHandler(IConfiguration configuration) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var needsAdmin = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement>()
            .Any(requirement => requirement.ClaimType == CallerClaims.PlatformAdmin);
        var message = !needsAdmin
            ? "This endpoint acts inside a customer: use one of the customer's access keys."
            : string.IsNullOrEmpty(configuration["Admin:ApiKey"])
                ? "Platform administration is disabled on this service (Admin:ApiKey is not set)."
                : "This endpoint needs the platform administrator key.";
        return ErrorResponseWriter.WriteAsync(context, ApiError.Forbidden("PERMISSION_DENIED", message));
    }
}
