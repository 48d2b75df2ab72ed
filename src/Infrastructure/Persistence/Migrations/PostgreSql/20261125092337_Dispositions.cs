using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.PostgreSql
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
                type: "character varying(16)",
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Dispositions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Contact = table.Column<bool>(type: "boolean", nullable: false),
                    Success = table.Column<bool>(type: "boolean", nullable: false),
                    Declared = table.Column<bool>(type: "boolean", nullable: false),
                    TmCreate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
