using Monitor.Core.Store;
using Monitor.Web.Security;

namespace Monitor.Web.Api.Endpoints;

/// <summary>
/// POST /api/v1/admin/backup (admins only): the host, which owns the store, writes a consistent copy into a new folder on
/// its machine; <c>monitor backup</c> calls it when the running host holds the store.
/// </summary>
public static class BackupEndpoints
{
    public static void MapBackup(this RouteGroupBuilder api) =>
        api.MapPost("/admin/backup", (BackupRequest request, MonitorStore store, TimeProvider clock) =>
        {
            if (string.IsNullOrWhiteSpace(request.Folder) || request.Folder.Length > 1000 || !Path.IsPathRooted(request.Folder))
                return ApiProblems.BadRequest(new Dictionary<string, string[]> { ["folder"] = ["an absolute folder path on the host's machine, at most 1000 characters"] });
            try
            {
                var manifest = StoreBackup.Export(store, request.Folder, clock);
                return Results.Ok(new { folder = Path.GetFullPath(request.Folder), tables = manifest.Tables.Count, rows = manifest.Tables.Values.Sum() });
            }
            catch (IOException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "backup not written");
            }
        }).RequireAuthorization(ApiAuthentication.Require(Policies.Admin));
}

/// <summary>Where the host writes the backup (a new or empty folder).</summary>
public sealed record BackupRequest(string Folder);
