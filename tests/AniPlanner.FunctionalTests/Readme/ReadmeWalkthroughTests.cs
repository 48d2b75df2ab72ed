using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Readme;

/// <summary>
/// The README runs as written: its shell blocks, in order, in one bash session (variables carry
/// from block to block) with <c>-euo pipefail</c>, against a freshly started Development service
/// with the demo company, as a reader pastes them after <c>dotnet run --project src/Api</c>.
/// A command that fails fails the test, and so does an HTTP error status (curl is run with
/// <c>--fail-with-body</c>), and every answer the README shows (<c># -> ...</c>) is compared with
/// the real one as a shape (<see cref="AnswerShape"/>). What the test changes in the text, and why:
/// <list type="bullet">
/// <item><c>http://localhost:PORT</c> becomes a free loopback port, one per port the README uses;
/// 5080 is the test's Development service.</item>
/// <item><c>dotnet run --project src/Api --no-launch-profile --</c> becomes <c>dotnet</c> with the
/// Api the solution build made: the same program, without building it again under a test run.</item>
/// </list>
/// Blocks marked <c>readme-test: skip (reason)</c> are not run: each says why (Docker, SQL Server,
/// a foreground service, minutes of benchmark); the test prints the reasons.
/// </summary>
[NonParallelizable]
public sealed partial class ReadmeWalkthroughTests
{
    /// <summary>Where the README's Development service (<c>dotnet run --project src/Api</c>) listens.</summary>
    private const int DevelopmentPort = 5080;

    private static readonly TimeSpan WalkthroughTimeLimit = TimeSpan.FromMinutes(5);

    private static string Readme => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Test]
    public async Task The_shell_blocks_run_in_order_and_answer_as_shown()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("The README's shell blocks are bash with GNU date: Linux only.");
        }

        var blocks = ReadmeShellBlocks.Parse(Readme);
        foreach (var skipped in blocks.Where(block => block.SkipReason is not null))
        {
            await TestContext.Out.WriteLineAsync($"README line {skipped.Line}: not run ({skipped.SkipReason})");
        }

        var runnable = blocks.Where(block => block.SkipReason is null).ToList();
        Assert.That(runnable, Is.Not.Empty, "the README has shell blocks the test runs");

        var directory = Directory.CreateTempSubdirectory("aniplanner-readme-").FullName;
        try
        {
            var started = Stopwatch.StartNew();
            await using var service = PublishedService.StartBuilt(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__AniPlanner"] = $"Data Source={Path.Combine(directory, "development.db")}",
            });
            await service.WaitUntilReadyAsync();
            await TestContext.Out.WriteLineAsync($"The Development service with the demo company was ready in {started.Elapsed.TotalSeconds:0.0} s");

            var ports = new Dictionary<int, int> { [DevelopmentPort] = service.Http.BaseAddress!.Port };
            var (script, answers) = Script(runnable, line => Substitute(line, ports));
            var scriptPath = Path.Combine(directory, "readme.sh");
            await File.WriteAllTextAsync(scriptPath, script);

            var (exitCode, output, trace) = await RunBashAsync(scriptPath, directory);
            Assert.That(exitCode, Is.Zero, () => FailureReport(output, trace));

            var mismatches = CompareAnswers(output, answers);
            Assert.That(mismatches, Is.Empty, () => $"Answers differ from what the README shows:\n{string.Join("\n", mismatches)}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Every_table_has_as_many_cells_in_each_row_as_in_its_header()
    {
        var problems = new List<string>();
        var lines = Readme.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (!lines[index].StartsWith('|') || (index > 0 && lines[index - 1].StartsWith('|')))
            {
                continue;
            }

            var columns = Cells(lines[index]);
            for (var row = index + 1; row < lines.Length && lines[row].StartsWith('|'); row++)
            {
                if (Cells(lines[row]) != columns)
                {
                    problems.Add($"README line {row + 1}: {Cells(lines[row])} cells, its table's header (line {index + 1}) has {columns}");
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }

    /// <summary>The cells of a table row as GitHub counts them: split at each '|' not escaped (in code spans too).</summary>
    private static int Cells(string row) => UnescapedPipe().Matches(row.Trim().Trim('|')).Count + 1;

    /// <summary>
    /// The blocks as one script, with a marker after each block's start and after each shown
    /// answer, so the output can be cut into the answers; curl fails on an HTTP error status, and
    /// whatever a block left running in the background is stopped when the script ends.
    /// </summary>
    private static (string Script, IReadOnlyList<ShownAnswer> Answers) Script(IReadOnlyList<ShellBlock> blocks, Func<string, string> substitute)
    {
        var script = new StringBuilder("""
            curl() { command curl --fail-with-body "$@"; }
            trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

            """);
        var answers = new List<ShownAnswer>();
        foreach (var block in blocks)
        {
            script.Append(CultureInfo.InvariantCulture, $"printf '\\n@@readme block {block.Line}@@\\n'\n");
            var shown = ReadmeShellBlocks.Answers(block);
            for (var index = 0; index < block.Lines.Count; index++)
            {
                script.Append(substitute(block.Lines[index])).Append('\n');
                foreach (var answer in shown.Where(answer => answer.LastLineIndex == index))
                {
                    script.Append(CultureInfo.InvariantCulture, $"printf '\\n@@readme answer {answers.Count}@@\\n'\n");
                    answers.Add(answer);
                }
            }
        }

        return (script.ToString(), answers);
    }

    private static string Substitute(string line, Dictionary<int, int> ports)
    {
        line = LocalUrl().Replace(line, url =>
        {
            var port = int.Parse(url.Groups["port"].Value, CultureInfo.InvariantCulture);
            if (!ports.TryGetValue(port, out var free))
            {
                ports[port] = free = LoopbackPorts.Free();
            }

            return $"http://127.0.0.1:{free}";
        });
        line = DotnetRunWithoutLaunchProfile().Replace(line, $"dotnet '{RepositoryPaths.BuiltApi}'");
        Assert.That(line, Does.Not.Contain("dotnet run"),
            "a block the test runs starts the service in a form it does not replace with the built Api (only 'dotnet run --project src/Api --no-launch-profile --')");
        return line;
    }

    private static async Task<(int ExitCode, string Output, string Trace)> RunBashAsync(string scriptPath, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-x", scriptPath]) { WorkingDirectory = workingDirectory };

        // A reader's shell: none of the service settings this test process may carry.
        foreach (var key in start.Environment.Keys.Where(key => key.Contains("__", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        var (exitCode, output, trace) = await ExternalCommands.RunWithinAsync(start, WalkthroughTimeLimit);
        return (exitCode ?? throw new AssertionException($"The README's blocks did not finish within {WalkthroughTimeLimit}:\n{FailureReport(output, trace)}"), output, trace);
    }

    /// <summary>Where the run stopped: the block it was in, the last commands bash traced, and the last output.</summary>
    private static string FailureReport(string output, string trace)
    {
        var block = Marker().Matches(output).LastOrDefault(marker => marker.Groups["kind"].Value == "block")?.Groups["number"].Value ?? "?";
        static string Tail(string text, int lines) => string.Join("\n", text.Split('\n').TakeLast(lines));
        return $"The README's block at line {block} failed. Its last commands (bash -x):\n{Tail(trace, 30)}\nThe last output:\n{Tail(output, 30)}";
    }

    /// <summary>Cuts the output at the markers and compares each shown answer with the output before its marker.</summary>
    private static List<string> CompareAnswers(string output, IReadOnlyList<ShownAnswer> answers)
    {
        var mismatches = new List<string>();
        var compared = new HashSet<int>();
        var segmentStart = 0;
        foreach (Match marker in Marker().Matches(output))
        {
            if (marker.Groups["kind"].Value == "answer")
            {
                var number = int.Parse(marker.Groups["number"].Value, CultureInfo.InvariantCulture);
                var answer = answers[number];
                var segment = output[segmentStart..marker.Index];
                mismatches.AddRange(AnswerShape.Parse(answer.Shape).Mismatches(segment).Select(mismatch => $"README line {answer.Line}: {mismatch}"));
                compared.Add(number);
            }

            segmentStart = marker.Index + marker.Length;
        }

        mismatches.AddRange(Enumerable.Range(0, answers.Count).Except(compared).Select(number => $"README line {answers[number].Line}: never reached"));
        return mismatches;
    }

    [GeneratedRegex(@"\n@@readme (?<kind>block|answer) (?<number>\d+)@@\n")]
    private static partial Regex Marker();

    [GeneratedRegex(@"http://localhost:(?<port>\d+)")]
    private static partial Regex LocalUrl();

    [GeneratedRegex(@"dotnet run --project src/Api --no-launch-profile --(?= )")]
    private static partial Regex DotnetRunWithoutLaunchProfile();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
