namespace AniPlanner.Application.AniPlanning.Common;

public sealed record UpsertAnisResult(int Upserted, IReadOnlyList<RejectedAni> Rejected);

public sealed record RejectedAni(int Index, string Message);
