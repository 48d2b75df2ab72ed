using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Text;
using AniPlanner.Domain.Common;
using FluentValidation;

namespace AniPlanner.Application.Common.Wire;

/// <summary>
/// VoIPBIN's list paging: newest first, <c>page_size</c> (default and maximum 100; out-of-range
/// values mean 100) and <c>page_token</c> = the previous page's last <c>tm_create</c>, in either
/// timestamp form (<see cref="VoipbinTime.TryParse"/>). Items that
/// share a creation time are never split across pages, so following the tokens visits every
/// item exactly once.
/// </summary>
public static partial class CreationTimePaging
{
    public const int MaxPageSize = 100;

    /// <param name="scope">Which items the list holds (a customer's live ones, say); deleted or foreign ones never page.</param>
    public static async Task<(List<T> Items, string NextPageToken)> PageAsync<T>(
        IRepository<T> repository,
        WireTimeFormat wireTime,
        string? pageSize,
        string? pageToken,
        Expression<Func<T, bool>> scope,
        CancellationToken cancellationToken)
        where T : class, IListedByCreationTime
    {
        var size = EffectivePageSize(pageSize);
        DateTime? before = VoipbinTime.TryParse(pageToken, out var token) ? token : null;

        // One row more than the page tells whether the page boundary splits items that share a
        // creation time; the token (a tm_create) could not tell them apart on the next page.
        var rows = await repository.ListAsync(new CreationTimePageSpec<T>(scope, before, size + 1), cancellationToken);
        var items = rows.Count <= size ? rows : await WholeTiesOnlyAsync(repository, rows, size, scope, cancellationToken);
        return (items, items.Count == 0 ? "" : wireTime.Write(items[^1].TmCreate));
    }

    /// <summary>Default and out-of-range sizes mean the maximum, as in VoIPBIN.</summary>
    public static int EffectivePageSize(string? pageSize) =>
        long.TryParse(pageSize, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? (int)size
            : MaxPageSize;

    /// <summary>The shape checks for <c>page_size</c> and <c>page_token</c>, for a list query's validator.</summary>
    public static void AddPagingRules<TQuery>(this AbstractValidator<TQuery> validator, Func<TQuery, string?> pageSize, Func<TQuery, string?> pageToken)
    {
        validator.RuleFor(query => pageSize(query))
            .Must(size => string.IsNullOrEmpty(size) || Integer().IsMatch(size))
            .OverridePropertyName("page_size")
            .WithMessage(query => $"page_size must be a whole number (1 to {MaxPageSize}); got '{EchoedInput.Shorten(pageSize(query))}'.");
        validator.RuleFor(query => pageToken(query))
            .Must(token => string.IsNullOrEmpty(token) || VoipbinTime.TryParse(token, out _))
            .OverridePropertyName("page_token")
            .WithMessage(query =>
                $"page_token must be the next_page_token of a previous page: a time like '2022-04-28 01:50:23.414000' (UTC) or RFC 3339 " +
                $"'2022-04-28T01:50:23.414Z' (Z or an offset such as +09:00); got '{EchoedInput.Shorten(pageToken(query))}'.");
    }

    /// <summary>
    /// Drops the items tied with the first one left over, so they all come on the next page;
    /// when the whole page is one tie, it grows to hold every item of that instant instead.
    /// </summary>
    private static async Task<List<T>> WholeTiesOnlyAsync<T>(
        IRepository<T> repository, List<T> rows, int size, Expression<Func<T, bool>> scope, CancellationToken cancellationToken)
        where T : class, IListedByCreationTime
    {
        var boundary = rows[size].TmCreate;
        var beforeBoundary = rows.Take(size).Where(row => row.TmCreate != boundary).ToList();
        return beforeBoundary.Count > 0 ? beforeBoundary : await repository.ListAsync(new CreatedAtSpec<T>(scope, boundary), cancellationToken);
    }

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex Integer();
}
