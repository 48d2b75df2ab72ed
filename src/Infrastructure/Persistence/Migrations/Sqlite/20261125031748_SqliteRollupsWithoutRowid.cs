using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// DialRollups and DialTotals become WITHOUT ROWID tables, kept in their key's order: an
    /// import's upsert writes a cell once instead of the row and its covering index entry, and the
    /// plan's range scan reads the rows themselves. SQLite cannot alter that on a table, so each
    /// is rebuilt (its rows copied) under the same name and key.
    /// </summary>
    public partial class SqliteRollupsWithoutRowid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DialTotals_Covering",
                table: "DialTotals");

            migrationBuilder.DropIndex(
                name: "IX_DialRollups_Covering",
                table: "DialRollups");

            migrationBuilder.Sql(Rebuild(RollupsTable, withoutRowid: true));
            migrationBuilder.Sql(Rebuild(TotalsTable, withoutRowid: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Rebuild(RollupsTable, withoutRowid: false));
            migrationBuilder.Sql(Rebuild(TotalsTable, withoutRowid: false));

            migrationBuilder.CreateIndex(
                name: "IX_DialTotals_Covering",
                table: "DialTotals",
                columns: new[] { "CustomerId", "Grouping", "Period", "Start", "AreaKey", "Dials", "Contacts" });

            migrationBuilder.CreateIndex(
                name: "IX_DialRollups_Covering",
                table: "DialRollups",
                columns: new[] { "CustomerId", "Grouping", "Day", "CampaignId", "AreaKey", "Dials", "Contacts" });
        }

        private static readonly RolledUpTable RollupsTable = new(
            "DialRollups",
            """
            "CustomerId" TEXT NOT NULL, "Grouping" INTEGER NOT NULL, "Day" TEXT NOT NULL, "CampaignId" INTEGER NOT NULL,
            "AreaKey" TEXT NOT NULL, "Dials" INTEGER NOT NULL, "Contacts" INTEGER NOT NULL
            """,
            "\"CustomerId\", \"Grouping\", \"Day\", \"CampaignId\", \"AreaKey\"");

        private static readonly RolledUpTable TotalsTable = new(
            "DialTotals",
            """
            "CustomerId" TEXT NOT NULL, "Grouping" INTEGER NOT NULL, "Period" INTEGER NOT NULL, "Start" TEXT NOT NULL,
            "AreaKey" TEXT NOT NULL, "Dials" INTEGER NOT NULL, "Contacts" INTEGER NOT NULL
            """,
            "\"CustomerId\", \"Grouping\", \"Period\", \"Start\", \"AreaKey\"");

        /// <summary>The table again, with or without rowids, its rows copied in key order; same columns, key and key name.</summary>
        private static string Rebuild(RolledUpTable table, bool withoutRowid) => $"""
            CREATE TABLE "{table.Name}_Rebuilt" ({table.Columns},
                CONSTRAINT "PK_{table.Name}" PRIMARY KEY ({table.Key})){(withoutRowid ? " WITHOUT ROWID" : "")};
            INSERT INTO "{table.Name}_Rebuilt" ({table.Key}, "Dials", "Contacts")
            SELECT {table.Key}, "Dials", "Contacts" FROM "{table.Name}" ORDER BY {table.Key};
            DROP TABLE "{table.Name}";
            ALTER TABLE "{table.Name}_Rebuilt" RENAME TO "{table.Name}";
            """;

        /// <summary>A table of counts: its column definitions and its key; both end in the counts, "Dials" and "Contacts".</summary>
        private sealed record RolledUpTable(string Name, string Columns, string Key);
    }
}
