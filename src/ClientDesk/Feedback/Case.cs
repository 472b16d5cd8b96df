using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Catalogue;
using ClientDesk.Queue;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Feedback;

public enum CaseKind
{
    Complaint = 0,
    Praise = 1,
    Suggestion = 2,
    Question = 3,

    /// <summary>A report of an employee's improper conduct (CH-7).</summary>
    ImproperConduct = 4,

    /// <summary>A problem with the agency's websites or this system; goes to IT support (CH-4).</summary>
    ItProblem = 5,
}

/// <summary>How the submission reached the agency (K-5: every channel of the standard).</summary>
public enum CaseChannel
{
    WebForm = 0,
    Phone = 1,
    Post = 2,
    Email = 3,
    EAddress = 4,
    EServicePortal = 5,

    /// <summary>The 24-hour trust line's answering machine (CH-7): the recording attached, the message written down.</summary>
    TrustLine = 6,
    InPerson = 7,

    /// <summary>Opened by a low survey score from a client who agreed to be contacted (K-4).</summary>
    Survey = 8,
}

public enum CaseStatus
{
    Registered = 0,
    Assigned = 1,
    InProgress = 2,
    Answered = 3,
    Closed = 4,

    /// <summary>Outside the agency's competence: sent on to the competent institution, and the submitter told.</summary>
    Forwarded = 5,
}

/// <summary>How the submitter wants the answer. An answer to an activated e-address goes only there (L-8).</summary>
public enum ReplyChannel
{
    None = 0,
    Email = 1,
    Post = 2,
    EAddress = 3,
}

/// <summary>The official above, to whom a client may take the matter (C-5).</summary>
public enum EscalationLevel
{
    None = 0,
    RegionalHead = 1,
    Director = 2,
}

/// <summary>
/// A submission — complaint, praise, suggestion, question, report of improper conduct or IT problem — from any channel,
/// with the deadlines of the law in force on the day it was received (L-3, ADR 011). The case guards its workflow:
/// registered → assigned → in progress → answered → closed, or forwarded; an invalid step throws. Every step writes a
/// <see cref="CaseEntry"/>. The submitter's data are marked <see cref="PersonalDataAttribute"/>: the audit trail records
/// that they changed, never their values, and the retention clean-up removes them (L-5).
/// </summary>
public sealed class Case
{
    public int Id { get; set; }

    /// <summary>The year of receipt and the case's place in that year; together the number the client is told.</summary>
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number => FormatNumber(Year, Sequence);

    public CaseKind Kind { get; set; }
    public CaseChannel Channel { get; set; }
    public CaseStatus Status { get; private set; }
    public string Language { get; set; } = "lv";

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>The Riga date of receipt: it decides the rule in force and starts the count.</summary>
    public DateOnly ReceivedOn { get; set; }

    // What it concerns.
    public int? LocationId { get; set; }
    public Location? Location { get; set; }
    public int? ServiceId { get; set; }
    public Service? Service { get; set; }
    public string? ConcernsStaffId { get; set; }
    public StaffMember? ConcernsStaff { get; set; }

    /// <summary>How the submitter described the employee when no member could be named ("the inspector at Jelgava").</summary>
    [PersonalData]
    public string? ConcernsStaffDescription { get; set; }
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public int? TicketId { get; set; }
    public Ticket? Ticket { get; set; }

    // The submitter.
    [PersonalData]
    public string? SubmitterName { get; set; }
    [PersonalData]
    public string? Email { get; set; }
    [PersonalData]
    public string? Phone { get; set; }
    [PersonalData]
    public string? PostalAddress { get; set; }

    /// <summary>The submitter's e-address identifier, when they asked for the answer there.</summary>
    [PersonalData]
    public string? EAddress { get; set; }
    public ReplyChannel PreferredReply { get; set; }

    /// <summary>No name or no way to reply: accepted as information, with no answer owed and no deadline.</summary>
    public bool IsInformationOnly { get; set; }

    public string Subject { get; set; } = "";
    [PersonalData]
    public required string Text { get; set; }

    // Deadlines (L-3), fixed at receipt by the rule then in force.
    public string? DeadlineRule { get; set; }
    public DateOnly? AnswerBy { get; set; }
    public DateOnly? ForwardBy { get; set; }

    /// <summary>Set when the answer needs extra information: the longer term, why, and when the submitter was told.</summary>
    public DateOnly? ExtendedAnswerBy { get; set; }
    public string? ExtensionReason { get; set; }
    public DateTime? ExtendedAtUtc { get; set; }

    /// <summary>The deadline the case must meet now: the extended one if it was extended.</summary>
    public DateOnly? DueOn => ExtendedAnswerBy ?? AnswerBy;

    public string? AssignedOfficerId { get; set; }
    public StaffMember? AssignedOfficer { get; set; }

    public EscalationLevel EscalatedTo { get; private set; }
    public string? EscalatedToStaffId { get; set; }
    public StaffMember? EscalatedToStaff { get; set; }
    public DateTime? EscalatedAtUtc { get; set; }

    public int? ForwardedToInstitutionId { get; set; }
    public ReferralInstitution? ForwardedToInstitution { get; set; }
    public DateTime? ForwardedAtUtc { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }
    public ReplyChannel? AnswerChannel { get; set; }
    [PersonalData]
    public string? AnswerText { get; set; }

    /// <summary>When the answer counts as delivered: the day it is e-mailed, the second working day after an e-address sending (L-8); unknown for post.</summary>
    public DateOnly? AnswerDeliveredOn { get; set; }
    public string? AnsweredByStaffId { get; set; }

    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosingNote { get; set; }

    /// <summary>The SHA-256 of the secret the submitter follows the case with; the secret itself is never stored.</summary>
    public string? StatusTokenHash { get; set; }

    /// <summary>The last day the officer was reminded of the deadline, so that the reminder goes once a day at most.</summary>
    public DateOnly? RemindedOn { get; set; }

    /// <summary>Set when the retention clean-up removed the personal data (L-5); the statistics stay.</summary>
    public DateTime? PersonalDataRemovedAtUtc { get; set; }

    public List<CaseEntry> Entries { get; set; } = [];
    public List<CaseAttachment> Attachments { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    public static string FormatNumber(int year, int sequence) => $"{year}-{sequence:00000}";

    public bool IsOpen => Status is CaseStatus.Registered or CaseStatus.Assigned or CaseStatus.InProgress;

    /// <summary>Overdue: still open after its deadline day (a deadline day itself is on time).</summary>
    public bool IsOverdueOn(DateOnly today) => IsOpen && DueOn is { } due && today > due;

    /// <summary>Answered (or forwarded) on time by the deadline that applied; null while open or when no deadline applies.</summary>
    public bool? AnsweredInTime(Func<DateTime, DateOnly> localDate) => Status switch
    {
        CaseStatus.Forwarded when ForwardBy is { } by && ForwardedAtUtc is { } at => localDate(at) <= by,
        CaseStatus.Answered or CaseStatus.Closed when DueOn is { } due && AnsweredAtUtc is { } at => localDate(at) <= due,
        _ => null,
    };

    public void Assign(string officerId, string byStaffId, DateTime nowUtc)
    {
        RequireOpen();
        AssignedOfficerId = officerId;
        if (Status == CaseStatus.Registered)
        {
            Status = CaseStatus.Assigned;
        }

        Log(CaseEntryKind.Assigned, byStaffId, nowUtc, officerId);
    }

    public void Start(string byStaffId, DateTime nowUtc)
    {
        if (Status != CaseStatus.Assigned)
        {
            throw new InvalidOperationException($"Case {Number} is {Status}; only an assigned case is started.");
        }

        Status = CaseStatus.InProgress;
        Log(CaseEntryKind.Started, byStaffId, nowUtc, null);
    }

    public void AddNote(string text, string byStaffId, DateTime nowUtc) => Log(CaseEntryKind.Note, byStaffId, nowUtc, Required(text, nameof(text)));

    /// <summary>The answer needs extra information: the longer term of the rule applies, and the submitter is told why.</summary>
    public void Extend(DateOnly extendedAnswerBy, string reason, string byStaffId, DateTime nowUtc)
    {
        RequireOpen();
        if (IsInformationOnly || AnswerBy is null)
        {
            throw new InvalidOperationException($"Case {Number} owes no answer, so it has no term to extend.");
        }

        if (ExtendedAnswerBy is not null)
        {
            throw new InvalidOperationException($"Case {Number} is already extended.");
        }

        ExtensionReason = Required(reason, nameof(reason));
        ExtendedAnswerBy = extendedAnswerBy;
        ExtendedAtUtc = nowUtc;
        Log(CaseEntryKind.Extended, byStaffId, nowUtc, reason);
    }

    public void Forward(int institutionId, string note, string byStaffId, DateTime nowUtc)
    {
        RequireOpen();
        note = Required(note, nameof(note));
        ForwardedToInstitutionId = institutionId;
        ForwardedAtUtc = nowUtc;
        Status = CaseStatus.Forwarded;
        Log(CaseEntryKind.Forwarded, byStaffId, nowUtc, note);
    }

    /// <summary>At the client's wish, the matter goes to the official above (C-5); the official then sees the case.</summary>
    public void Escalate(EscalationLevel level, string officialId, string reason, string byStaffId, DateTime nowUtc)
    {
        RequireOpen();
        if (level == EscalationLevel.None || level <= EscalatedTo)
        {
            throw new InvalidOperationException($"Case {Number} is already with the {EscalatedTo}; it goes only higher.");
        }

        reason = Required(reason, nameof(reason));
        EscalatedTo = level;
        EscalatedToStaffId = officialId;
        EscalatedAtUtc = nowUtc;
        Log(CaseEntryKind.Escalated, byStaffId, nowUtc, reason);
    }

    public void Answer(ReplyChannel channel, string text, DateOnly? deliveredOn, string byStaffId, DateTime nowUtc)
    {
        if (Status is not (CaseStatus.Assigned or CaseStatus.InProgress))
        {
            throw new InvalidOperationException($"Case {Number} is {Status}; an answer is sent on an assigned case.");
        }

        if (channel == ReplyChannel.None)
        {
            throw new InvalidOperationException("An answer goes by e-mail, post or the e-address.");
        }

        text = Required(text, nameof(text));
        AnswerChannel = channel;
        AnswerText = text;
        AnswerDeliveredOn = deliveredOn;
        AnsweredAtUtc = nowUtc;
        AnsweredByStaffId = byStaffId;
        Status = CaseStatus.Answered;
        Log(CaseEntryKind.Answered, byStaffId, nowUtc, channel.ToString());
    }

    /// <summary>Closes an answered case, or an open one that owes no answer (information only, praise) with why.</summary>
    public void Close(string? note, string byStaffId, DateTime nowUtc)
    {
        if (Status != CaseStatus.Answered && !(IsOpen && (IsInformationOnly || Kind == CaseKind.Praise)))
        {
            throw new InvalidOperationException($"Case {Number} is {Status}; it is closed after its answer.");
        }

        if (Status != CaseStatus.Answered && string.IsNullOrWhiteSpace(note))
        {
            throw new InvalidOperationException($"Case {Number} closes without an answer only with a note saying why.");
        }

        ClosingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ClosedAtUtc = nowUtc;
        Status = CaseStatus.Closed;
        Log(CaseEntryKind.Closed, byStaffId, nowUtc, ClosingNote);
    }

    /// <summary>Removes the submitter's personal data (L-5), keeping what the statistics need.</summary>
    public void RemovePersonalData(DateTime nowUtc)
    {
        SubmitterName = Email = Phone = PostalAddress = EAddress = ConcernsStaffDescription = null;
        Subject = Text = "";
        ExtensionReason = ExtensionReason is null ? null : "—";
        ClosingNote = null;
        AnswerText = AnswerText is null ? null : "";
        StatusTokenHash = null;
        PersonalDataRemovedAtUtc = nowUtc;
        // Notes and the reasons given for steps are free text that may name people; the steps themselves stay.
        foreach (var entry in Entries.Where(e => e.Kind is not (CaseEntryKind.Registered or CaseEntryKind.Assigned or CaseEntryKind.Answered)))
        {
            entry.Text = null;
        }
    }

    internal void Log(CaseEntryKind kind, string? byStaffId, DateTime nowUtc, string? text) =>
        Entries.Add(new CaseEntry { Kind = kind, ByStaffId = byStaffId, AtUtc = nowUtc, Text = text });

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Case {Number} is {Status}, no longer open.");
        }
    }

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A text is required.", name) : value.Trim();
}

public enum CaseEntryKind
{
    Registered = 0,
    Assigned = 1,
    Started = 2,
    Note = 3,
    Extended = 4,
    Forwarded = 5,
    Escalated = 6,
    Answered = 7,
    Closed = 8,

    /// <summary>A message to the submitter other than the answer (receipt, extension notice, forwarding notice).</summary>
    SubmitterTold = 9,

    /// <summary>The officer was reminded of the coming deadline.</summary>
    Reminded = 10,
}

/// <summary>One line of a case's history: a step of the workflow, or an internal note (never shown to the submitter).</summary>
public sealed class CaseEntry
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public CaseEntryKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ByStaffId { get; set; }
    public StaffMember? ByStaff { get; set; }
    [PersonalData]
    public string? Text { get; set; }
}

/// <summary>A file that came with the submission: the form's attachment, a scanned letter, a trust-line recording.</summary>
public sealed class CaseAttachment
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    [PersonalData]
    public byte[]? Content { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public string? AddedByStaffId { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> @case)
    {
        @case.HasIndex(c => new { c.Year, c.Sequence }).IsUnique();
        @case.Ignore(c => c.Number);
        @case.Ignore(c => c.DueOn);
        @case.Ignore(c => c.IsOpen);
        @case.Property(c => c.Status).HasField("<Status>k__BackingField");
        @case.Property(c => c.EscalatedTo).HasField("<EscalatedTo>k__BackingField");
        @case.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.PreferredReply).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.AnswerChannel).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.EscalatedTo).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.Language).HasMaxLength(2);
        @case.Property(c => c.ConcernsStaffDescription).HasMaxLength(300);
        @case.Property(c => c.Email).HasMaxLength(254);
        @case.Property(c => c.Phone).HasMaxLength(30);
        @case.Property(c => c.PostalAddress).HasMaxLength(300);
        @case.Property(c => c.EAddress).HasMaxLength(100);
        @case.Property(c => c.Text).HasMaxLength(8000);
        @case.Property(c => c.AnswerText).HasMaxLength(8000);
        @case.Property(c => c.DeadlineRule).HasMaxLength(20);
        @case.Property(c => c.ExtensionReason).HasMaxLength(1000);
        @case.Property(c => c.ClosingNote).HasMaxLength(1000);
        @case.Property(c => c.StatusTokenHash).HasMaxLength(64);
        @case.Property(c => c.AssignedOfficerId).HasMaxLength(450);
        @case.Property(c => c.EscalatedToStaffId).HasMaxLength(450);
        @case.Property(c => c.ConcernsStaffId).HasMaxLength(450);
        @case.Property(c => c.AnsweredByStaffId).HasMaxLength(450);
        @case.Property(c => c.Version).IsConcurrencyToken();
        @case.HasIndex(c => new { c.Status, c.AnswerBy });
        @case.HasIndex(c => c.AssignedOfficerId);
        @case.HasIndex(c => c.ReceivedAtUtc);
        @case.HasOne(c => c.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        @case.HasOne(c => c.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        @case.HasOne(c => c.Appointment).WithMany().OnDelete(DeleteBehavior.Restrict);
        @case.HasOne(c => c.Ticket).WithMany().OnDelete(DeleteBehavior.Restrict);
        @case.HasOne(c => c.ForwardedToInstitution).WithMany().OnDelete(DeleteBehavior.Restrict);
        @case.HasOne(c => c.ConcernsStaff).WithMany().HasForeignKey(c => c.ConcernsStaffId).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne(c => c.AssignedOfficer).WithMany().HasForeignKey(c => c.AssignedOfficerId).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne(c => c.EscalatedToStaff).WithMany().HasForeignKey(c => c.EscalatedToStaffId).OnDelete(DeleteBehavior.Restrict);
        @case.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.AnsweredByStaffId).OnDelete(DeleteBehavior.Restrict);
        @case.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        @case.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        @case.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Cases_AnsweredHasAnswer",
                "\"Status\" NOT IN ('Answered') OR (\"AnsweredAtUtc\" IS NOT NULL AND \"AnswerText\" IS NOT NULL AND \"AnswerChannel\" IS NOT NULL)");
            t.HasCheckConstraint("CK_Cases_ForwardedHasInstitution",
                "\"Status\" <> 'Forwarded' OR (\"ForwardedToInstitutionId\" IS NOT NULL AND \"ForwardedAtUtc\" IS NOT NULL)");
            t.HasCheckConstraint("CK_Cases_ExtensionHasReason",
                "\"ExtendedAnswerBy\" IS NULL OR (\"ExtensionReason\" IS NOT NULL AND length(trim(\"ExtensionReason\")) > 0)");
            t.HasCheckConstraint("CK_Cases_AnswerOwedHasDeadline",
                "\"IsInformationOnly\" OR (\"AnswerBy\" IS NOT NULL AND \"ForwardBy\" IS NOT NULL)");
        });
    }
}

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> entry)
    {
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Text).HasMaxLength(4000);
        entry.Property(e => e.ByStaffId).HasMaxLength(450);
        entry.HasOne(e => e.ByStaff).WithMany().HasForeignKey(e => e.ByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(200);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.AddedByStaffId).HasMaxLength(450);
        attachment.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.AddedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
