using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// A PostgreSQL cluster for one benchmark run, from the machine's own binaries (as the functional
/// tests start theirs): initdb into a temporary folder, pg_ctl on a free loopback port, run as the
/// postgres user when we are root; stopped and deleted afterwards. Unlike the tests' cluster it
/// keeps PostgreSQL's durability defaults (fsync, synchronous commit), so figures are a server's.
/// </summary>
internal sealed class ThrowawayPostgreSql : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    private readonly string _bin;
    private readonly string _directory;

    private readonly string? _existing;

    private ThrowawayPostgreSql(string bin, string directory, int port) => (_bin, _directory, Port) = (bin, directory, port);

    private ThrowawayPostgreSql(string existing) => (_bin, _directory, _existing) = ("", "", existing);

    public int Port { get; }

    /// <summary>A server someone else runs: nothing is started or stopped.</summary>
    public static ThrowawayPostgreSql Existing(string connectionString) => new(connectionString);

    /// <summary>The benchmark's own connections: unpooled, so a database can be dropped right after.</summary>
    public string ConnectionString(string database) => Builder(database, pooled: false).ConnectionString;

    /// <summary>The service's: pooled, as in production (unpooled, every request paid a server process's start).</summary>
    public string ServiceConnectionString(string database) => Builder(database, pooled: true).ConnectionString;

    private Npgsql.NpgsqlConnectionStringBuilder Builder(string database, bool pooled) =>
        new(_existing ?? $"Host=127.0.0.1;Port={Port};Username={ServiceUser}") { Database = database, Pooling = pooled, CommandTimeout = 0 };

    public static async Task<ThrowawayPostgreSql> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .Where(candidate => File.Exists(Path.Combine(candidate, "pg_ctl")))
                .OrderByDescending(candidate => candidate, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("No PostgreSQL server under /usr/lib/postgresql (Debian's postgresql package).");
        }

        var directory = Directory.CreateTempSubdirectory("aniplanner-bench-pg-").FullName;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cluster = new ThrowawayPostgreSql(bin, directory, port);
        try
        {
            if (Environment.UserName == "root")
            {
                await RunAsync("chown", [ServiceUser, directory]);
            }

            var data = Path.Combine(directory, "data");
            await cluster.ToolAsync("initdb", ["-D", data, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);

            // Room for a 10-million-row import between checkpoints; everything else is the default.
            await cluster.ToolAsync("pg_ctl", [
                "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
                "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {directory} -c max_wal_size=8GB"]);
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
        if (_existing is not null)
        {
            return;
        }

        try
        {
            var data = Path.Combine(_directory, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await ToolAsync("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task ToolAsync(string tool, string[] arguments) => Environment.UserName == "root"
        ? RunAsync("runuser", ["-u", ServiceUser, "--", Path.Combine(_bin, tool), .. arguments])
        : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await error}\n{await output}");
        }
    }
}
