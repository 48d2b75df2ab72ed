using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AniPlanner.UnitTests.Persistence;

/// <summary>A driver's failure leaves the pipeline as the application's own exception, keeping the driver's inside; anything else passes untouched.</summary>
public sealed class DatabaseFailureTranslationTests
{
    [Test]
    public void A_failure_a_retry_may_cure_is_database_busy()
    {
        var locked = new DbUpdateException("save failed", new SqliteException("database is locked", 5));

        var translated = DatabaseFailureTranslation.Translate(locked);

        Assert.That(translated, Is.TypeOf<DatabaseBusyException>().And.Property(nameof(Exception.InnerException)).SameAs(locked));
        Assert.That(translated!.Message, Does.EndWith($"Send it again in {DatabaseBusyException.RetryAfterSeconds} seconds."));
    }

    [TestCase(PostgresErrorCodes.CharacterNotInRepertoire)]
    [TestCase(PostgresErrorCodes.UntranslatableCharacter)]
    public void Text_the_database_refused_is_unstorable_text(string sqlState)
    {
        var refused = new DbUpdateException("save failed", new PostgresException("invalid byte sequence", "ERROR", "ERROR", sqlState));

        Assert.That(DatabaseFailureTranslation.Translate(refused), Is.TypeOf<UnstorableTextException>());
    }

    [Test]
    public void What_is_already_translated_or_no_driver_failure_is_left_alone()
    {
        var busy = new DatabaseBusyException("busy", new SqliteException("database is locked", 5));

        Assert.Multiple(() =>
        {
            Assert.That(DatabaseFailureTranslation.Translate(busy), Is.Null, "translated once, by the innermost pipeline");
            Assert.That(DatabaseFailureTranslation.Translate(new InvalidOperationException("bug")), Is.Null);
            Assert.That(DatabaseFailureTranslation.Translate(new SqliteException("constraint failed", 19)), Is.Null);
        });
    }
}
