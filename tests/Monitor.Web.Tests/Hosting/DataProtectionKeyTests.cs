using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Monitor.Testing;

namespace Monitor.Web.Tests.Hosting;

/// <summary>The keys that sign cookies are readable by the service user only, and encrypted when a certificate is configured.</summary>
[TestClass]
public sealed class DataProtectionKeyTests
{
    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Keys_are_kept_in_a_folder_only_the_service_user_can_read()
    {
        await using var host = await RunningHost.StartAsync(seeded: false);
        using var _ = await host.SignedInClient(RunningHost.AdminUser);
        var keys = Path.Combine(host.Folder, "keys");

        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        var files = Directory.GetFiles(keys, "*.xml");
        Assert.IsNotEmpty(files);
        foreach (var file in files) Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file), file);
    }

    [TestMethod]
    public async Task With_a_certificate_the_keys_are_stored_encrypted()
    {
        var folder = TempFolder.Create();
        try
        {
            var pfx = Path.Combine(folder, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Monitor data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-pass"));
            }
            await using var host = await RunningHost.StartAsync(seeded: false, settings: new Dictionary<string, string?>
            {
                ["DataProtection:CertificateFile"] = pfx,
                ["DataProtection:CertificatePassword"] = "test-pass",
            });
            using var _ = await host.SignedInClient(RunningHost.AdminUser);

            var xml = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(host.Folder, "keys"), "*.xml").Single());

            StringAssert.Contains(xml, "encryptedSecret");
            Assert.DoesNotContain("<masterKey", xml, "no key material in clear");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
