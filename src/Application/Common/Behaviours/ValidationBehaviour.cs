using FluentValidation;
using Mediator;

namespace AniPlanner.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of a message before its handler and throws one
/// <see cref="ValidationException"/> carrying all failures, so a caller learns everything to fix
/// in one answer.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    // The container hands over an array; most queries (every request's credential check, every
    // get by id) have no validator, and pass straight through without a list or a state machine.
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? [.. validators];

    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken) =>
        _validators.Length == 0 ? next(message, cancellationToken) : ValidateThenHandleAsync(message, next, cancellationToken);

    private async ValueTask<TResponse> ValidateThenHandleAsync(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
