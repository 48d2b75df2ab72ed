using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TmCreate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TmDelete = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TokenHint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TmExpire = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TmCreate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TmDelete = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessKeys_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Outplans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DialTimeout = table.Column<long>(type: "INTEGER", nullable: false),
                    TryInterval = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxTryCount0 = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTryCount1 = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTryCount2 = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTryCount3 = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTryCount4 = table.Column<int>(type: "INTEGER", nullable: false),
                    TmCreate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TmDelete = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SourceDetail = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SourceTarget = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SourceTargetName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outplans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outplans_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_CustomerId",
                table: "AccessKeys",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_TokenHash",
                table: "AccessKeys",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outplans_CustomerId_TmDelete_TmCreate",
                table: "Outplans",
                columns: new[] { "CustomerId", "TmDelete", "TmCreate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessKeys");

            migrationBuilder.DropTable(
                name: "Outplans");

            migrationBuilder.DropTable(
                name: "Customers");
        }
    }
}
