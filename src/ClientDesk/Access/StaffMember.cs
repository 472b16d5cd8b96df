using ClientDesk.Catalogue;
using Microsoft.AspNetCore.Identity;

namespace ClientDesk.Access;

/// <summary>A member of staff who signs in. Name, surname and position are shown to clients (C-3).</summary>
public sealed class StaffMember : IdentityUser
{
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string PositionLv { get; set; }
    public string PositionEn { get; set; } = "";
    public bool IsActive { get; set; } = true;

    /// <summary>Set for a one-time password: the member must choose their own at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Whether the public staff directory lists this member (C-3).</summary>
    public bool ShowInDirectory { get; set; } = true;

    public List<Location> Locations { get; set; } = [];

    /// <summary>The services this member may provide (C-2).</summary>
    public List<Service> Competences { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";
}
