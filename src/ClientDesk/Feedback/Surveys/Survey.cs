using ClientDesk.Booking;
using ClientDesk.Catalogue;
using ClientDesk.Queue;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Feedback.Surveys;

public enum SurveyChannel
{
    Email = 0,
    Sms = 1,

    /// <summary>Answered on the tablet at the desk or the kiosk; nothing is sent.</summary>
    Tablet = 2,
}

/// <summary>
/// The one-time link to the survey of one completed visit (K-4). A visit is a ticket, an appointment, or both when the
/// appointment was checked in; the unique indexes keep one invitation per visit, and the answer's unique index one
/// answer per invitation. Only the SHA-256 of the link's secret is kept.
/// </summary>
public sealed class SurveyInvitation
{
    public int Id { get; set; }
    public required string TokenHash { get; set; }
    public int? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }

    public int LocationId { get; set; }
    public Location Location { get; set; } = null!;
    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public DateOnly VisitOn { get; set; }
    public string Language { get; set; } = "lv";

    public SurveyChannel Channel { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
}

/// <summary>
/// A client's answer: overall satisfaction and a score for each of the six values, 1 (very poor) to 5 (very good),
/// a value left unscored as null, and an optional comment. The contact is kept only when the client agreed to be
/// contacted, and goes into the case a low score opens. Comment and contact are removed after the retention period (L-5).
/// </summary>
public sealed class SurveyAnswer
{
    public const int LowestScore = 1;
    public const int HighestScore = 5;

    public int Id { get; set; }
    public int InvitationId { get; set; }
    public SurveyInvitation Invitation { get; set; } = null!;

    // Copied from the invitation so that reports read one table.
    public int LocationId { get; set; }
    public int ServiceId { get; set; }
    public DateOnly VisitOn { get; set; }
    public SurveyChannel Channel { get; set; }
    public DateTime AnsweredAtUtc { get; set; }

    public int Overall { get; set; }
    public int? Professionalism { get; set; }
    public int? Responsibility { get; set; }
    public int? Respect { get; set; }
    public int? Cooperation { get; set; }
    public int? Accessibility { get; set; }
    public int? Simplicity { get; set; }

    [PersonalData]
    public string? Comment { get; set; }
    public bool MayContact { get; set; }
    [PersonalData]
    public string? ContactName { get; set; }
    [PersonalData]
    public string? ContactEmail { get; set; }
    [PersonalData]
    public string? ContactPhone { get; set; }

    /// <summary>The case a low score opened.</summary>
    public int? CaseId { get; set; }
    public Case? Case { get; set; }
    public DateTime? PersonalDataRemovedAtUtc { get; set; }

    public IEnumerable<int?> ValueScores => [Professionalism, Responsibility, Respect, Cooperation, Accessibility, Simplicity];

    public void RemovePersonalData(DateTime nowUtc)
    {
        Comment = ContactName = ContactEmail = ContactPhone = null;
        PersonalDataRemovedAtUtc = nowUtc;
    }
}

/// <summary>A client who asked not to be sent surveys: only the SHA-256 of the normalised phone or e-mail.</summary>
public sealed class SurveyOptOut
{
    public int Id { get; set; }
    public required string ContactHash { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> invitation)
    {
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => i.TicketId).IsUnique();
        invitation.HasIndex(i => i.AppointmentId).IsUnique();
        invitation.Property(i => i.Language).HasMaxLength(2);
        invitation.Property(i => i.Channel).HasConversion<string>().HasMaxLength(10);
        invitation.HasOne(i => i.Ticket).WithMany().OnDelete(DeleteBehavior.Restrict);
        invitation.HasOne(i => i.Appointment).WithMany().OnDelete(DeleteBehavior.Restrict);
        invitation.HasOne(i => i.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        invitation.HasOne(i => i.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        invitation.ToTable(t => t.HasCheckConstraint("CK_SurveyInvitations_IsForAVisit", "\"TicketId\" IS NOT NULL OR \"AppointmentId\" IS NOT NULL"));
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    private static readonly string[] Scored = ["Professionalism", "Responsibility", "Respect", "Cooperation", "Accessibility", "Simplicity"];

    public void Configure(EntityTypeBuilder<SurveyAnswer> answer)
    {
        answer.HasIndex(a => a.InvitationId).IsUnique();
        answer.HasOne(a => a.Invitation).WithOne().HasForeignKey<SurveyAnswer>(a => a.InvitationId).OnDelete(DeleteBehavior.Restrict);
        answer.HasOne(a => a.Case).WithMany().OnDelete(DeleteBehavior.Restrict);
        answer.HasOne<Location>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Restrict);
        answer.HasIndex(a => new { a.LocationId, a.VisitOn });
        answer.Property(a => a.Channel).HasConversion<string>().HasMaxLength(10);
        answer.Property(a => a.Comment).HasMaxLength(2000);
        answer.Property(a => a.ContactName).HasMaxLength(200);
        answer.Property(a => a.ContactEmail).HasMaxLength(254);
        answer.Property(a => a.ContactPhone).HasMaxLength(30);
        answer.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SurveyAnswers_OverallInScale", $"\"Overall\" BETWEEN {SurveyAnswer.LowestScore} AND {SurveyAnswer.HighestScore}");
            foreach (var value in Scored)
            {
                t.HasCheckConstraint($"CK_SurveyAnswers_{value}InScale",
                    $"\"{value}\" IS NULL OR \"{value}\" BETWEEN {SurveyAnswer.LowestScore} AND {SurveyAnswer.HighestScore}");
            }
        });
    }
}

internal sealed class SurveyOptOutConfiguration : IEntityTypeConfiguration<SurveyOptOut>
{
    public void Configure(EntityTypeBuilder<SurveyOptOut> optOut)
    {
        optOut.Property(o => o.ContactHash).HasMaxLength(64);
        optOut.HasIndex(o => o.ContactHash).IsUnique();
    }
}
