using ClientDesk.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Catalogue;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> region)
    {
        region.Property(r => r.Slug).HasMaxLength(40);
        region.HasIndex(r => r.Slug).IsUnique();
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> location)
    {
        location.Property(l => l.Slug).HasMaxLength(40);
        location.HasIndex(l => l.Slug).IsUnique();
        location.Property(l => l.ReviewNote).HasMaxLength(1000);
        location.Property(l => l.Source).HasMaxLength(2000);
        location.Property(l => l.Version).IsConcurrencyToken();
        location.HasOne(l => l.Region).WithMany(r => r.Locations).OnDelete(DeleteBehavior.Restrict);
        location.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Locations_BookingIntervalMinutes", "\"BookingIntervalMinutes\" BETWEEN 5 AND 240");
            t.HasCheckConstraint("CK_Locations_BookingSeats", "\"BookingSeats\" BETWEEN 0 AND 100 AND \"SeatsKeptForStaff\" BETWEEN 0 AND \"BookingSeats\"");
        });
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> service)
    {
        service.Property(s => s.Code).HasMaxLength(40);
        service.HasIndex(s => s.Code).IsUnique();
        service.Property(s => s.DescriptionLv).HasMaxLength(4000);
        service.Property(s => s.DescriptionEn).HasMaxLength(4000);
        service.Property(s => s.DocumentsLv).HasMaxLength(4000);
        service.Property(s => s.DocumentsEn).HasMaxLength(4000);
        service.Property(s => s.TermLv).HasMaxLength(1000);
        service.Property(s => s.TermEn).HasMaxLength(1000);
        service.Property(s => s.Source).HasMaxLength(2000);
        service.Property(s => s.Version).IsConcurrencyToken();
        service.ToTable(t => t.HasCheckConstraint("CK_Services_DurationMinutes", "\"DurationMinutes\" IS NULL OR \"DurationMinutes\" BETWEEN 1 AND 1440"));
        service.HasMany(s => s.Fees).WithOne().HasForeignKey(f => f.ServiceId).OnDelete(DeleteBehavior.Cascade);
        service.HasMany(s => s.Locations).WithMany(l => l.Services).UsingEntity("ServiceLocations");
    }
}

internal sealed class FeeLineConfiguration : IEntityTypeConfiguration<FeeLine>
{
    public void Configure(EntityTypeBuilder<FeeLine> fee)
    {
        fee.Property(f => f.NameLv).HasMaxLength(300);
        fee.Property(f => f.NameEn).HasMaxLength(300);
        fee.Property(f => f.NoteLv).HasMaxLength(1000);
        fee.Property(f => f.NoteEn).HasMaxLength(1000);
        fee.Property(f => f.AmountEur).HasPrecision(10, 2);
        fee.Property(f => f.VatPercent).HasPrecision(5, 2);
    }
}

internal sealed class ContactChannelConfiguration : IEntityTypeConfiguration<ContactChannel>
{
    public void Configure(EntityTypeBuilder<ContactChannel> channel)
    {
        channel.Property(c => c.Code).HasMaxLength(10);
        channel.HasIndex(c => c.Code).IsUnique();
        channel.Property(c => c.DescriptionLv).HasMaxLength(2000);
        channel.Property(c => c.DescriptionEn).HasMaxLength(2000);
        channel.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class ReferralInstitutionConfiguration : IEntityTypeConfiguration<ReferralInstitution>
{
    public void Configure(EntityTypeBuilder<ReferralInstitution> referral)
    {
        referral.Property(r => r.TopicsLv).HasMaxLength(2000);
        referral.Property(r => r.TopicsEn).HasMaxLength(2000);
        referral.Property(r => r.Source).HasMaxLength(2000);
        referral.HasIndex(r => r.NameLv).IsUnique();
        referral.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> staff)
    {
        staff.Property(s => s.FirstName).HasMaxLength(100);
        staff.Property(s => s.LastName).HasMaxLength(100);
        staff.HasMany(s => s.Locations).WithMany().UsingEntity("StaffLocations");
        staff.HasMany(s => s.Competences).WithMany().UsingEntity("StaffCompetences");
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.Property(a => a.StaffId).HasMaxLength(450);
        audit.Property(a => a.Action).HasMaxLength(20);
        audit.Property(a => a.EntityType).HasMaxLength(100);
        audit.Property(a => a.EntityKey).HasMaxLength(450);
        audit.Property(a => a.Changes).HasMaxLength(20000);
        audit.HasIndex(a => a.AtUtc);
    }
}
