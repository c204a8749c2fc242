namespace Monitor.Ingest.Uploads;

/// <summary>An upload refused before anything is kept (too large, a hostile name, content unlike its extension).</summary>
public sealed class UploadRejectedException(string reason) : Exception(reason);
