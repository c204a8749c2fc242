namespace Monitor.Testing;

/// <summary>Creates and removes scratch folders for tests.</summary>
public static class TempFolder
{
    public static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a file still open by a finaliser; the OS temp cleaner takes it */ }
        catch (UnauthorizedAccessException) { }
    }
}
