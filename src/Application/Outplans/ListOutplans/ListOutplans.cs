using System.Globalization;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.ListOutplans;

/// <summary>
/// A page of live outplans, newest first. <c>page_size</c> and <c>page_token</c> arrive as the
/// caller typed them; the validator has checked their shape.
/// </summary>
public sealed record ListOutplans(Guid CustomerId, string? PageSize, string? PageToken) : IQuery<OutplanPageDto>;

public sealed class ListOutplansHandler(IRepository<Outplan> outplans, IMapper mapper) : IQueryHandler<ListOutplans, OutplanPageDto>
{
    public const int MaxPageSize = 100;

    public async ValueTask<OutplanPageDto> Handle(ListOutplans query, CancellationToken cancellationToken)
    {
        var pageSize = EffectivePageSize(query.PageSize);
        DateTime? createdBefore = VoipbinTime.TryParse(query.PageToken, out var token) ? token : null;

        // One row more than the page tells whether the page boundary splits outplans that share
        // a creation time; the token (a tm_create) could not tell them apart on the next page.
        var rows = await outplans.ListAsync(new LiveOutplansPageSpec(query.CustomerId, createdBefore, pageSize + 1), cancellationToken);
        var page = rows.Count <= pageSize ? rows : await WholeTiesOnly(query.CustomerId, rows, pageSize, cancellationToken);

        return new OutplanPageDto
        {
            Result = mapper.Map<List<OutplanDto>>(page),
            NextPageToken = page.Count == 0 ? "" : VoipbinTime.ToWire(page[^1].TmCreate),
        };
    }

    /// <summary>
    /// Drops the outplans tied with the first one left over, so they all come on the next page;
    /// when the whole page is one tie, it grows to hold every outplan of that instant instead.
    /// </summary>
    private async Task<List<Outplan>> WholeTiesOnly(Guid customerId, List<Outplan> rows, int pageSize, CancellationToken cancellationToken)
    {
        var boundary = rows[pageSize].TmCreate;
        var beforeBoundary = rows.Take(pageSize).Where(outplan => outplan.TmCreate != boundary).ToList();
        if (beforeBoundary.Count > 0)
        {
            return beforeBoundary;
        }

        return await outplans.ListAsync(new LiveOutplansCreatedAtSpec(customerId, boundary), cancellationToken);
    }

    /// <summary>Default and out-of-range sizes mean the maximum, as in VoIPBIN.</summary>
    public static int EffectivePageSize(string? pageSize) =>
        long.TryParse(pageSize, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? (int)size
            : MaxPageSize;
}
