using System.Linq.Expressions;
using AniPlanner.Domain.Common;

namespace AniPlanner.Application.Common.Specifications;

/// <summary>One resource of one customer, deleted or not: get and delete answer deleted ones too.</summary>
public sealed class ResourceByIdSpec<T> : Specification<T>
    where T : class, ICustomerOwnedResource
{
    public ResourceByIdSpec(Guid customerId, Guid id) =>
        Query.Where(resource => resource.CustomerId == customerId && resource.Id == id);
}

/// <summary>
/// One resource of one customer, deleted or not, only to be answered: untracked, so a get pays no
/// change tracking. It names its customer and id (<see cref="IReadOfOneResource"/>), so a
/// repository may answer it with a query prepared once instead of translating it on every get;
/// its Where is built only for a repository that asks (building it was a visible share of a get).
/// </summary>
public sealed class ResourceToReadByIdSpec<T>(Guid customerId, Guid id) : ISpecification<T>, IReadOfOneResource
    where T : class, ICustomerOwnedResource
{
    private IReadOnlyList<Expression<Func<T, bool>>>? _where;

    public Guid CustomerId { get; } = customerId;

    public Guid Id { get; } = id;

    public IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions =>
        _where ??= [resource => resource.CustomerId == CustomerId && resource.Id == Id];

    public IReadOnlyList<OrderExpression<T>> OrderExpressions => [];

    public int? Skip => null;

    public int? Take => null;

    public bool AsNoTracking => true;
}

/// <summary>An untracked read of exactly one customer's resource with exactly this id; what it asks is its Where.</summary>
public interface IReadOfOneResource
{
    Guid CustomerId { get; }

    Guid Id { get; }
}

/// <summary>One live resource of one customer: only these can be updated.</summary>
public sealed class LiveResourceByIdSpec<T> : Specification<T>
    where T : class, ICustomerOwnedResource
{
    public LiveResourceByIdSpec(Guid customerId, Guid id) =>
        Query.Where(resource => resource.CustomerId == customerId && resource.Id == id && resource.TmDelete == null);
}

/// <summary>
/// One page of a list newest first: the items in scope created strictly before the page token,
/// ties on the creation time broken by id so the order never changes between pages.
/// </summary>
public sealed class CreationTimePageSpec<T> : Specification<T>
    where T : class, IListedByCreationTime
{
    public CreationTimePageSpec(Expression<Func<T, bool>> scope, DateTime? createdBefore, int take)
    {
        Query.Where(scope);
        if (createdBefore is { } before)
        {
            Query.Where(item => item.TmCreate < before);
        }

        Query.OrderByDescending(item => item.TmCreate).ThenByDescending(item => item.Id).Take(take).AsNoTracking();
    }
}

/// <summary>The items in scope created at exactly one instant: a page boundary's ties.</summary>
public sealed class CreatedAtSpec<T> : Specification<T>
    where T : class, IListedByCreationTime
{
    public CreatedAtSpec(Expression<Func<T, bool>> scope, DateTime createdAt) =>
        Query.Where(scope).Where(item => item.TmCreate == createdAt).OrderByDescending(item => item.Id).AsNoTracking();
}

/// <summary>The scopes lists are paged within.</summary>
public static class ListScopes
{
    /// <summary>A customer's resources that are not deleted.</summary>
    public static Expression<Func<T, bool>> LiveOf<T>(Guid customerId)
        where T : ICustomerOwnedResource =>
        resource => resource.CustomerId == customerId && resource.TmDelete == null;

    /// <summary>Every resource of the kind that is not deleted (the platform's customers).</summary>
    public static Expression<Func<T, bool>> Live<T>()
        where T : SoftDeletableResource =>
        resource => resource.TmDelete == null;
}
