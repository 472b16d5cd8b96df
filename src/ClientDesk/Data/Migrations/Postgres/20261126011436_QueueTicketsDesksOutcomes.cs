using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClientDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueTicketsDesksOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TicketId",
                table: "OutboxMessages",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Desks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    NoteLv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NoteEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    StaffMemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Desks", x => x.Id);
                    table.CheckConstraint("CK_Desks_Number", "\"Number\" BETWEEN 1 AND 99");
                    table.ForeignKey(
                        name: "FK_Desks_AspNetUsers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Desks_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalBases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActLv = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ActEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SectionLv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SectionEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SummaryLv = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalBases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tickets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Letter = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    AppointmentId = table.Column<int>(type: "integer", nullable: true),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActivePersonKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NotifyWhenAhead = table.Column<int>(type: "integer", nullable: true),
                    NotifiedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    QueuedSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CallCount = table.Column<int>(type: "integer", nullable: false),
                    CalledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeskId = table.Column<int>(type: "integer", nullable: true),
                    StaffMemberId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ServingStartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TransferredToStaffId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    TransferredToDeskId = table.Column<int>(type: "integer", nullable: true),
                    ParkedByStaffId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tickets", x => x.Id);
                    table.CheckConstraint("CK_Tickets_CalledHasDesk", "(\"Status\" NOT IN ('Called', 'Serving')) OR (\"DeskId\" IS NOT NULL AND \"StaffMemberId\" IS NOT NULL)");
                    table.CheckConstraint("CK_Tickets_ClosedHasReason", "(\"Status\" <> 'Closed') OR (\"ClosedReason\" IS NOT NULL)");
                    table.CheckConstraint("CK_Tickets_Number", "\"Number\" BETWEEN 1 AND 999");
                    table.CheckConstraint("CK_Tickets_ParkedHasOwner", "(\"Status\" <> 'Parked') OR (\"ParkedByStaffId\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_Tickets_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_AspNetUsers_ParkedByStaffId",
                        column: x => x.ParkedByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_AspNetUsers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_AspNetUsers_TransferredToStaffId",
                        column: x => x.TransferredToStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_Desks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "Desks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_Desks_TransferredToDeskId",
                        column: x => x.TransferredToDeskId,
                        principalTable: "Desks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tickets_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LegalBasisId = table.Column<int>(type: "integer", nullable: true),
                    Explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    InterruptReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReferredToStaffId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReferralInstitutionId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByStaffId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    NoticeEmailedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitOutcomes", x => x.Id);
                    table.CheckConstraint("CK_VisitOutcomes_InterruptionHasReason", "\"Kind\" <> 'Interrupted' OR \"InterruptReason\" IS NOT NULL");
                    table.CheckConstraint("CK_VisitOutcomes_ReferralHasRecipient", "\"Kind\" <> 'Referred' OR ((\"ReferredToStaffId\" IS NOT NULL) <> (\"ReferralInstitutionId\" IS NOT NULL))");
                    table.CheckConstraint("CK_VisitOutcomes_RefusalHasBasis", "\"Kind\" <> 'Refused' OR (\"LegalBasisId\" IS NOT NULL AND \"Explanation\" IS NOT NULL AND length(trim(\"Explanation\")) > 0)");
                    table.ForeignKey(
                        name: "FK_VisitOutcomes_AspNetUsers_RecordedByStaffId",
                        column: x => x.RecordedByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitOutcomes_AspNetUsers_ReferredToStaffId",
                        column: x => x.ReferredToStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitOutcomes_LegalBases_LegalBasisId",
                        column: x => x.LegalBasisId,
                        principalTable: "LegalBases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitOutcomes_ReferralInstitutions_ReferralInstitutionId",
                        column: x => x.ReferralInstitutionId,
                        principalTable: "ReferralInstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitOutcomes_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_TicketId",
                table: "OutboxMessages",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_Desks_LocationId_Number",
                table: "Desks",
                columns: new[] { "LocationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Desks_StaffMemberId",
                table: "Desks",
                column: "StaffMemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalBases_ActLv_SectionLv",
                table: "LegalBases",
                columns: new[] { "ActLv", "SectionLv" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ActivePersonKey",
                table: "Tickets",
                column: "ActivePersonKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AppointmentId",
                table: "Tickets",
                column: "AppointmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_DeskId",
                table: "Tickets",
                column: "DeskId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LocationId_Date_Letter_Number",
                table: "Tickets",
                columns: new[] { "LocationId", "Date", "Letter", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_LocationId_Date_Status",
                table: "Tickets",
                columns: new[] { "LocationId", "Date", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ParkedByStaffId",
                table: "Tickets",
                column: "ParkedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ServiceId",
                table: "Tickets",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_StaffMemberId",
                table: "Tickets",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_TransferredToDeskId",
                table: "Tickets",
                column: "TransferredToDeskId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_TransferredToStaffId",
                table: "Tickets",
                column: "TransferredToStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_LegalBasisId",
                table: "VisitOutcomes",
                column: "LegalBasisId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_RecordedByStaffId",
                table: "VisitOutcomes",
                column: "RecordedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_ReferralInstitutionId",
                table: "VisitOutcomes",
                column: "ReferralInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_ReferredToStaffId",
                table: "VisitOutcomes",
                column: "ReferredToStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOutcomes_TicketId",
                table: "VisitOutcomes",
                column: "TicketId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_Tickets_TicketId",
                table: "OutboxMessages",
                column: "TicketId",
                principalTable: "Tickets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_Tickets_TicketId",
                table: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "VisitOutcomes");

            migrationBuilder.DropTable(
                name: "LegalBases");

            migrationBuilder.DropTable(
                name: "Tickets");

            migrationBuilder.DropTable(
                name: "Desks");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_TicketId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "TicketId",
                table: "OutboxMessages");
        }
    }
}
