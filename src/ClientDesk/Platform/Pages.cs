using ClientDesk.Access;
using ClientDesk.Shared;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ClientDesk.Platform;

internal static class PagesSetup
{
    /// <summary>
    /// Razor Pages live in their feature folders (Catalogue/, Access/, …), so the pages root is the project root
    /// and each page names its own public route.
    /// </summary>
    public static IServiceCollection AddClientDeskPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/";
                options.Conventions.AuthorizeFolder("/Access/Staff", Policies.Staff);
                options.Conventions.AllowAnonymousToPage("/Access/Staff/SignIn");
                options.Conventions.AllowAnonymousToPage("/Access/Staff/SignInTwoFactor");
                options.Conventions.AllowAnonymousToPage("/Access/Staff/AccessDenied");
                options.Conventions.AuthorizeFolder("/Administration", Policies.Administration);
                options.Conventions.AuthorizeFolder("/Booking/Desk", Policies.BookingDesk);
            })
            // Validation happens on the server only; no data-val-* attributes in the pages.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = FeatureTexts.For);

        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();

        // Latvian letters go out as themselves, not as &#x101; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>Behind a reverse proxy (ReverseProxy:Enabled), the client's address and scheme come from X-Forwarded-* headers.</summary>
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            if (!configuration.GetValue("ReverseProxy:Enabled", false))
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    private sealed class LocalizedBindingMessages(IStringLocalizer<SharedTexts> t) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options) => Localization.LocalizeBindingMessages(options.ModelBindingMessageProvider, t);
    }
}
