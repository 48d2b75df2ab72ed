// Deliberate violations, so the architecture tests can show their rules fail. Nothing else uses these.
#pragma warning disable CA1812, CA1822

namespace AniPlanner.UnitTests.Architecture.Fixtures.Application.Identity
{
    internal sealed class CreateUserFixture;
}

namespace AniPlanner.UnitTests.Architecture.Fixtures.Domain.Identity
{
    internal sealed class Customer;
}

namespace AniPlanner.UnitTests.Architecture.Fixtures.Application.Outplans
{
    /// <summary>A use case of Outplans that reaches into an Identity use case: refused.</summary>
    internal sealed class ReachesIntoIdentity
    {
        public object Handle() => new Identity.CreateUserFixture();
    }

    /// <summary>One that uses the shared kernel's customer: allowed.</summary>
    internal sealed class UsesTheCustomer
    {
        public Fixtures.Domain.Identity.Customer? Owner { get; init; }
    }
}

namespace AniPlanner.UnitTests.Architecture.Fixtures.Cycle.Left
{
    internal sealed class LeansRight
    {
        public Right.LeansLeft? Other { get; init; }
    }
}

namespace AniPlanner.UnitTests.Architecture.Fixtures.Cycle.Right
{
    internal sealed class LeansLeft
    {
        public async Task<object?> OtherAsync()
        {
            await Task.Yield();
            return new Left.LeansRight();
        }
    }
}
