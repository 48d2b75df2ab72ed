using System.Reflection;

namespace AniPlanner.Infrastructure;

/// <summary>Names the Infrastructure assembly where a check needs it (layer rules), instead of one of its types standing in for it.</summary>
public static class InfrastructureAssembly
{
    public static Assembly Reference { get; } = typeof(InfrastructureAssembly).Assembly;
}
