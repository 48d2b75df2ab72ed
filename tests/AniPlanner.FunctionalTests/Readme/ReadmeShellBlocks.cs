using System.Text.RegularExpressions;

namespace AniPlanner.FunctionalTests.Readme;

/// <summary>A shell block of the README: the line of its opening fence, its lines, and why the README test leaves it out (null: it runs).</summary>
public sealed record ShellBlock(int Line, IReadOnlyList<string> Lines, string? SkipReason);

/// <summary>
/// An answer the README shows: a <c># -> ...</c> comment (its shape may go on over the next comment
/// lines until its brackets close), standing after the command whose output it shows.
/// </summary>
public sealed record ShownAnswer(int Line, string Shape, int LastLineIndex);

/// <summary>
/// The README's shell blocks (```bash, ```sh, ```shell) in order. A block the test cannot run
/// here says so in an HTML comment right above its fence, which readers do not see:
/// <c>&lt;!-- readme-test: skip (the reason) --&gt;</c>.
/// </summary>
public static partial class ReadmeShellBlocks
{
    public static IReadOnlyList<ShellBlock> Parse(string markdown)
    {
        var lines = markdown.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var blocks = new List<ShellBlock>();
        for (var index = 0; index < lines.Length; index++)
        {
            if (!ShellFence().IsMatch(lines[index]))
            {
                continue;
            }

            var end = Array.FindIndex(lines, index + 1, line => line.Trim() == "```");
            if (end < 0)
            {
                throw new FormatException($"README line {index + 1}: the shell block is never closed");
            }

            var skip = index > 0 ? SkipMarker().Match(lines[index - 1]) : Match.Empty;
            if (index > 0 && lines[index - 1].Contains("readme-test", StringComparison.Ordinal) && !skip.Success)
            {
                throw new FormatException($"README line {index}: write the marker as <!-- readme-test: skip (the reason) -->");
            }

            blocks.Add(new ShellBlock(index + 1, lines[(index + 1)..end], skip.Success ? skip.Groups["reason"].Value : null));
            index = end;
        }

        return blocks;
    }

    /// <summary>The answers a block shows, in order.</summary>
    public static IReadOnlyList<ShownAnswer> Answers(ShellBlock block)
    {
        var answers = new List<ShownAnswer>();
        for (var index = 0; index < block.Lines.Count; index++)
        {
            var line = block.Lines[index].TrimStart();
            if (!line.StartsWith("# ->", StringComparison.Ordinal))
            {
                continue;
            }

            var first = index;
            var shape = line["# ->".Length..].Trim();
            while (!Balanced(shape) && index + 1 < block.Lines.Count && block.Lines[index + 1].TrimStart().StartsWith('#'))
            {
                index++;
                shape += " " + block.Lines[index].TrimStart().TrimStart('#').Trim();
            }

            answers.Add(new ShownAnswer(block.Line + 1 + first, shape, index));
        }

        return answers;
    }

    /// <summary>Every bracket opened is closed (brackets inside strings do not count).</summary>
    private static bool Balanced(string shape)
    {
        var depth = 0;
        var inString = false;
        for (var index = 0; index < shape.Length; index++)
        {
            switch (shape[index])
            {
                case '\\' when inString:
                    index++;
                    break;
                case '"':
                    inString = !inString;
                    break;
                case '{' or '[' when !inString:
                    depth++;
                    break;
                case '}' or ']' when !inString:
                    depth--;
                    break;
            }
        }

        return depth <= 0;
    }

    [GeneratedRegex(@"^```(bash|sh|shell)\s*$")]
    private static partial Regex ShellFence();

    [GeneratedRegex(@"^<!-- readme-test: skip \((?<reason>.+)\) -->$")]
    private static partial Regex SkipMarker();
}
