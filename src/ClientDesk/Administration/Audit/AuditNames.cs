using System.Globalization;
using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Audit;

/// <summary>
/// Names for the ids the audit trail records. Join rows (a member's locations, competences and roles, a service's
/// locations) and fee lines are stored by their keys only; the page shows the names of the rows the keys point to.
/// First every id of the page shown is noted (<see cref="Note(string, string)"/>), then one query per kind of row
/// looks them all up (<see cref="LoadAsync"/>). An id whose row no longer exists stays as it was recorded.
/// </summary>
internal sealed class AuditNames
{
    private enum Kind { Location, Service, Staff, Role, FeeLine, Region, Referral, ScheduleRule }

    /// <summary>What each part of a recorded key refers to, in the order of the table's key (as the interceptor joins it with /).</summary>
    private static readonly Dictionary<string, Kind[]> KeyParts = new()
    {
        ["Location"] = [Kind.Location],
        ["Service"] = [Kind.Service],
        ["FeeLine"] = [Kind.FeeLine],
        ["Region"] = [Kind.Region],
        ["ReferralInstitution"] = [Kind.Referral],
        ["StaffMember"] = [Kind.Staff],
        ["IdentityRole"] = [Kind.Role],
        ["ServiceLocations"] = [Kind.Location, Kind.Service],
        ["StaffLocations"] = [Kind.Location, Kind.Staff],
        ["StaffCompetences"] = [Kind.Service, Kind.Staff],
        ["IdentityUserRole"] = [Kind.Staff, Kind.Role],
        ["ScheduleRule"] = [Kind.ScheduleRule],
        ["ScheduleRuleLocations"] = [Kind.Location, Kind.ScheduleRule],
        ["ScheduleRuleReplacements"] = [Kind.ScheduleRule, Kind.ScheduleRule],
    };

    /// <summary>
    /// Join rows whose key starts with the location or service while the row belongs to the service or the member:
    /// their names are shown the other way round ("Ilze Kalniņa / Valmiera" for a member's location).
    /// </summary>
    private static readonly HashSet<string> OwnerLast = ["ServiceLocations", "StaffLocations", "StaffCompetences", "ScheduleRuleLocations", "ScheduleRuleReplacements"];

    /// <summary>Columns that hold the id of another row; a row's own Id column refers to the row itself.</summary>
    private static readonly Dictionary<string, Kind> IdColumns = new()
    {
        ["LocationsId"] = Kind.Location,
        ["ServicesId"] = Kind.Service,
        ["CompetencesId"] = Kind.Service,
        ["ServiceId"] = Kind.Service,
        ["StaffMemberId"] = Kind.Staff,
        ["UserId"] = Kind.Staff,
        ["RoleId"] = Kind.Role,
        ["RegionId"] = Kind.Region,
        ["LocationId"] = Kind.Location,
        ["ScheduleRuleId"] = Kind.ScheduleRule,
        ["ReplacedRuleId"] = Kind.ScheduleRule,
        ["ReplacingRuleId"] = Kind.ScheduleRule,
    };

    private readonly Dictionary<Kind, HashSet<string>> wanted = [];
    private readonly Dictionary<(Kind Kind, string Id), string> names = [];

    /// <summary>The name a type is known by in the trail: "StaffLocations (Dictionary&lt;string, object&gt;)" is StaffLocations.</summary>
    public static string ShortName(string entityType) => entityType.Split(' ', '<')[0];

    /// <summary>Notes the ids in a recorded key ("3/7", a user id) to be looked up.</summary>
    public void Note(string entityType, string key)
    {
        if (KeyParts.TryGetValue(ShortName(entityType), out var kinds) && key.Split('/') is var parts && parts.Length == kinds.Length)
        {
            for (var i = 0; i < kinds.Length; i++)
            {
                Want(kinds[i], parts[i]);
            }
        }
    }

    /// <summary>Notes the id in a changed column (LocationsId, UserId, RegionId...) to be looked up.</summary>
    public void Note(string entityType, string property, JsonElement value)
    {
        if (KindOf(entityType, property) is { } kind && IdText(value) is { } id)
        {
            Want(kind, id);
        }
    }

    /// <summary>The key with every part that still exists named ("Ilze Kalniņa / Valmiera"); null when no part does.</summary>
    public string? Key(string entityType, string key)
    {
        var type = ShortName(entityType);
        if (!KeyParts.TryGetValue(type, out var kinds) || key.Split('/') is not { } parts || parts.Length != kinds.Length)
        {
            return null;
        }

        var named = parts.Select((part, i) => names.GetValueOrDefault((kinds[i], part))).ToList();
        if (named.All(n => n is null))
        {
            return null;
        }

        var shown = named.Select((name, i) => name ?? parts[i]).ToList();
        if (OwnerLast.Contains(type))
        {
            shown.Reverse();
        }

        return string.Join(" / ", shown);
    }

    /// <summary>The name for an id in a changed column; null when the column holds no id or the row is gone.</summary>
    public string? Value(string entityType, string property, JsonElement value) =>
        KindOf(entityType, property) is { } kind && IdText(value) is { } id ? names.GetValueOrDefault((kind, id)) : null;

    /// <summary>Looks up every noted id, one query per kind of row; names are in the user's language.</summary>
    public async Task LoadAsync(ClientDeskDb db, IStringLocalizer<AccessTexts> access, CancellationToken ct)
    {
        // A fee line is named with its service ("Technical inspection / State fee"), so its service is wanted too.
        var feeIds = Numbers(Kind.FeeLine);
        var fees = feeIds.Count == 0 ? [] : await db.FeeLines.AsNoTracking().Where(f => feeIds.Contains(f.Id))
            .Select(f => new { f.Id, f.ServiceId, f.NameLv, f.NameEn }).ToListAsync(ct);
        foreach (var fee in fees)
        {
            Want(Kind.Service, Text(fee.ServiceId));
        }

        await NameAsync(Kind.Location, ids => db.Locations.Where(l => ids.Contains(l.Id)).Select(l => new Named(l.Id, l.NameLv, l.NameEn)), ct);
        await NameAsync(Kind.Service, ids => db.Services.Where(s => ids.Contains(s.Id)).Select(s => new Named(s.Id, s.NameLv, s.NameEn)), ct);
        await NameAsync(Kind.Region, ids => db.Regions.Where(r => ids.Contains(r.Id)).Select(r => new Named(r.Id, r.NameLv, r.NameEn)), ct);
        await NameAsync(Kind.ScheduleRule, ids => db.ScheduleRules.Where(r => ids.Contains(r.Id)).Select(r => new Named(r.Id, r.NameLv, r.NameEn)), ct);
        await NameAsync(Kind.Referral, ids => db.ReferralInstitutions.Where(r => ids.Contains(r.Id)).Select(r => new Named(r.Id, r.NameLv, r.NameEn)), ct);
        foreach (var fee in fees)
        {
            var service = names.GetValueOrDefault((Kind.Service, Text(fee.ServiceId)), Text(fee.ServiceId));
            names[(Kind.FeeLine, Text(fee.Id))] = $"{service} / {Localization.Pick(fee.NameLv, fee.NameEn)}";
        }

        var staffIds = Ids(Kind.Staff);
        if (staffIds.Count > 0)
        {
            foreach (var member in await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
                         .Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct))
            {
                names[(Kind.Staff, member.Id)] = $"{member.FirstName} {member.LastName}";
            }
        }

        var roleIds = Ids(Kind.Role);
        if (roleIds.Count > 0)
        {
            foreach (var role in await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id))
                         .Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            {
                names[(Kind.Role, role.Id)] = role.Name is null ? role.Id : access.RoleText(role.Name);
            }
        }
    }

    private static Kind? KindOf(string entityType, string property) =>
        property == "Id"
            ? KeyParts.TryGetValue(ShortName(entityType), out var kinds) && kinds.Length == 1 ? kinds[0] : null
            : IdColumns.TryGetValue(property, out var kind) ? kind : null;

    private static string? IdText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString(),
        _ => null,
    };

    private void Want(Kind kind, string id)
    {
        if (!wanted.TryGetValue(kind, out var ids))
        {
            wanted[kind] = ids = [];
        }

        ids.Add(id);
    }

    private List<string> Ids(Kind kind) => wanted.TryGetValue(kind, out var ids) ? [.. ids] : [];

    /// <summary>The noted ids that are numbers; anything else (a slug recorded for a row not yet saved) cannot be an id.</summary>
    private List<int> Numbers(Kind kind) =>
        Ids(kind).Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>().ToList();

    /// <summary>Names the noted rows of a bilingual kind (locations, services...) with the query given the ids.</summary>
    private async Task NameAsync(Kind kind, Func<List<int>, IQueryable<Named>> rows, CancellationToken ct)
    {
        var ids = Numbers(kind);
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var row in await rows(ids).ToListAsync(ct))
        {
            names[(kind, Text(row.Id))] = Localization.Pick(row.NameLv, row.NameEn);
        }
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record Named(int Id, string NameLv, string NameEn);
}
