using AniPlanner.Application.AniPlanning.Common;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Dispositions.GetDisposition;

/// <summary>An id no disposition can have is a mistake to name, not a disposition to look for.</summary>
public sealed class GetDispositionValidator : AbstractValidator<GetDisposition>
{
    public GetDispositionValidator() => this.AddDispositionIdentifierRule(query => query.Identifier);
}
