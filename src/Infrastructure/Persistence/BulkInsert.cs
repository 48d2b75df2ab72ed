using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;
using NpgsqlTypes;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Many rows into one table inside an open transaction, the fastest way each provider has:
/// SqlBulkCopy on SQL Server, binary COPY on PostgreSQL, one prepared INSERT on SQLite (which
/// runs in-process, so a statement per row costs no round trip). Values are strings or ints.
/// </summary>
public static class BulkInsert
{
    public static Task IntoAsync(DbTransaction transaction, string table, string[] columns, IEnumerable<object[]> rows, CancellationToken cancellationToken) =>
        transaction switch
        {
            SqlTransaction sqlServer => SqlServerAsync(sqlServer, table, columns, rows, cancellationToken),
            NpgsqlTransaction postgreSql => PostgreSqlAsync(postgreSql, table, columns, rows, cancellationToken),
            _ => PreparedInsertAsync(transaction, table, columns, rows, cancellationToken),
        };

    private static async Task SqlServerAsync(SqlTransaction transaction, string table, string[] columns, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        using var data = new DataTable();
        foreach (var row in rows)
        {
            if (data.Columns.Count == 0)
            {
                for (var index = 0; index < columns.Length; index++)
                {
                    data.Columns.Add(columns[index], row[index].GetType());
                }
            }

            data.Rows.Add(row);
        }

        if (data.Rows.Count == 0)
        {
            return;
        }

        using var bulk = new SqlBulkCopy(transaction.Connection, SqlBulkCopyOptions.Default, transaction)
        {
            DestinationTableName = $"[{table}]",
            BulkCopyTimeout = 0,
        };
        foreach (var column in columns)
        {
            bulk.ColumnMappings.Add(column, column);
        }

        await bulk.WriteToServerAsync(data, cancellationToken);
    }

    private static async Task PostgreSqlAsync(NpgsqlTransaction transaction, string table, string[] columns, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        await using var copy = await transaction.Connection!.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({QuotedList(columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                await (value switch
                {
                    int number => copy.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
                    _ => copy.WriteAsync((string)value, NpgsqlDbType.Varchar, cancellationToken),
                });
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task PreparedInsertAsync(DbTransaction transaction, string table, string[] columns, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"{table}\" ({QuotedList(columns)}) VALUES ({string.Join(", ", columns.Select((_, index) => $"@p{index}"))})";
        var parameters = columns.Select((_, index) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{index}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

        foreach (var row in rows)
        {
            for (var index = 0; index < row.Length; index++)
            {
                parameters[index].Value = row[index];
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Double quotes keep the names' case on PostgreSQL and quote "Plan" everywhere.</summary>
    private static string QuotedList(string[] columns) => string.Join(", ", columns.Select(column => $"\"{column}\""));
}
