using AniPlanner.Domain.Identity;
using FluentValidation;

namespace AniPlanner.Application.Identity.CreateCustomer;

public sealed class CreateCustomerValidator : AbstractValidator<CreateCustomer>
{
    public CreateCustomerValidator()
    {
        RuleFor(command => command.Name)
            .NotEmpty()
            .OverridePropertyName("name")
            .WithMessage("name is required: the customer's display name.");
        RuleFor(command => command.Name ?? "")
            .MaximumLength(Customer.MaxNameLength)
            .OverridePropertyName("name")
            .WithMessage($"name is longer than {Customer.MaxNameLength} characters.");
        RuleFor(command => command.Detail ?? "")
            .MaximumLength(Customer.MaxDetailLength)
            .OverridePropertyName("detail")
            .WithMessage($"detail is longer than {Customer.MaxDetailLength} characters.");
    }
}
