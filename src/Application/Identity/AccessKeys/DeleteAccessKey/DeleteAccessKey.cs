using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.AccessKeys.DeleteAccessKey;

/// <summary>
/// Revokes an access key: its next use answers 401. Deleting again answers it unchanged; of
/// deletes that race, one deletes (and is audited).
/// </summary>
public sealed record DeleteAccessKey(Guid CustomerId, Guid Id) : ICommand<AccessKeyDto>;

public sealed class DeleteAccessKeyHandler(IRepository<AccessKey> accessKeys, IMapper mapper, TimeProvider clock)
    : ICommandHandler<DeleteAccessKey, AccessKeyDto>
{
    public async ValueTask<AccessKeyDto> Handle(DeleteAccessKey command, CancellationToken cancellationToken) =>
        await accessKeys.RetryOnWriteConflictAsync(
            async () =>
            {
                var key = await accessKeys.FirstOrDefaultAsync(new ResourceByIdSpec<AccessKey>(command.CustomerId, command.Id), cancellationToken)
                    ?? throw IdentityErrors.AccessKeyNotFound(command.Id);
                if (!key.IsDeleted)
                {
                    key.Delete(Timestamps.Now(clock));
                    await accessKeys.SaveChangesAsync(cancellationToken);
                }

                return mapper.Map<AccessKeyDto>(key);
            },
            cancellationToken);
}
