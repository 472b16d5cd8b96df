using System.Globalization;
using ClientDesk.Calendar;
using ClientDesk.Feedback;
using ClientDesk.Tests.Calendar;

namespace ClientDesk.Tests.Feedback;

/// <summary>L-3's deadlines by the day received, on the working-day calendar with its holidays and moved days (ADR 011).</summary>
public sealed class SubmissionDeadlineTests
{
    private static readonly WorkingCalendar Cal = KnownSpecialDays.Calendar;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    // received,   rule,      answer by,    extended by,  forward by       why
    // New rule (from 1 Mar 2026): 10 working days, one month with extra information, forwarding in 5 working days.
    [InlineData("2026-03-02", "IL-2026", "2026-03-16", "2026-04-02", "2026-03-09")] // an ordinary Monday
    [InlineData("2026-03-01", "IL-2026", "2026-03-13", "2026-04-01", "2026-03-06")] // the first day of the new rule, a Sunday
    [InlineData("2026-03-31", "IL-2026", "2026-04-16", "2026-04-30", "2026-04-09")] // over Good Friday and Easter Monday
    [InlineData("2026-04-29", "IL-2026", "2026-05-15", "2026-05-29", "2026-05-08")] // over 1 May (Fri) and 4 May (Mon)
    [InlineData("2026-11-18", "IL-2026", "2026-12-02", "2026-12-18", "2026-11-25")] // received on a public holiday
    [InlineData("2026-12-21", "IL-2026", "2027-01-08", "2027-01-21", "2026-12-30")] // over Christmas, New Year's Eve and the year end
    [InlineData("2028-11-16", "IL-2026", "2028-12-01", "2028-12-18", "2028-11-24")] // 18 Nov 2028 is a Saturday: Monday the 20th is off
    [InlineData("2026-05-29", "IL-2026", "2026-06-12", "2026-06-29", "2026-06-05")] // the longer term ends on a Monday
    [InlineData("2026-05-31", "IL-2026", "2026-06-12", "2026-06-30", "2026-06-05")] // no 31 June: the month's last day, 30 June
    // Old rule (received before 1 Mar 2026): one month, at most four months, forwarding in 7 working days.
    [InlineData("2026-02-28", "IL-2007", "2026-03-30", "2026-06-29", "2026-03-10")] // the last day of the old rule; 28 Mar is a Saturday
    [InlineData("2026-01-31", "IL-2007", "2026-03-02", "2026-06-01", "2026-02-10")] // no 31 Feb; 28 Feb 2026 is a Saturday
    [InlineData("2025-12-30", "IL-2007", "2026-01-30", "2026-04-30", "2026-01-13")] // over 31 Dec, 1 Jan and the moved day off of 2 Jan 2026
    [InlineData("2025-04-29", "IL-2007", "2025-05-29", "2025-08-29", "2025-05-12")] // 2 May 2025 moved to Saturday 10 May, which is worked; 4 May a Sunday, so 5 May off
    [InlineData("2025-06-20", "IL-2007", "2025-07-21", "2025-10-20", "2025-07-03")] // over Midsummer; 20 Jul 2025 is a Sunday
    public void A_submission_gets_the_deadlines_of_the_law_in_force_on_the_day_it_was_received(
        string received, string rule, string answerBy, string extendedBy, string forwardBy)
    {
        var deadlines = SubmissionLaw.DeadlinesFor(D(received), Cal);

        Assert.Equal(new SubmissionDeadlines(rule, D(answerBy), D(extendedBy), D(forwardBy)), deadlines);
    }

    [Fact]
    public void Every_term_ends_on_a_working_day_for_every_day_of_receipt_over_three_years()
    {
        for (var day = D("2025-01-01"); day <= D("2027-12-31"); day = day.AddDays(1))
        {
            var deadlines = SubmissionLaw.DeadlinesFor(day, Cal);

            Assert.True(Cal.IsWorkingDay(deadlines.AnswerBy), $"{day}: answer by {deadlines.AnswerBy}");
            Assert.True(Cal.IsWorkingDay(deadlines.ExtendedAnswerBy), $"{day}: extended {deadlines.ExtendedAnswerBy}");
            Assert.True(Cal.IsWorkingDay(deadlines.ForwardBy), $"{day}: forward by {deadlines.ForwardBy}");
            Assert.True(deadlines.ForwardBy < deadlines.AnswerBy && deadlines.AnswerBy <= deadlines.ExtendedAnswerBy, day.ToString());
            if (deadlines.RuleCode == "IL-2026")
            {
                Assert.Equal(10, Cal.CountWorkingDays(day, deadlines.AnswerBy));
                Assert.Equal(5, Cal.CountWorkingDays(day, deadlines.ForwardBy));
            }
            else
            {
                Assert.Equal(7, Cal.CountWorkingDays(day, deadlines.ForwardBy));
            }
        }
    }

    [Theory]
    [InlineData("2026-02-28", "IL-2007")]
    [InlineData("2026-03-01", "IL-2026")]
    [InlineData("2007-01-01", "IL-2007")]
    public void The_rule_changes_for_submissions_received_from_1_March_2026(string received, string rule) =>
        Assert.Equal(rule, SubmissionLaw.RuleFor(D(received)).Code);
}
