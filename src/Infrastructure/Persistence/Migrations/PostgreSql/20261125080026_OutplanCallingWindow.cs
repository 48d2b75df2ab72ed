using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OutplanCallingWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing outplans get CallingWindow.Always: any day (127), 00:00 to 24:00 (1440), callee time, quiet hours on.
            migrationBuilder.AddColumn<int>(
                name: "CallingWindowDays",
                table: "Outplans",
                type: "integer",
                nullable: false,
                defaultValue: 127);

            migrationBuilder.AddColumn<int>(
                name: "CallingWindowEndMinute",
                table: "Outplans",
                type: "integer",
                nullable: false,
                defaultValue: 1440);

            migrationBuilder.AddColumn<bool>(
                name: "CallingWindowQuietHours",
                table: "Outplans",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "CallingWindowStartMinute",
                table: "Outplans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CallingWindowTimeZone",
                table: "Outplans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "callee");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CallingWindowDays",
                table: "Outplans");

            migrationBuilder.DropColumn(
                name: "CallingWindowEndMinute",
                table: "Outplans");

            migrationBuilder.DropColumn(
                name: "CallingWindowQuietHours",
                table: "Outplans");

            migrationBuilder.DropColumn(
                name: "CallingWindowStartMinute",
                table: "Outplans");

            migrationBuilder.DropColumn(
                name: "CallingWindowTimeZone",
                table: "Outplans");
        }
    }
}
