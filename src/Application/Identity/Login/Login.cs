using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using Mediator;

namespace AniPlanner.Application.Identity.Login;

/// <summary>
/// <c>POST /auth/login</c>: a signed token for a user's username and password.
/// <see cref="ClientAddress"/> is where the request came from, for throttling.
/// </summary>
public sealed record Login(string? Username, string? Password, string ClientAddress) : ICommand<LoginResult>;

public sealed class LoginHandler(
    IRepository<User> users,
    IRepository<Customer> customers,
    IPasswordHashing passwords,
    ILoginTokens tokens,
    IAuthenticationThrottle throttle,
    DevelopmentCredentials developmentCredentials,
    TimeProvider clock)
    : ICommandHandler<Login, LoginResult>
{
    public async ValueTask<LoginResult> Handle(Login command, CancellationToken cancellationToken)
    {
        var username = User.NormalizeUsername(command.Username!);

        // Reserved before the password is checked, so parallel guesses cannot pass a limit.
        await using var attempt = await throttle.BeginLoginAsync(username, command.ClientAddress, cancellationToken);
        if (attempt.RetryAfter is { } wait)
        {
            throw new TooManyRequestsException(wait, $"Too many failed logins; try again in {TooManyRequestsException.Seconds(wait)} seconds.");
        }

        var user = await users.FirstOrDefaultAsync(new UserByUsernameSpec(username), cancellationToken);

        // Exactly one hash is verified whether the user exists or not (a decoy of the same cost
        // for an unknown one), and for a refused password too: every failure takes the same time.
        var passwordMatches = passwords.Verify(user?.PasswordHash, command.Password!) && !developmentCredentials.RefusesPassword(command.Password!);

        // Read for a right password only, so a wrong one costs no more than an unknown user.
        var customer = passwordMatches && user is { IsDeleted: false }
            ? await customers.FirstOrDefaultAsync(new LiveCustomerByIdSpec(user.CustomerId), cancellationToken)
            : null;
        if (user is null || customer is null)
        {
            await attempt.FailedAsync();

            // One answer for an unknown user and a wrong password: nothing to probe usernames with.
            throw new UnauthenticatedException(ErrorReasons.InvalidCredentials, "Wrong username or password.");
        }

        await attempt.SucceededAsync();
        return new LoginResult(user.Username, tokens.Issue(user, clock.GetUtcNow().UtcDateTime));
    }
}
