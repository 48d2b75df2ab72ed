using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseSensitiveIdentifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQL Server cannot change the collation of a key column, and EF rebuilds only the
            // indexes around it (not the primary key): PK_Dials is dropped and added back by hand.
            migrationBuilder.DropPrimaryKey(
                name: "PK_Dials",
                table: "Dials");

            migrationBuilder.AlterColumn<string>(
                name: "CallId",
                table: "Dials",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                collation: "Latin1_General_100_BIN2",
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Dials",
                table: "Dials",
                columns: new[] { "CustomerId", "CallId" });

            migrationBuilder.AlterColumn<string>(
                name: "InternalIdentifier",
                table: "Campaigns",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                collation: "Latin1_General_100_BIN2",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going back can fail: call ids that differ only in case collide under the old collation.
            migrationBuilder.DropPrimaryKey(
                name: "PK_Dials",
                table: "Dials");

            migrationBuilder.AlterColumn<string>(
                name: "CallId",
                table: "Dials",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128,
                oldCollation: "Latin1_General_100_BIN2");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Dials",
                table: "Dials",
                columns: new[] { "CustomerId", "CallId" });

            migrationBuilder.AlterColumn<string>(
                name: "InternalIdentifier",
                table: "Campaigns",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldCollation: "Latin1_General_100_BIN2");
        }
    }
}
