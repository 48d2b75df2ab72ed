namespace AniPlanner.Api.Hosting;

/// <summary>
/// ASP.NET Core's hosting diagnostics log every request line with its query string, and our
/// callers put tokens in <c>?token=</c> and <c>?accesskey=</c>. That category is held at
/// Warning for every logging provider, including ones that ask for more (a provider-specific
/// rule would otherwise win over a general one). <see cref="RequestLoggingMiddleware"/> logs
/// requests without their query instead.
/// </summary>
public static class TokenSafeLogging
{
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection AddTokenSafeLogging(this IServiceCollection services) =>
        services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var providers = options.Rules.Select(rule => rule.ProviderName).Distinct().ToList();
            foreach (var provider in providers.Append(null).Distinct())
            {
                options.Rules.Add(new LoggerFilterRule(provider, HostingDiagnosticsCategory, LogLevel.Warning, filter: null));
            }
        });
}
