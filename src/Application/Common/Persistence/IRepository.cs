using AniPlanner.Application.Common.Specifications;

namespace AniPlanner.Application.Common.Persistence;

/// <summary>
/// The only door from a handler to storage. Changes to tracked aggregates are written by one
/// <see cref="SaveChangesAsync"/>, so a command commits whole or not at all.
/// </summary>
public interface IRepository<T>
    where T : class
{
    void Add(T entity);

    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken);

    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken);

    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken);

    Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}
