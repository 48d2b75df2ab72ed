using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using FluentValidation;
using Mediator;

namespace AniPlanner.Application.Identity.Users;

// The users of a customer (admin permission): /v1.0/users. An update racing a delete lands
// before it or answers not found; of deletes that race, one deletes.

public sealed record CreateUser(Guid CustomerId, string? Username, string? Password, string? Permission, string? Name, string? Detail) : ICommand<UserDto>;

public sealed record ListUsers(Guid CustomerId, string? PageSize, string? PageToken) : IQuery<UserPageDto>;

public sealed record GetUser(Guid CustomerId, Guid Id) : IQuery<UserDto>;

public sealed record UpdateUser(Guid CustomerId, Guid Id, string? Name, string? Detail, string? Permission) : ICommand<UserDto>;

public sealed record UpdateUserPassword(Guid CustomerId, Guid Id, string? Password) : ICommand<UserDto>;

/// <summary>Soft-deletes a user: its login tokens stop working on their next use.</summary>
public sealed record DeleteUser(Guid CustomerId, Guid Id) : ICommand<UserDto>;

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

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(command => command.Username)
            .Must(UserRules.IsValidUsername)
            .OverridePropertyName("username")
            .WithMessage($"username must be {User.MinUsernameLength} to {User.MaxUsernameLength} letters, digits, '.', '_', '-' or '@'.");
        this.AddPasswordRule(command => command.Password);
        this.AddPermissionRule(command => command.Permission);
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
    }
}

public sealed class ListUsersHandler(IRepository<User> users, IMapper mapper) : IQueryHandler<ListUsers, UserPageDto>
{
    public async ValueTask<UserPageDto> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var (page, nextPageToken) = await CreationTimePaging.PageAsync(
            users,
            query.PageSize,
            query.PageToken,
            ListScopes.LiveOf<User>(query.CustomerId),
            cancellationToken);
        return new UserPageDto { Result = mapper.Map<List<UserDto>>(page), NextPageToken = nextPageToken };
    }
}

public sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator() => this.AddPagingRules(query => query.PageSize, query => query.PageToken);
}

public sealed class GetUserHandler(IRepository<User> users, IMapper mapper) : IQueryHandler<GetUser, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUser query, CancellationToken cancellationToken) =>
        mapper.Map<UserDto>(await users.FirstOrDefaultAsync(new UserByIdSpec(query.CustomerId, query.Id), cancellationToken)
            ?? throw UserErrors.NotFound(query.Id));
}

public sealed class UpdateUserHandler(IRepository<User> users, IMapper mapper, TimeProvider clock) : ICommandHandler<UpdateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        WireEnum<Permission>.TryParse(command.Permission, out var permission);
        return await users.RetryOnWriteConflictAsync(
            async () =>
            {
                var user = await LiveUserAsync(users, command.CustomerId, command.Id, cancellationToken);
                user.UpdateBasicInfo(command.Name ?? "", command.Detail ?? "", permission, Timestamps.Now(clock));
                await users.SaveChangesAsync(cancellationToken);
                return mapper.Map<UserDto>(user);
            },
            cancellationToken);
    }

    internal static async Task<User> LiveUserAsync(IRepository<User> users, Guid customerId, Guid id, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(customerId, id), cancellationToken);
        return user is { IsDeleted: false } ? user : throw UserErrors.NotFound(id);
    }
}

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        this.AddPermissionRule(command => command.Permission);
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
    }
}

public sealed class UpdateUserPasswordHandler(IRepository<User> users, IPasswordHashing passwords, IMapper mapper, TimeProvider clock)
    : ICommandHandler<UpdateUserPassword, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserPassword command, CancellationToken cancellationToken)
    {
        // Hashing is slow on purpose: once, not once per attempt.
        var passwordHash = passwords.Hash(command.Password!);
        return await users.RetryOnWriteConflictAsync(
            async () =>
            {
                var user = await UpdateUserHandler.LiveUserAsync(users, command.CustomerId, command.Id, cancellationToken);
                user.SetPasswordHash(passwordHash, Timestamps.Now(clock));
                await users.SaveChangesAsync(cancellationToken);
                return mapper.Map<UserDto>(user);
            },
            cancellationToken);
    }
}

public sealed class UpdateUserPasswordValidator : AbstractValidator<UpdateUserPassword>
{
    public UpdateUserPasswordValidator() => this.AddPasswordRule(command => command.Password);
}

public sealed class DeleteUserHandler(IRepository<User> users, IMapper mapper, TimeProvider clock) : ICommandHandler<DeleteUser, UserDto>
{
    public async ValueTask<UserDto> Handle(DeleteUser command, CancellationToken cancellationToken) =>
        await users.RetryOnWriteConflictAsync(
            async () =>
            {
                var user = await users.FirstOrDefaultAsync(new UserByIdSpec(command.CustomerId, command.Id), cancellationToken)
                    ?? throw UserErrors.NotFound(command.Id);
                if (!user.IsDeleted)
                {
                    user.Delete(Timestamps.Now(clock));
                    await users.SaveChangesAsync(cancellationToken);
                }

                return mapper.Map<UserDto>(user);
            },
            cancellationToken);
}
