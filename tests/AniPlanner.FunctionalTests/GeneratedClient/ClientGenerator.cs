using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace AniPlanner.FunctionalTests.GeneratedClient;

/// <summary>
/// Generates the C# client a consumer of docs/openapi.json would: NSwag, one client class per
/// controller (from the operation ids), Newtonsoft.Json (whose enum converter honours the wire
/// names), errors as ApiException&lt;T&gt; with the documented envelope.
/// </summary>
public static class ClientGenerator
{
    public const string Namespace = "AniPlanner.FunctionalTests.GeneratedClient.Api";

    public static string DocumentPath { get; } = Path.Combine(Infrastructure.RepositoryPaths.Root, "docs", "openapi.json");

    public static string ClientPath { get; } = Path.Combine(Infrastructure.RepositoryPaths.Root, "tests", "AniPlanner.FunctionalTests", "GeneratedClient", "AniPlannerClient.g.cs");

    public static async Task<string> GenerateAsync()
    {
        var document = await OpenApiDocument.FromFileAsync(DocumentPath);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "{controller}Client",
            OperationNameGenerator = new MultipleClientsFromOperationIdOperationNameGenerator(),
            GenerateClientInterfaces = false,
            InjectHttpClient = true,
            DisposeHttpClient = false,
            UseBaseUrl = false,
            GenerateExceptionClasses = true,
            ExceptionClass = "ApiException",
            GenerateOptionalParameters = true,
            CSharpGeneratorSettings =
            {
                Namespace = Namespace,
                JsonLibrary = CSharpJsonLibrary.NewtonsoftJson,
                GenerateNullableReferenceTypes = true,
                GenerateOptionalPropertiesAsNullable = true,
                ClassStyle = CSharpClassStyle.Poco,
                DateType = "System.DateOnly",
                DateTimeType = "System.DateTimeOffset",
            },
        };

        // One line ending everywhere, so the comparison does not depend on the machine.
        return new CSharpClientGenerator(document, settings).GenerateFile().ReplaceLineEndings("\n");
    }
}
