using System.Security.Cryptography;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using Mediator;

namespace AniPlanner.Application.Identity.SeedDemoCompany;

/// <summary>
/// Makes sure "Demo Company" exists with a usable access key. With <see cref="ConfiguredToken"/>
/// that token is the key; without it a random one is issued on first run and returned so the
/// caller can print it once. Running it again changes nothing.
/// </summary>
public sealed record SeedDemoCompany(string? ConfiguredToken, string? ConfiguredPassword = null) : ICommand<DemoSeedResult>;

public sealed class SeedDemoCompanyHandler(
    IRepository<Customer> customers, IRepository<AccessKey> accessKeys, IRepository<User> users, IPasswordHashing passwords, TimeProvider clock)
    : ICommandHandler<SeedDemoCompany, DemoSeedResult>
{
    /// <summary>Fixed, so the demo company is the same one across restarts and in the docs.</summary>
    public static readonly Guid DemoCustomerId = new("de300000-0000-4000-8000-000000000001");

    public const string DemoCustomerName = "Demo Company";
    public const string DemoUsername = "demo";

    public async ValueTask<DemoSeedResult> Handle(SeedDemoCompany command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        var created = !await customers.AnyAsync(new CustomerByIdSpec(DemoCustomerId), cancellationToken);
        if (created)
        {
            customers.Add(Customer.Create(DemoCustomerName, "Seeded for trying the API.", now, DemoCustomerId));
        }

        string? issued = null;
        if (!string.IsNullOrWhiteSpace(command.ConfiguredToken))
        {
            var known = await accessKeys.AnyAsync(new AccessKeyByTokenHashSpec(AccessKey.HashToken(command.ConfiguredToken)), cancellationToken);
            if (!known)
            {
                accessKeys.Add(AccessKey.FromToken(DemoCustomerId, "demo", "From Seed:DemoApiKey.", Permission.Admin, command.ConfiguredToken, now));
            }
        }
        else if (created)
        {
            var (key, token) = AccessKey.Issue(DemoCustomerId, "demo", "Issued when the demo company was seeded.", Permission.Admin, now);
            accessKeys.Add(key);
            issued = token;
        }

        // The demo admin user, once: the configured password, or a random one shown once.
        string? issuedPassword = null;
        if (!await users.AnyAsync(new UserByUsernameSpec(DemoUsername), cancellationToken))
        {
            var password = string.IsNullOrWhiteSpace(command.ConfiguredPassword)
                ? issuedPassword = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12))
                : command.ConfiguredPassword;
            users.Add(User.Create(DemoCustomerId, DemoUsername, passwords.Hash(password), Permission.Admin, "Demo Admin", "Seeded for trying the admin portal.", now));
        }

        await customers.SaveChangesAsync(cancellationToken);
        return new DemoSeedResult(DemoCustomerId, created, issued, issuedPassword);
    }
}
