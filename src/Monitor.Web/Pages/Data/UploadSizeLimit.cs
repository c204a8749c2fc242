using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Monitor.Ingest.Uploads;

namespace Monitor.Web.Pages.Data;

/// <summary>
/// Lets posts to the upload page carry the configured upload limit (Kestrel's default is 30 MB) before anything reads
/// the body; the store still counts the bytes and refuses anything over the limit.
/// </summary>
public static class UploadSizeLimit
{
    public static WebApplication UseUploadSizeLimit(this WebApplication app)
    {
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.StartsWithSegments("/Data/Upload"), branch => branch.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes + 1024 * 1024;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
            await next(context);
        }));
        return app;
    }
}
