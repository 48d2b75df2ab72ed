using System.Diagnostics;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Dashboard;

/// <summary>
/// What the browser tests need from the machine: Node.js, Debian's chromium, and playwright-core
/// and axe-core from npm (tests/dashboard-e2e, installed here from its lock file when missing). Without node or
/// chromium they skip saying how to install them, except under CI (<c>CI</c> set, as
/// <c>.ci/run</c> does, which installs both), where they fail: there they must run.
/// </summary>
public static class BrowserTools
{
    public const string InstallHint = "the browser tests need Node.js 20+ and Debian's chromium: apt-get install chromium (the tests install playwright-core with npm)";

    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static string Scripts { get; } = Path.Combine(RepositoryPaths.Root, "tests", "dashboard-e2e");

    /// <summary>The chromium binary (CHROMIUM, else Debian's); the test is skipped (failed under CI) without it or node.</summary>
    public static string ChromiumOrSkip()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (FindOnPath("node") is null || !File.Exists(chromium))
        {
            SkipOrFail();
        }

        return chromium;
    }

    /// <summary>The test is skipped (failed under CI) without node.</summary>
    public static void NodeOrSkip()
    {
        if (FindOnPath("node") is null)
        {
            SkipOrFail();
        }
    }

    private static void SkipOrFail()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Ignore(InstallHint);
        }

        Assert.Fail(InstallHint);
    }

    /// <summary><c>npm ci</c> in tests/dashboard-e2e unless every package it lists is there already (once, whatever runs in parallel).</summary>
    public static async Task InstallPackagesAsync()
    {
        await Installing.WaitAsync();
        try
        {
            var listed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Scripts, "package.json")))!["dependencies"]!.AsObject();
            if (listed.Any(package => !File.Exists(Path.Combine(Scripts, "node_modules", package.Key, "package.json"))))
            {
                await ExternalCommands.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Scripts);
            }
        }
        finally
        {
            Installing.Release();
        }
    }

    /// <summary>Runs a script of tests/dashboard-e2e with node; answers its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunScriptAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan within)
    {
        var start = new ProcessStartInfo("node", ["--test-reporter=spec", script])
        {
            WorkingDirectory = Scripts,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"{script} did not finish within {within}:\n{await output}\n{await error}");
        }

        return (process.ExitCode, $"{await output}\n{await error}");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
