// Debian's libgit2 is built with mbedTLS, whose global init parses the whole
// system CA bundle (~5 ms) on every git_libgit2_init(), although only HTTPS
// transfers use it. gitdesk is a new process per command and most commands
// never touch the network, so these two definitions take the place of
// mbedTLS's certificate loaders (the executable's symbols win over the shared
// library's): they do nothing until gitdesk_enable_certificate_loading() is
// called, then forward to the real functions. A libgit2 built with OpenSSL
// never calls them, so they are harmless there.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include "lazy_certificates.h"

static atomic_int loading_enabled = 0;

void gitdesk_enable_certificate_loading(void) { atomic_store(&loading_enabled, 1); }

int gitdesk_certificate_loading_enabled(void) { return atomic_load(&loading_enabled); }

typedef int (*parse_function)(void *chain, const char *path);

static int forward(const char *name, void *chain, const char *path) {
    parse_function real = (parse_function)dlsym(RTLD_NEXT, name);
    return real ? real(chain, path) : -1;
}

__attribute__((visibility("default")))
int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    if (!atomic_load(&loading_enabled)) return 0;
    return forward("mbedtls_x509_crt_parse_file", chain, path);
}

__attribute__((visibility("default")))
int mbedtls_x509_crt_parse_path(void *chain, const char *path) {
    if (!atomic_load(&loading_enabled)) return 0;
    return forward("mbedtls_x509_crt_parse_path", chain, path);
}
