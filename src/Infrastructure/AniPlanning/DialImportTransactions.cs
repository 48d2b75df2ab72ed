using System.Data;
using System.Data.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>How a server database's dial import starts: on the context's own connection, in one transaction.</summary>
internal static class DialImportTransactions
{
    /// <summary>
    /// Opens the connection, begins the transaction and lets <paramref name="start"/> stage the
    /// import; if any of it fails, the transaction and the connection are released before the failure goes on.
    /// </summary>
    public static async Task<IDialImport> BeginAsync<TConnection, TTransaction>(
        AniPlannerDbContext context, Func<TConnection, TTransaction, Task<IDialImport>> start, CancellationToken cancellationToken)
        where TConnection : DbConnection
        where TTransaction : DbTransaction
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            var connection = (TConnection)context.Database.GetDbConnection();
            transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return await start(connection, (TTransaction)transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await context.Database.CloseConnectionAsync();
            throw;
        }
    }
}
