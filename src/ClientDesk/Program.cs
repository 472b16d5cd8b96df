using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Booking.Online;
using ClientDesk.Calendar;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Demo;
using ClientDesk.Feedback;
using ClientDesk.Feedback.Surveys;
using ClientDesk.Notifications;
using ClientDesk.OnSite.Planning;
using ClientDesk.OnSite;
using ClientDesk.OnSite.Schedule;
using ClientDesk.Platform;
using ClientDesk.Queue;
using ClientDesk.Queue.Benchmark;
using ClientDesk.Queue.Live;
using ClientDesk.Reception;
using Microsoft.AspNetCore.DataProtection;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

DemoClock.AddClock(builder.Services, builder.Configuration);
builder.Services.AddClientDeskDatabase(builder.Configuration, builder.Environment);
builder.Services.AddDataProtection().SetApplicationName("ClientDesk").PersistKeysToDbContext<ClientDeskDb>();
builder.Services.AddScoped<ClientDesk.Platform.IdempotentPosts>();
builder.Services.AddStaffAccess();
builder.Services.AddCalendar();
builder.Services.AddBooking(builder.Configuration);
builder.Services.AddQueue(builder.Configuration);
builder.Services.AddFeedback(builder.Configuration);
builder.Services.AddReception();
builder.Services.AddOnSitePlanning();
builder.Services.AddOnSite();
builder.Services.AddInspectionSchedule();
builder.Services.AddNotifications(builder.Configuration, builder.Environment);
builder.Services.AddClientDeskLocalization();
builder.Services.AddClientDeskPages();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "ClientDesk API";
    document.Info.Description = "VTUA client service: the catalogue of locations and services, every location's opening calendar, free times and booking (with an Idempotency-Key; machine clients send X-Api-Key), walk-in queue tickets, submissions (cases with their legal deadlines) and visit surveys. Texts are in Latvian (name) and English (nameEn); times are local in Europe/Riga.";
    return Task.CompletedTask;
}));
builder.Services.AddPublicPostRateLimit(builder.Configuration);
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddClientDeskTelemetry(builder.Configuration);
builder.Services.AddHttpContextAccessor();

var app = builder.Build();

await app.PrepareDatabaseAsync();
await app.SeedIfEnabledAsync();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseOneTimePasswordGate();
app.UseAuthorization();

app.MapRazorPages();
app.MapLanguageSwitch();
app.MapBookingCalendarFile();
app.MapQueueLive();
app.MapQueueBenchmark(app.Configuration);
app.MapGroup("/api/v1").MapCatalogueApi().MapCalendarApi().MapBookingApi().MapQueueApi().MapCaseApi().MapSurveyApi().MapOnSiteApi().MapInspectionStopApi();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api", options =>
{
    options.WithTitle("ClientDesk API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableAgent().HideClientButton();
    options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
});
app.MapHealthChecks("/health");

await app.RunAsync();
