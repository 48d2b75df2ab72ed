using System.Security.Claims;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Authentication;

/// <summary>The claims a caller carries, and the policies built on them.</summary>
public static class CallerClaims
{
    public const string CustomerId = "customer_id";
    public const string AccessKeyId = "accesskey_id";
    public const string UserId = "user_id";
    public const string PlatformAdmin = "platform_admin";
    public const string Permission = "permission";

    /// <summary>Policy: a customer credential with the admin permission (users, access keys).</summary>
    public const string AdminPolicy = "CustomerAdmin";

    /// <summary>Policy: admin or manager (outplans, ANI Planner data and plans).</summary>
    public const string ManagerPolicy = "CustomerManager";

    /// <summary>Policy: any customer credential: admin, manager or planner (plans and reads).</summary>
    public const string PlannerPolicy = "CustomerPlanner";

    /// <summary>Policy: the platform administrator key (creating tenants).</summary>
    public const string PlatformAdminPolicy = "PlatformAdmin";

    /// <summary>The caller's customer; only inside actions guarded by a customer policy.</summary>
    public static Guid CustomerIdOf(ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(CustomerId) ?? throw new InvalidOperationException("The caller is not a customer."));

    /// <summary>
    /// The one place authorization is defined: which permissions each policy admits. A
    /// credential outside a policy gets 403 (never 404, never 200).
    /// </summary>
    public static AuthorizationBuilder AddCallerPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(AdminPolicy, policy => RequirePermission(policy, Domain.Identity.Permission.Admin))
        .AddPolicy(ManagerPolicy, policy => RequirePermission(policy, Domain.Identity.Permission.Manager))
        .AddPolicy(PlannerPolicy, policy => RequirePermission(policy, Domain.Identity.Permission.Planner))
        .AddPolicy(PlatformAdminPolicy, policy => policy.RequireClaim(PlatformAdmin, "true"));

    private static void RequirePermission(AuthorizationPolicyBuilder policy, Permission least) =>
        policy.RequireClaim(CustomerId).RequireClaim(
            Permission, [.. Enum.GetValues<Permission>().Where(held => held.Covers(least)).Select(held => held.ToWire())]);
}
