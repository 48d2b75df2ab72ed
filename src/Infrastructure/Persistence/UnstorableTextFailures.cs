using Npgsql;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Text the database refused to hold: PostgreSQL stores no NUL character (\u0000) and nothing
/// outside its encoding. The request's content is at fault, not the service, so it is a 400.
/// </summary>
public static class UnstorableTextFailures
{
    public static bool IsUnstorableText(this Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter })
            {
                return true;
            }
        }

        return false;
    }
}
