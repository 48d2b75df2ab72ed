using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AniPlanner.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// The get of one resource (<see cref="Application.Common.Specifications.IReadOfOneResource"/>) as an
/// EF compiled query: the same untracked <c>CustomerId == customerId &amp;&amp; Id == id</c> read, translated
/// once instead of having its expression tree walked and its cache key hashed on every request
/// (the hot path of every GET by id). A compiled query belongs to the model it first ran against
/// (EF refuses another: CompiledQueryDifferentModel), and each provider's context has its own
/// model (several live in one test process), so there is one per model; held weakly, so a model
/// that goes away takes its query with it.
/// </summary>
internal static class ReadOfOneResource<T>
    where T : class
{
    private static readonly Expression<Func<DbContext, Guid, Guid, CancellationToken, T?>> TheRead = BuildTheRead();
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, Guid, Guid, CancellationToken, Task<T?>>> ByModel = [];

    public static Task<T?> Query(DbContext context, Guid customerId, Guid id, CancellationToken cancellationToken) =>
        ByModel.GetValue(context.Model, static _ => EF.CompileAsyncQuery(TheRead))(context, customerId, id, cancellationToken);

    /// <summary>context.Set&lt;T&gt;().AsNoTracking().FirstOrDefault(resource => resource.CustomerId == customerId &amp;&amp; resource.Id == id)</summary>
    private static Expression<Func<DbContext, Guid, Guid, CancellationToken, T?>> BuildTheRead()
    {
        var context = Expression.Parameter(typeof(DbContext), "context");
        var customerId = Expression.Parameter(typeof(Guid), "customerId");
        var id = Expression.Parameter(typeof(Guid), "id");
        var cancellationToken = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        var resource = Expression.Parameter(typeof(T), "resource");
        var isTheOne = Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(resource, nameof(ICustomerOwnedResource.CustomerId)), customerId),
                Expression.Equal(Expression.Property(resource, nameof(IListedByCreationTime.Id)), id)),
            resource);
        var set = Expression.Call(context, nameof(DbContext.Set), [typeof(T)]);
        var untracked = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(T)], set);
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(T)], untracked, Expression.Quote(isTheOne));
        return Expression.Lambda<Func<DbContext, Guid, Guid, CancellationToken, T?>>(first, context, customerId, id, cancellationToken);
    }
}
