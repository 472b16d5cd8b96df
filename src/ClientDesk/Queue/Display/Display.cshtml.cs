using System.Text.Json;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Queue.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Queue.Display;

/// <summary>
/// The lobby display for a TV (issue 5, item 3): the tickets just called with desk, name and position (C-3), who waits
/// and for about how long, live through <c>/queue/{slug}/events</c>. Rendered on the server too, so it shows the
/// state without JavaScript (and refreshes itself then). <c>?speech=1</c> turns spoken calls on.
/// </summary>
[ResponseCache(NoStore = true)]
public sealed class DisplayModel(ClientDeskDb db, QueueState state, IStringLocalizer<CatalogueTexts> catalogue) : PageModel
{
    public LobbyView Lobby { get; private set; } = null!;
    public bool Speech { get; private set; }

    /// <summary>Group names by letter in both languages, for the script to name groups that appear later.</summary>
    public string GroupNamesJson { get; private set; } = "{}";

    public string InitialJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(string slug, string? speech, CancellationToken ct)
    {
        var locationId = await db.Locations.Where(l => l.Slug == slug).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
        if (locationId is null || await state.LobbyAsync(locationId.Value, ct) is not { } lobby)
        {
            return NotFound();
        }

        Lobby = lobby;
        Speech = speech is "1" or "true" or "on";
        GroupNamesJson = JsonSerializer.Serialize(QueueLetters.All.ToDictionary(l => l, GroupName));
        InitialJson = JsonSerializer.Serialize(lobby, LiveEndpoints.Json);
        return Page();
    }

    public string GroupName(string letter) => catalogue[QueueLetters.GroupOf(letter)];
}
