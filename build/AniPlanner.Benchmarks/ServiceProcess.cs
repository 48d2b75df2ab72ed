using System.Diagnostics;

/// <summary>The Release service started as its own process, as the benchmarks measure it: Production, loopback, request logs off, no demo data, no practical rate limit.</summary>
internal static class ServiceProcess
{
    public static Process Start(string api, string baseUrl, string connectionString, string provider, string adminKey)
    {
        var start = new ProcessStartInfo("dotnet", [api, "--urls", baseUrl])
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__AniPlanner"] = connectionString;
        start.Environment["Admin__ApiKey"] = adminKey;
        start.Environment["Auth__JwtSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        start.Environment["RateLimiting__RequestsPerMinute"] = "100000";
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine($"[service] {line.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls <paramref name="url"/> every half second until it answers 2xx; fails at once if the process exits.</summary>
    public static async Task WaitUntilAnsweringAsync(HttpClient http, string url, Process process, TimeSpan within)
    {
        for (var waited = TimeSpan.Zero; waited < within; waited += TimeSpan.FromMilliseconds(500))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.Arguments} exited with code {process.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{url} did not answer within {within.TotalSeconds:0} s");
    }
}
