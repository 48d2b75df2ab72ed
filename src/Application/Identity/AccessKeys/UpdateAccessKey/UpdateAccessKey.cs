using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.AccessKeys.UpdateAccessKey;

/// <summary>
/// Renames an access key; its token, permission and expiry do not change. Racing a delete, it
/// lands before it or answers not found.
/// </summary>
public sealed record UpdateAccessKey(Guid CustomerId, Guid Id, string? Name, string? Detail) : ICommand<AccessKeyDto>;

public sealed class UpdateAccessKeyHandler(IRepository<AccessKey> accessKeys, IMapper mapper, TimeProvider clock)
    : ICommandHandler<UpdateAccessKey, AccessKeyDto>
{
    public async ValueTask<AccessKeyDto> Handle(UpdateAccessKey command, CancellationToken cancellationToken) =>
        await accessKeys.RetryOnWriteConflictAsync(
            async () =>
            {
                var key = await accessKeys.FirstOrDefaultAsync(new LiveResourceByIdSpec<AccessKey>(command.CustomerId, command.Id), cancellationToken)
                    ?? throw IdentityErrors.AccessKeyNotFound(command.Id);
                key.UpdateBasicInfo(command.Name ?? "", command.Detail ?? "", Timestamps.Now(clock));
                await accessKeys.SaveChangesAsync(cancellationToken);
                return mapper.Map<AccessKeyDto>(key);
            },
            cancellationToken);
}
