internal import CLazyCertificates
internal import CLibGit2

/// TLS certificates for HTTPS transfers.
///
/// gitdesk keeps libgit2's start-up cheap by deferring mbedTLS's parsing of
/// the system CA bundle (see `CLazyCertificates`); a command that is about to
/// talk HTTPS calls `enableCertificates()` first.
public enum Certificates {
    /// Loads the system CA certificates for HTTPS transfers (idempotent).
    public static func enable(file: String = "/etc/ssl/certs/ca-certificates.crt",
                              directory: String = "/etc/ssl/certs") throws {
        Runtime.ensureInitialized()
        gitdesk_enable_certificate_loading()
        try check(gitdesk_set_ssl_cert_locations(file, directory))
    }

    /// True when certificate loading is enabled in this process.
    public static var enabled: Bool { gitdesk_certificate_loading_enabled() != 0 }
}
