using ClientDesk.Access;
using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Queue;

/// <summary>
/// A desk (lodziņš) at a location, where one staff member at a time serves clients. The display shows its number
/// with the name and position of the staff member at it (C-3).
/// </summary>
public sealed class Desk
{
    public int Id { get; set; }
    public int LocationId { get; set; }
    public Location Location { get; set; } = null!;

    /// <summary>The number on the desk and on the display.</summary>
    public int Number { get; set; }

    /// <summary>An optional label ("pie ieejas", "2. stāvā").</summary>
    public string NoteLv { get; set; } = "";
    public string NoteEn { get; set; } = "";
    public bool IsActive { get; set; } = true;

    /// <summary>Who works at the desk now (unique: one desk per person), and since when; null when the desk is closed.</summary>
    public string? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public DateTime? OpenedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class DeskConfiguration : IEntityTypeConfiguration<Desk>
{
    public void Configure(EntityTypeBuilder<Desk> desk)
    {
        desk.HasIndex(d => new { d.LocationId, d.Number }).IsUnique();
        desk.HasIndex(d => d.StaffMemberId).IsUnique();
        desk.Property(d => d.StaffMemberId).HasMaxLength(450);
        desk.Property(d => d.Version).IsConcurrencyToken();
        desk.HasOne(d => d.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        desk.HasOne(d => d.StaffMember).WithMany().HasForeignKey(d => d.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        desk.ToTable(t => t.HasCheckConstraint("CK_Desks_Number", "\"Number\" BETWEEN 1 AND 99"));
    }
}
