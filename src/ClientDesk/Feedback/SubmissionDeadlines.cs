using ClientDesk.Calendar;

namespace ClientDesk.Feedback;

/// <summary>
/// One version of the Law on Submissions' deadlines (L-3), in force for submissions received from
/// <see cref="ReceivedFrom"/> until the next version. A term is either whole working days or whole months.
/// </summary>
/// <param name="Code">Names the version on the case, so a case keeps the rule it was received under.</param>
/// <param name="AnswerWorkingDays">The ordinary term in working days; 0 when it is <paramref name="AnswerMonths"/>.</param>
/// <param name="ExtendedMonths">The longest term when the answer needs extra information (with a notice to the submitter).</param>
/// <param name="ForwardWorkingDays">Forwarding to the competent institution.</param>
public sealed record SubmissionDeadlineRule(
    string Code, DateOnly ReceivedFrom, int AnswerWorkingDays, int AnswerMonths, int ExtendedMonths, int ForwardWorkingDays);

/// <summary>The deadlines of one submission, fixed on the day it was received.</summary>
public sealed record SubmissionDeadlines(string RuleCode, DateOnly AnswerBy, DateOnly ExtendedAnswerBy, DateOnly ForwardBy);

/// <summary>
/// The deadlines a submission received on a given day gets (L-3, ADR 011), counted on the working-day calendar (L-1):
/// the day of receipt is not counted; a term in working days ends on its last working day; a term in months ends on
/// the same date of the later month (the month's last day when there is none) and, when that is not a working day,
/// on the next working day.
/// </summary>
public static class SubmissionLaw
{
    /// <summary>
    /// The versions in force, oldest first (<c>vtua-domain.md</c> §4.1). Until 28 Feb 2026: one month, at most four
    /// months from receipt with notice, forwarding within 7 working days. From 1 Mar 2026: 10 working days, one month
    /// where extra information must be obtained, forwarding within 5 working days. Whether the four-month extension
    /// survives the 2026 amendment is unverified, so the new rule's longest term is the one month the law names.
    /// </summary>
    public static readonly IReadOnlyList<SubmissionDeadlineRule> Rules =
    [
        new("IL-2007", DateOnly.MinValue, AnswerWorkingDays: 0, AnswerMonths: 1, ExtendedMonths: 4, ForwardWorkingDays: 7),
        new("IL-2026", new DateOnly(2026, 3, 1), AnswerWorkingDays: 10, AnswerMonths: 0, ExtendedMonths: 1, ForwardWorkingDays: 5),
    ];

    /// <summary>The version in force on <paramref name="receivedOn"/>.</summary>
    public static SubmissionDeadlineRule RuleFor(DateOnly receivedOn) => Rules.Last(r => r.ReceivedFrom <= receivedOn);

    /// <summary>The deadlines of a submission received on <paramref name="receivedOn"/> (a Riga local date).</summary>
    public static SubmissionDeadlines DeadlinesFor(DateOnly receivedOn, WorkingCalendar calendar)
    {
        var rule = RuleFor(receivedOn);
        var answerBy = rule.AnswerWorkingDays > 0
            ? calendar.AddWorkingDays(receivedOn, rule.AnswerWorkingDays)
            : MonthsLater(receivedOn, rule.AnswerMonths, calendar);
        return new SubmissionDeadlines(
            rule.Code,
            answerBy,
            MonthsLater(receivedOn, rule.ExtendedMonths, calendar),
            calendar.AddWorkingDays(receivedOn, rule.ForwardWorkingDays));
    }

    private static DateOnly MonthsLater(DateOnly receivedOn, int months, WorkingCalendar calendar)
    {
        var day = receivedOn.AddMonths(months);
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
