using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: no server is contacted to build a migration.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAniPlannerDbContext>
{
    public SqliteAniPlannerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAniPlannerDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnectionString).Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAniPlannerDbContext>
{
    public SqlServerAniPlannerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAniPlannerDbContext>().UseSqlServer("Server=(design-time);Database=AniPlanner").Options);
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAniPlannerDbContext>
{
    public PostgreSqlAniPlannerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAniPlannerDbContext>().UseNpgsql("Host=design-time;Database=aniplanner").Options);
}
