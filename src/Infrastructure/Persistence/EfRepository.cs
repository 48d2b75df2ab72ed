using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>The repository port over EF Core; all repositories of a request share one context.</summary>
public sealed class EfRepository<T>(AniPlannerDbContext context) : IRepository<T>
    where T : class
{
    public void Add(T entity) => context.Set<T>().Add(entity);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Apply(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Apply(specification).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Apply(specification).AnyAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Apply(specification).CountAsync(cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => context.SaveChangesAsync(cancellationToken);

    private IQueryable<T> Apply(ISpecification<T> specification) =>
        SpecificationEvaluator.GetQuery(context.Set<T>(), specification);
}
