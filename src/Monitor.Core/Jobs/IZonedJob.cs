namespace Monitor.Core.Jobs;

/// <summary>A job whose schedule is read in its own IANA time zone rather than the server-wide default.</summary>
public interface IZonedJob
{
    string TimeZone { get; }
}
