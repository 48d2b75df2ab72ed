using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Customers.CreateCustomer;

/// <summary>Creates a tenant and its first access key (platform administration only).</summary>
public sealed record CreateCustomer(string? Name, string? Detail) : ICommand<CreatedCustomerDto>;

public sealed class CreateCustomerHandler(IRepository<Customer> customers, IRepository<AccessKey> accessKeys, IMapper mapper, TimeProvider clock)
    : ICommandHandler<CreateCustomer, CreatedCustomerDto>
{
    public async ValueTask<CreatedCustomerDto> Handle(CreateCustomer command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        var customer = Customer.Create(command.Name!, command.Detail ?? "", now);
        var (key, token) = AccessKey.Issue(customer.Id, "default", "Issued with the customer.", Permission.Admin, now);
        customers.Add(customer);
        accessKeys.Add(key);

        // Both repositories share one unit of work: customer and key are written together.
        await customers.SaveChangesAsync(cancellationToken);

        var created = mapper.Map<CreatedCustomerDto>(customer);
        created.AccessKey = mapper.Map<AccessKeyDto>(key);
        created.AccessKey.Token = token;
        return created;
    }
}
