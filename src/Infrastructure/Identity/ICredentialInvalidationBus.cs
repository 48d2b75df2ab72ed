namespace AniPlanner.Infrastructure.Identity;

/// <summary>
/// How a change to a credential reaches the credential caches of the other instances, and whether
/// this instance hears theirs: a cache that cannot hear them must not keep anything.
/// </summary>
public interface ICredentialInvalidationBus
{
    /// <summary>True while every change made by another instance reaches <see cref="Listen"/>'s callback.</summary>
    bool HearsOthers { get; }

    /// <summary>Tells the other instances to forget what carries <paramref name="tag"/>.</summary>
    ValueTask PublishAsync(string tag, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="forget"/> with each tag another instance publishes, and with
    /// <see cref="EverythingTag"/> whenever some may have been missed (hearing lost or regained).
    /// </summary>
    void Listen(Func<string, ValueTask> forget);

    /// <summary>HybridCache's tag for every entry.</summary>
    public const string EverythingTag = "*";
}

/// <summary>One instance: nothing to tell, nothing to hear, and so nothing missed.</summary>
public sealed class SingleInstanceInvalidationBus : ICredentialInvalidationBus
{
    public bool HearsOthers => true;

    public ValueTask PublishAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Listen(Func<string, ValueTask> forget)
    {
    }
}
