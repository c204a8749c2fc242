using Microsoft.AspNetCore.Mvc;

namespace Monitor.Web.Api;

/// <summary>RFC 9457 problem details for the API's errors, with a message a person can act on.</summary>
public static class ApiProblems
{
    public static IResult BadRequest(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors.ToDictionary(),
            detail: string.Join("; ", errors.SelectMany(e => e.Value)),
            title: "bad parameters");

    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "not found");

    /// <summary>Writes a problem directly (for authentication handlers, which run before endpoints).</summary>
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
            options: null, contentType: "application/problem+json");
    }
}
