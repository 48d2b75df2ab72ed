namespace AniPlanner.Application.Common.Text;

/// <summary>The string constants a class declares, for a document to list the codes it names.</summary>
public static class WireConstants
{
    public static IReadOnlyList<string> Of(Type declaring) =>
        [.. declaring.GetFields().Where(field => field.IsLiteral && field.FieldType == typeof(string)).Select(field => (string)field.GetRawConstantValue()!)];
}
