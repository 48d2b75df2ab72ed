using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DispositionId",
                table: "Dials",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProspectAreaKey",
                table: "Dials",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Dispositions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Contact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Success = table.Column<bool>(type: "INTEGER", nullable: false),
                    Declared = table.Column<bool>(type: "INTEGER", nullable: false),
                    TmCreate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                filter: "\"DispositionId\" IS NOT NULL");

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
