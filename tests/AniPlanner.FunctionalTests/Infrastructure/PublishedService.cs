using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// The service as users run it: published with the Dockerfile's own <c>dotnet publish</c> command
/// (read from the Dockerfile, so the two cannot drift), started as <c>dotnet AniPlanner.Api.dll</c>
/// in its folder in Production as the image runs it (on loopback only), and
/// talked to over HTTP. What it prints is kept for the test to read.
/// </summary>
public sealed partial class PublishedService : IAsyncDisposable
{
    /// <summary>Long enough for the service's own rule (32 characters or more).</summary>
    public const string AdminKey = "published-smoke-admin-key-0123456789abcdef";

    private static readonly Lazy<Task<string>> Build = new(PublishAsync);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private PublishedService(Process process, ConcurrentQueue<string> output, int port)
    {
        _process = process;
        _output = output;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    /// <summary>Every line the service wrote to standard output and standard error, in order.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public bool HasExited => _process.HasExited;

    /// <summary>The most memory the process has held at once (Linux's VmHWM), in bytes.</summary>
    public long PeakResidentBytes() => ProcessStatus("VmHWM:");

    /// <summary>The memory the process holds now (Linux's VmRSS), in bytes.</summary>
    public long ResidentBytes() => ProcessStatus("VmRSS:");

    private long ProcessStatus(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(line => line.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The folder the Dockerfile's publish command fills (once per test run).</summary>
    public static Task<string> PublishedDirectoryAsync() => Build.Value;

    /// <summary>Deletes the published folder, when this run made one.</summary>
    public static Task DeletePublishedBuildAsync()
    {
        if (Build.IsValueCreated && Build.Value.IsCompletedSuccessfully && Directory.Exists(Build.Value.Result))
        {
            Directory.Delete(Build.Value.Result, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts the published service with the image's settings plus <paramref name="settings"/>, in
    /// its own folder (as the image's WORKDIR) unless <paramref name="workingDirectory"/> says otherwise.
    /// </summary>
    public static async Task<PublishedService> StartAsync(IReadOnlyDictionary<string, string> settings, string? workingDirectory = null)
    {
        var directory = await PublishedDirectoryAsync();
        return Start(Path.Combine(directory, "AniPlanner.Api.dll"), workingDirectory ?? directory, settings);
    }

    /// <summary>
    /// Starts the service the solution build made (what <c>dotnet run --project src/Api</c> runs,
    /// without building it again), with the image's settings plus <paramref name="settings"/>.
    /// </summary>
    public static PublishedService StartBuilt(IReadOnlyDictionary<string, string> settings)
    {
        Assert.That(File.Exists(RepositoryPaths.BuiltApi), Is.True, $"{RepositoryPaths.BuiltApi} is built with the solution");
        return Start(RepositoryPaths.BuiltApi, Path.GetDirectoryName(RepositoryPaths.BuiltApi)!, settings);
    }

    private static PublishedService Start(string api, string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet", [api])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        // The image listens on ASPNETCORE_HTTP_PORTS on every interface; a test run keeps to loopback.
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PublishedService(process, output, port);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with what the service printed otherwise.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The published service did not become ready:\n{string.Join("\n", _output)}");
    }

    /// <summary>Waits for the process to end by itself; answers its exit code, or null when it is still running at the deadline.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Ends the process as a crash or <c>kill -9</c> would: SIGKILL, no shutdown of any kind.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static async Task<string> PublishAsync()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "Dockerfile"));
        var command = PublishCommand().Match(dockerfile);
        Assert.That(command.Success, Is.True, "the Dockerfile publishes with 'RUN dotnet publish ... -o /app ...'");
        var output = Path.Combine(Path.GetTempPath(), $"aniplanner-published-{Guid.NewGuid():N}");
        string[] arguments = [.. command.Groups["arguments"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(argument => argument == "/app" ? output : argument)];
        Assert.That(arguments, Does.Contain(output), "the Dockerfile publishes into /app");

        await ExternalCommands.RunAsync("dotnet", ["publish", .. arguments, "-nologo"], RepositoryPaths.Root);
        return output;
    }

    [GeneratedRegex(@"^RUN dotnet publish (?<arguments>.+)$", RegexOptions.Multiline)]
    private static partial Regex PublishCommand();
}
