using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Catalogue;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Data;

/// <summary>
/// The one database of the app. Each provider has a subclass (<see cref="SqliteClientDeskDb"/>,
/// <see cref="PostgresClientDeskDb"/>) only so that each keeps its own migration set.
/// </summary>
public abstract class ClientDeskDb(DbContextOptions options) : IdentityDbContext<StaffMember>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<FeeLine> FeeLines => Set<FeeLine>();
    public DbSet<ContactChannel> ContactChannels => Set<ContactChannel>();
    public DbSet<ReferralInstitution> ReferralInstitutions => Set<ReferralInstitution>();
    public DbSet<SpecialDay> SpecialDays => Set<SpecialDay>();
    public DbSet<ScheduleRule> ScheduleRules => Set<ScheduleRule>();
    public DbSet<LocationClosure> LocationClosures => Set<LocationClosure>();
    public DbSet<CalendarChange> CalendarChanges => Set<CalendarChange>();
    public DbSet<Booking.Appointment> Appointments => Set<Booking.Appointment>();
    public DbSet<Booking.Seat> Seats => Set<Booking.Seat>();
    public DbSet<Notifications.OutboxMessage> OutboxMessages => Set<Notifications.OutboxMessage>();
    public DbSet<Queue.Ticket> Tickets => Set<Queue.Ticket>();
    public DbSet<Queue.Desk> Desks => Set<Queue.Desk>();
    public DbSet<Queue.VisitOutcome> VisitOutcomes => Set<Queue.VisitOutcome>();
    public DbSet<Queue.LegalBasis> LegalBases => Set<Queue.LegalBasis>();
    public DbSet<Feedback.Case> Cases => Set<Feedback.Case>();
    public DbSet<Feedback.CaseEntry> CaseEntries => Set<Feedback.CaseEntry>();
    public DbSet<Feedback.CaseAttachment> CaseAttachments => Set<Feedback.CaseAttachment>();
    public DbSet<Feedback.Errors.ErrorRecord> ErrorRecords => Set<Feedback.Errors.ErrorRecord>();
    public DbSet<Feedback.Gifts.GiftOffer> GiftOffers => Set<Feedback.Gifts.GiftOffer>();
    public DbSet<Feedback.Surveys.SurveyInvitation> SurveyInvitations => Set<Feedback.Surveys.SurveyInvitation>();
    public DbSet<Feedback.Surveys.SurveyAnswer> SurveyAnswers => Set<Feedback.Surveys.SurveyAnswer>();
    public DbSet<Feedback.Surveys.SurveyOptOut> SurveyOptOuts => Set<Feedback.Surveys.SurveyOptOut>();
    public DbSet<OnSite.OnSiteRequest> OnSiteRequests => Set<OnSite.OnSiteRequest>();
    public DbSet<OnSite.InspectionRound> InspectionRounds => Set<OnSite.InspectionRound>();
    public DbSet<OnSite.RoundStop> RoundStops => Set<OnSite.RoundStop>();
    public DbSet<Reception.ReceptionOfficial> ReceptionOfficials => Set<Reception.ReceptionOfficial>();
    public DbSet<Reception.ReceptionHours> ReceptionHours => Set<Reception.ReceptionHours>();
    public DbSet<Reception.ReceptionRequest> ReceptionRequests => Set<Reception.ReceptionRequest>();
    public DbSet<OnSite.Schedule.InspectionStop> InspectionStops => Set<OnSite.Schedule.InspectionStop>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClientDeskDb).Assembly);
        builder.Entity<DataProtectionKey>().Property(k => k.Xml).HasMaxLength(20000);
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().Property(t => t.Value).HasMaxLength(2000);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every string has a maximum length; longer texts say so in their configuration.
        configurationBuilder.Properties<string>().HaveMaxLength(200);

        // Instants are UTC; SQLite forgets the kind on the way back, so it is restored here.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteClientDeskDb(DbContextOptions<SqliteClientDeskDb> options) : ClientDeskDb(options);

public sealed class PostgresClientDeskDb(DbContextOptions<PostgresClientDeskDb> options) : ClientDeskDb(options);

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    toDatabase => toDatabase.Kind == DateTimeKind.Utc ? toDatabase : toDatabase.ToUniversalTime(),
    fromDatabase => DateTime.SpecifyKind(fromDatabase, DateTimeKind.Utc));
