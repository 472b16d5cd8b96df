namespace ClientDesk.Feedback;

/// <summary>Settings of the feedback capability (section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    /// <summary>Where IT problems go (CH-4: atbalsts@vtua.gov.lv).</summary>
    public string ItSupportEmail { get; set; } = "atbalsts@vtua.gov.lv";

    /// <summary>The officer is reminded this many working days before a case's deadline, and again on the day.</summary>
    public int ReminderWorkingDaysBefore { get; set; } = 2;

    /// <summary>
    /// How many months after a case is closed (or a survey answered) its personal data are removed (L-5). The agency's
    /// period is not known to this project: it stays empty until the agency sets it, and nothing is removed until then.
    /// </summary>
    public int? RetentionMonths { get; set; }

    /// <summary>A score at or below this (overall or any value) opens a case when the client agreed to be contacted.</summary>
    public int LowScore { get; set; } = 2;

    /// <summary>How long after a completed visit the survey invitation goes out.</summary>
    public TimeSpan SurveyDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a survey link stays open.</summary>
    public TimeSpan SurveyLinkValidFor { get; set; } = TimeSpan.FromDays(14);
}
