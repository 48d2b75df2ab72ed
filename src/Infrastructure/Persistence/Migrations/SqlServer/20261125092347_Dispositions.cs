using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Dispositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AniAreaKey",
                table: "Dials",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DispositionId",
                table: "Dials",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProspectAreaKey",
                table: "Dials",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Dispositions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Identifier = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Contact = table.Column<bool>(type: "bit", nullable: false),
                    Success = table.Column<bool>(type: "bit", nullable: false),
                    Declared = table.Column<bool>(type: "bit", nullable: false),
                    TmCreate = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dispositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dispositions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dials_CustomerId_DispositionId",
                table: "Dials",
                columns: new[] { "CustomerId", "DispositionId" },
                filter: "[DispositionId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_CustomerId_Identifier",
                table: "Dispositions",
                columns: new[] { "CustomerId", "Identifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_CustomerId_NameKey",
                table: "Dispositions",
                columns: new[] { "CustomerId", "NameKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Dispositions");

            migrationBuilder.DropIndex(
                name: "IX_Dials_CustomerId_DispositionId",
                table: "Dials");

            migrationBuilder.DropColumn(
                name: "AniAreaKey",
                table: "Dials");

            migrationBuilder.DropColumn(
                name: "DispositionId",
                table: "Dials");

            migrationBuilder.DropColumn(
                name: "ProspectAreaKey",
                table: "Dials");
        }
    }
}
