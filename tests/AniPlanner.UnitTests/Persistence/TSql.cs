using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AniPlanner.UnitTests.Persistence;

/// <summary>
/// T-SQL read by Microsoft's own parser (ScriptDom, SQL Server 2022 syntax): no server runs here,
/// so this is how the statements we send to SQL Server are checked.
/// </summary>
internal static class TSql
{
    public static TSqlFragment Parse(string sql, out IList<ParseError> errors) =>
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out errors);

    /// <summary>Each error as "line:column message", so a failure shows where.</summary>
    public static IReadOnlyList<string> ParseErrors(string sql)
    {
        Parse(sql, out var errors);
        return [.. errors.Select(error => $"{error.Line}:{error.Column} {error.Message}")];
    }

    /// <summary>
    /// The @variables a statement uses: what it needs as parameters unless it declares them. Exact
    /// case, as a server with a case-sensitive collation matches them. A procedure's own parameter
    /// names (EXEC p @Name = ...) are not variables.
    /// </summary>
    public static IReadOnlySet<string> Variables(string sql)
    {
        var fragment = Parse(sql, out _);
        var procedureParameterNames = All<ExecuteParameter>(fragment).Select(parameter => parameter.Variable).ToHashSet();
        return All<VariableReference>(fragment).Where(variable => !procedureParameterNames.Contains(variable))
            .Select(variable => variable.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every fragment of one kind in a parsed script, in order.</summary>
    public static IReadOnlyList<TNode> All<TNode>(TSqlFragment fragment)
        where TNode : TSqlFragment
    {
        var found = new Collector<TNode>();
        fragment.Accept(found);
        return found.Nodes;
    }

    private sealed class Collector<TNode> : TSqlFragmentVisitor
        where TNode : TSqlFragment
    {
        public List<TNode> Nodes { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is TNode node)
            {
                Nodes.Add(node);
            }
        }
    }
}
