#ifndef GITDESK_LAZY_CERTIFICATES_H
#define GITDESK_LAZY_CERTIFICATES_H

/// Lets the next certificate loads through mbedTLS really happen (call before
/// any HTTPS transfer, then set the certificate locations with
/// GIT_OPT_SET_SSL_CERT_LOCATIONS).
void gitdesk_enable_certificate_loading(void);

/// 1 once certificate loading is enabled.
int gitdesk_certificate_loading_enabled(void);

#endif
