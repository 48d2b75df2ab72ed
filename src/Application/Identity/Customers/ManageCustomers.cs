using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using FluentValidation;
using Mediator;

namespace AniPlanner.Application.Identity.Customers;

// Platform administration of tenants (the Admin:ApiKey credential): list, get, rename, delete.
// A rename racing a delete lands before it or answers not found; of deletes that race, one deletes.

public sealed record ListCustomers(string? PageSize, string? PageToken) : IQuery<CustomerPageDto>;

public sealed record GetCustomer(Guid Id) : IQuery<CustomerDto>;

public sealed record UpdateCustomer(Guid Id, string? Name, string? Detail) : ICommand<CustomerDto>;

/// <summary>Soft-deletes a customer: every credential of it stops working on its next use.</summary>
public sealed record DeleteCustomer(Guid Id) : ICommand<CustomerDto>;

public sealed class ListCustomersHandler(IRepository<Customer> customers, IMapper mapper) : IQueryHandler<ListCustomers, CustomerPageDto>
{
    public async ValueTask<CustomerPageDto> Handle(ListCustomers query, CancellationToken cancellationToken)
    {
        var (page, nextPageToken) = await CreationTimePaging.PageAsync(
            customers,
            query.PageSize,
            query.PageToken,
            customer => customer.TmDelete == null,
            cancellationToken);
        return new CustomerPageDto { Result = mapper.Map<List<CustomerDto>>(page), NextPageToken = nextPageToken };
    }
}

public sealed class ListCustomersValidator : AbstractValidator<ListCustomers>
{
    public ListCustomersValidator() => this.AddPagingRules(query => query.PageSize, query => query.PageToken);
}

public sealed class GetCustomerHandler(IRepository<Customer> customers, IMapper mapper) : IQueryHandler<GetCustomer, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(GetCustomer query, CancellationToken cancellationToken) =>
        mapper.Map<CustomerDto>(await customers.FirstOrDefaultAsync(new CustomerByIdSpec(query.Id), cancellationToken)
            ?? throw IdentityErrors.CustomerNotFound(query.Id));
}

public sealed class UpdateCustomerHandler(IRepository<Customer> customers, IMapper mapper, TimeProvider clock) : ICommandHandler<UpdateCustomer, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(UpdateCustomer command, CancellationToken cancellationToken) =>
        await customers.RetryOnWriteConflictAsync(
            async () =>
            {
                var customer = await customers.FirstOrDefaultAsync(new CustomerByIdSpec(command.Id), cancellationToken);
                if (customer is null || customer.IsDeleted)
                {
                    throw IdentityErrors.CustomerNotFound(command.Id);
                }

                customer.UpdateBasicInfo(command.Name!, command.Detail ?? "", Timestamps.Now(clock));
                await customers.SaveChangesAsync(cancellationToken);
                return mapper.Map<CustomerDto>(customer);
            },
            cancellationToken);
}

public sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomer>
{
    public UpdateCustomerValidator()
    {
        RuleFor(command => command.Name)
            .NotEmpty()
            .OverridePropertyName("name")
            .WithMessage("name is required: the customer's display name.");
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
    }
}

public sealed class DeleteCustomerHandler(IRepository<Customer> customers, IMapper mapper, TimeProvider clock) : ICommandHandler<DeleteCustomer, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(DeleteCustomer command, CancellationToken cancellationToken) =>
        await customers.RetryOnWriteConflictAsync(
            async () =>
            {
                var customer = await customers.FirstOrDefaultAsync(new CustomerByIdSpec(command.Id), cancellationToken)
                    ?? throw IdentityErrors.CustomerNotFound(command.Id);
                if (!customer.IsDeleted)
                {
                    customer.Delete(Timestamps.Now(clock));
                    await customers.SaveChangesAsync(cancellationToken);
                }

                return mapper.Map<CustomerDto>(customer);
            },
            cancellationToken);
}
