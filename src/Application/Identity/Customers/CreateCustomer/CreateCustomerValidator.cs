using AniPlanner.Application.Identity.Common;
using FluentValidation;

namespace AniPlanner.Application.Identity.Customers.CreateCustomer;

public sealed class CreateCustomerValidator : AbstractValidator<CreateCustomer>
{
    public CreateCustomerValidator() => this.AddCustomerNameRules(command => command.Name, command => command.Detail);
}
