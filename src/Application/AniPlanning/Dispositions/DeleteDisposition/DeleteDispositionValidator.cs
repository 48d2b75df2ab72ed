using AniPlanner.Application.AniPlanning.Common;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Dispositions.DeleteDisposition;

public sealed class DeleteDispositionValidator : AbstractValidator<DeleteDisposition>
{
    public DeleteDispositionValidator() => this.AddDispositionIdentifierRule(command => command.Identifier);
}
