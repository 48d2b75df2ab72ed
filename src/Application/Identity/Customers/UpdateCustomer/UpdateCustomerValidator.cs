using AniPlanner.Application.Identity.Common;
using FluentValidation;

namespace AniPlanner.Application.Identity.Customers.UpdateCustomer;

public sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomer>
{
    public UpdateCustomerValidator() => this.AddCustomerNameRules(command => command.Name, command => command.Detail);
}
