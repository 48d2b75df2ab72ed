using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <summary>The per-ANI, per-day rollup, filled from the dials already stored.</summary>
    public partial class AniDayRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AniDayRollups",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    AniNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Dials = table.Column<long>(type: "bigint", nullable: false),
                    Contacts = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AniDayRollups", x => new { x.CustomerId, x.Day, x.AniNumber });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.Sql("""
                INSERT INTO "AniDayRollups" ("CustomerId", "Day", "AniNumber", "Dials", "Contacts")
                SELECT "CustomerId", "Day", "AniNumber", COUNT(*), SUM("Contacted"::int) FROM "Dials"
                GROUP BY "CustomerId", "Day", "AniNumber";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AniDayRollups");
        }
    }
}
