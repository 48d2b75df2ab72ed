using AniPlanner.Application.Common.Validation;
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
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
    }
}
