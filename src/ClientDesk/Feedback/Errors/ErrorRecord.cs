using ClientDesk.Access;
using ClientDesk.Catalogue;
using ClientDesk.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Feedback.Errors;

/// <summary>
/// A mistake the agency admits (C-7): what went wrong, the apology sent, the corrective action, who does it by when,
/// and when it was done. Recorded from a case, from a desk outcome, or on its own.
/// </summary>
public sealed class ErrorRecord
{
    public int Id { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedByStaffId { get; set; }
    public StaffMember RecordedBy { get; set; } = null!;

    public int? LocationId { get; set; }
    public Location? Location { get; set; }
    public int? CaseId { get; set; }
    public Case? Case { get; set; }
    public int? VisitOutcomeId { get; set; }
    public VisitOutcome? VisitOutcome { get; set; }

    public required string WhatWentWrong { get; set; }

    /// <summary>The apology as sent to the client, and when; empty when no client was affected.</summary>
    public string? Apology { get; set; }
    public DateTime? ApologySentAtUtc { get; set; }

    public required string CorrectiveAction { get; set; }
    public required string ResponsibleStaffId { get; set; }
    public StaffMember Responsible { get; set; } = null!;
    public DateOnly DueOn { get; set; }

    public DateTime? DoneAtUtc { get; set; }
    public string? DoneNote { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOverdueOn(DateOnly today) => DoneAtUtc is null && today > DueOn;

    public void MarkDone(string note, DateTime nowUtc)
    {
        if (DoneAtUtc is not null)
        {
            throw new InvalidOperationException($"Error record {Id} is already done.");
        }

        DoneNote = string.IsNullOrWhiteSpace(note) ? throw new ArgumentException("Say what was done.", nameof(note)) : note.Trim();
        DoneAtUtc = nowUtc;
    }
}

internal sealed class ErrorRecordConfiguration : IEntityTypeConfiguration<ErrorRecord>
{
    public void Configure(EntityTypeBuilder<ErrorRecord> record)
    {
        record.Property(r => r.WhatWentWrong).HasMaxLength(2000);
        record.Property(r => r.Apology).HasMaxLength(4000);
        record.Property(r => r.CorrectiveAction).HasMaxLength(2000);
        record.Property(r => r.DoneNote).HasMaxLength(1000);
        record.Property(r => r.RecordedByStaffId).HasMaxLength(450);
        record.Property(r => r.ResponsibleStaffId).HasMaxLength(450);
        record.Property(r => r.Version).IsConcurrencyToken();
        record.HasOne(r => r.RecordedBy).WithMany().HasForeignKey(r => r.RecordedByStaffId).OnDelete(DeleteBehavior.Restrict);
        record.HasOne(r => r.Responsible).WithMany().HasForeignKey(r => r.ResponsibleStaffId).OnDelete(DeleteBehavior.Restrict);
        record.HasOne(r => r.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        record.HasOne(r => r.Case).WithMany().OnDelete(DeleteBehavior.Restrict);
        record.HasOne(r => r.VisitOutcome).WithMany().OnDelete(DeleteBehavior.Restrict);
        record.HasIndex(r => r.DueOn);
        record.ToTable(t => t.HasCheckConstraint("CK_ErrorRecords_DoneHasNote",
            "\"DoneAtUtc\" IS NULL OR (\"DoneNote\" IS NOT NULL AND length(trim(\"DoneNote\")) > 0)"));
    }
}
