using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AniPlanner.Tests.Shared;

/// <summary>
/// A throwaway <c>redis-server</c> from the machine's own binary (Debian's <c>redis-server</c>
/// package): a free loopback port, a temporary folder, nothing saved to disk; stopped and deleted
/// afterwards. Without the binary, tests that need it skip with how to install it, except under
/// CI (<c>CI</c> set, as <c>.ci/run</c> does), where they fail: there they must run.
/// </summary>
public sealed class LocalRedisServer : IAsyncDisposable
{
    public const string InstallHint = "redis-server is not installed: apt-get install redis-server (or put redis-server on PATH)";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _executable;
    private readonly string _directory;
    private Process? _process;

    private LocalRedisServer(string executable, string directory, int port)
    {
        _executable = executable;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>A started server, or the test is skipped (failed under CI) saying how to install one.</summary>
    public static async Task<LocalRedisServer> StartOrSkipAsync()
    {
        var executable = MachinePrograms.Find("redis-server") ?? throw MachinePrograms.Missing(InstallHint);

        var server = new LocalRedisServer(executable, Directory.CreateTempSubdirectory("aniplanner-redis-").FullName, FreeLoopbackPort());
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts it again on the same port (after <see cref="StopAsync"/>): empty, as nothing is saved.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_executable, [
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory, "--daemonize", "no",
            "--logfile", Path.Combine(_directory, "redis.log")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{_executable} did not start");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(_directory, "redis.log");
                throw new InvalidOperationException(
                    $"redis-server on 127.0.0.1:{Port} did not answer PING:\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : await _process.StandardError.ReadToEndAsync())}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Kills it: what an outage looks like to the service.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
