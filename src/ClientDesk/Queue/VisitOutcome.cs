using ClientDesk.Access;
using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Queue;

public enum OutcomeKind
{
    Completed = 0,

    /// <summary>A refusal: an administrative decision citing its legal basis, with how to contest it (C-6, L-4).</summary>
    Refused = 1,

    /// <summary>Service stopped: aggressive or abusive behaviour after a call to calm down, or visible intoxication (K-2).</summary>
    Interrupted = 2,

    /// <summary>Sent to a named responsible colleague or to another institution (C-4).</summary>
    Referred = 3,
}

public enum InterruptReason
{
    Aggressive = 0,
    Intoxicated = 1,
}

/// <summary>
/// How a visit ended (ADR 010). One per visit — the unique index refuses a second — and the check constraints refuse a
/// refusal without a legal basis and an explanation, an interruption without a reason, a referral without its
/// recipient. On-site visits end the same way: an outcome belongs to a desk ticket or to a round's stop, never both.
/// </summary>
public sealed class VisitOutcome
{
    public int Id { get; set; }

    /// <summary>The desk visit it ends; or <see cref="RoundStopId"/> for an on-site visit — exactly one is set.</summary>
    public int? TicketId { get; set; }

    /// <summary>The on-site visit it ends (ADR 012).</summary>
    public int? RoundStopId { get; set; }
    public OutcomeKind Kind { get; set; }

    public int? LegalBasisId { get; set; }
    public LegalBasis? LegalBasis { get; set; }

    /// <summary>For a refusal: the reasons in plain words, as the client reads them on the notice.</summary>
    public string? Explanation { get; set; }

    public InterruptReason? InterruptReason { get; set; }

    public string? ReferredToStaffId { get; set; }
    public StaffMember? ReferredToStaff { get; set; }
    public int? ReferralInstitutionId { get; set; }
    public ReferralInstitution? ReferralInstitution { get; set; }

    /// <summary>An internal note (what happened, what was said).</summary>
    public string? Note { get; set; }

    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedByStaffId { get; set; }
    public StaffMember RecordedBy { get; set; } = null!;

    /// <summary>When the refusal or referral notice was e-mailed to the client (printing needs no record).</summary>
    public DateTime? NoticeEmailedAtUtc { get; set; }
}

/// <summary>An act and section that a refusal may cite (C-6, L-4), kept by administrators.</summary>
public sealed class LegalBasis
{
    public int Id { get; set; }

    /// <summary>The act's title as published ("Ceļu satiksmes likums", "Ministru kabineta 2019. gada … noteikumi Nr. …").</summary>
    public required string ActLv { get; set; }
    public string ActEn { get; set; } = "";

    /// <summary>The section, paragraph or point ("10. panta otrā daļa").</summary>
    public required string SectionLv { get; set; }
    public string SectionEn { get; set; } = "";

    /// <summary>What the provision says, in plain words, for the notice.</summary>
    public string SummaryLv { get; set; } = "";
    public string SummaryEn { get; set; } = "";

    /// <summary>Where the text is published (likumi.lv).</summary>
    public string? Url { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class VisitOutcomeConfiguration : IEntityTypeConfiguration<VisitOutcome>
{
    public void Configure(EntityTypeBuilder<VisitOutcome> outcome)
    {
        outcome.HasIndex(o => o.TicketId).IsUnique();
        outcome.HasOne<Ticket>().WithOne(t => t.Outcome).HasForeignKey<VisitOutcome>(o => o.TicketId).OnDelete(DeleteBehavior.Restrict);
        outcome.HasIndex(o => o.RoundStopId).IsUnique();
        outcome.HasOne<OnSite.RoundStop>().WithOne(s => s.Outcome).HasForeignKey<VisitOutcome>(o => o.RoundStopId).OnDelete(DeleteBehavior.Restrict);
        outcome.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        outcome.Property(o => o.InterruptReason).HasConversion<string>().HasMaxLength(20);
        outcome.Property(o => o.Explanation).HasMaxLength(4000);
        outcome.Property(o => o.Note).HasMaxLength(2000);
        outcome.Property(o => o.ReferredToStaffId).HasMaxLength(450);
        outcome.Property(o => o.RecordedByStaffId).HasMaxLength(450);
        outcome.HasOne(o => o.LegalBasis).WithMany().OnDelete(DeleteBehavior.Restrict);
        outcome.HasOne(o => o.ReferredToStaff).WithMany().HasForeignKey(o => o.ReferredToStaffId).OnDelete(DeleteBehavior.Restrict);
        outcome.HasOne(o => o.ReferralInstitution).WithMany().OnDelete(DeleteBehavior.Restrict);
        outcome.HasOne(o => o.RecordedBy).WithMany().HasForeignKey(o => o.RecordedByStaffId).OnDelete(DeleteBehavior.Restrict);
        outcome.ToTable(t =>
        {
            t.HasCheckConstraint("CK_VisitOutcomes_OneVisit", "(\"TicketId\" IS NULL) <> (\"RoundStopId\" IS NULL)");
            t.HasCheckConstraint("CK_VisitOutcomes_RefusalHasBasis",
                "\"Kind\" <> 'Refused' OR (\"LegalBasisId\" IS NOT NULL AND \"Explanation\" IS NOT NULL AND length(trim(\"Explanation\")) > 0)");
            t.HasCheckConstraint("CK_VisitOutcomes_InterruptionHasReason",
                "\"Kind\" <> 'Interrupted' OR \"InterruptReason\" IS NOT NULL");
            t.HasCheckConstraint("CK_VisitOutcomes_ReferralHasRecipient",
                "\"Kind\" <> 'Referred' OR ((\"ReferredToStaffId\" IS NOT NULL) <> (\"ReferralInstitutionId\" IS NOT NULL))");
        });
    }
}

internal sealed class LegalBasisConfiguration : IEntityTypeConfiguration<LegalBasis>
{
    public void Configure(EntityTypeBuilder<LegalBasis> basis)
    {
        basis.Property(b => b.ActLv).HasMaxLength(500);
        basis.Property(b => b.ActEn).HasMaxLength(500);
        basis.Property(b => b.SummaryLv).HasMaxLength(2000);
        basis.Property(b => b.SummaryEn).HasMaxLength(2000);
        basis.Property(b => b.Url).HasMaxLength(500);
        basis.HasIndex(b => new { b.ActLv, b.SectionLv }).IsUnique();
        basis.Property(b => b.Version).IsConcurrencyToken();
    }
}
