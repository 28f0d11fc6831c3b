#ifndef GITDESK_CLIBGIT2_SHIM_H
#define GITDESK_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>
#include "loose_guard.h"

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-arity
   wrapper per option GitKit uses. */
static inline int gitdesk_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}
static inline int gitdesk_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}
static inline int gitdesk_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
static inline int gitdesk_set_cache_object_limit(int type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, (git_object_t)type, size);
}
static inline int gitdesk_set_fsync_gitdir(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
static inline int gitdesk_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}
#endif
