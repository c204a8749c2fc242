using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Monitor.Core.Configuration;

namespace Monitor.Web.Security;

/// <summary>
/// Where the data-protection keys (which sign cookies and anti-forgery tokens) are kept: a folder only the service user can
/// read (0700, key files 0600), encrypted with an X.509 certificate when DataProtection:CertificateFile is set.
/// </summary>
public static class DataProtectionKeys
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddMonitorDataProtection(this IServiceCollection services, IConfiguration configuration, ILoggingBuilder logging)
    {
        var folder = MonitorPaths.Resolve(configuration[$"{Section}:KeysFolder"] ?? "data/keys");
        var protection = services.AddDataProtection().SetApplicationName("Monitor");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new RestrictedKeyFolder(folder));
        if (configuration[$"{Section}:CertificateFile"] is { Length: > 0 } certificateFile)
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                MonitorPaths.Resolve(certificateFile), configuration[$"{Section}:CertificatePassword"]));
        }
        else
        {
            // The keys are protected by the folder's permissions (see docs/deploy.md); the framework's warning that they
            // are stored unencrypted would otherwise show at every start of a default installation.
            logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        }
        return services;
    }

    /// <summary>A file-system key repository whose folder is 0700 and whose key files are 0600 (on Unix).</summary>
    internal sealed class RestrictedKeyFolder : IXmlRepository
    {
        private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        private readonly string _folder;
        private readonly FileSystemXmlRepository _inner;

        public RestrictedKeyFolder(string folder)
        {
            _folder = folder;
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else
            {
                Directory.CreateDirectory(folder, FolderMode);
                File.SetUnixFileMode(folder, FolderMode);
            }
            _inner = new FileSystemXmlRepository(new DirectoryInfo(folder), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        }

        public IReadOnlyCollection<XElement> GetAllElements() => _inner.GetAllElements();

        public void StoreElement(XElement element, string friendlyName)
        {
            _inner.StoreElement(element, friendlyName);
            if (OperatingSystem.IsWindows()) return;
            foreach (var file in Directory.EnumerateFiles(_folder, "*.xml")) File.SetUnixFileMode(file, FileMode);
        }
    }
}
