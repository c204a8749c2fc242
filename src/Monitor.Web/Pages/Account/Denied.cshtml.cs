using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Account;

/// <summary>Shown when a signed-in user lacks the role a page needs.</summary>
public sealed class DeniedModel : MonitorPageModel
{
    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
