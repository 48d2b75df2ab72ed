using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Users.CreateUser;

/// <summary>Adds a user to the customer (admin permission: /v1.0/users); a username is taken across all customers.</summary>
public sealed record CreateUser(Guid CustomerId, string? Username, string? Password, string? Permission, string? Name, string? Detail) : ICommand<UserDto>;

public sealed class CreateUserHandler(IRepository<User> users, IPasswordHashing passwords, IMapper mapper, TimeProvider clock)
    : ICommandHandler<CreateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        var username = User.NormalizeUsername(command.Username!);
        if (await users.AnyAsync(new UserByUsernameSpec(username), cancellationToken))
        {
            throw new BadRequestException($"username '{EchoedInput.Shorten(username)}' is taken; choose another.");
        }

        WireEnum<Permission>.TryParse(command.Permission, out var permission);
        var user = User.Create(command.CustomerId, username, passwords.Hash(command.Password!), permission, command.Name ?? "", command.Detail ?? "", Timestamps.Now(clock));
        users.Add(user);
        await users.SaveChangesAsync(cancellationToken);
        return mapper.Map<UserDto>(user);
    }
}
