namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from the machine's own binaries (Debian's <c>postgresql</c>
/// package): <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free loopback port,
/// trust authentication for the local superuser, stopped and deleted afterwards. PostgreSQL
/// refuses to run as root, so under root the binaries run as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgreSqlCluster : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    private readonly string _bin;
    private readonly string _directory;

    private LocalPostgreSqlCluster(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The superuser's connection string to the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={ServiceUser};Database=postgres";

    /// <summary>The folder of the newest installed server's binaries, or null when none is installed.</summary>
    public static string? FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            : Enumerable.Empty<string>();
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return candidates.Concat(path).FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    public static async Task<LocalPostgreSqlCluster> StartAsync(string bin)
    {
        var asServiceUser = Environment.UserName == "root";
        var directory = Directory.CreateTempSubdirectory("aniplanner-pg-").FullName;
        var data = Path.Combine(directory, "data");
        var port = LoopbackPorts.Free();
        var cluster = new LocalPostgreSqlCluster(bin, directory, port);
        try
        {
            if (asServiceUser)
            {
                await ExternalCommands.RunAsync("chown", [ServiceUser, directory], Path.GetTempPath());
            }

            // Durability off: a test cluster is thrown away, and fsync per commit only slows the suite.
            await cluster.RunPostgresToolAsync("initdb", ["-D", data, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
            await cluster.RunPostgresToolAsync("pg_ctl", [
                "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
                "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"]);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var data = Path.Combine(_directory, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await RunPostgresToolAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task RunPostgresToolAsync(string tool, string[] arguments)
    {
        var executable = Path.Combine(_bin, tool);
        return Environment.UserName == "root"
            ? ExternalCommands.RunAsync("runuser", ["-u", ServiceUser, "--", executable, .. arguments], Path.GetTempPath())
            : ExternalCommands.RunAsync(executable, arguments, Path.GetTempPath());
    }
}
