using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Customers.ListCustomers;

/// <summary>A page of the live customers, newest first (platform administration: the Admin:ApiKey credential).</summary>
public sealed record ListCustomers(string? PageSize, string? PageToken) : IQuery<CustomerPageDto>;

public sealed class ListCustomersHandler(IRepository<Customer> customers, IMapper mapper, WireTimeFormat wireTime) : IQueryHandler<ListCustomers, CustomerPageDto>
{
    public async ValueTask<CustomerPageDto> Handle(ListCustomers query, CancellationToken cancellationToken)
    {
        var (page, nextPageToken) = await CreationTimePaging.PageAsync(
            customers,
            wireTime,
            query.PageSize,
            query.PageToken,
            ListScopes.Live<Customer>(),
            cancellationToken);
        return new CustomerPageDto { Result = mapper.Map<List<CustomerDto>>(page), NextPageToken = nextPageToken };
    }
}
