using System.Reflection;

namespace AniPlanner.Domain;

/// <summary>Names the Domain assembly where a check needs it (layer rules), instead of one aggregate standing in for it.</summary>
public static class DomainAssembly
{
    public static Assembly Reference { get; } = typeof(DomainAssembly).Assembly;
}
