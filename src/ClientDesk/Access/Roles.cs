namespace ClientDesk.Access;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string ClientServiceSpecialist = "ClientServiceSpecialist";
    public const string Inspector = "Inspector";
    public const string RegionalHead = "RegionalHead";
    public const string Director = "Director";
    public const string CaseOfficer = "CaseOfficer";

    /// <summary>Reviews the gift log (C-8).</summary>
    public const string EthicsOfficer = "EthicsOfficer";

    public static readonly string[] All =
        [Administrator, ClientServiceSpecialist, Inspector, RegionalHead, Director, CaseOfficer, EthicsOfficer];
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string Administration = "Administration";
    public const string BookingDesk = "BookingDesk";

    /// <summary>The queue workstation, its notices and day report: the staff who serve clients at a location's desks.</summary>
    public const string QueueDesk = "QueueDesk";

    /// <summary>Reading and working cases, survey comments and the error register: the people who answer them (L-5).</summary>
    public const string Cases = "Cases";

    /// <summary>Feedback reports: figures without personal data.</summary>
    public const string FeedbackReports = "FeedbackReports";

    /// <summary>Planning on-site visits into inspectors' rounds and recording their outcomes on the road, within the member's regions.</summary>
    public const string OnSitePlanning = "OnSitePlanning";

    /// <summary>Reviewing the gift log (C-8); any staff member records an offer made to them.</summary>
    public const string GiftLog = "GiftLog";

    /// <summary>Entering and importing the stops of the mobile inspection schedule (issue 7).</summary>
    public const string InspectionSchedule = "InspectionSchedule";
}
