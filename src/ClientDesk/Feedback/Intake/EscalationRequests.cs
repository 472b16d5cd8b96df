namespace ClientDesk.Feedback.Intake;

/// <summary>
/// The submitter's wish that a higher official look at the case (C-5), recorded from the status page as a note with no
/// staff author and this prefix, so that the officer sees it in the case's history. Staff then escalate the case.
/// A note rather than <see cref="CaseEntryKind.SubmitterTold"/>, which is a message to the submitter, not from them.
/// </summary>
public static class EscalationRequests
{
    public const string Prefix = "Iesniedzēja lūgums (C-5):";
    public const int ReasonMaxLength = 1000;

    public static string Text(EscalationLevel level, string? reason)
    {
        var who = level == EscalationLevel.Director ? "direktors" : "reģiona vadītājs";
        var text = $"{Prefix} lai lietu izskata {who}.";
        return string.IsNullOrWhiteSpace(reason) ? text : $"{text} Iesniedzēja vārdiem: {reason.Trim()}";
    }

    /// <summary>The level the submitter asked for in this entry, or None when the entry is no such request.</summary>
    public static EscalationLevel LevelOf(CaseEntry entry) =>
        entry.Kind != CaseEntryKind.Note || entry.ByStaffId is not null || entry.Text is not { } text ? EscalationLevel.None
        : text.StartsWith(Text(EscalationLevel.Director, null), StringComparison.Ordinal) ? EscalationLevel.Director
        : text.StartsWith(Text(EscalationLevel.RegionalHead, null), StringComparison.Ordinal) ? EscalationLevel.RegionalHead
        : EscalationLevel.None;
}
