namespace AniPlanner.UnitTests.Architecture;

/// <summary>The rules the architecture tests hold the code to, written once so that the fixtures can prove each one fails.</summary>
public static class ArchitectureRules
{
    public static readonly IReadOnlyList<string> Layers = ["Domain", "Application", "Infrastructure", "Api"];
    public static readonly IReadOnlyList<string> Modules = ["Outplans", "AniPlanning", "Identity"];

    /// <summary>
    /// The shared kernel: the module types every module may use. A customer (the tenant) owns
    /// every other resource, so each module's data refers to it.
    /// </summary>
    public static readonly IReadOnlySet<string> SharedKernel = new HashSet<string>
    {
        "Domain.Identity.Customer",
    };

    /// <summary>The module a namespace belongs to (<c>{root}.{Layer}.{Module}...</c>), or null for the layers' common parts.</summary>
    public static string? ModuleOf(string @namespace, string root)
    {
        if (!TypeDependencies.Under(@namespace, root))
        {
            return null;
        }

        var parts = @namespace[root.Length..].Split('.', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && Layers.Contains(parts[0]) && Modules.Contains(parts[1]) ? parts[1] : null;
    }

    /// <summary>Each use of another module's type that is not in the shared kernel, as "from → to".</summary>
    public static IReadOnlyList<string> CrossModuleUses(IEnumerable<TypeDependency> dependencies, string root) =>
    [
        .. dependencies
            .Where(use => ModuleOf(use.FromNamespace, root) is { } from
                && ModuleOf(use.ToNamespace, root) is { } to
                && from != to
                && !SharedKernel.Contains(use.ToType[(root.Length + 1)..]))
            .Select(use => $"{use.FromType} → {use.ToType}")
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Groups of namespaces that depend on each other, directly or round a loop (Tarjan's strongly connected components).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> NamespaceCycles(IEnumerable<TypeDependency> dependencies)
    {
        var edges = dependencies
            .Where(use => use.FromNamespace != use.ToNamespace)
            .GroupBy(use => use.FromNamespace)
            .ToDictionary(group => group.Key, group => group.Select(use => use.ToNamespace).Distinct().ToList());

        var index = new Dictionary<string, int>();
        var lowLink = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = lowLink[node] = index.Count;
            stack.Push(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    lowLink[node] = Math.Min(lowLink[node], lowLink[next]);
                }
                else if (stack.Contains(next))
                {
                    lowLink[node] = Math.Min(lowLink[node], index[next]);
                }
            }

            if (lowLink[node] != index[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                component.Add(member);
            }
            while (member != node);

            if (component.Count > 1)
            {
                cycles.Add([.. component.Order(StringComparer.Ordinal)]);
            }
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }
}
