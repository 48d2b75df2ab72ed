using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Customers.DeleteCustomer;

/// <summary>
/// Soft-deletes a customer: every credential of it stops working on its next use. Deleting again
/// answers it unchanged; of deletes that race, one deletes.
/// </summary>
public sealed record DeleteCustomer(Guid Id) : ICommand<CustomerDto>;

public sealed class DeleteCustomerHandler(IRepository<Customer> customers, IMapper mapper, TimeProvider clock, ICredentialCache credentials) : ICommandHandler<DeleteCustomer, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(DeleteCustomer command, CancellationToken cancellationToken)
    {
        var deleted = await customers.SoftDeleteAsync(
            new CustomerByIdSpec(command.Id), () => IdentityErrors.CustomerNotFound(command.Id), clock, cancellationToken);
        await credentials.InvalidateCustomerAsync(deleted.Id, cancellationToken);
        return mapper.Map<CustomerDto>(deleted);
    }
}
