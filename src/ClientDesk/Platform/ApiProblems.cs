using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClientDesk.Platform;

/// <summary>
/// The API's problem answers (RFC 9457): every one carries a stable <c>code</c> that machine clients branch on, and a
/// <c>type</c> address made from it. Imported with <c>using static</c> by the API classes.
/// </summary>
public static class ApiProblems
{
    public static string ProblemType(string code) => $"https://clientdesk.vtua.gov.lv/problems/{code}";

    public static ProblemDetails ProblemBody(int status, string title, string detail, string code) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = ProblemType(code),
        Extensions = { ["code"] = code },
    };

    public static ProblemHttpResult Problem(int status, string title, string detail, string code) =>
        TypedResults.Problem(ProblemBody(status, title, detail, code));
}
