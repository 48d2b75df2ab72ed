# syntax=docker/dockerfile:1
# Multi-stage: the SDK builds, a small ASP.NET runtime image runs, as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Api/AniPlanner.Api.csproj -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Calling windows and schedule previews need the IANA time-zone database, which the .NET images do
# not promise; the service refuses to start without it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app .
# The default SQLite database lives in /app/data: mount a volume there to keep it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "AniPlanner.Api.dll"]
