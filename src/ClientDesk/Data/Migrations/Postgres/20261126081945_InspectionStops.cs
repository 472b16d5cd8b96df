using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClientDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InspectionStops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionStops",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Municipality = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PlaceName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    WhereExactly = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    NoteLv = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NoteEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionStops", x => x.Id);
                    table.CheckConstraint("CK_InspectionStops_Point", "(\"Latitude\" IS NULL AND \"Longitude\" IS NULL) OR (\"Latitude\" BETWEEN 55.5 AND 58.2 AND \"Longitude\" BETWEEN 20.8 AND 28.4)");
                    table.CheckConstraint("CK_InspectionStops_Window", "\"StartTime\" < \"EndTime\"");
                    table.ForeignKey(
                        name: "FK_InspectionStops_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionStops_Date_StartTime_Municipality_PlaceName",
                table: "InspectionStops",
                columns: new[] { "Date", "StartTime", "Municipality", "PlaceName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionStops_RegionId_Date",
                table: "InspectionStops",
                columns: new[] { "RegionId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionStops");
        }
    }
}
