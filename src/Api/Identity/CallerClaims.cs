using System.Security.Claims;

namespace AniPlanner.Api.Identity;

/// <summary>The claims a caller carries, and the policies built on them.</summary>
public static class CallerClaims
{
    public const string CustomerId = "customer_id";
    public const string AccessKeyId = "accesskey_id";
    public const string PlatformAdmin = "platform_admin";

    /// <summary>Policy: a customer's own credential (everything inside a tenant).</summary>
    public const string CustomerPolicy = "Customer";

    /// <summary>Policy: the platform administrator key (creating tenants).</summary>
    public const string PlatformAdminPolicy = "PlatformAdmin";

    /// <summary>The caller's customer; only inside actions guarded by <see cref="CustomerPolicy"/>.</summary>
    public static Guid CustomerIdOf(ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(CustomerId) ?? throw new InvalidOperationException("The caller is not a customer."));
}
