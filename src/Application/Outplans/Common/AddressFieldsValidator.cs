using AniPlanner.Application.Common.Phones;
using AniPlanner.Application.Common.Text;
using AniPlanner.Domain.Outplans;
using FluentValidation;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>Used inside the command validators; internal so it is not registered on its own.</summary>
internal sealed class AddressFieldsValidator : AbstractValidator<AddressFields>
{
    public AddressFieldsValidator(string field)
    {
        var allowedTypes = string.Join(", ", Address.Types);

        RuleFor(address => address.Type ?? "")
            .Must(type => type.Length == 0 || AddressTargets.IsKnownType(type))
            .OverridePropertyName($"{field}.type")
            .WithMessage(address => $"{field}.type must be one of {allowedTypes} (or left out for a phone number or an empty address); got '{EchoedInput.Shorten(address.Type)}'.");

        // Without a type only an E.164 number may be given: it is then a tel address.
        RuleFor(address => address.Target)
            .Must(target => PhoneNumberRules.IsE164(target, out _))
            .When(address => string.IsNullOrEmpty(address.Type) && !string.IsNullOrEmpty(address.Target))
            .OverridePropertyName($"{field}.target")
            .WithMessage(address =>
            {
                PhoneNumberRules.IsE164(address.Target, out var problem);
                return $"{field}.target was given without a {field}.type, so it must be a phone number (a tel address), but " +
                       $"'{EchoedInput.Shorten(address.Target)}' {problem}. For another kind of address, say its type: one of {allowedTypes}.";
            });

        RuleFor(address => address.Target ?? "")
            .NotEmpty()
            .When(address => !string.IsNullOrEmpty(address.Type))
            .OverridePropertyName($"{field}.target")
            .WithMessage(address => $"{field}.target is required when {field}.type is '{EchoedInput.Shorten(address.Type)}'.");

        RuleFor(address => address.Target)
            .Must((address, target) => AddressTargets.Problem(address.Type!, target!) is null)
            .When(address => AddressTargets.IsKnownType(address.Type ?? "") && !string.IsNullOrEmpty(address.Target))
            .OverridePropertyName($"{field}.target")
            .WithMessage(address => $"{field}.target '{EchoedInput.Shorten(address.Target)}' {AddressTargets.Problem(address.Type!, address.Target!)}.");

        foreach (var (part, value) in new (string, Func<AddressFields, string?>)[]
                 {
                     ("type", a => a.Type), ("target", a => a.Target), ("target_name", a => a.TargetName),
                     ("name", a => a.Name), ("detail", a => a.Detail),
                 })
        {
            RuleFor(address => value(address) ?? "")
                .MaximumLength(Address.MaxPartLength)
                .OverridePropertyName($"{field}.{part}")
                .WithMessage($"{field}.{part} is longer than {Address.MaxPartLength} characters.");
        }
    }
}
