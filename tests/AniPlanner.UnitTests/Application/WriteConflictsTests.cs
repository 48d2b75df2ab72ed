using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;

namespace AniPlanner.UnitTests.Application;

public sealed class WriteConflictsTests
{
    [Test]
    public async Task A_command_that_lost_a_race_runs_again_on_fresh_reads_until_it_wins()
    {
        var unitOfWork = new CountingUnitOfWork();
        var attempts = 0;

        var result = await unitOfWork.RetryOnWriteConflictAsync(
            () => ++attempts < 3 ? throw Conflict() : Task.FromResult("saved"), CancellationToken.None);

        Assert.That((result, attempts, unitOfWork.Discards), Is.EqualTo(("saved", 3, 2)), "each lost attempt's reads and changes are forgotten before the next");
    }

    [Test]
    public void A_command_that_keeps_losing_gives_the_conflict_up_after_the_last_attempt()
    {
        var unitOfWork = new CountingUnitOfWork();
        var attempts = 0;

        Assert.ThrowsAsync<WriteConflictException>(() => unitOfWork.RetryOnWriteConflictAsync<object, string>(
            () =>
            {
                attempts++;
                throw Conflict();
            },
            CancellationToken.None));
        Assert.That(attempts, Is.EqualTo(WriteConflicts.MaxAttempts));
    }

    [Test]
    public void Other_failures_are_not_retried()
    {
        var unitOfWork = new CountingUnitOfWork();
        var attempts = 0;

        Assert.ThrowsAsync<NotFoundException>(() => unitOfWork.RetryOnWriteConflictAsync<object, string>(
            () =>
            {
                attempts++;
                throw new NotFoundException("OUTPLAN_NOT_FOUND", "gone");
            },
            CancellationToken.None));
        Assert.That((attempts, unitOfWork.Discards), Is.EqualTo((1, 0)));
    }

    private static WriteConflictException Conflict() => new("lost", new InvalidOperationException("stale version"));

    private sealed class CountingUnitOfWork : IRepository<object>
    {
        public int Discards { get; private set; }

        public void DiscardChanges() => Discards++;

        public void Add(object entity) => throw new NotSupportedException();

        public Task<object?> FirstOrDefaultAsync(ISpecification<object> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<List<object>> ListAsync(ISpecification<object> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> AnyAsync(ISpecification<object> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CountAsync(ISpecification<object> specification, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveChangesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
