namespace AniPlanner.Application.Common.Auditing;

/// <summary>Who is acting right now, for the audit trail.</summary>
public interface ICurrentActor
{
    /// <summary>"accesskey", "user", "platform" or "system" (no request: start-up, seeding).</summary>
    string ActorType { get; }

    string ActorId { get; }
}
