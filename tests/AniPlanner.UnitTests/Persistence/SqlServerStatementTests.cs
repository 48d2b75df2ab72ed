using System.Data;
using System.Data.Common;
using AniPlanner.Infrastructure.AniPlanning;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AniPlanner.UnitTests.Persistence;

/// <summary>
/// The raw T-SQL the dial store sends is valid, and is sent the way it needs to be. The SQL
/// Server functional suite proves it against a server; these run everywhere, without one.
/// </summary>
public sealed class SqlServerStatementTests
{
    private static IEnumerable<TestCaseData> DialStoreStatements()
    {
        yield return new TestCaseData(SqlServerDialStore.CreateStaging).SetArgDisplayNames(nameof(SqlServerDialStore.CreateStaging));
        yield return new TestCaseData(SqlServerDialStore.AcquireCommitLock).SetArgDisplayNames(nameof(SqlServerDialStore.AcquireCommitLock));
        yield return new TestCaseData(SqlServerDialStore.MarkNew).SetArgDisplayNames(nameof(SqlServerDialStore.MarkNew));
        yield return new TestCaseData(SqlServerDialStore.InsertNew).SetArgDisplayNames(nameof(SqlServerDialStore.InsertNew));
        for (var merge = 0; merge < SqlServerDialStore.MergeRollups.Count; merge++)
        {
            yield return new TestCaseData(SqlServerDialStore.MergeRollups[merge]).SetArgDisplayNames($"MergeRollup{merge}");
        }

        yield return new TestCaseData(SqlServerDialStore.MergeAniDays).SetArgDisplayNames(nameof(SqlServerDialStore.MergeAniDays));
        yield return new TestCaseData(SqlServerDialStore.MergeAniSpans).SetArgDisplayNames(nameof(SqlServerDialStore.MergeAniSpans));
        yield return new TestCaseData(SqlServerDialStore.FollowDispositions).SetArgDisplayNames(nameof(SqlServerDialStore.FollowDispositions));
        yield return new TestCaseData(DispositionDials.SqlServer.Recount).SetArgDisplayNames("DispositionRecount");
        yield return new TestCaseData(DispositionDials.SqlServer.Unlink).SetArgDisplayNames("DispositionUnlink");
        yield return new TestCaseData(PlannerDataVersions.SqlServerBump).SetArgDisplayNames("PlannerDataVersionBump");
        yield return new TestCaseData(SqlServerDialStore.DropStaging).SetArgDisplayNames(nameof(SqlServerDialStore.DropStaging));
        yield return new TestCaseData(SqlServerDialStore.RebuildZipRollups).SetArgDisplayNames(nameof(SqlServerDialStore.RebuildZipRollups));
        yield return new TestCaseData(StartupLock.SqlServerAcquire).SetArgDisplayNames(nameof(StartupLock.SqlServerAcquire));
        yield return new TestCaseData(StartupLock.SqlServerRelease).SetArgDisplayNames(nameof(StartupLock.SqlServerRelease));
    }

    [TestCaseSource(nameof(DialStoreStatements))]
    public void A_dial_store_statement_is_valid_TSql(string sql) =>
        Assert.That(TSql.ParseErrors(sql), Is.Empty);

    [Test]
    public void The_parser_rejects_a_broken_statement()
    {
        // Guards the guard: the statements above pass only because a parser that finds errors found none.
        var unclosed = SqlServerDialStore.CreateStaging.Replace("DEFAULT 0);", "DEFAULT 0;", StringComparison.Ordinal);
        var collationAfterName = SqlServerDialStore.MarkNew.Replace("d.CallId = s.CallId", "d.CallId = s.CallId COLLATE", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(unclosed, Is.Not.EqualTo(SqlServerDialStore.CreateStaging));
            Assert.That(TSql.ParseErrors(unclosed), Is.Not.Empty);
            Assert.That(TSql.ParseErrors(collationAfterName), Is.Not.Empty);
        });
    }

    [Test]
    public void The_staging_table_is_created_by_a_plain_batch()
    {
        // With any parameter SqlClient sends the batch through sp_executesql, and the #temp table
        // created in there is gone before the first row is bulk-copied.
        using var connection = new SqlConnection();
        using var command = SqlServerDialStore.CreateStagingCommand(connection, transaction: null);

        Assert.Multiple(() =>
        {
            Assert.That(command.CommandText, Is.EqualTo(SqlServerDialStore.CreateStaging));
            Assert.That(command.CommandType, Is.EqualTo(CommandType.Text));
            Assert.That(command.Parameters, Is.Empty);
            Assert.That(TSql.Variables(command.CommandText), Is.Empty, "the statement would need a parameter");
        });
    }

    [Test]
    public void The_commit_statements_name_the_parameters_the_store_sends()
    {
        // Also proves the variable check above can see a variable.
        Assert.Multiple(() =>
        {
            Assert.That(TSql.Variables(SqlServerDialStore.MarkNew), Is.EquivalentTo(new[] { "@customer" }));
            Assert.That(TSql.Variables(SqlServerDialStore.InsertNew), Is.EquivalentTo(new[] { "@customer" }));
            Assert.That(SqlServerDialStore.MergeRollups.Select(TSql.Variables), Has.All.EquivalentTo(new[] { "@customer" }));
            Assert.That(TSql.Variables(SqlServerDialStore.MergeAniDays), Is.EquivalentTo(new[] { "@customer" }));
            Assert.That(TSql.Variables(SqlServerDialStore.FollowDispositions), Is.Empty);
            Assert.That(TSql.Variables(DispositionDials.SqlServer.Recount), Is.EquivalentTo(new[] { "@customer", "@disposition", "@contact", "@sign" }));
            Assert.That(TSql.Variables(DispositionDials.SqlServer.Unlink), Is.EquivalentTo(new[] { "@customer", "@disposition" }));
            Assert.That(TSql.Variables(SqlServerDialStore.AcquireCommitLock), Is.EquivalentTo(new[] { "@result", "@resource", "@timeoutMs" }));
        });
    }

    [Test]
    public void The_commit_lock_is_held_by_the_transaction_and_its_result_is_kept()
    {
        var call = TSql.All<ExecuteSpecification>(TSql.Parse(SqlServerDialStore.AcquireCommitLock, out _)).Single();
        var procedure = (ExecutableProcedureReference)call.ExecutableEntity;
        var arguments = procedure.Parameters.ToDictionary(
            parameter => parameter.Variable.Name, parameter => (parameter.ParameterValue as StringLiteral)?.Value, StringComparer.OrdinalIgnoreCase);

        Assert.Multiple(() =>
        {
            Assert.That(procedure.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value, Is.EqualTo("sp_getapplock"));
            Assert.That(call.Variable?.Name, Is.EqualTo("@result"), "sp_getapplock answers through its return value, which must be read");
            Assert.That(arguments["@LockOwner"], Is.EqualTo("Transaction"));
            Assert.That(arguments["@LockMode"], Is.EqualTo("Exclusive"));
        });
    }

    [Test]
    public void The_commit_lock_is_one_per_customer()
    {
        var customer = Guid.NewGuid();
        var resource = SqlServerDialStore.CommitLockResource(customer);

        Assert.Multiple(() =>
        {
            Assert.That(SqlServerDialStore.CommitLockResource(Guid.Parse(customer.ToString())), Is.EqualTo(resource), "every import of the customer");
            Assert.That(SqlServerDialStore.CommitLockResource(Guid.NewGuid()), Is.Not.EqualTo(resource), "another customer");
            Assert.That(resource, Has.Length.LessThanOrEqualTo(255), "sp_getapplock's resource limit");
        });
    }

    [Test]
    public async Task The_zip_rollup_rebuild_runs_without_a_command_timeout()
    {
        var server = new NoServer();
        var options = new DbContextOptionsBuilder<SqlServerAniPlannerDbContext>()
            .UseSqlServer("Server=(no server);Database=AniPlanner")
            .AddInterceptors(server)
            .Options;
        await using var context = new SqlServerAniPlannerDbContext(options);
        context.Database.SetCommandTimeout(30);

        await new SqlServerDialStore(context).RebuildZipRollupsAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(server.Sent.Select(command => command.Text), Is.EqualTo(new[] { SqlServerDialStore.RebuildZipRollups }));
            Assert.That(server.Sent.Select(command => command.Timeout), Is.EqualTo(new[] { 0 }), "0: no timeout");
            Assert.That(context.Database.GetCommandTimeout(), Is.EqualTo(30), "the context's own timeout is restored");
        });
    }

    /// <summary>Answers EF's connection and non-query calls itself, recording what would have been sent.</summary>
    private sealed class NoServer : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        public List<(string Text, int Timeout)> Sent { get; } = [];

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Sent.Add((command.CommandText, command.CommandTimeout));
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
        }
    }
}
