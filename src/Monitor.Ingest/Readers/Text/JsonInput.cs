using System.Text.Json;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers.Text;

/// <summary>Reads a whole JSON answer; malformed or truncated JSON is refused naming the file and the line.</summary>
public static class JsonInput
{
    public static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InputRejectedException((ex.LineNumber ?? 0) + 1, "json", $"{Path.GetFileName(path)}: not well-formed JSON (truncated?): {ex.Message.Split('.')[0]}");
        }
    }
}
