using ClientDesk.Access;
using ClientDesk.Administration;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Schedule.Staff;

/// <summary>The fields of the stop form, as typed (checked in <see cref="EditModel"/>).</summary>
public sealed class StopForm
{
    public int RegionId { get; set; }
    public string? Municipality { get; set; }
    public string? PlaceName { get; set; }
    public string? WhereExactly { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Date { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? NoteLv { get; set; }
    public string? NoteEn { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Adds a stop (no id), changes one or deletes it; only in the regions the member may change.</summary>
[Authorize(Policy = Policies.InspectionSchedule)]
public sealed class EditModel(ClientDeskDb db, InspectionSchedule schedule, TimeProvider clock, IStringLocalizer<ScheduleTexts> s, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty]
    public StopForm Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadRegionsAsync(ct);
        if (id is null)
        {
            return Page();
        }

        if (await FindAsync(id.Value, ct) is not { } stop)
        {
            return NotFound();
        }

        Id = id;
        Input = new StopForm
        {
            RegionId = stop.RegionId, Municipality = stop.Municipality, PlaceName = stop.PlaceName, WhereExactly = stop.WhereExactly,
            Latitude = stop.Latitude is { } lat ? StopValues.Coordinate(lat) : null, Longitude = stop.Longitude is { } lon ? StopValues.Coordinate(lon) : null,
            Date = StopValues.Iso(stop.Date), Start = stop.StartTime.ToString("HH:mm"), End = stop.EndTime.ToString("HH:mm"),
            NoteLv = stop.NoteLv, NoteEn = stop.NoteEn, Version = stop.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadRegionsAsync(ct);
        InspectionStop? stop = null;
        if (id is not null && (stop = await FindAsync(id.Value, ct)) is null)
        {
            return NotFound();
        }

        Id = id;
        var checkedStop = Check(isNew: stop is null);
        if (!ModelState.IsValid || checkedStop is null)
        {
            return Page();
        }

        if (stop is null)
        {
            stop = new InspectionStop { Municipality = "", PlaceName = "", CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.InspectionStops.Add(stop);
        }
        else
        {
            db.Entry(stop).Property(x => x.Version).OriginalValue = Input.Version;
            stop.Version = Guid.NewGuid();
        }

        (stop.RegionId, stop.Municipality, stop.PlaceName, stop.WhereExactly, stop.Latitude, stop.Longitude, stop.Date, stop.StartTime, stop.EndTime, stop.NoteLv, stop.NoteEn) = checkedStop.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["ConcurrencyFailure"]);
            return Page();
        }
        catch (DbUpdateException exception) when (AdminSupport.IsUniqueViolation(exception))
        {
            ModelState.AddModelError("Input.PlaceName", s["Form.Duplicate"]);
            return Page();
        }

        TempData[IndexModel.SuccessKey] = s["Form.Saved", stop.PlaceName, StopValues.Iso(stop.Date)].Value;
        return Redirect("/staff/inspection-stops");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await LoadRegionsAsync(ct);
        if (await FindAsync(id, ct) is not { } stop)
        {
            return NotFound();
        }

        db.Entry(stop).Property(x => x.Version).OriginalValue = Input.Version;
        db.InspectionStops.Remove(stop);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[IndexModel.SuccessKey] = t["ConcurrencyFailure"].Value;
            return Redirect($"/staff/inspection-stops/edit/{id}");
        }

        TempData[IndexModel.SuccessKey] = s["Form.Deleted", stop.PlaceName, StopValues.Iso(stop.Date)].Value;
        return Redirect("/staff/inspection-stops");
    }

    /// <summary>Only stops of the regions this member may change are found at all.</summary>
    private async Task<InspectionStop?> FindAsync(int id, CancellationToken ct)
    {
        var stop = await db.InspectionStops.FirstOrDefaultAsync(x => x.Id == id, ct);
        return stop is not null && Regions.Any(r => r.Id == stop.RegionId) ? stop : null;
    }

    private async Task LoadRegionsAsync(CancellationToken ct)
    {
        var editable = await schedule.EditableRegionIdsAsync(User, ct);
        Regions = [.. (await schedule.RegionsAsync(ct)).Where(r => editable is null || editable.Contains(r.Id))];
    }

    private (int, string, string, string?, double?, double?, DateOnly, TimeOnly, TimeOnly, string?, string?)? Check(bool isNew)
    {
        string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        void Error(string field, string key, params object[] values) => ModelState.AddModelError("Input." + field, s[key, values]);

        if (!Regions.Any(r => r.Id == Input.RegionId))
        {
            Error(nameof(StopForm.RegionId), "Form.RegionRequired");
        }

        var municipality = Clean(Input.Municipality);
        var place = Clean(Input.PlaceName);
        var where = Clean(Input.WhereExactly);
        var (noteLv, noteEn) = (Clean(Input.NoteLv), Clean(Input.NoteEn));
        if (municipality is null)
        {
            Error(nameof(StopForm.Municipality), "Form.MunicipalityRequired");
        }
        else if (municipality.Length > InspectionStop.NameLength)
        {
            Error(nameof(StopForm.Municipality), "Form.TooLong", InspectionStop.NameLength);
        }

        if (place is null)
        {
            Error(nameof(StopForm.PlaceName), "Form.PlaceRequired");
        }
        else if (place.Length > InspectionStop.NameLength)
        {
            Error(nameof(StopForm.PlaceName), "Form.TooLong", InspectionStop.NameLength);
        }

        if (where is { Length: > InspectionStop.WhereLength })
        {
            Error(nameof(StopForm.WhereExactly), "Form.TooLong", InspectionStop.WhereLength);
        }

        if (noteLv is { Length: > InspectionStop.NoteLength })
        {
            Error(nameof(StopForm.NoteLv), "Form.TooLong", InspectionStop.NoteLength);
        }

        if (noteEn is { Length: > InspectionStop.NoteLength })
        {
            Error(nameof(StopForm.NoteEn), "Form.TooLong", InspectionStop.NoteLength);
        }

        double? latitude = null, longitude = null;
        var (latText, lonText) = (Clean(Input.Latitude), Clean(Input.Longitude));
        if (latText is not null || lonText is not null)
        {
            if (latText is null || lonText is null)
            {
                Error(latText is null ? nameof(StopForm.Latitude) : nameof(StopForm.Longitude), "Form.PointHalf");
            }
            else if (!StopValues.TryCoordinate(latText, out var lat) || !StopValues.TryCoordinate(lonText, out var lon))
            {
                Error(nameof(StopForm.Latitude), "Form.PointBad");
            }
            else if (!InspectionStop.InLatvia(lat, lon))
            {
                Error(nameof(StopForm.Latitude), "Form.PointOutside");
            }
            else
            {
                (latitude, longitude) = (lat, lon);
            }
        }

        if (!StopValues.TryDate(Input.Date, out var date))
        {
            Error(nameof(StopForm.Date), "Form.DateBad");
        }
        else if (isNew && date < RigaTime.Today(clock))
        {
            Error(nameof(StopForm.Date), "Form.DatePast");
        }

        var goodStart = StopValues.TryTime(Input.Start, out var start);
        if (!goodStart)
        {
            Error(nameof(StopForm.Start), "Form.TimeBad");
        }

        if (!StopValues.TryTime(Input.End, out var end))
        {
            Error(nameof(StopForm.End), "Form.TimeBad");
        }
        else if (goodStart && end <= start)
        {
            Error(nameof(StopForm.End), "Form.EndBeforeStart");
        }

        return ModelState.IsValid
            ? (Input.RegionId, municipality!, place!, where, latitude, longitude, date, start, end, noteLv, noteEn)
            : null;
    }
}
