using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>One outplan of one customer, deleted or not (get and delete answer deleted ones).</summary>
public sealed class OutplanByIdSpec : Specification<Outplan>
{
    public OutplanByIdSpec(Guid customerId, Guid id) =>
        Query.Where(outplan => outplan.CustomerId == customerId && outplan.Id == id);
}

/// <summary>One live outplan of one customer: only these can be updated.</summary>
public sealed class LiveOutplanByIdSpec : Specification<Outplan>
{
    public LiveOutplanByIdSpec(Guid customerId, Guid id) =>
        Query.Where(outplan => outplan.CustomerId == customerId && outplan.Id == id && outplan.TmDelete == null);
}

/// <summary>A customer's live outplans, newest first, created strictly before a page token.</summary>
public sealed class LiveOutplansPageSpec : Specification<Outplan>
{
    public LiveOutplansPageSpec(Guid customerId, DateTime? createdBefore, int take)
    {
        Query.Where(outplan => outplan.CustomerId == customerId && outplan.TmDelete == null);
        if (createdBefore is { } before)
        {
            Query.Where(outplan => outplan.TmCreate < before);
        }

        Query.OrderByDescending(outplan => outplan.TmCreate)
            .ThenByDescending(outplan => outplan.Id)
            .Take(take)
            .AsNoTracking();
    }
}

/// <summary>A customer's live outplans created at exactly one instant (a page boundary's ties).</summary>
public sealed class LiveOutplansCreatedAtSpec : Specification<Outplan>
{
    public LiveOutplansCreatedAtSpec(Guid customerId, DateTime createdAt) =>
        Query.Where(outplan => outplan.CustomerId == customerId && outplan.TmDelete == null && outplan.TmCreate == createdAt)
            .OrderByDescending(outplan => outplan.Id)
            .AsNoTracking();
}
