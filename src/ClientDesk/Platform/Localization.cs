using System.Globalization;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Platform;

/// <summary>Latvian first, English complete. The culture comes from ?culture=, then the language cookie, else Latvian.</summary>
internal static class Localization
{
    public const string Latvian = "lv";
    public const string English = "en";
    public static readonly CultureInfo[] Cultures = [new(Latvian), new(English)];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    /// <summary>Picks the Latvian or the English form of a bilingual field; English falls back to Latvian when empty.</summary>
    public static string Pick(string lv, string? en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : lv;

    public static IServiceCollection AddClientDeskLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Latvian);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Model binding's own messages ("The value '' is invalid.") in the user's language.</summary>
    public static void LocalizeBindingMessages(DefaultModelBindingMessageProvider messages, IStringLocalizer<SharedTexts> t)
    {
        messages.SetValueIsInvalidAccessor(value => t["Binding.ValueIsInvalid", value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => t["Binding.AttemptedValueIsInvalid", value, field]);
        messages.SetMissingBindRequiredValueAccessor(field => t["Binding.MissingValue", field]);
        messages.SetMissingKeyOrValueAccessor(() => t["Binding.MissingKeyOrValue"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Binding.MissingBody"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["Binding.ValueIsInvalid", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Binding.UnknownValueIsInvalid"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Binding.MustBeNumber"]);
        messages.SetUnknownValueIsInvalidAccessor(field => t["Binding.UnknownValueIsInvalidFor", field]);
        messages.SetValueMustBeANumberAccessor(field => t["Binding.MustBeNumberFor", field]);
        messages.SetValueMustNotBeNullAccessor(field => t["Binding.MissingValue", field]);
    }

    /// <summary>GET /language?culture=en&amp;returnUrl=/services — remembers the choice in a cookie for a year.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = culture == English ? English : Latvian;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return TypedResults.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }
}
