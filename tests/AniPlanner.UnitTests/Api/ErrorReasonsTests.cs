using System.Reflection;
using System.Text.RegularExpressions;
using AniPlanner.Api.Errors;
using AniPlanner.Application;
using AniPlanner.Application.Common.Exceptions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AniPlanner.UnitTests.Api;

/// <summary>
/// Every reason code the service can answer is one the OpenAPI document lists: read from the
/// compiled code, where a constant is inlined as the same string a literal would be.
/// </summary>
public sealed partial class ErrorReasonsTests
{
    /// <summary>Upper-snake strings that are not answers: configuration keys read from the environment.</summary>
    private static readonly string[] NotReasons = ["OTEL_EXPORTER_OTLP_ENDPOINT"];

    [Test]
    public void Every_upper_snake_code_in_the_service_is_a_listed_reason_or_status_word()
    {
        var unlisted = UpperSnakeStringsIn(ApplicationAssembly.Reference, typeof(Program).Assembly)
            .Except(ErrorReasons.All)
            .Except(StatusWords.All)
            .Except(NotReasons)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(unlisted, Is.Empty, "Name these in ErrorReasons, so the OpenAPI document lists them.");
    }

    [Test]
    public void The_reader_finds_codes_written_as_literals_and_as_constants() =>
        Assert.That(UpperSnakeStringsIn(typeof(ErrorReasonsTests).Assembly), Is.SupersetOf(new[] { "NOT_A_LISTED_REASON", ErrorReasons.RateLimited }));

    [Test]
    public void Reasons_are_distinct_upper_snake_codes()
    {
        Assert.That(ErrorReasons.All, Is.Unique);
        Assert.That(ErrorReasons.All, Has.All.Matches(UpperSnake()));
    }

    // Used only by the reader's own test above.
    private static string[] Fixture() => ["NOT_A_LISTED_REASON", ErrorReasons.RateLimited];

    private static HashSet<string> UpperSnakeStringsIn(params Assembly[] assemblies)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            // Our own types only: source generators' code (the regex generator's) names its own switches.
            var ours = module.GetTypes().Where(type => Outermost(type).Namespace.StartsWith("AniPlanner", StringComparison.Ordinal));
            foreach (var method in ours.SelectMany(type => type.Methods).Where(method => method.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.OpCode == OpCodes.Ldstr && instruction.Operand is string text && UpperSnake().IsMatch(text))
                    {
                        found.Add(text);
                    }
                }
            }
        }

        return found;
    }

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is null ? type : Outermost(type.DeclaringType);

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex UpperSnake();
}
