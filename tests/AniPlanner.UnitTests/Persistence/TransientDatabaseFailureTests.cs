using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AniPlanner.UnitTests.Persistence;

/// <summary>What a retry may cure is told apart from a real error, however deep the provider's exception is wrapped.</summary>
public sealed class TransientDatabaseFailureTests
{
    [TestCase(PostgresErrorCodes.DeadlockDetected, true)]
    [TestCase(PostgresErrorCodes.SerializationFailure, true)]
    [TestCase(PostgresErrorCodes.LockNotAvailable, true)]
    [TestCase(PostgresErrorCodes.CannotConnectNow, true)]
    [TestCase(PostgresErrorCodes.UniqueViolation, false)]
    [TestCase(PostgresErrorCodes.UndefinedTable, false)]
    public void PostgreSql_errors_are_transient_by_their_state(string sqlState, bool transient)
    {
        var error = new PostgresException("failed", "ERROR", "ERROR", sqlState);

        Assert.That(error.IsTransientDatabaseFailure(), Is.EqualTo(transient));
        Assert.That(new DbUpdateException("save failed", error).IsTransientDatabaseFailure(), Is.EqualTo(transient), "wrapped by EF");
    }

    [TestCase(5, true)]
    [TestCase(6, true)]
    [TestCase(19, false)]
    [TestCase(1, false)]
    public void Sqlite_busy_and_locked_are_transient(int errorCode, bool transient) =>
        Assert.That(new SqliteException("failed", errorCode).IsTransientDatabaseFailure(), Is.EqualTo(transient));

    [Test]
    public void Exhausted_retries_are_transient_and_an_ordinary_failure_is_not()
    {
        Assert.That(new RetryLimitExceededException("gave up", new TimeoutException()).IsTransientDatabaseFailure(), Is.True);
        Assert.That(new InvalidOperationException("bug").IsTransientDatabaseFailure(), Is.False);
    }
}
