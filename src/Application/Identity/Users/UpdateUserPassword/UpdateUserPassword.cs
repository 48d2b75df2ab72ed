using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Users.UpdateUserPassword;

/// <summary>Sets a user's password. Racing a delete, it lands before it or answers not found.</summary>
public sealed record UpdateUserPassword(Guid CustomerId, Guid Id, string? Password) : ICommand<UserDto>;

public sealed class UpdateUserPasswordHandler(IRepository<User> users, IPasswordHashing passwords, IMapper mapper, TimeProvider clock, ICredentialCache credentials)
    : ICommandHandler<UpdateUserPassword, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserPassword command, CancellationToken cancellationToken)
    {
        // Hashing is slow on purpose: once, not once per attempt.
        var passwordHash = passwords.Hash(command.Password!);
        var updated = await users.RetryOnWriteConflictAsync(
            async () =>
            {
                var user = await users.FirstOrDefaultAsync(new LiveResourceByIdSpec<User>(command.CustomerId, command.Id), cancellationToken)
                    ?? throw IdentityErrors.UserNotFound(command.Id);
                user.SetPasswordHash(passwordHash, Timestamps.Now(clock));
                await users.SaveChangesAsync(cancellationToken);
                return mapper.Map<UserDto>(user);
            },
            cancellationToken);
        await credentials.InvalidateCredentialAsync(command.Id, cancellationToken);
        return updated;
    }
}
