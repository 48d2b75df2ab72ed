using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Settings;

namespace AniPlanner.Application.AniPlanning.Common;

public sealed class AnisOfCustomerSpec : Specification<Ani>
{
    public AnisOfCustomerSpec(Guid customerId) => Query.Where(ani => ani.CustomerId == customerId);
}

public sealed class AnisPageSpec : Specification<Ani>
{
    public AnisPageSpec(Guid customerId, int skip, int take) =>
        Query.Where(ani => ani.CustomerId == customerId).OrderBy(ani => ani.Number).Skip(skip).Take(take).AsNoTracking();
}

public sealed class AnisByNumbersSpec : Specification<Ani>
{
    public AnisByNumbersSpec(Guid customerId, IReadOnlyCollection<string> numbers) =>
        Query.Where(ani => ani.CustomerId == customerId && numbers.Contains(ani.Number));
}

public sealed class PlannerSettingsOfCustomerSpec : Specification<PlannerSettings>
{
    public PlannerSettingsOfCustomerSpec(Guid customerId) => Query.Where(settings => settings.CustomerId == customerId);
}
