using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Identity.Common;
using FluentValidation;

namespace AniPlanner.Application.Identity.AccessKeys.CreateAccessKey;

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
        this.AddPermissionRule(command => command.PermissionOrDefault);
    }
}
