namespace AniPlanner.Api.Errors;

/// <summary>The two contracts whose error envelopes the service speaks.</summary>
public enum ErrorContract
{
    /// <summary><c>{"error": {"status", "reason", "message", "request_id"}}</c>: every endpoint that declares nothing else.</summary>
    Voipbin,

    /// <summary><c>{"success": false, "message"}</c>: the ANI Planner's endpoints.</summary>
    AniPlanner,
}

/// <summary>Endpoint metadata: the contract whose envelope a controller's (or an action's) errors are written in.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class ErrorContractAttribute(ErrorContract contract) : Attribute
{
    public ErrorContract Contract { get; } = contract;
}

/// <summary>Which contract an error answer to a request speaks, and the envelope that contract writes.</summary>
public static class ErrorContracts
{
    /// <summary>
    /// The contract its endpoint declares (the exception handler is told which endpoint threw).
    /// A request no endpoint of ours took (no such route; a method or content type routing refused)
    /// carries no metadata: it speaks the contract of the endpoints registered under its first path
    /// segment, so a wrong URL under /ani-planner still answers in the ANI Planner's envelope.
    /// </summary>
    public static ErrorContract Of(HttpContext context) =>
        DeclaredBy(RegisteredEndpoints.Answering(context)?.Metadata ?? [])
        ?? RegisteredEndpoints.Of(context)?.Under(context.Request.Path).Select(DeclaredBy).FirstOrDefault(declared => declared is not null)
        ?? ErrorContract.Voipbin;

    /// <summary>The contract declared in endpoint metadata (an action's own before its controller's); null when none is.</summary>
    public static ErrorContract? DeclaredBy(IEnumerable<object> metadata) => metadata.OfType<ErrorContractAttribute>().LastOrDefault()?.Contract;

    /// <summary>The type of the contract's error envelope (for the OpenAPI document).</summary>
    public static Type EnvelopeType(ErrorContract contract) => contract switch
    {
        ErrorContract.AniPlanner => typeof(AniPlannerFailure),
        _ => typeof(VoipbinErrorEnvelope),
    };

    /// <summary>The error in the contract's envelope.</summary>
    public static object Envelope(ErrorContract contract, ApiError error, string message, string requestId) => contract switch
    {
        ErrorContract.AniPlanner => new AniPlannerFailure(message),
        _ => VoipbinErrorEnvelope.Of(error, message, requestId),
    };
}
