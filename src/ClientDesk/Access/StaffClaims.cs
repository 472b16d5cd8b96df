namespace ClientDesk.Access;

public static class StaffClaims
{
    public const string FullName = "clientdesk:full_name";
    public const string MustChangePassword = "clientdesk:must_change_password";
}
