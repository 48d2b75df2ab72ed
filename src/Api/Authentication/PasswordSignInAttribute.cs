namespace AniPlanner.Api.Authentication;

/// <summary>
/// Endpoint metadata: an anonymous endpoint that checks a username and password, so, unlike other
/// anonymous endpoints, it answers 401 for wrong ones and 429 while login throttling holds back.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PasswordSignInAttribute : Attribute;
