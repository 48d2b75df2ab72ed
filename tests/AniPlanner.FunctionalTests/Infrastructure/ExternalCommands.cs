using System.Diagnostics;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>A program the tests need to run to the end (initdb, pg_ctl, dotnet publish).</summary>
public static class ExternalCommands
{
    /// <summary>Runs it to the end; a non-zero exit fails with everything it printed.</summary>
    public static async Task RunAsync(string executable, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
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
