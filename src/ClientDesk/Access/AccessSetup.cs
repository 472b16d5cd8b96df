using System.Security.Claims;
using ClientDesk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClientDesk.Access;

internal static class AccessSetup
{
    public static IServiceCollection AddStaffAccess(this IServiceCollection services)
    {
        services.AddIdentity<StaffMember, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ClientDeskDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/staff/sign-in";
            options.LogoutPath = "/staff/sign-out";
            options.AccessDeniedPath = "/staff/access-denied";
            options.Cookie.Name = "clientdesk.staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });

        // A deactivated member or changed roles take effect within a minute, not Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.BookingDesk, p => p.RequireRole(Roles.ClientServiceSpecialist, Roles.Administrator, Roles.RegionalHead, Roles.Director))
            .AddPolicy(Policies.QueueDesk, p => p.RequireRole(Roles.ClientServiceSpecialist, Roles.Inspector, Roles.RegionalHead, Roles.Director, Roles.Administrator))
            .AddPolicy(Policies.Cases, p => p.RequireRole(Roles.CaseOfficer, Roles.RegionalHead, Roles.Director))
            .AddPolicy(Policies.FeedbackReports, p => p.RequireRole(Roles.CaseOfficer, Roles.RegionalHead, Roles.Director, Roles.Administrator))
            .AddPolicy(Policies.OnSitePlanning, p => p.RequireRole(Roles.Inspector, Roles.RegionalHead, Roles.Director))
            .AddPolicy(Policies.GiftLog, p => p.RequireRole(Roles.EthicsOfficer, Roles.Director));

        services.AddScoped<StaffScope>();

        return services;
    }

    /// <summary>Until a one-time password is replaced, a signed-in member can reach only the change-password page.</summary>
    public static IApplicationBuilder UseOneTimePasswordGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(StaffClaims.MustChangePassword, "true")
            && (path.StartsWithSegments("/staff") || path.StartsWithSegments("/admin"))
            && !path.StartsWithSegments("/staff/change-password")
            && !path.StartsWithSegments("/staff/sign-out"))
        {
            context.Response.Redirect("/staff/change-password");
            return;
        }

        await next();
    });
}

internal sealed class StaffClaimsFactory(
    UserManager<StaffMember> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffMember, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffMember user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.FullName, user.FullName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
