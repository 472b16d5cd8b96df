namespace ClientDesk.Access;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string ClientServiceSpecialist = "ClientServiceSpecialist";
    public const string Inspector = "Inspector";
    public const string RegionalHead = "RegionalHead";
    public const string Director = "Director";
    public const string CaseOfficer = "CaseOfficer";

    public static readonly string[] All =
        [Administrator, ClientServiceSpecialist, Inspector, RegionalHead, Director, CaseOfficer];
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string Administration = "Administration";
    public const string BookingDesk = "BookingDesk";

    /// <summary>The queue workstation, its notices and day report: the staff who serve clients at a location's desks.</summary>
    public const string QueueDesk = "QueueDesk";
}
