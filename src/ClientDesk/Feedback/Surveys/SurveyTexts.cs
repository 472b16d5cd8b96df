namespace ClientDesk.Feedback.Surveys;

/// <summary>Texts of the survey, its messages and the case a low score opens: Latvian in SurveyTexts.resx, English in SurveyTexts.en.resx.</summary>
public sealed class SurveyTexts;
