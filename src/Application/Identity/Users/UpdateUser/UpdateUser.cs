using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Users.UpdateUser;

/// <summary>
/// Changes a user's name, detail and permission; missing name and detail become empty. Racing a
/// delete, it lands before it or answers not found.
/// </summary>
public sealed record UpdateUser(Guid CustomerId, Guid Id, string? Name, string? Detail, string? Permission) : ICommand<UserDto>;

public sealed class UpdateUserHandler(IRepository<User> users, IMapper mapper, TimeProvider clock, ICredentialCache credentials) : ICommandHandler<UpdateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        WireEnum<Permission>.TryParse(command.Permission, out var permission);
        var updated = await users.RetryOnWriteConflictAsync(
            async () =>
            {
                var user = await users.FirstOrDefaultAsync(new LiveResourceByIdSpec<User>(command.CustomerId, command.Id), cancellationToken)
                    ?? throw IdentityErrors.UserNotFound(command.Id);
                user.UpdateBasicInfo(command.Name ?? "", command.Detail ?? "", permission, Timestamps.Now(clock));
                await users.SaveChangesAsync(cancellationToken);
                return mapper.Map<UserDto>(user);
            },
            cancellationToken);
        await credentials.InvalidateCredentialAsync(command.Id, cancellationToken);
        return updated;
    }
}
