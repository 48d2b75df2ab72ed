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

    /// <summary>
    /// Writes every change of the request. Throws <see cref="Exceptions.WriteConflictException"/>,
    /// having stored nothing, when another request changed a row since it was read (or took a
    /// unique value first).
    /// </summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every row read and every change made so far, in all repositories of the request, so the next reads are fresh.</summary>
    void DiscardChanges();
}
