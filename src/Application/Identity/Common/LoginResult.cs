using System.Text.Json.Serialization;

namespace AniPlanner.Application.Identity.Common;

/// <summary>What <c>POST /auth/login</c> answers: the user's (normalized) username and a signed login token.</summary>
public sealed record LoginResult([property: JsonPropertyName("username")] string Username, [property: JsonPropertyName("token")] string Token);
