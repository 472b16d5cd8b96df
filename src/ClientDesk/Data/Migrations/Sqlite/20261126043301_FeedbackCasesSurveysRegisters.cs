using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedbackCasesSurveysRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CaseId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConcernsStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConcernsStaffDescription = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmitterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PostalAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EAddress = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PreferredReply = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsInformationOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DeadlineRule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnswerBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ForwardBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtendedAnswerBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExtendedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedOfficerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EscalatedTo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EscalatedToStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EscalatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForwardedToInstitutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ForwardedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnswerChannel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AnswerDeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StatusTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RemindedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PersonalDataRemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.CheckConstraint("CK_Cases_AnsweredHasAnswer", "\"Status\" NOT IN ('Answered') OR (\"AnsweredAtUtc\" IS NOT NULL AND \"AnswerText\" IS NOT NULL AND \"AnswerChannel\" IS NOT NULL)");
                    table.CheckConstraint("CK_Cases_AnswerOwedHasDeadline", "\"IsInformationOnly\" OR (\"AnswerBy\" IS NOT NULL AND \"ForwardBy\" IS NOT NULL)");
                    table.CheckConstraint("CK_Cases_ExtensionHasReason", "\"ExtendedAnswerBy\" IS NULL OR (\"ExtensionReason\" IS NOT NULL AND length(trim(\"ExtensionReason\")) > 0)");
                    table.CheckConstraint("CK_Cases_ForwardedHasInstitution", "\"Status\" <> 'Forwarded' OR (\"ForwardedToInstitutionId\" IS NOT NULL AND \"ForwardedAtUtc\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_Cases_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_AnsweredByStaffId",
                        column: x => x.AnsweredByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_AssignedOfficerId",
                        column: x => x.AssignedOfficerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_ConcernsStaffId",
                        column: x => x.ConcernsStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_EscalatedToStaffId",
                        column: x => x.EscalatedToStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_ReferralInstitutions_ForwardedToInstitutionId",
                        column: x => x.ForwardedToInstitutionId,
                        principalTable: "ReferralInstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GiftOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfferedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OfferedToStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    WhatWasOffered = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Circumstances = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Declined = table.Column<bool>(type: "INTEGER", nullable: false),
                    HowHandled = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GiftOffers", x => x.Id);
                    table.CheckConstraint("CK_GiftOffers_NotDeclinedSaysHow", "\"Declined\" OR (\"HowHandled\" IS NOT NULL AND length(trim(\"HowHandled\")) > 0)");
                    table.ForeignKey(
                        name: "FK_GiftOffers_AspNetUsers_OfferedToStaffId",
                        column: x => x.OfferedToStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GiftOffers_AspNetUsers_RecordedByStaffId",
                        column: x => x.RecordedByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GiftOffers_AspNetUsers_ReviewedByStaffId",
                        column: x => x.ReviewedByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GiftOffers_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                    table.CheckConstraint("CK_SurveyInvitations_IsForAVisit", "\"TicketId\" IS NOT NULL OR \"AppointmentId\" IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyOptOuts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyOptOuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAttachments_AspNetUsers_AddedByStaffId",
                        column: x => x.AddedByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAttachments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEntries_AspNetUsers_ByStaffId",
                        column: x => x.ByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseEntries_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ErrorRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitOutcomeId = table.Column<int>(type: "INTEGER", nullable: true),
                    WhatWentWrong = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Apology = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ApologySentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CorrectiveAction = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibleStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErrorRecords", x => x.Id);
                    table.CheckConstraint("CK_ErrorRecords_DoneHasNote", "\"DoneAtUtc\" IS NULL OR (\"DoneNote\" IS NOT NULL AND length(trim(\"DoneNote\")) > 0)");
                    table.ForeignKey(
                        name: "FK_ErrorRecords_AspNetUsers_RecordedByStaffId",
                        column: x => x.RecordedByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ErrorRecords_AspNetUsers_ResponsibleStaffId",
                        column: x => x.ResponsibleStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ErrorRecords_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ErrorRecords_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ErrorRecords_VisitOutcomes_VisitOutcomeId",
                        column: x => x.VisitOutcomeId,
                        principalTable: "VisitOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvitationId = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Overall = table.Column<int>(type: "INTEGER", nullable: false),
                    Professionalism = table.Column<int>(type: "INTEGER", nullable: true),
                    Responsibility = table.Column<int>(type: "INTEGER", nullable: true),
                    Respect = table.Column<int>(type: "INTEGER", nullable: true),
                    Cooperation = table.Column<int>(type: "INTEGER", nullable: true),
                    Accessibility = table.Column<int>(type: "INTEGER", nullable: true),
                    Simplicity = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MayContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonalDataRemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.CheckConstraint("CK_SurveyAnswers_AccessibilityInScale", "\"Accessibility\" IS NULL OR \"Accessibility\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_SurveyAnswers_CooperationInScale", "\"Cooperation\" IS NULL OR \"Cooperation\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_SurveyAnswers_OverallInScale", "\"Overall\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_SurveyAnswers_ProfessionalismInScale", "\"Professionalism\" IS NULL OR \"Professionalism\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_SurveyAnswers_RespectInScale", "\"Respect\" IS NULL OR \"Respect\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_SurveyAnswers_ResponsibilityInScale", "\"Responsibility\" IS NULL OR \"Responsibility\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_SurveyAnswers_SimplicityInScale", "\"Simplicity\" IS NULL OR \"Simplicity\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyInvitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "SurveyInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_AddedByStaffId",
                table: "CaseAttachments",
                column: "AddedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_CaseId",
                table: "CaseAttachments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEntries_ByStaffId",
                table: "CaseEntries",
                column: "ByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEntries_CaseId",
                table: "CaseEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AnsweredByStaffId",
                table: "Cases",
                column: "AnsweredByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AppointmentId",
                table: "Cases",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AssignedOfficerId",
                table: "Cases",
                column: "AssignedOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ConcernsStaffId",
                table: "Cases",
                column: "ConcernsStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_EscalatedToStaffId",
                table: "Cases",
                column: "EscalatedToStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ForwardedToInstitutionId",
                table: "Cases",
                column: "ForwardedToInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LocationId",
                table: "Cases",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedAtUtc",
                table: "Cases",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ServiceId",
                table: "Cases",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_AnswerBy",
                table: "Cases",
                columns: new[] { "Status", "AnswerBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_TicketId",
                table: "Cases",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Year_Sequence",
                table: "Cases",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErrorRecords_CaseId",
                table: "ErrorRecords",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ErrorRecords_DueOn",
                table: "ErrorRecords",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_ErrorRecords_LocationId",
                table: "ErrorRecords",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_ErrorRecords_RecordedByStaffId",
                table: "ErrorRecords",
                column: "RecordedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_ErrorRecords_ResponsibleStaffId",
                table: "ErrorRecords",
                column: "ResponsibleStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_ErrorRecords_VisitOutcomeId",
                table: "ErrorRecords",
                column: "VisitOutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_GiftOffers_LocationId",
                table: "GiftOffers",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_GiftOffers_OfferedOn",
                table: "GiftOffers",
                column: "OfferedOn");

            migrationBuilder.CreateIndex(
                name: "IX_GiftOffers_OfferedToStaffId",
                table: "GiftOffers",
                column: "OfferedToStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_GiftOffers_RecordedByStaffId",
                table: "GiftOffers",
                column: "RecordedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_GiftOffers_ReviewedByStaffId",
                table: "GiftOffers",
                column: "ReviewedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_CaseId",
                table: "SurveyAnswers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_InvitationId",
                table: "SurveyAnswers",
                column: "InvitationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_LocationId_VisitOn",
                table: "SurveyAnswers",
                columns: new[] { "LocationId", "VisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_AppointmentId",
                table: "SurveyInvitations",
                column: "AppointmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_LocationId",
                table: "SurveyInvitations",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ServiceId",
                table: "SurveyInvitations",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TicketId",
                table: "SurveyInvitations",
                column: "TicketId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TokenHash",
                table: "SurveyInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyOptOuts_ContactHash",
                table: "SurveyOptOuts",
                column: "ContactHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAttachments");

            migrationBuilder.DropTable(
                name: "CaseEntries");

            migrationBuilder.DropTable(
                name: "ErrorRecords");

            migrationBuilder.DropTable(
                name: "GiftOffers");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyOptOuts");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "OutboxMessages");
        }
    }
}
