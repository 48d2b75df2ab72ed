using System.Reflection;

namespace AniPlanner.Application;

/// <summary>
/// Names the Application assembly where a registration or a check needs it (handlers,
/// validators, layer rules), so that no use case has to stand in for the whole layer.
/// </summary>
public static class ApplicationAssembly
{
    public static Assembly Reference { get; } = typeof(ApplicationAssembly).Assembly;
}
