using Monitor.Core.Alerts;

namespace Monitor.Present.Email.Digest;

/// <summary>Lays a personal alert out as a digest change: opened, no series and no light, in a group of its own kind.</summary>
public static class PersonalDigestEvents
{
    public const string Rule = "personal";

    public static DigestEvent From(PersonalAlert alert) => new(
        0, "opened", alert.Severity, alert.RaisedAt, 0, Rule, null, alert.Period, null, alert.Title, alert.TitleZh,
        alert.Message, alert.MessageZh, null, null,
        GroupKey: "personal:" + alert.GroupLabel, GroupKind: Rule, GroupLabel: alert.GroupLabel, GroupLabelZh: alert.GroupLabelZh,
        PagePath: alert.PagePath);
}
