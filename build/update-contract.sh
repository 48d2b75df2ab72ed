#!/usr/bin/env sh
# Accepts a contract change in one command: docs/openapi.json from the running service, then the
# C# client the contract tests drive, generated from that document. Review both diffs, then commit.
set -e
cd "$(dirname "$0")/.."
ANIPLANNER_UPDATE_OPENAPI=1 dotnet test tests/AniPlanner.FunctionalTests --filter "FullyQualifiedName~OpenApiContractTests.The_served_document_matches_the_committed_one"
ANIPLANNER_UPDATE_CLIENT=1 dotnet test tests/AniPlanner.FunctionalTests --no-build --filter "FullyQualifiedName~GeneratedClientTests"
