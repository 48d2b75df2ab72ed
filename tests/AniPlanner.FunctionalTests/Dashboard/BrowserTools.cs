using System.Diagnostics;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Tests.Shared;

namespace AniPlanner.FunctionalTests.Dashboard;

/// <summary>
/// What the browser tests need from the machine: Node.js, Debian's chromium, and playwright-core
/// and axe-core from npm (tests/dashboard-e2e, installed here from its lock file when missing).
/// Without node or chromium they are skipped saying how to install them, or fail under CI
/// (<see cref="MachinePrograms.Missing"/>).
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
        NodeOrSkip();
        return File.Exists(chromium) ? chromium : throw MachinePrograms.Missing(InstallHint);
    }

    /// <summary>The test is skipped (failed under CI) without node.</summary>
    public static void NodeOrSkip()
    {
        if (MachinePrograms.Find("node") is null)
        {
            throw MachinePrograms.Missing(InstallHint);
        }
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
        var start = new ProcessStartInfo("node", ["--test-reporter=spec", script]) { WorkingDirectory = Scripts };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var (exitCode, output, error) = await ExternalCommands.RunWithinAsync(start, within);
        return exitCode is { } ended
            ? (ended, $"{output}\n{error}")
            : (-1, $"{script} did not finish within {within}:\n{output}\n{error}");
    }
}
