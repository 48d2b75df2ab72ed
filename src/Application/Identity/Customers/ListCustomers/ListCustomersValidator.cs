using AniPlanner.Application.Common.Wire;
using FluentValidation;

namespace AniPlanner.Application.Identity.Customers.ListCustomers;

public sealed class ListCustomersValidator : AbstractValidator<ListCustomers>
{
    public ListCustomersValidator() => this.AddPagingRules(query => query.PageSize, query => query.PageToken);
}
