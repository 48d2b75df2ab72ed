using System.Text.RegularExpressions;
using AniPlanner.Application.Common.Wire;
using FluentValidation;

namespace AniPlanner.Application.Outplans.ListOutplans;

public sealed partial class ListOutplansValidator : AbstractValidator<ListOutplans>
{
    public ListOutplansValidator()
    {
        RuleFor(query => query.PageSize)
            .Must(size => Integer().IsMatch(size!))
            .When(query => !string.IsNullOrEmpty(query.PageSize))
            .OverridePropertyName("page_size")
            .WithMessage(query => $"page_size must be a whole number (1 to {ListOutplansHandler.MaxPageSize}); got '{query.PageSize}'.");

        RuleFor(query => query.PageToken)
            .Must(token => VoipbinTime.TryParse(token, out _))
            .When(query => !string.IsNullOrEmpty(query.PageToken))
            .OverridePropertyName("page_token")
            .WithMessage(query =>
                $"page_token must be the next_page_token of a previous page (a time like '2022-04-28 01:50:23.414000'); got '{query.PageToken}'.");
    }

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex Integer();
}
