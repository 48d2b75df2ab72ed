using System.Diagnostics;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>A program the tests need to run to the end (initdb, pg_ctl, dotnet publish).</summary>
public static class ExternalCommands
{
    /// <summary>Runs it to the end; a non-zero exit fails with everything it printed.</summary>
    public static async Task RunAsync(string executable, string[] arguments, string workingDirectory)
    {
        var (exitCode, output, error) = await RunWithinAsync(new ProcessStartInfo(executable, arguments) { WorkingDirectory = workingDirectory }, Timeout.InfiniteTimeSpan);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with {exitCode}:\n{error}\n{output}");
        }
    }

    /// <summary>
    /// Runs it until it ends or <paramref name="within"/> passes, when it is killed with its
    /// children: its exit code (null when killed), standard output and standard error.
    /// </summary>
    public static async Task<(int? ExitCode, string Output, string Error)> RunWithinAsync(ProcessStartInfo start, TimeSpan within)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeLimit = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeLimit.Token);
            return (process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (null, await output, await error);
        }
    }
}
