using System.Reflection;
using AniPlanner.Application;
using AniPlanner.Domain;
using AniPlanner.Infrastructure;

namespace AniPlanner.UnitTests.Architecture;

/// <summary>
/// Modules stay apart and no two namespaces lean on each other, read type by type from the
/// compiled code. Each rule is also run over fixtures that break it, so it is known to fail.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Root = "AniPlanner";
    private const string FixtureRoot = "AniPlanner.UnitTests.Architecture.Fixtures";

    private static readonly Assembly[] Service =
    [
        DomainAssembly.Reference, ApplicationAssembly.Reference, InfrastructureAssembly.Reference, typeof(Program).Assembly,
    ];

    private static readonly IReadOnlyList<TypeDependency> ServiceDependencies = TypeDependencies.Of(Service, Root, Root);

    private static readonly IReadOnlyList<TypeDependency> FixtureDependencies =
        TypeDependencies.Of([typeof(ModuleBoundaryTests).Assembly], FixtureRoot, FixtureRoot);

    [Test]
    public void No_module_uses_another_but_through_the_shared_kernel() =>
        Assert.That(ArchitectureRules.CrossModuleUses(ServiceDependencies, Root), Is.Empty);

    [Test]
    public void No_two_namespaces_depend_on_each_other() =>
        Assert.That(ArchitectureRules.NamespaceCycles(ServiceDependencies).Select(cycle => string.Join(" ⇄ ", cycle)), Is.Empty);

    [Test]
    public void The_module_rule_catches_a_use_case_reaching_into_another_module_but_lets_the_shared_kernel_pass()
    {
        var uses = ArchitectureRules.CrossModuleUses(FixtureDependencies, FixtureRoot);

        Assert.That(uses, Is.EqualTo(new[]
        {
            $"{FixtureRoot}.Application.Outplans.ReachesIntoIdentity → {FixtureRoot}.Application.Identity.CreateUserFixture",
        }));
    }

    [Test]
    public void The_cycle_rule_catches_two_namespaces_that_use_each_other() =>
        Assert.That(ArchitectureRules.NamespaceCycles(FixtureDependencies), Is.EqualTo(new[]
        {
            new[] { $"{FixtureRoot}.Cycle.Left", $"{FixtureRoot}.Cycle.Right" },
        }));

    [Test]
    public void The_reader_sees_uses_inside_method_bodies_lambdas_and_async_code()
    {
        // Guards the guard: were the IL reading broken, every rule above would pass on nothing.
        var used = ServiceDependencies.Where(use => use.FromType == "AniPlanner.Application.Outplans.DeleteOutplan.DeleteOutplanHandler")
            .Select(use => use.ToType)
            .ToList();

        // OutplanErrors is named only in a lambda, SoftDeletes only in the async method's state machine.
        Assert.That(used, Does.Contain("AniPlanner.Application.Outplans.Common.OutplanErrors"));
        Assert.That(used, Does.Contain("AniPlanner.Application.Common.Persistence.SoftDeletes"));
    }
}
