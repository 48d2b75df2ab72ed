using AniPlanner.Application.Common.Auditing;

namespace AniPlanner.Api.Authentication;

/// <summary>The audit trail's "who": the credential of the current request, or the system.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public string ActorType => Describe().Type;

    public string ActorId => Describe().Id;

    private (string Type, string Id) Describe()
    {
        var user = http.HttpContext?.User;
        return user?.FindFirst(CallerClaims.AccessKeyId)?.Value is { } key ? ("accesskey", key)
            : user?.FindFirst(CallerClaims.UserId)?.Value is { } userId ? ("user", userId)
            : user?.HasClaim(CallerClaims.PlatformAdmin, "true") == true ? ("platform", "")
            : ("system", "");
    }
}
