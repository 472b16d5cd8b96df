namespace ClientDesk.Home;

/// <summary>A situation a client is in, in plain words (a HomeTexts key), and the services that answer it.</summary>
internal sealed record Need(string TextKey, string[] ServiceCodes, string? HintKey = null);

/// <summary>
/// "Consult first" (VAL-4): the home page starts from the client's need, not from our list of services.
/// A code that is no longer an active service is left out; a need left without services is not shown.
/// </summary>
internal static class Needs
{
    public static readonly IReadOnlyList<Need> All =
    [
        new("Need.NewMachine", ["registration"]),
        new("Need.UsedMachine", ["re-registration"]),
        new("Need.Inspection", ["technical-inspection"], "Need.InspectionHint"),
        new("Need.DriverLicence", ["theory-exam-traffic", "theory-exam-safety", "practical-exam", "licence-issue"], "Need.DriverLicenceHint"),
        new("Need.LicenceChange", ["licence-replacement"]),
        new("Need.Sprayer", ["aal-inspection"]),
        new("Need.Scrapping", ["deregistration"]),
        new("Need.Statement", ["register-statement"]),
        new("Need.Pledge", ["pledge-mark"]),
        new("Need.Dealer", ["dealer-registration"]),
        new("Need.DrivingSchool", ["training-card"]),
    ];
}
