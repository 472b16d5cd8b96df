using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Officer;

/// <summary>One line of the case's history as the page shows it.</summary>
public sealed record HistoryLine(CaseEntryKind Kind, DateTime AtUtc, string? By, string? Text);

/// <summary>An attachment as listed (the bytes are fetched only on download).</summary>
public sealed record AttachmentLine(int Id, string FileName, string ContentType, long Length);

/// <summary>
/// A case and the officer's work on it: every fact, the attachments, the history with internal notes marked, and one
/// handler per step — assign, start, note, extend, forward, escalate, answer, close. Each step calls the case's own
/// method, checks the form's <see cref="Case.Version"/> (a stale form changes nothing and says so), writes the
/// submitter's message to the outbox in the same save, and redirects back (Post/Redirect/Get).
/// </summary>
[Authorize(Policy = Policies.Cases)]
public sealed class CaseModel(ClientDeskDb db, CaseAccess access, CaseNotices notices, TimeProvider clock, IStringLocalizer<OfficerTexts> o)
    : PageModel
{
    public const int NoteLength = 4000;
    public const int ReasonLength = 1000;
    public const int AnswerLength = 8000;

    [TempData(Key = "Case.Success")]
    public string? Success { get; set; }

    [TempData(Key = "Case.Failure")]
    public string? Failure { get; set; }

    public Case Current { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public Deadline Deadline { get; private set; } = null!;
    public DateOnly? ExtendableTo { get; private set; }
    public string? AssignedOfficer { get; private set; }
    public string? EscalatedToName { get; private set; }
    public string? ConcernsStaff { get; private set; }
    public string? LocationName { get; private set; }
    public string? ServiceName { get; private set; }
    public string? InstitutionName { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public IReadOnlyList<AttachmentLine> Files { get; private set; } = [];
    public IReadOnlyList<StaffChoice> CaseOfficers { get; private set; } = [];
    public IReadOnlyList<StaffChoice> EscalationChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Institutions { get; private set; } = [];
    public IReadOnlyList<ReplyChannel> AnswerChannels { get; private set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? OfficerId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? ExtensionReason { get; set; }

    [BindProperty]
    public int? InstitutionId { get; set; }

    [BindProperty]
    public string? ForwardNote { get; set; }

    [BindProperty]
    public string? OfficialId { get; set; }

    [BindProperty]
    public string? EscalationReason { get; set; }

    [BindProperty]
    public ReplyChannel? AnswerChannel { get; set; }

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public string? ClosingNote { get; set; }

    public bool CanStart => Current.Status == CaseStatus.Assigned;

    public bool CanExtend => Current.IsOpen && !Current.IsInformationOnly && Current.AnswerBy is not null && Current.ExtendedAnswerBy is null;

    public bool CanAnswer => Current.Status is CaseStatus.Assigned or CaseStatus.InProgress && !Current.IsInformationOnly && AnswerChannels.Count > 0;

    public bool CanClose => Current.Status == CaseStatus.Answered || (Current.IsOpen && (Current.IsInformationOnly || Current.Kind == CaseKind.Praise));

    public bool NoticeByEmail => CaseNotices.NoticeByEmail(Current);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var @case = await access.FindAsync(User, number, ct);
        if (@case is null)
        {
            return NotFound();
        }

        await ShowAsync(@case, ct);
        return Page();
    }

    /// <summary>An attachment, only to those who may see the case; always downloaded, never shown inline.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(string number, int attachmentId, CancellationToken ct)
    {
        var @case = await access.FindAsync(User, number, ct);
        var file = @case is null ? null : await db.CaseAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.CaseId == @case.Id && a.Content != null)
            .Select(a => new { a.FileName, a.ContentType, a.Content })
            .SingleOrDefaultAsync(ct);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers["X-Content-Type-Options"] = "nosniff";
        return File(file.Content!, string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostAssignAsync(string number, CancellationToken ct) => StepAsync(number, async (c, me, now) =>
    {
        var officer = (await Officials.CaseOfficersAsync(db, ct)).FirstOrDefault(s => s.Id == OfficerId);
        if (officer is null)
        {
            ModelState.AddModelError(nameof(OfficerId), o["Assign.ChooseOfficer"]);
            return null;
        }

        c.Assign(officer.Id, me, now);
        return o["Assign.Done", c.Number, officer.Name];
    }, ct);

    public Task<IActionResult> OnPostTakeAsync(string number, CancellationToken ct) => StepAsync(number, (c, me, now) =>
    {
        c.Assign(me, me, now);
        return Task.FromResult<string?>(o["Assign.Taken", c.Number]);
    }, ct);

    public Task<IActionResult> OnPostStartAsync(string number, CancellationToken ct) => StepAsync(number, (c, me, now) =>
    {
        if (c.Status != CaseStatus.Assigned)
        {
            throw new InvalidOperationException();
        }

        c.Start(me, now);
        return Task.FromResult<string?>(o["Start.Done", c.Number]);
    }, ct);

    public Task<IActionResult> OnPostNoteAsync(string number, CancellationToken ct) => StepAsync(number, (c, me, now) =>
    {
        if (!Required(nameof(Note), Note, NoteLength, "Note.Required", "Note.Label"))
        {
            return Task.FromResult<string?>(null);
        }

        c.AddNote(Note!, me, now);
        return Task.FromResult<string?>(o["Note.Done"]);
    }, ct);

    public Task<IActionResult> OnPostExtendAsync(string number, CancellationToken ct) => StepAsync(number, async (c, me, now) =>
    {
        if (!c.IsOpen || c.IsInformationOnly || c.AnswerBy is null || c.ExtendedAnswerBy is not null)
        {
            Failure = c.ExtendedAnswerBy is not null ? o["Extend.AlreadyExtended", c.Number] : o["Extend.NotPossible", c.Number];
            return null;
        }

        if (!Required(nameof(ExtensionReason), ExtensionReason, ReasonLength, "Extend.ReasonRequired", "Extend.Reason"))
        {
            return null;
        }

        var calendar = await CalendarSource.LoadAsync(db, ct);
        c.Extend(SubmissionLaw.DeadlinesFor(c.ReceivedOn, calendar).ExtendedAnswerBy, ExtensionReason!, me, now);
        var told = await TellSubmitterAsync(c, LetterKind.Extension, CaseNotices.ExtendedKind, me, now, ct);
        return o[told ? "Extend.DoneEmailed" : "Extend.DonePrint", c.Number, OfficerFormat.Date(c.ExtendedAnswerBy!.Value)];
    }, ct);

    public Task<IActionResult> OnPostForwardAsync(string number, CancellationToken ct) => StepAsync(number, async (c, me, now) =>
    {
        var institution = InstitutionId is { } id
            ? await db.ReferralInstitutions.AsNoTracking().Where(i => i.Id == id && i.IsActive).Select(i => new { i.Id, i.NameLv }).SingleOrDefaultAsync(ct)
            : null;
        if (institution is null)
        {
            ModelState.AddModelError(nameof(InstitutionId), o["Forward.ChooseInstitution"]);
        }

        if (!Required(nameof(ForwardNote), ForwardNote, ReasonLength, "Forward.NoteRequired", "Forward.Note") || institution is null)
        {
            return null;
        }

        c.Forward(institution.Id, ForwardNote!, me, now);
        var told = await TellSubmitterAsync(c, LetterKind.Forwarding, CaseNotices.ForwardedKind, me, now, ct);
        return o[told ? "Forward.DoneEmailed" : "Forward.DonePrint", c.Number, institution.NameLv];
    }, ct);

    public Task<IActionResult> OnPostEscalateAsync(string number, CancellationToken ct) => StepAsync(number, async (c, me, now) =>
    {
        var choices = await Officials.EscalationChoicesAsync(db, c.LocationId, c.EscalatedTo, ct);
        if (choices.Count == 0)
        {
            Failure = o["Escalate.NoOfficials", c.Number];
            return null;
        }

        var official = choices.FirstOrDefault(s => s.Id == OfficialId);
        if (official is null)
        {
            ModelState.AddModelError(nameof(OfficialId), o["Escalate.ChooseOfficial"]);
        }

        if (!Required(nameof(EscalationReason), EscalationReason, ReasonLength, "Escalate.ReasonRequired", "Escalate.Reason") || official is null)
        {
            return null;
        }

        c.Escalate(official.Level, official.Id, EscalationReason!, me, now);
        return o["Escalate.Done", c.Number, official.Name];
    }, ct);

    public Task<IActionResult> OnPostAnswerAsync(string number, CancellationToken ct) => StepAsync(number, async (c, me, now) =>
    {
        if (c.Status is not (CaseStatus.Assigned or CaseStatus.InProgress) || c.IsInformationOnly)
        {
            Failure = c.IsInformationOnly ? o["Answer.NotOwed", c.Number] : o["Answer.NotAssigned", c.Number, o["Status." + c.Status]];
            return null;
        }

        var channels = ChannelsFor(c);
        if (AnswerChannel is not { } channel || !channels.Contains(channel))
        {
            ModelState.AddModelError(nameof(AnswerChannel), o["Answer.ChooseChannel"]);
        }

        if (!Required(nameof(AnswerText), AnswerText, AnswerLength, "Answer.TextRequired", "Answer.Text") || !ModelState.IsValid)
        {
            return null;
        }

        var today = RigaTime.Today(clock);
        DateOnly? delivered = AnswerChannel switch
        {
            ReplyChannel.Email => today,
            ReplyChannel.EAddress => (await CalendarSource.LoadAsync(db, ct)).AddWorkingDays(today, 2),
            _ => null,
        };
        c.Answer(AnswerChannel!.Value, AnswerText!, delivered, me, now);
        if (AnswerChannel == ReplyChannel.Email)
        {
            var (name, position) = await StaffAsync(me, ct);
            notices.Email(c, CaseNotices.AnswerKind, CaseNotices.Letter(c, LetterKind.Answer, name, position, null, null), now);
            return o["Answer.DoneEmail", c.Number, c.Email ?? ""];
        }

        return AnswerChannel == ReplyChannel.Post
            ? o["Answer.DonePost", c.Number]
            : o["Answer.DoneEAddress", c.Number, OfficerFormat.Date(delivered!.Value)];
    }, ct);

    public Task<IActionResult> OnPostCloseAsync(string number, CancellationToken ct) => StepAsync(number, (c, me, now) =>
    {
        var withoutAnswer = c.Status != CaseStatus.Answered;
        if (withoutAnswer && !(c.IsOpen && (c.IsInformationOnly || c.Kind == CaseKind.Praise)))
        {
            Failure = o["Close.AnswerFirst", c.Number];
            return Task.FromResult<string?>(null);
        }

        if (withoutAnswer && string.IsNullOrWhiteSpace(ClosingNote))
        {
            ModelState.AddModelError(nameof(ClosingNote), o["Close.NoteRequired"]);
            return Task.FromResult<string?>(null);
        }

        if (ClosingNote?.Trim().Length > ReasonLength)
        {
            ModelState.AddModelError(nameof(ClosingNote), o["Common.TooLong", o["Close.Note"], ReasonLength]);
            return Task.FromResult<string?>(null);
        }

        c.Close(ClosingNote, me, now);
        return Task.FromResult<string?>(o["Close.Done", c.Number]);
    }, ct);

    /// <summary>The channels an answer can go by: only the e-address when the submitter chose it (L-8); else those with an address.</summary>
    public static IReadOnlyList<ReplyChannel> ChannelsFor(Case c)
    {
        if (c.PreferredReply == ReplyChannel.EAddress && !string.IsNullOrWhiteSpace(c.EAddress))
        {
            return [ReplyChannel.EAddress];
        }

        var channels = new List<ReplyChannel>();
        if (Booking.ClientIdentity.Email(c.Email) is not null)
        {
            channels.Add(ReplyChannel.Email);
        }

        if (!string.IsNullOrWhiteSpace(c.PostalAddress))
        {
            channels.Add(ReplyChannel.Post);
        }

        if (!string.IsNullOrWhiteSpace(c.EAddress))
        {
            channels.Add(ReplyChannel.EAddress);
        }

        return channels;
    }

    /// <summary>
    /// The frame of every step: the case if the member may see it, the form's version against the case's, the step,
    /// then one save of the case and its messages. A step returns its success message, or null after putting its
    /// reason in ModelState (the page is shown again with what was typed) or in <see cref="Failure"/> (back to the page).
    /// </summary>
    private async Task<IActionResult> StepAsync(string number, Func<Case, string, DateTime, Task<string?>> step, CancellationToken ct)
    {
        var @case = await access.FindAsync(User, number, ct);
        if (@case is null)
        {
            return NotFound();
        }

        var url = $"/staff/cases/{@case.Number}";
        if (@case.Version != Version)
        {
            ModelState.Clear();
            ModelState.AddModelError("", o["Case.Stale"]);
            await ShowAsync(@case, ct);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync(@case, ct);
            return Page();
        }

        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        string? done;
        try
        {
            done = await step(@case, me, clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            Failure = o["Case.NotPossible", @case.Number, o["Status." + @case.Status]];
            return Redirect(url);
        }

        if (done is null)
        {
            if (Failure is not null)
            {
                return Redirect(url);
            }

            db.ChangeTracker.Clear();
            await ShowAsync((await access.FindAsync(User, number, ct))!, ct);
            return Page();
        }

        @case.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Failure = o["Case.Stale"];
            return Redirect(url);
        }

        Success = done;

        // Handed to someone whose case it now is (escalated above, assigned elsewhere): back to the list if it is out of reach.
        db.ChangeTracker.Clear();
        return Redirect(await access.FindAsync(User, number, ct) is null ? "/staff/cases" : url);
    }

    /// <summary>Writes the extension or forwarding notice by e-mail when the submitter can have it so; else the officer prints it.</summary>
    private async Task<bool> TellSubmitterAsync(Case c, LetterKind kind, string messageKind, string me, DateTime now, CancellationToken ct)
    {
        if (!CaseNotices.NoticeByEmail(c))
        {
            return false;
        }

        var (name, position) = await StaffAsync(me, ct);
        string? institution = null, contact = null;
        if (kind == LetterKind.Forwarding && c.ForwardedToInstitutionId is { } id)
        {
            var i = await db.ReferralInstitutions.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            (institution, contact) = (c.Language == "en" ? i.NameEn : i.NameLv, Contact(i));
        }

        notices.Email(c, messageKind, CaseNotices.Letter(c, kind, name, position, institution, contact), now);
        c.Log(CaseEntryKind.SubmitterTold, me, now, kind + ": " + c.Email);
        return true;
    }

    internal static string Contact(Catalogue.ReferralInstitution i) =>
        string.Join(", ", new[] { i.Address, i.Phone, i.Email, i.Website }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private async Task<(string Name, string Position)> StaffAsync(string id, CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.FirstName, u.LastName, u.PositionLv }).SingleAsync(ct);
        return (staff.FirstName + " " + staff.LastName, staff.PositionLv);
    }

    private bool Required(string field, string? value, int max, string requiredKey, string labelKey)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, o[requiredKey]);
            return false;
        }

        if (value.Trim().Length > max)
        {
            ModelState.AddModelError(field, o["Common.TooLong", o[labelKey], max]);
            return false;
        }

        return true;
    }

    private async Task ShowAsync(Case @case, CancellationToken ct)
    {
        Current = @case;
        Today = RigaTime.Today(clock);
        var calendar = await CalendarSource.LoadAsync(db, ct);
        Deadline = Deadline.For(@case.DueOn, @case.IsOpen, Today, calendar);
        ExtendableTo = @case.IsInformationOnly ? null : SubmissionLaw.DeadlinesFor(@case.ReceivedOn, calendar).ExtendedAnswerBy;

        var staffIds = new[] { @case.AssignedOfficerId, @case.EscalatedToStaffId, @case.ConcernsStaffId }.OfType<string>().ToList();
        var entries = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == @case.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        staffIds.AddRange(entries.Select(e => e.ByStaffId).OfType<string>());
        staffIds.AddRange(entries.Where(e => e.Kind == CaseEntryKind.Assigned).Select(e => e.Text).OfType<string>());
        var names = await Booking.Desk.Desk.StaffNamesAsync(db, staffIds, ct);
        string? Name(string? id) => id is null ? null : names.GetValueOrDefault(id, id);

        AssignedOfficer = Name(@case.AssignedOfficerId);
        EscalatedToName = Name(@case.EscalatedToStaffId);
        ConcernsStaff = Name(@case.ConcernsStaffId);
        History = [.. entries.Select(e => new HistoryLine(e.Kind, e.AtUtc, Name(e.ByStaffId), e.Kind == CaseEntryKind.Assigned ? Name(e.Text) : e.Text))];
        Files = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == @case.Id && a.Content != null)
            .OrderBy(a => a.Id).Select(a => new AttachmentLine(a.Id, a.FileName, a.ContentType, a.Length)).ToListAsync(ct);

        LocationName = @case.LocationId is { } locationId
            ? await db.Locations.AsNoTracking().Where(l => l.Id == locationId).Select(l => Localization.Pick(l.NameLv, l.NameEn)).SingleOrDefaultAsync(ct)
            : null;
        ServiceName = @case.ServiceId is { } serviceId
            ? await db.Services.AsNoTracking().Where(s => s.Id == serviceId).Select(s => Localization.Pick(s.NameLv, s.NameEn)).SingleOrDefaultAsync(ct)
            : null;
        InstitutionName = @case.ForwardedToInstitutionId is { } institutionId
            ? await db.ReferralInstitutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => Localization.Pick(i.NameLv, i.NameEn)).SingleOrDefaultAsync(ct)
            : null;

        CaseOfficers = await Officials.CaseOfficersAsync(db, ct);
        EscalationChoices = @case.IsOpen ? await Officials.EscalationChoicesAsync(db, @case.LocationId, @case.EscalatedTo, ct) : [];
        var institutions = await db.ReferralInstitutions.AsNoTracking().Where(i => i.IsActive).Select(i => new { i.Id, i.NameLv, i.NameEn }).ToListAsync(ct);
        Institutions = [.. institutions.Select(i => (i.Id, Localization.Pick(i.NameLv, i.NameEn))).OrderBy(i => i.Item2, StringComparer.CurrentCulture)];
        AnswerChannels = ChannelsFor(@case);
        AnswerChannel ??= AnswerChannels.Contains(@case.PreferredReply) ? @case.PreferredReply : AnswerChannels.FirstOrDefault();
    }
}
