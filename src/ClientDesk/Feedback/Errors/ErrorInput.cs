using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Errors;

/// <summary>The error record's form as posted; dates as yyyy-MM-dd text so that a bad one gets our own message.</summary>
public sealed class ErrorInput
{
    public const int WhatLength = 2000;
    public const int ApologyLength = 4000;
    public const int ActionLength = 2000;
    public const int DoneNoteLength = 1000;

    public int? LocationId { get; set; }
    public string? WhatWentWrong { get; set; }

    /// <summary>False when no client was affected: then there is no apology to record.</summary>
    public bool ClientAffected { get; set; } = true;
    public string? Apology { get; set; }
    public string? ApologySentOn { get; set; }
    public string? CorrectiveAction { get; set; }
    public string? ResponsibleStaffId { get; set; }
    public string? DueOn { get; set; }
    public Guid Version { get; set; }

    public static ErrorInput From(ErrorRecord r) => new()
    {
        LocationId = r.LocationId,
        WhatWentWrong = r.WhatWentWrong,
        ClientAffected = r.Apology is not null,
        Apology = r.Apology,
        ApologySentOn = r.ApologySentAtUtc is { } sent ? Desk.Iso(DateOnly.FromDateTime(RigaTime.ToLocal(sent))) : null,
        CorrectiveAction = r.CorrectiveAction,
        ResponsibleStaffId = r.ResponsibleStaffId,
        DueOn = Desk.Iso(r.DueOn),
        Version = r.Version,
    };

    /// <summary>
    /// Checks every field; a message per field in <paramref name="state"/>. A due date in the past is refused, except
    /// the one already stored (editing an overdue record keeps its date). Returns the parsed dates when valid.
    /// </summary>
    public async Task<(DateOnly DueOn, DateOnly? ApologySentOn)?> ValidateAsync(
        ModelStateDictionary state, IReadOnlySet<int>? visibleLocations, ClientDeskDb db, DateOnly today, DateOnly? storedDueOn,
        IStringLocalizer<ErrorTexts> e, CancellationToken ct)
    {
        if (LocationId is not { } location || !Access.StaffScope.CanSee(visibleLocations, location)
            || !await db.Locations.AnyAsync(l => l.Id == location, ct))
        {
            state.AddModelError("Input.LocationId", e["Form.LocationRequired"]);
        }

        Text(state, "Input.WhatWentWrong", WhatWentWrong, WhatLength, e["Form.What"], e);
        Text(state, "Input.CorrectiveAction", CorrectiveAction, ActionLength, e["Form.Action"], e);

        DateOnly? sentOn = null;
        if (ClientAffected)
        {
            Text(state, "Input.Apology", Apology, ApologyLength, e["Form.Apology"], e);
            if (!Desk.TryParseDate(ApologySentOn, out var sent))
            {
                state.AddModelError("Input.ApologySentOn", e["Form.ApologySentOnRequired"]);
            }
            else if (sent > today)
            {
                state.AddModelError("Input.ApologySentOn", e["Form.ApologySentOnFuture"]);
            }
            else
            {
                sentOn = sent;
            }
        }

        var responsible = ResponsibleStaffId?.Trim();
        if (string.IsNullOrEmpty(responsible) || !await db.Users.AnyAsync(u => u.Id == responsible && u.IsActive, ct))
        {
            state.AddModelError("Input.ResponsibleStaffId", e["Form.ResponsibleRequired"]);
        }

        DateOnly due = default;
        if (!Desk.TryParseDate(DueOn, out due))
        {
            state.AddModelError("Input.DueOn", e["Form.DueOnRequired"]);
        }
        else if (due < today && due != storedDueOn)
        {
            state.AddModelError("Input.DueOn", e["Form.DueOnPast"]);
        }

        return state.IsValid ? (due, sentOn) : null;
    }

    public void ApplyTo(ErrorRecord record, DateOnly dueOn, DateOnly? apologySentOn)
    {
        record.LocationId = LocationId;
        record.WhatWentWrong = WhatWentWrong!.Trim();
        record.Apology = ClientAffected ? Apology!.Trim() : null;
        record.ApologySentAtUtc = ClientAffected && apologySentOn is { } sent ? RigaTime.ToInstant(sent, TimeOnly.MinValue).UtcDateTime : null;
        record.CorrectiveAction = CorrectiveAction!.Trim();
        record.ResponsibleStaffId = ResponsibleStaffId!.Trim();
        record.DueOn = dueOn;
    }

    private static void Text(ModelStateDictionary state, string key, string? value, int max, string label, IStringLocalizer<ErrorTexts> e)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            state.AddModelError(key, e["Form.Required", label]);
        }
        else if (value.Trim().Length > max)
        {
            state.AddModelError(key, e["Form.TooLong", label, max]);
        }
    }
}
