using AniPlanner.Infrastructure.Persistence;
using Npgsql;

namespace AniPlanner.UnitTests.Persistence;

public sealed class PostgreSqlConnectionDefaultsTests
{
    [Test]
    public void A_plain_connection_string_gets_prepared_statements_and_no_parallel_plans()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply("Host=db;Database=aniplanner;Username=app;Password=secret"));

        Assert.Multiple(() =>
        {
            Assert.That(tuned.MaxAutoPrepare, Is.EqualTo(PostgreSqlConnectionDefaults.MaxAutoPrepare));
            Assert.That(tuned.Options, Is.EqualTo(PostgreSqlConnectionDefaults.NoParallelPlans));
            Assert.That((tuned.Host, tuned.Database, tuned.Username, tuned.Password), Is.EqualTo(("db", "aniplanner", "app", "secret")));
        });
    }

    [Test]
    public void What_the_operator_set_is_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(
            "Host=db;Max Auto Prepare=0;Options=-c max_parallel_workers_per_gather=4 -c statement_timeout=5000"));

        Assert.Multiple(() =>
        {
            Assert.That(tuned.MaxAutoPrepare, Is.Zero, "turned off, as behind a pooler that cannot keep prepared statements");
            Assert.That(tuned.Options, Is.EqualTo("-c max_parallel_workers_per_gather=4 -c statement_timeout=5000"));
        });
    }

    [TestCase("Host=db;Options=-c statement_timeout=5000", "-c statement_timeout=5000")]
    [TestCase("Host=db;Options=", null)]
    public void Options_of_the_operators_own_replace_the_default(string connectionString, string? options) =>
        Assert.That(new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(connectionString)).Options, Is.EqualTo(options));

    [TestCase("Host=db;Max Auto Prepare=abc")]
    [TestCase("Host=db;No Such Keyword=1")]
    public void A_connection_string_npgsql_cannot_read_is_left_for_it_to_report(string connectionString) =>
        Assert.That(PostgreSqlConnectionDefaults.Apply(connectionString), Is.EqualTo(connectionString));
}
