namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// The request holds text the database refused to store (PostgreSQL holds no NUL character and
/// nothing outside its encoding), e.g. in a dial file: the request's content is at fault, not the
/// service, so it is answered 400. Infrastructure translates the driver's refusal into this.
/// </summary>
public sealed class UnstorableTextException(Exception innerException) : Exception(
    "The request holds text the database cannot store, such as a NUL character (\\u0000): remove it and send the request again.", innerException);
