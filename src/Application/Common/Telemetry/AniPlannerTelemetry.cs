using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AniPlanner.Application.Common.Telemetry;

/// <summary>
/// The service's own traces and metrics (BCL types only, so the Application layer can emit
/// them); the host exports them over OTLP when configured.
/// </summary>
public static class AniPlannerTelemetry
{
    public const string Name = "AniPlanner";

    public static readonly ActivitySource Activities = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> DialsIngested = Meter.CreateCounter<long>("aniplanner.dials.ingested", "{dial}", "Dials stored by imports.");
    public static readonly Counter<long> DialsDuplicated = Meter.CreateCounter<long>("aniplanner.dials.duplicates", "{dial}", "Re-sent dials counted as duplicates.");
    public static readonly Counter<long> DialsRejected = Meter.CreateCounter<long>("aniplanner.dials.rejected", "{dial}", "Dial rows rejected by their checks.");
    public static readonly Counter<long> PlansGenerated = Meter.CreateCounter<long>("aniplanner.plans.generated", "{plan}", "Plans generated.");
    public static readonly Histogram<double> PlanDuration = Meter.CreateHistogram<double>("aniplanner.plans.duration", "ms", "Time to generate a plan.");
}
