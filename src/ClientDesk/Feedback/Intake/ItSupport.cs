namespace ClientDesk.Feedback.Intake;

/// <summary>IT support for the agency's websites and this system (CH-4), as the agency publishes it.</summary>
public static class ItSupport
{
    public const string Email = "atbalsts@vtua.gov.lv";
    public const string Phone = "67027295";
}
