using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Customers.UpdateCustomer;

/// <summary>Renames a customer. Racing a delete, it lands before it or answers not found.</summary>
public sealed record UpdateCustomer(Guid Id, string? Name, string? Detail) : ICommand<CustomerDto>;

public sealed class UpdateCustomerHandler(IRepository<Customer> customers, IMapper mapper, TimeProvider clock) : ICommandHandler<UpdateCustomer, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(UpdateCustomer command, CancellationToken cancellationToken) =>
        await customers.RetryOnWriteConflictAsync(
            async () =>
            {
                var customer = await customers.FirstOrDefaultAsync(new LiveCustomerByIdSpec(command.Id), cancellationToken)
                    ?? throw IdentityErrors.CustomerNotFound(command.Id);
                customer.UpdateBasicInfo(command.Name!, command.Detail ?? "", Timestamps.Now(clock));
                await customers.SaveChangesAsync(cancellationToken);
                return mapper.Map<CustomerDto>(customer);
            },
            cancellationToken);
}
