using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlannerDataVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlannerDataVersions",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannerDataVersions", x => x.CustomerId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlannerDataVersions");
        }
    }
}
