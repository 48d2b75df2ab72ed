namespace AniPlanner.Tests.Shared;

/// <summary>
/// Programs the tests start from the machine itself (redis-server, node): where one is, and what
/// its absence means. Without one a test is skipped saying how to install it, except under CI
/// (<c>CI</c> set, as <c>.ci/run</c> does, which installs them), where it fails: there it must run.
/// </summary>
public static class MachinePrograms
{
    /// <summary>The program's path: the first on PATH, then in /usr/bin or /usr/local/bin; null when none.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    /// <summary>What to throw when a program is missing: a skip saying <paramref name="installHint"/>, or under CI a failure.</summary>
    public static Exception Missing(string installHint) =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? new IgnoreException(installHint) : new AssertionException(installHint);
}
