using System.Globalization;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Schedule;
using Monitor.Present.Email.Subscriptions;
using Monitor.Web.Security;

namespace Monitor.Web.Api;

/// <summary>/api/v1/subscriptions: list, read, create and delete e-mail digest subscriptions, and read the outbox (analysts, admins).</summary>
public static class SubscriptionsEndpoints
{
    public static void MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/subscriptions").RequireAuthorization(Policies.Analyst).WithTags("Subscriptions");
        group.MapGet("/", (SubscriptionStore store) => Results.Ok(store.List().Select(ToJson)))
            .WithSummary("E-mail digest subscriptions (邮件订阅)");
        group.MapGet("/{id:long}", (long id, SubscriptionStore store) =>
            store.Find(id) is { } found ? Results.Ok(ToJson(found)) : NotFound(id));
        group.MapPost("/", Create)
            .WithSummary("Subscribe an address")
            .WithDescription("Body: address, language (zh|en), domain, regionCode, industryCode, seriesId, minSeverity (info|warning|critical), cadence (immediate|daily|weekly), immediateMinutes, localTime (HH:mm), weekday, timeZone (IANA, default Asia/Shanghai).");
        group.MapDelete("/{id:long}", (long id, SubscriptionStore store) => store.Delete(id) ? Results.NoContent() : NotFound(id));
        group.MapGet("/outbox", (Outbox outbox, int? limit) => Results.Ok(outbox.List(Math.Clamp(limit ?? 200, 1, 1000))))
            .WithSummary("Digests claimed, sent, retrying and failed (发送记录)");
    }

    private static IResult Create(SubscriptionDraft draft, SubscriptionStore store, HttpContext context)
    {
        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            var byField = errors.GroupBy(e => e.Split(':', 2)[0]).ToDictionary(g => g.Key, g => g.ToArray());
            return Results.ValidationProblem(byField, detail: string.Join("; ", errors), title: "bad subscription");
        }
        var created = store.Create(draft, context.User.Identity?.Name);
        return Results.Created($"/api/v1/subscriptions/{created.SubscriptionId}", ToJson(created));
    }

    private static IResult NotFound(long id) =>
        Results.Problem($"no subscription {id}", statusCode: StatusCodes.Status404NotFound, title: "not found");

    private static object ToJson(Subscription s) => new
    {
        id = s.SubscriptionId,
        address = s.Address,
        language = s.Language,
        domain = s.Filter.Domain,
        regionCode = s.Filter.RegionCode,
        industryCode = s.Filter.IndustryCode,
        seriesId = s.Filter.SeriesId,
        minSeverity = s.Filter.MinSeverity,
        cadence = s.Cadence.Name(),
        immediateMinutes = s.ImmediateMinutes,
        localTime = s.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        weekday = s.Weekday.ToString().ToLowerInvariant(),
        timeZone = s.TimeZone,
        active = s.Active,
        createdAt = DateTime.SpecifyKind(s.CreatedAt, DateTimeKind.Utc),
        createdBy = s.CreatedBy,
    };
}
