namespace ClientDesk.Feedback.Surveys;

/// <summary>One question as the survey page draws it: <paramref name="Scale"/> is "Overall" (satisfied…) or "Agree" (disagree…).</summary>
public sealed record ScaleQuestion(string Field, string Legend, string Scale, bool Required, string? Chosen, string? Error);
