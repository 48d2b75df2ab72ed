using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Text;
using AniPlanner.Domain.AniPlanning.Dispositions;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Dispositions.PutDisposition;

public sealed class PutDispositionValidator : AbstractValidator<PutDisposition>
{
    public PutDispositionValidator()
    {
        this.AddDispositionIdentifierRule(command => command.Identifier);
        RuleFor(command => command.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage("name is required: the disposition as the dialer names it, e.g. \"Answering Machine\".")
            .MaximumLength(Disposition.MaxNameLength)
            .WithMessage($"name is longer than {Disposition.MaxNameLength} characters.");
        RuleFor(command => command.Type)
            .Must(type => DispositionTypes.Parse(type) is not null)
            .WithMessage(command => $"type must be \"System\" or \"Agent\"; got '{EchoedInput.Shorten(command.Type)}'.");
        RuleFor(command => command.Contact)
            .NotNull()
            .WithMessage("contact is required: true when a call ending so reached the prospect, else false.");
        RuleFor(command => command.Success)
            .NotNull()
            .WithMessage("success is required: true when a call ending so met the campaign's goal, else false.");
    }
}
