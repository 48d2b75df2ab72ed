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
            .Must(type => type.Length == 0 || Address.Types.Contains(type))
            .OverridePropertyName($"{field}.type")
            .WithMessage(address => $"{field}.type must be one of {allowedTypes}, or empty with no target; got '{EchoedInput.Shorten(address.Type)}'.");

        RuleFor(address => address.Target ?? "")
            .Empty()
            .When(address => string.IsNullOrEmpty(address.Type))
            .OverridePropertyName($"{field}.target")
            .WithMessage($"{field}.target was given without a {field}.type; say what it is (e.g. \"tel\").");

        RuleFor(address => address.Target ?? "")
            .NotEmpty()
            .When(address => !string.IsNullOrEmpty(address.Type))
            .OverridePropertyName($"{field}.target")
            .WithMessage(address => $"{field}.target is required when {field}.type is '{EchoedInput.Shorten(address.Type)}'.");

        RuleFor(address => address.Target)
            .Must(target => PhoneNumberRules.IsE164(target, out _))
            .When(address => address.Type == "tel" && !string.IsNullOrEmpty(address.Target))
            .OverridePropertyName($"{field}.target")
            .WithMessage(address =>
            {
                PhoneNumberRules.IsE164(address.Target, out var problem);
                return $"{field}.target '{EchoedInput.Shorten(address.Target)}' {problem}.";
            });

        RuleFor(address => address.Target)
            .EmailAddress()
            .When(address => address.Type == "email" && !string.IsNullOrEmpty(address.Target))
            .OverridePropertyName($"{field}.target")
            .WithMessage(address => $"{field}.target '{EchoedInput.Shorten(address.Target)}' is not an email address.");

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
