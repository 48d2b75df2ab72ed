using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DialTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DialTotals",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Grouping = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Dials = table.Column<long>(type: "INTEGER", nullable: false),
                    Contacts = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialTotals", x => new { x.CustomerId, x.Grouping, x.Period, x.Start, x.AreaKey });
                });

            // The totals of the dials already counted, from the rollup by campaign.
            migrationBuilder.Sql(
                """
                INSERT INTO "DialTotals" ("CustomerId", "Grouping", "Period", "Start", "AreaKey", "Dials", "Contacts")
                SELECT "CustomerId", "Grouping", 0, "Day", "AreaKey", SUM("Dials"), SUM("Contacts") FROM "DialRollups"
                GROUP BY "CustomerId", "Grouping", "Day", "AreaKey";
                INSERT INTO "DialTotals" ("CustomerId", "Grouping", "Period", "Start", "AreaKey", "Dials", "Contacts")
                SELECT "CustomerId", "Grouping", 1, date("Day", '-6 days', 'weekday 1'), "AreaKey", SUM("Dials"), SUM("Contacts") FROM "DialRollups"
                GROUP BY "CustomerId", "Grouping", date("Day", '-6 days', 'weekday 1'), "AreaKey";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_DialTotals_Covering",
                table: "DialTotals",
                columns: new[] { "CustomerId", "Grouping", "Period", "Start", "AreaKey", "Dials", "Contacts" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialTotals");
        }
    }
}
