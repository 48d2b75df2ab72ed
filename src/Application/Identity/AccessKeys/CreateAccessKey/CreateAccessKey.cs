using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.AccessKeys.CreateAccessKey;

/// <summary>
/// Issues an access key; its token is in this answer only. <see cref="Expire"/> is in seconds; null
/// never expires. A missing <see cref="Permission"/> means admin: VoIPBIN's keys carry none, and
/// only an admin may issue keys, so it grants no more than the issuer holds.
/// </summary>
public sealed record CreateAccessKey(Guid CustomerId, string? Name, string? Detail, long? Expire, string? Permission) : ICommand<AccessKeyDto>
{
    public const Domain.Identity.Permission DefaultPermission = Domain.Identity.Permission.Admin;

    /// <summary>The permission as the wire spells it, the default where none was sent.</summary>
    public string PermissionOrDefault => Permission ?? DefaultPermission.ToWire();
}

public sealed class CreateAccessKeyHandler(IRepository<AccessKey> accessKeys, IMapper mapper, TimeProvider clock)
    : ICommandHandler<CreateAccessKey, AccessKeyDto>
{
    public async ValueTask<AccessKeyDto> Handle(CreateAccessKey command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        var permission = WireEnum<Permission>.Parse(command.PermissionOrDefault);
        var (key, token) = AccessKey.Issue(
            command.CustomerId, command.Name ?? "", command.Detail ?? "", permission, now, command.Expire is { } seconds ? now.AddSeconds(seconds) : null);
        accessKeys.Add(key);
        await accessKeys.SaveChangesAsync(cancellationToken);

        var created = mapper.Map<AccessKeyDto>(key);
        created.Token = token;
        return created;
    }
}
