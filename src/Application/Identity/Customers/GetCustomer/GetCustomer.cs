using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Customers.GetCustomer;

/// <summary>One customer (a deleted one too, with <c>tm_delete</c> set).</summary>
public sealed record GetCustomer(Guid Id) : IQuery<CustomerDto>;

public sealed class GetCustomerHandler(IRepository<Customer> customers, IMapper mapper) : IQueryHandler<GetCustomer, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(GetCustomer query, CancellationToken cancellationToken) =>
        mapper.Map<CustomerDto>(await customers.FirstOrDefaultAsync(new CustomerByIdSpec(query.Id), cancellationToken)
            ?? throw IdentityErrors.CustomerNotFound(query.Id));
}
