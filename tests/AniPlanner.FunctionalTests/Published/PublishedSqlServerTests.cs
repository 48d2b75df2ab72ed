using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Published;

/// <summary>
/// What can be proven of SQL Server without a server: the published build, configured for
/// SQL Server, really opens a connection and speaks TDS to the configured address (a published
/// app in globalization-invariant mode would refuse before touching the network), and a server
/// that is not there is an ordinary connection error, not a configuration error.
/// </summary>
[NonParallelizable]
public sealed class PublishedSqlServerTests
{
    /// <summary>The first byte of a TDS message that starts a login: PRELOGIN.</summary>
    private const byte TdsPrelogin = 0x12;

    [Test]
    public async Task The_published_build_does_not_run_in_globalization_invariant_mode()
    {
        var directory = await PublishedService.PublishedDirectoryAsync();

        var runtimeConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "AniPlanner.Api.runtimeconfig.json")))!;

        Assert.That(runtimeConfig["runtimeOptions"]?["configProperties"]?["System.Globalization.Invariant"]?.GetValue<bool>() ?? false, Is.False,
            "Microsoft.Data.SqlClient refuses every connection in globalization-invariant mode");
    }

    [Test]
    public async Task Configured_for_SqlServer_the_published_build_opens_a_connection_and_speaks_tds()
    {
        using var fakeServer = new TcpListener(IPAddress.Loopback, 0);
        fakeServer.Start();
        var port = ((IPEndPoint)fakeServer.LocalEndpoint).Port;
        await using var service = await StartOnSqlServerAsync(port);

        using var accepting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = await fakeServer.AcceptTcpClientAsync(accepting.Token);
        var first = new byte[1];
        var read = await client.GetStream().ReadAsync(first, accepting.Token);

        Assert.That(read, Is.EqualTo(1), $"the service connected but sent nothing:\n{string.Join("\n", service.Output)}");
        Assert.That(first[0], Is.EqualTo(TdsPrelogin), "the first thing SqlClient sends is a TDS PRELOGIN");
    }

    [Test]
    public async Task With_no_server_listening_start_up_fails_with_an_ordinary_connection_error()
    {
        await using var service = await StartOnSqlServerAsync(LoopbackPorts.Free());
        var exitCode = await service.WaitForExitAsync(TimeSpan.FromMinutes(3));

        var output = string.Join("\n", service.Output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Null.And.Not.Zero, $"start-up failed:\n{output}");
            Assert.That(output, Does.Contain("Microsoft.Data.SqlClient.SqlException").And.Contain("network-related"),
                "an ordinary connection error");
            Assert.That(output, Does.Contain("The SqlServer database could not be reached or migrated"), "said in one line an operator can act on");
            Assert.That(output, Does.Not.Contain("Globalization Invariant Mode").And.Not.Contain("InvalidOperationException: Database:Provider"),
                "not a configuration error");
            Assert.That(output, Does.Not.Contain("not-a-real-password"), "the connection string's password is never printed");
        });
    }

    private static Task<PublishedService> StartOnSqlServerAsync(int port) => PublishedService.StartAsync(new Dictionary<string, string>
    {
        ["Database__Provider"] = "SqlServer",
        ["ConnectionStrings__AniPlanner"] =
            $"Server=127.0.0.1,{port};Database=AniPlanner;User Id=sa;Password=not-a-real-password;TrustServerCertificate=True;Connect Timeout=3;ConnectRetryCount=0",
        ["Admin__ApiKey"] = PublishedService.AdminKey,
        ["Auth__JwtSigningKey"] = "published-smoke-signing-key-0123456789abcdef",
        ["Database__MaxRetryCount"] = "0",
    });
}
