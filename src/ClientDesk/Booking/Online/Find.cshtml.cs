using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.Booking.Online;

/// <summary>
/// "I lost my link": the booking code and the phone or e-mail given when booking; a new link goes to that contact.
/// The answer is the same whether or not they match, so nobody learns about another person's booking.
/// </summary>
public sealed class FindModel(Bookings bookings) : PageModel
{
    [BindProperty]
    public FindInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await bookings.ResendLinkAsync(Input.Reference!, Input.Contact!, ct);
        Sent = true;
        return Page();
    }
}

public sealed class FindInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(12, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Find.Reference")]
    public string? Reference { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(254, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Find.Contact")]
    public string? Contact { get; set; }
}
