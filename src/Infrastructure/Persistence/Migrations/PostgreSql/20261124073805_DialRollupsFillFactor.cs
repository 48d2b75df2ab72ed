using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DialRollupsFillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "DialRollups")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "DialRollups")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);
        }
    }
}
