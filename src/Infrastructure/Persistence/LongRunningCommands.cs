using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Work whose time grows with the data (a migration that rebuilds a table, a rollup rebuild over
/// every stored dial) must not fail half-way at the default 30-second command timeout.
/// </summary>
public static class LongRunningCommands
{
    /// <summary>Runs <paramref name="work"/> with no command timeout, then puts the context's own back.</summary>
    public static async Task WithoutCommandTimeoutAsync(this DatabaseFacade database, Func<Task> work)
    {
        var timeout = database.GetCommandTimeout();
        database.SetCommandTimeout(0);
        try
        {
            await work();
        }
        finally
        {
            database.SetCommandTimeout(timeout);
        }
    }
}
