using System.Text.Json;

namespace Monitor.Web.Security;

/// <summary>
/// Refuses, before any page or endpoint runs, a request with a form field, an uploaded file's name or a JSON string
/// longer than <see cref="InputLimits"/> allows: a 400 problem naming each field. Runs after authorisation, so a
/// stranger's body is never read.
/// </summary>
public static class InputLimitsMiddleware
{
    public static IApplicationBuilder UseInputLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var problems = await ProblemsAsync(context.Request);
            if (problems.Count == 0)
            {
                await next(context);
                return;
            }
            var errors = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            await Results.ValidationProblem(errors, detail: string.Join("; ", problems.Select(p => p.Message)), title: "input too long")
                .ExecuteAsync(context);
        });

    private static async Task<List<(string Field, string Message)>> ProblemsAsync(HttpRequest request)
    {
        var problems = new List<(string, string)>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (field, values) in form)
                foreach (var value in values)
                    if (InputLimits.Problem(field, value) is { } problem) problems.Add((field, problem));
            foreach (var file in form.Files)
                if (InputLimits.Problem("fileName", file.FileName) is { } problem) problems.Add((file.Name, problem));
        }
        else if (request.HasJsonContentType() && request.Path.StartsWithSegments("/api"))
        {
            await CheckJson(request, problems);
        }
        return problems;
    }

    private static async Task CheckJson(HttpRequest request, List<(string, string)> problems)
    {
        if (request.ContentLength > InputLimits.JsonBody)
        {
            problems.Add(("body", $"body: at most {InputLimits.JsonBody} bytes ({request.ContentLength} given)"));
            return;
        }
        request.EnableBuffering(InputLimits.JsonBody, InputLimits.JsonBody);
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            Walk(document.RootElement, "body", problems);
        }
        catch (JsonException)
        {
            // Malformed JSON is the endpoint's to refuse, with the place where the reader stopped (ApiExtensions).
        }
        catch (IOException)
        {
            problems.Add(("body", $"body: at most {InputLimits.JsonBody} bytes"));
        }
        request.Body.Position = 0;
    }

    /// <summary>Checks every string in the document by the name of the property that holds it (an array's items by the array's name).</summary>
    private static void Walk(JsonElement element, string field, List<(string, string)> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when InputLimits.Problem(field, element.GetString()) is { } problem:
                problems.Add((field, problem));
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Walk(property.Value, property.Name, problems);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, field, problems);
                break;
        }
    }
}
