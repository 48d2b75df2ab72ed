using System.Reflection;
using AniPlanner.Application;
using AniPlanner.Domain;
using AniPlanner.Infrastructure;

namespace AniPlanner.UnitTests.Architecture;

/// <summary>
/// Layers depend inward only: Domain ← Application ← Infrastructure ← Api. Read from the
/// compiled assemblies' references, which list only what the code really uses.
/// </summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Domain = DomainAssembly.Reference;
    private static readonly Assembly Application = ApplicationAssembly.Reference;
    private static readonly Assembly Infrastructure = InfrastructureAssembly.Reference;
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Test]
    public void Domain_depends_on_nothing_but_the_base_library()
    {
        var outside = References(Domain).Where(name => !(name == "System" || name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard" or "mscorlib"));

        Assert.That(outside, Is.Empty);
    }

    [TestCase("AniPlanner.Infrastructure")]
    [TestCase("AniPlanner.Api")]
    [TestCase("Microsoft.EntityFrameworkCore")]
    [TestCase("Microsoft.AspNetCore")]
    public void Application_does_not_reach_outward(string forbidden) =>
        Assert.That(DependsOn(Application, forbidden), Is.False);

    [TestCase("AniPlanner.Api")]
    [TestCase("Microsoft.AspNetCore")]
    public void Infrastructure_does_not_reach_the_web_layer(string forbidden) =>
        Assert.That(DependsOn(Infrastructure, forbidden), Is.False);

    [Test]
    public void The_check_sees_real_dependencies()
    {
        // Guards the guard: if reference reading broke, every test above would pass vacuously.
        Assert.Multiple(() =>
        {
            Assert.That(DependsOn(Application, "AniPlanner.Domain"), Is.True);
            Assert.That(DependsOn(Application, "FluentValidation"), Is.True);
            Assert.That(DependsOn(Infrastructure, "Microsoft.EntityFrameworkCore"), Is.True);
            Assert.That(DependsOn(Api, "AniPlanner.Infrastructure"), Is.True);
            Assert.That(DependsOn(Api, "Microsoft.AspNetCore"), Is.True);
        });
    }

    private static IEnumerable<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(reference => reference.Name ?? "");

    private static bool DependsOn(Assembly assembly, string prefix) =>
        References(assembly).Any(name => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));
}
