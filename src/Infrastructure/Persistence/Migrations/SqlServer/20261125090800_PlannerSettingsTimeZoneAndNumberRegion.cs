using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PlannerSettingsTimeZoneAndNumberRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NumberRegion",
                table: "PlannerSettings",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "PlannerSettings",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NumberRegion",
                table: "PlannerSettings");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "PlannerSettings");
        }
    }
}
