using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Users.DeleteUser;

/// <summary>
/// Soft-deletes a user: its login tokens stop working on their next use. Deleting again answers
/// it unchanged; of deletes that race, one deletes.
/// </summary>
public sealed record DeleteUser(Guid CustomerId, Guid Id) : ICommand<UserDto>;

public sealed class DeleteUserHandler(IRepository<User> users, IMapper mapper, TimeProvider clock, ICredentialCache credentials) : ICommandHandler<DeleteUser, UserDto>
{
    public async ValueTask<UserDto> Handle(DeleteUser command, CancellationToken cancellationToken)
    {
        var deleted = await users.SoftDeleteAsync(
            new ResourceByIdSpec<User>(command.CustomerId, command.Id), () => IdentityErrors.UserNotFound(command.Id), clock, cancellationToken);
        await credentials.InvalidateCredentialAsync(deleted.Id, cancellationToken);
        return mapper.Map<UserDto>(deleted);
    }
}
