using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OnSiteRequestsAndRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "TicketId",
                table: "VisitOutcomes",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "RoundStopId",
                table: "VisitOutcomes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InspectionRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InspectorStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    NotifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionRounds_AspNetUsers_InspectorStaffId",
                        column: x => x.InspectorStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRounds_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OnSiteRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Directions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Machines = table.Column<int>(type: "INTEGER", nullable: false),
                    MachinesDescription = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EarliestDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LatestDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SuitableWeekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TravelFeeEur = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StatusTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnSiteRequests", x => x.Id);
                    table.CheckConstraint("CK_OnSiteRequests_Contact", "\"Phone\" IS NOT NULL OR \"Email\" IS NOT NULL");
                    table.CheckConstraint("CK_OnSiteRequests_Days", "\"EarliestDate\" <= \"LatestDate\"");
                    table.CheckConstraint("CK_OnSiteRequests_Machines", "\"Machines\" BETWEEN 1 AND 50");
                    table.CheckConstraint("CK_OnSiteRequests_Point", "(\"Latitude\" IS NULL AND \"Longitude\" IS NULL) OR (\"Latitude\" BETWEEN -90 AND 90 AND \"Longitude\" BETWEEN -180 AND 180)");
                    table.CheckConstraint("CK_OnSiteRequests_Weekdays", "\"SuitableWeekdays\" BETWEEN 1 AND 127");
                    table.ForeignKey(
                        name: "FK_OnSiteRequests_AspNetUsers_RegisteredByStaffId",
                        column: x => x.RegisteredByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnSiteRequests_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnSiteRequests_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundStops",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    OnSiteRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ArriveFrom = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ArriveTo = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    NotifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundStops", x => x.Id);
                    table.CheckConstraint("CK_RoundStops_Position", "\"Position\" >= 1");
                    table.CheckConstraint("CK_RoundStops_Window", "\"ArriveFrom\" < \"ArriveTo\"");
                    table.ForeignKey(
                        name: "FK_RoundStops_InspectionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "InspectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundStops_OnSiteRequests_OnSiteRequestId",
                        column: x => x.OnSiteRequestId,
                        principalTable: "OnSiteRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_RoundStopId",
                table: "VisitOutcomes",
                column: "RoundStopId",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_VisitOutcomes_OneVisit",
                table: "VisitOutcomes",
                sql: "(\"TicketId\" IS NULL) <> (\"RoundStopId\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_InspectorStaffId_Date",
                table: "InspectionRounds",
                columns: new[] { "InspectorStaffId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_LocationId_Date",
                table: "InspectionRounds",
                columns: new[] { "LocationId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_OnSiteRequests_LocationId_Status",
                table: "OnSiteRequests",
                columns: new[] { "LocationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OnSiteRequests_RegisteredByStaffId",
                table: "OnSiteRequests",
                column: "RegisteredByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_OnSiteRequests_ServiceId",
                table: "OnSiteRequests",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_OnSiteRequests_StatusTokenHash",
                table: "OnSiteRequests",
                column: "StatusTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OnSiteRequests_Year_Sequence",
                table: "OnSiteRequests",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundStops_OnSiteRequestId",
                table: "RoundStops",
                column: "OnSiteRequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundStops_RoundId_Position",
                table: "RoundStops",
                columns: new[] { "RoundId", "Position" });

            migrationBuilder.AddForeignKey(
                name: "FK_VisitOutcomes_RoundStops_RoundStopId",
                table: "VisitOutcomes",
                column: "RoundStopId",
                principalTable: "RoundStops",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_VisitOutcomes_RoundStops_RoundStopId",
                table: "VisitOutcomes");

            migrationBuilder.DropTable(
                name: "RoundStops");

            migrationBuilder.DropTable(
                name: "InspectionRounds");

            migrationBuilder.DropTable(
                name: "OnSiteRequests");

            migrationBuilder.DropIndex(
                name: "IX_VisitOutcomes_RoundStopId",
                table: "VisitOutcomes");

            migrationBuilder.DropCheckConstraint(
                name: "CK_VisitOutcomes_OneVisit",
                table: "VisitOutcomes");

            migrationBuilder.DropColumn(
                name: "RoundStopId",
                table: "VisitOutcomes");

            migrationBuilder.AlterColumn<int>(
                name: "TicketId",
                table: "VisitOutcomes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
