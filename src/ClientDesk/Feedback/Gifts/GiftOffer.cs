using ClientDesk.Access;
using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Feedback.Gifts;

/// <summary>
/// A material thanks offered to a staff member (C-8: never asked for or accepted), for the ethics officer: what, when,
/// where, and that it was declined — or, when it could not be (left behind, sent by post), how it was handled.
/// </summary>
public sealed class GiftOffer
{
    public int Id { get; set; }
    public DateOnly OfferedOn { get; set; }
    public required string OfferedToStaffId { get; set; }
    public StaffMember OfferedTo { get; set; } = null!;
    public int? LocationId { get; set; }
    public Location? Location { get; set; }

    public required string WhatWasOffered { get; set; }
    public string? Circumstances { get; set; }
    public bool Declined { get; set; } = true;

    /// <summary>Required when it was not declined: returned by post, handed to the agency, …</summary>
    public string? HowHandled { get; set; }

    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedByStaffId { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewedByStaffId { get; set; }
    public string? ReviewNote { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class GiftOfferConfiguration : IEntityTypeConfiguration<GiftOffer>
{
    public void Configure(EntityTypeBuilder<GiftOffer> gift)
    {
        gift.Property(g => g.WhatWasOffered).HasMaxLength(500);
        gift.Property(g => g.Circumstances).HasMaxLength(2000);
        gift.Property(g => g.HowHandled).HasMaxLength(1000);
        gift.Property(g => g.ReviewNote).HasMaxLength(1000);
        gift.Property(g => g.OfferedToStaffId).HasMaxLength(450);
        gift.Property(g => g.RecordedByStaffId).HasMaxLength(450);
        gift.Property(g => g.ReviewedByStaffId).HasMaxLength(450);
        gift.Property(g => g.Version).IsConcurrencyToken();
        gift.HasOne(g => g.OfferedTo).WithMany().HasForeignKey(g => g.OfferedToStaffId).OnDelete(DeleteBehavior.Restrict);
        gift.HasOne<StaffMember>().WithMany().HasForeignKey(g => g.RecordedByStaffId).OnDelete(DeleteBehavior.Restrict);
        gift.HasOne<StaffMember>().WithMany().HasForeignKey(g => g.ReviewedByStaffId).OnDelete(DeleteBehavior.Restrict);
        gift.HasOne(g => g.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        gift.HasIndex(g => g.OfferedOn);
        gift.ToTable(t => t.HasCheckConstraint("CK_GiftOffers_NotDeclinedSaysHow",
            "\"Declined\" OR (\"HowHandled\" IS NOT NULL AND length(trim(\"HowHandled\")) > 0)"));
    }
}
