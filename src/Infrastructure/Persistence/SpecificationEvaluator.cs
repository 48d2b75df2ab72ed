using AniPlanner.Application.Common.Specifications;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>Turns a specification into an EF Core query (the Ardalis evaluator's job).</summary>
public static class SpecificationEvaluator
{
    public static IQueryable<T> GetQuery<T>(IQueryable<T> source, ISpecification<T> specification)
        where T : class
    {
        var query = specification.WhereExpressions.Aggregate(source, (current, criteria) => current.Where(criteria));

        IOrderedQueryable<T>? ordered = null;
        foreach (var order in specification.OrderExpressions)
        {
            ordered = ordered is null
                ? order.Direction == OrderDirection.Ascending ? query.OrderBy(order.KeySelector) : query.OrderByDescending(order.KeySelector)
                : order.Direction == OrderDirection.Ascending ? ordered.ThenBy(order.KeySelector) : ordered.ThenByDescending(order.KeySelector);
        }

        query = ordered ?? query;
        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return specification.AsNoTracking ? query.AsNoTracking() : query;
    }
}
