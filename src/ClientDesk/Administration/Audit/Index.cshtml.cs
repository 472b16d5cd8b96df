using System.Globalization;
using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Audit;

/// <summary>
/// The audit trail (C-1), newest first, read-only; filters by entity type, staff name and Riga dates.
/// Recorded ids (join rows, fee lines, staff members) are shown by the names of the rows they point to.
/// </summary>
public sealed class IndexModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<AccessTexts> access) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "who")]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public sealed record Change(string Property, string Old, string New);

    /// <summary>One entry; <paramref name="EntityName"/> is the key with its ids named, null when none could be.</summary>
    public sealed record Row(DateTime AtLocal, string StaffName, string Action, string EntityType, string EntityKey, string? EntityName,
        IReadOnlyList<Change> Changes);

    /// <summary>A changed column as recorded, before its values are written for people.</summary>
    private sealed record RecordedChange(string Property, JsonElement Old, JsonElement New);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        EntityTypes = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(e => e.EntityType == EntityType);
        }

        if (!string.IsNullOrWhiteSpace(Who))
        {
            var who = Who.Trim().ToLower();
            query = query.Where(e => e.StaffName.ToLower().Contains(who));
        }

        if (From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), RigaTime.Zone);
            query = query.Where(e => e.AtUtc >= fromUtc);
        }

        if (To is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), RigaTime.Zone);
            query = query.Where(e => e.AtUtc < toUtc);
        }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var entries = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new { e.AtUtc, e.StaffName, e.Action, e.EntityType, e.EntityKey, e.Changes })
            .ToListAsync(ct);

        var recorded = entries.Select(e => ParseChanges(e.Changes)).ToList();
        var names = new AuditNames();
        for (var i = 0; i < entries.Count; i++)
        {
            names.Note(entries[i].EntityType, entries[i].EntityKey);
            foreach (var change in recorded[i])
            {
                names.Note(entries[i].EntityType, change.Property, change.Old);
                names.Note(entries[i].EntityType, change.Property, change.New);
            }
        }

        await names.LoadAsync(db, access, ct);
        Rows = entries.Select((e, i) => new Row(RigaTime.ToLocal(e.AtUtc), e.StaffName, e.Action, e.EntityType, e.EntityKey,
                names.Key(e.EntityType, e.EntityKey),
                recorded[i].Select(c => new Change(c.Property, Value(names, e.EntityType, c.Property, c.Old), Value(names, e.EntityType, c.Property, c.New)))
                    .ToList()))
            .ToList();
    }

    public string EntityText(string entityType) =>
        a["Entity." + AuditNames.ShortName(entityType)] is { ResourceNotFound: false } text ? text.Value : entityType;

    public string ActionText(string action) =>
        a["Action." + action] is { ResourceNotFound: false } text ? text.Value : action;

    /// <summary>A link to another page of the same filtered list ("page" is taken by Razor Pages' own route value).</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["type"] = EntityType,
            ["who"] = Who,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["p"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    /// <summary>{"Prop": [old, new]} as rows; what is not such JSON is shown whole as a new value of "?".</summary>
    private static List<RecordedChange> ParseChanges(string json)
    {
        var changes = new List<RecordedChange>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return changes;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 2)
                {
                    changes.Add(new RecordedChange(property.Name, property.Value[0].Clone(), property.Value[1].Clone()));
                }
            }
        }
        catch (JsonException)
        {
            changes.Add(new RecordedChange("?", default, JsonSerializer.SerializeToElement(json)));
        }

        return changes;
    }

    /// <summary>A value for people: ids by the name of their row, channel flags and premises by name, not number.</summary>
    private string Value(AuditNames names, string entityType, string property, JsonElement value) => value.ValueKind switch
    {
        _ when names.Value(entityType, property, value) is { } name => name,
        JsonValueKind.Undefined => "",
        JsonValueKind.Null => "—",
        JsonValueKind.True => a["Common.Yes"],
        JsonValueKind.False => a["Common.No"],
        JsonValueKind.Number when property is "RequestChannels" or "ReceiveChannels" && value.TryGetInt32(out var flags) =>
            flags == 0 ? "—" : string.Join(", ", ((Channels)flags).Each().Select(c => a.ChannelText(c))),
        JsonValueKind.Number when property == "Premises" && value.TryGetInt32(out var premises) && Enum.IsDefined((Premises)premises) =>
            a.PremisesText((Premises)premises),
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };
}
