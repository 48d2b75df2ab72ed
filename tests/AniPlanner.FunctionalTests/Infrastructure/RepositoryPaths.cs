namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>Files of the repository the tests were built from (the committed contract, the built service).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The service as the solution build made it, in the configuration these tests were built in.</summary>
    public static string BuiltApi { get; } = Path.Combine(
        Root, "src", "Api", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "AniPlanner.Api.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AniPlanner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
