using System.Globalization;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Feedback.Reports;

/// <summary>An average score 1–5 (null when nobody scored it) and how many answers scored it.</summary>
public sealed record ScoreFigure(string Key, double? Average, int Answers);

public sealed record CountFigure(string Key, int Count);

/// <summary>One month of the trend: overall satisfaction, and the share of cases decided that month on time.</summary>
public sealed record MonthTrend(DateOnly Month, double? Satisfaction, int Answers, double? OnTimeShare, int Decided);

/// <summary>The figures of one month at the chosen locations; none of them names a person.</summary>
public sealed record FeedbackFigures(
    DateOnly Month,
    ScoreFigure Overall,
    IReadOnlyList<ScoreFigure> Values,
    int Received,
    IReadOnlyList<CountFigure> ByKind,
    IReadOnlyList<CountFigure> ByChannel,
    int Decided,
    int OnTime,
    double? OnTimeShare,
    int Answered,
    double? AverageWorkingDays,
    int OpenNow,
    int OverdueNow,
    IReadOnlyList<MonthTrend> Trend);

/// <summary>
/// The feedback report (issue 6, K-4, K-5): satisfaction from the survey answers of visits in the month (overall and
/// per value, a value left unscored not counted); cases received in the month by kind and channel; of the cases
/// answered or forwarded in the month, the share on time by the deadline that applied (<see cref="Case.AnsweredInTime"/>,
/// so an extended deadline counts) and the average answer time in working days from receipt; open and overdue today;
/// and a 12-month trend ending with the month. Months and days are Riga's.
/// </summary>
public static class FeedbackReport
{
    public const int TrendMonths = 12;

    public static readonly string[] ValueKeys = ["Professionalism", "Responsibility", "Respect", "Cooperation", "Accessibility", "Simplicity"];

    /// <param name="locationIds">The locations to count; null for all, including cases that concern no location.</param>
    public static async Task<FeedbackFigures> ComputeAsync(ClientDeskDb db, IReadOnlySet<int>? locationIds, DateOnly month, DateOnly today, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var next = first.AddMonths(1);
        var trendStart = first.AddMonths(1 - TrendMonths);
        var ids = locationIds?.ToArray() ?? [];
        var all = locationIds is null;

        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => a.VisitOn >= trendStart && a.VisitOn < next && (all || ids.Contains(a.LocationId)))
            .Select(a => new { a.VisitOn, a.Overall, a.Professionalism, a.Responsibility, a.Respect, a.Cooperation, a.Accessibility, a.Simplicity })
            .ToListAsync(ct);
        var inMonth = answers.Where(a => a.VisitOn >= first).ToList();
        ScoreFigure Score(string key, IEnumerable<int?> scores)
        {
            var given = scores.OfType<int>().ToList();
            return new ScoreFigure(key, given.Count == 0 ? null : given.Average(), given.Count);
        }

        var values = new List<ScoreFigure>
        {
            Score(ValueKeys[0], inMonth.Select(a => a.Professionalism)),
            Score(ValueKeys[1], inMonth.Select(a => a.Responsibility)),
            Score(ValueKeys[2], inMonth.Select(a => a.Respect)),
            Score(ValueKeys[3], inMonth.Select(a => a.Cooperation)),
            Score(ValueKeys[4], inMonth.Select(a => a.Accessibility)),
            Score(ValueKeys[5], inMonth.Select(a => a.Simplicity)),
        };

        var cases = db.Cases.AsNoTracking().Where(c => all || (c.LocationId != null && ids.Contains(c.LocationId.Value)));
        var received = await cases.Where(c => c.ReceivedOn >= first && c.ReceivedOn < next)
            .Select(c => new { c.Kind, c.Channel }).ToListAsync(ct);

        // Decided: answered (the answer's instant) or forwarded (the forwarding's) within the trend's months.
        var fromUtc = RigaTime.ToInstant(trendStart, TimeOnly.MinValue).UtcDateTime;
        var toUtc = RigaTime.ToInstant(next, TimeOnly.MinValue).UtcDateTime;
        var decided = await cases
            .Where(c => (c.AnsweredAtUtc >= fromUtc && c.AnsweredAtUtc < toUtc) || (c.ForwardedAtUtc >= fromUtc && c.ForwardedAtUtc < toUtc))
            .ToListAsync(ct);
        static DateOnly Local(DateTime utc) => DateOnly.FromDateTime(RigaTime.ToLocal(utc));
        var judged = decided
            .Select(c => (Case: c, InTime: c.AnsweredInTime(Local), On: Local(c.Status == CaseStatus.Forwarded ? c.ForwardedAtUtc!.Value : c.AnsweredAtUtc ?? c.ForwardedAtUtc!.Value)))
            .Where(x => x.InTime is not null)
            .ToList();
        var judgedInMonth = judged.Where(x => x.On >= first && x.On < next).ToList();
        var calendar = await CalendarSource.LoadAsync(db, ct);
        var answerDays = judgedInMonth.Where(x => x.Case.Status != CaseStatus.Forwarded)
            .Select(x => calendar.CountWorkingDays(x.Case.ReceivedOn, x.On)).ToList();

        var open = await cases.Where(c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.InProgress)
            .Select(c => new { c.AnswerBy, c.ExtendedAnswerBy }).ToListAsync(ct);

        var trend = Enumerable.Range(0, TrendMonths).Select(i =>
        {
            var start = trendStart.AddMonths(i);
            var end = start.AddMonths(1);
            var monthAnswers = answers.Where(a => a.VisitOn >= start && a.VisitOn < end).ToList();
            var monthJudged = judged.Where(x => x.On >= start && x.On < end).ToList();
            return new MonthTrend(start,
                monthAnswers.Count == 0 ? null : monthAnswers.Average(a => a.Overall), monthAnswers.Count,
                Share(monthJudged.Count(x => x.InTime == true), monthJudged.Count), monthJudged.Count);
        }).ToList();

        var onTime = judgedInMonth.Count(x => x.InTime == true);
        return new FeedbackFigures(
            first,
            Score("Overall", inMonth.Select(a => (int?)a.Overall)),
            values,
            received.Count,
            [.. Enum.GetValues<CaseKind>().Select(k => new CountFigure(k.ToString(), received.Count(r => r.Kind == k)))],
            [.. Enum.GetValues<CaseChannel>().Select(k => new CountFigure(k.ToString(), received.Count(r => r.Channel == k)))],
            judgedInMonth.Count,
            onTime,
            Share(onTime, judgedInMonth.Count),
            answerDays.Count,
            answerDays.Count == 0 ? null : answerDays.Average(),
            open.Count,
            open.Count(c => (c.ExtendedAnswerBy ?? c.AnswerBy) is { } due && today > due),
            trend);
    }

    /// <summary>A share in per cent, or null when there is nothing to share.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;

    public static bool TryParseMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact((text ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
        && month.Year is >= 2000 and <= 2100;

    public static string IsoMonth(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
