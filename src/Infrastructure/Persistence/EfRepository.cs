using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>The repository port over EF Core; all repositories of a request share one context.</summary>
public sealed class EfRepository<T>(AniPlannerDbContext context, IWriteTurns writeTurns) : IRepository<T>
    where T : class
{
    public void Add(T entity) => context.Set<T>().Add(entity);

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        specification is IReadOfOneResource one
            ? ReadOfOneResource<T>.Query(context, one.CustomerId, one.Id, cancellationToken)
            : Apply(specification).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Apply(specification).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Apply(specification).AnyAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Apply(specification).CountAsync(cancellationToken);

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var turn = await writeTurns.EnterAsync(cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            // A concurrency token no longer matched: the row changed (or went) after it was read.
            throw new WriteConflictException("Another request changed the same data at the same time; retry the request.", conflict);
        }
        catch (DbUpdateException update) when (update.IsUniqueKeyViolation())
        {
            throw new WriteConflictException("Another request changed the same data at the same time; retry the request.", update);
        }
    }

    public void DiscardChanges() => context.ChangeTracker.Clear();

    private IQueryable<T> Apply(ISpecification<T> specification) =>
        SpecificationEvaluator.GetQuery(context.Set<T>(), specification);
}
