using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.Common;

namespace AniPlanner.Application.Common.Persistence;

/// <summary>The delete every soft-deletable resource answers the same way.</summary>
public static class SoftDeletes
{
    /// <summary>
    /// Soft-deletes what <paramref name="resource"/> finds (deleted or not) and answers it; deleting
    /// it again answers it unchanged. Of deletes that race, one deletes (and is audited); the
    /// others find it deleted and answer it as that one left it.
    /// </summary>
    public static Task<T> SoftDeleteAsync<T>(
        this IRepository<T> repository, ISpecification<T> resource, Func<Exception> notFound, TimeProvider clock, CancellationToken cancellationToken)
        where T : SoftDeletableResource =>
        repository.RetryOnWriteConflictAsync(
            async () =>
            {
                var found = await repository.FirstOrDefaultAsync(resource, cancellationToken) ?? throw notFound();
                if (!found.IsDeleted)
                {
                    found.Delete(Timestamps.Now(clock));
                    await repository.SaveChangesAsync(cancellationToken);
                }

                return found;
            },
            cancellationToken);
}
