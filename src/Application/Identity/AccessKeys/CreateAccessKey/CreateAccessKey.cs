using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using FluentValidation;
using Mediator;

namespace AniPlanner.Application.Identity.AccessKeys.CreateAccessKey;

/// <summary>Issues an access key; its token is in this answer only. <see cref="Expire"/> is in seconds; null never expires.</summary>
public sealed record CreateAccessKey(Guid CustomerId, string? Name, string? Detail, long? Expire, string? Permission) : ICommand<AccessKeyDto>;

public sealed class CreateAccessKeyHandler(IRepository<AccessKey> accessKeys, IMapper mapper, TimeProvider clock)
    : ICommandHandler<CreateAccessKey, AccessKeyDto>
{
    public async ValueTask<AccessKeyDto> Handle(CreateAccessKey command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        WireEnum<Permission>.TryParse(command.Permission, out var permission);
        var (key, token) = AccessKey.Issue(
            command.CustomerId, command.Name ?? "", command.Detail ?? "", permission, now, command.Expire is { } seconds ? now.AddSeconds(seconds) : null);
        accessKeys.Add(key);
        await accessKeys.SaveChangesAsync(cancellationToken);

        var created = mapper.Map<AccessKeyDto>(key);
        created.Token = token;
        return created;
    }
}

public sealed class CreateAccessKeyValidator : AbstractValidator<CreateAccessKey>
{
    public const long MinExpireSeconds = 86_400;
    public const long MaxExpireSeconds = 10L * 366 * 86_400;

    public CreateAccessKeyValidator()
    {
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
        RuleFor(command => command.Expire)
            .InclusiveBetween(MinExpireSeconds, MaxExpireSeconds)
            .When(command => command.Expire is not null)
            .OverridePropertyName("expire")
            .WithMessage(command => $"expire is the key's lifetime in seconds, from {MinExpireSeconds} (1 day) to {MaxExpireSeconds} (10 years); got {command.Expire}. Leave it out for a key that never expires.");
        RuleFor(command => command.Permission)
            .Must(permission => WireEnum<Permission>.TryParse(permission, out _))
            .OverridePropertyName("permission")
            .WithMessage(command => $"permission must be one of {WireEnum<Permission>.Quoted}; got '{EchoedInput.Shorten(command.Permission)}'.");
    }
}
