using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.AccessKeys.DeleteAccessKey;

/// <summary>
/// Revokes an access key: its next use answers 401. Deleting again answers it unchanged; of
/// deletes that race, one deletes (and is audited).
/// </summary>
public sealed record DeleteAccessKey(Guid CustomerId, Guid Id) : ICommand<AccessKeyDto>;

public sealed class DeleteAccessKeyHandler(IRepository<AccessKey> accessKeys, IMapper mapper, TimeProvider clock, ICredentialCache credentials)
    : ICommandHandler<DeleteAccessKey, AccessKeyDto>
{
    public async ValueTask<AccessKeyDto> Handle(DeleteAccessKey command, CancellationToken cancellationToken)
    {
        var deleted = await accessKeys.SoftDeleteAsync(
            new ResourceByIdSpec<AccessKey>(command.CustomerId, command.Id), () => IdentityErrors.AccessKeyNotFound(command.Id), clock, cancellationToken);
        await credentials.InvalidateCredentialAsync(deleted.Id, cancellationToken);
        return mapper.Map<AccessKeyDto>(deleted);
    }
}
