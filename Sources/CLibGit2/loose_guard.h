#ifndef GITDESK_LOOSE_GUARD_H
#define GITDESK_LOOSE_GUARD_H
/*
 * A read-only object database backend that reads loose objects defensively.
 *
 * Why: libgit2 1.5 (Debian 12) loops forever inside inflate() when a loose
 * object file is truncated: zlib answers Z_BUF_ERROR ("no progress"), which
 * libgit2's git_zstream_get_output treats as "call again" although all the
 * input is already there (libgit2 issue #7342, fixed upstream in 2026). It
 * also trusts the size in the header when copying the first bytes of the body
 * (issue #7177). Strict hash verification does not help: the hash is checked
 * after the read, which never returns.
 *
 * This backend is added beside libgit2's own loose backend, ranked above it,
 * so every read of an object that exists as a loose file comes here first:
 * the file is inflated with zlib until the stream ends, and anything else
 * (no progress, a zlib error, a header that is not "TYPE SIZE\0", a body
 * shorter or longer than the header says, a hash that is not the object's
 * name) ends in an error naming the object. A sound object is returned as
 * is, so libgit2's loose reader never sees it; when there is no loose file
 * the backend says "not found" and libgit2 asks the pack backends as usual.
 * Writes still go to libgit2's loose backend (this one has no write).
 *
 * Header-only code (static inline), so the system-library module needs no
 * C target; only GitKit imports it.
 */
#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    git_odb_backend parent;
    char *dir; /* the objects directory, ending in '/' */
} gitdesk_loose_guard;

/* The largest object gitdesk reads whole (Repository.maximumObjectBytes): every
   full read of a larger object, whoever asks for it (a blob, or a tree or commit
   lookup that libgit2 makes itself in a tree walk, a path lookup or a peel), is
   refused from the object's header before it is inflated. */
static size_t gitdesk_max_object_bytes = 16u << 20;

static inline int gitdesk_too_large(const git_oid *id, size_t size) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, id);
    char message[512];
    snprintf(message, sizeof message,
             "object %s is %zu bytes, over the %zu MiB gitdesk reads (a ticket file may hold 1 MiB); it was not read: "
             "remove the file that holds it (git rm), or find it with `git log --find-object=%s`",
             hex, size, gitdesk_max_object_bytes >> 20, hex);
    git_error_set_str(GIT_ERROR_ODB, message);
    return GIT_ERROR;
}

/* Sets libgit2's error for a damaged object and returns GIT_ERROR. */
static inline int gitdesk_lg_damaged(const gitdesk_loose_guard *g, const git_oid *id, const char *what) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, id);
    /* git hash-object -w keeps a loose file that exists, damaged or not:
       the repair must remove it first. */
    char message[2048];
    snprintf(message, sizeof message,
             "object %s is damaged: its loose file %s%.2s/%s %s; "
             "remove the damaged file first (`rm %s%.2s/%s`: git hash-object -w does nothing while it exists), "
             "then copy the object from another clone (OTHER): "
             "`t=$(git -C OTHER cat-file -t %s) && git -C OTHER cat-file $t %s | git hash-object -w --stdin -t $t`; "
             "`git fsck` lists any other damage",
             hex, g->dir, hex, hex + 2, what, g->dir, hex, hex + 2, hex, hex);
    git_error_set_str(GIT_ERROR_ODB, message);
    return GIT_ERROR;
}

/* Reads the loose file of `id`, at most `max` bytes of it (its whole size in *file_size):
   0, GIT_ENOTFOUND when there is none, or GIT_ERROR. */
static inline int gitdesk_lg_load(const gitdesk_loose_guard *g, const git_oid *id,
                                  unsigned char **out, size_t *out_len, size_t *file_size, size_t max) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, id);
    size_t dirlen = strlen(g->dir);
    char *path = malloc(dirlen + GIT_OID_HEXSZ + 2);
    if (!path) { git_error_set_oom(); return GIT_ERROR; }
    snprintf(path, dirlen + GIT_OID_HEXSZ + 2, "%s%.2s/%s", g->dir, hex, hex + 2);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    free(path);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return GIT_ENOTFOUND;
        return gitdesk_lg_damaged(g, id, strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) != 0) { close(fd); return gitdesk_lg_damaged(g, id, "cannot be read"); }
    *file_size = (size_t)st.st_size;
    size_t size = *file_size < max ? *file_size : max;
    unsigned char *bytes = malloc(size ? size : 1);
    if (!bytes) { close(fd); git_error_set_oom(); return GIT_ERROR; }
    size_t done = 0;
    while (done < size) {
        ssize_t n = read(fd, bytes + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += (size_t)n;
    }
    close(fd);
    *out = bytes;
    *out_len = done;
    return 0;
}

/* Inflates into [z->next_out, +avail_out) until the output is full or the stream
   ends: Z_OK (output full), Z_STREAM_END, or a failure. Each inflate() call either
   makes progress or fails, so this always ends. */
static inline int gitdesk_lg_inflate(z_stream *z) {
    while (z->avail_out > 0) {
        int rc = inflate(z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) return Z_STREAM_END;
        if (rc != Z_OK) return rc;  /* Z_BUF_ERROR: the input ended early (truncated) */
    }
    return Z_OK;
}

/* Reads and checks loose object `id`. On success *data (from git_odb_backend_data_alloc,
   NUL-terminated) holds *len bytes of type *type. */
/* With header_only, only the start of the file is read and inflated, and *data is NULL:
   the size of a huge object is known without reading it. */
static inline int gitdesk_lg_read_object(gitdesk_loose_guard *g, const git_oid *id,
                                         void **data, size_t *len, git_object_t *type, int header_only) {
    unsigned char *file = NULL;
    size_t file_len = 0, file_size = 0;
    int error = gitdesk_lg_load(g, id, &file, &file_len, &file_size, header_only ? 4096 : (size_t)-1);
    if (error) return error;

    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) { free(file); git_error_set_str(GIT_ERROR_ZLIB, "zlib: cannot start inflate"); return GIT_ERROR; }
    z.next_in = file;
    z.avail_in = (uInt)file_len;

    /* The header: "blob 123\0" fits in 64 bytes; whatever follows it is body. */
    unsigned char head[64];
    z.next_out = head;
    z.avail_out = sizeof head;
    int rc = gitdesk_lg_inflate(&z);
    size_t got = sizeof head - z.avail_out;
    unsigned char *body = NULL;
    const char *what = NULL;
    if (rc != Z_OK && rc != Z_STREAM_END && !(header_only && rc == Z_BUF_ERROR && file_len < file_size)) {
        what = rc == Z_BUF_ERROR ? "is truncated" : "is not valid zlib data"; goto done;
    }
    unsigned char *nul = memchr(head, 0, got);
    char type_name[16];
    unsigned long long size = 0;
    size_t head_len = nul ? (size_t)(nul - head) + 1 : 0;
    if (!nul || head_len > 40) { what = "has no object header"; goto done; }
    {
        unsigned char *space = memchr(head, ' ', head_len);
        if (!space || space == head || (size_t)(space - head) >= sizeof type_name || space + 1 == nul) { what = "has no object header"; goto done; }
        memcpy(type_name, head, (size_t)(space - head));
        type_name[space - head] = 0;
        for (unsigned char *p = space + 1; p < nul; p++) {
            if (*p < '0' || *p > '9' || size > 1000000000000ULL) { what = "has a malformed object header"; goto done; }
            size = size * 10 + (unsigned long long)(*p - '0');
        }
    }
    *type = git_object_string2type(type_name);
    if (*type != GIT_OBJECT_BLOB && *type != GIT_OBJECT_TREE && *type != GIT_OBJECT_COMMIT && *type != GIT_OBJECT_TAG) {
        what = "has an unknown object type"; goto done;
    }
    /* zlib cannot expand data more than ~1032 times: a larger size is a lie, not an allocation to make. */
    if (size > (unsigned long long)file_size * 1100 + 1024) { what = "claims a size its data cannot hold"; goto done; }
    if (header_only) {
        inflateEnd(&z);
        free(file);
        *data = NULL;
        *len = (size_t)size;
        return 0;
    }
    body = git_odb_backend_data_alloc(&g->parent, (size_t)size + 1);
    if (!body) { inflateEnd(&z); free(file); git_error_set_oom(); return GIT_ERROR; }
    size_t copied = got - head_len;
    if (copied > size) { what = "is longer than its header says"; goto done; }
    memcpy(body, head + head_len, copied);
    if (rc != Z_STREAM_END) {
        z.next_out = body + copied;
        z.avail_out = (uInt)(size - copied);
        rc = gitdesk_lg_inflate(&z);
        copied = (size_t)size - z.avail_out;
        if (rc == Z_OK) {
            /* The body is full: the stream must end here, with no byte more. */
            unsigned char extra;
            z.next_out = &extra;
            z.avail_out = 1;
            rc = inflate(&z, Z_NO_FLUSH);
            if (rc != Z_STREAM_END || z.avail_out == 0) {
                what = rc == Z_BUF_ERROR ? "is truncated" : (z.avail_out == 0 ? "is longer than its header says" : "is not valid zlib data");
                goto done;
            }
        } else if (rc != Z_STREAM_END) {
            what = rc == Z_BUF_ERROR ? "is truncated" : "is not valid zlib data";
            goto done;
        }
    }
    if (copied != size) { what = "is shorter than its header says"; goto done; }
    body[size] = 0;
    git_oid actual;
    if (git_odb_hash(&actual, body, (size_t)size, *type) < 0 || !git_oid_equal(&actual, id)) {
        what = "holds another object (its content does not hash to its name)"; goto done;
    }
done:
    inflateEnd(&z);
    free(file);
    if (what) {
        if (body) git_odb_backend_data_free(&g->parent, body);
        return gitdesk_lg_damaged(g, id, what);
    }
    *data = body;
    *len = (size_t)size;
    return 0;
}

static inline int gitdesk_lg_read(void **data, size_t *len, git_object_t *type, git_odb_backend *backend, const git_oid *id) {
    /* Its header first: a huge object is refused before its file is loaded and inflated. */
    void *none = NULL;
    size_t size = 0;
    int error = gitdesk_lg_read_object((gitdesk_loose_guard *)backend, id, &none, &size, type, 1);
    if (error) return error;
    if (size > gitdesk_max_object_bytes) return gitdesk_too_large(id, size);
    return gitdesk_lg_read_object((gitdesk_loose_guard *)backend, id, data, len, type, 0);
}

static inline int gitdesk_lg_read_header(size_t *len, git_object_t *type, git_odb_backend *backend, const git_oid *id) {
    void *data = NULL;
    return gitdesk_lg_read_object((gitdesk_loose_guard *)backend, id, &data, len, type, 1);
}

/* A short ID: the one loose file whose name starts with it (else not found or ambiguous). */
static inline int gitdesk_lg_read_prefix(git_oid *out, void **data, size_t *len, git_object_t *type,
                                         git_odb_backend *backend, const git_oid *short_id, size_t hex_len) {
    gitdesk_loose_guard *g = (gitdesk_loose_guard *)backend;
    if (hex_len >= GIT_OID_HEXSZ) {
        git_oid_cpy(out, short_id);
        return gitdesk_lg_read(data, len, type, backend, short_id);
    }
    if (hex_len < 2) return GIT_ENOTFOUND;
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, short_id);
    size_t dirlen = strlen(g->dir);
    char *path = malloc(dirlen + 4);
    if (!path) { git_error_set_oom(); return GIT_ERROR; }
    snprintf(path, dirlen + 4, "%s%.2s", g->dir, hex);
    DIR *dir = opendir(path);
    free(path);
    if (!dir) return GIT_ENOTFOUND;
    char found[GIT_OID_HEXSZ + 1] = {0};
    int matches = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strlen(entry->d_name) != GIT_OID_HEXSZ - 2 || strncmp(entry->d_name, hex + 2, hex_len - 2) != 0) continue;
        if (++matches == 1) snprintf(found, sizeof found, "%.2s%s", hex, entry->d_name);
    }
    closedir(dir);
    if (matches == 0) return GIT_ENOTFOUND;
    if (matches > 1) { git_error_set_str(GIT_ERROR_ODB, "ambiguous object ID prefix"); return GIT_EAMBIGUOUS; }
    if (git_oid_fromstr(out, found) < 0) return GIT_ENOTFOUND;
    /* Through the size gate like a read by full ID: an abbreviated ID typed on the
       command line (`validate abc123`) must not inflate a 2 GB blob either. */
    return gitdesk_lg_read(data, len, type, backend, out);
}

static inline void gitdesk_lg_free(git_odb_backend *backend) {
    gitdesk_loose_guard *g = (gitdesk_loose_guard *)backend;
    free(g->dir);
    free(g);
}

/* The size gate of packed objects: ranked before every other backend, it asks
   the pack backends for an object's header (a pack entry's header; for a delta,
   the result size its delta header records) and refuses a full read of an
   object over the limit; otherwise it passes (GIT_PASSTHROUGH), and the pack
   or loose backends read the object as usual. The pack backends are called
   directly: the object database holds its lock while it asks a backend. */
typedef struct {
    git_odb_backend parent;
    git_odb_backend *packs[8];
    size_t count;
} gitdesk_pack_gate;

static inline int gitdesk_pg_read(void **data, size_t *len, git_object_t *type, git_odb_backend *backend, const git_oid *id) {
    (void)data; (void)len;
    gitdesk_pack_gate *g = (gitdesk_pack_gate *)backend;
    for (size_t i = 0; i < g->count; i++) {
        size_t size = 0;
        git_object_t t = GIT_OBJECT_INVALID;
        if (g->packs[i]->read_header(&size, &t, g->packs[i], id) == 0) {
            if (size > gitdesk_max_object_bytes) { *type = t; return gitdesk_too_large(id, size); }
            break;
        }
    }
    git_error_clear();
    return GIT_PASSTHROUGH;
}

/* A read by abbreviated ID (a revision typed on the command line): the pack
   backends name the full ID without reading the object (exists_prefix), its
   header gives the size, and an object over the limit is refused; otherwise
   the pack backends read it as usual (GIT_PASSTHROUGH). */
static inline int gitdesk_pg_read_prefix(git_oid *out, void **data, size_t *len, git_object_t *type,
                                         git_odb_backend *backend, const git_oid *short_id, size_t hex_len) {
    (void)out; (void)data; (void)len;
    gitdesk_pack_gate *g = (gitdesk_pack_gate *)backend;
    for (size_t i = 0; i < g->count; i++) {
        git_oid full;
        if (!g->packs[i]->exists_prefix || g->packs[i]->exists_prefix(&full, g->packs[i], short_id, hex_len) != 0) continue;
        size_t size = 0;
        git_object_t t = GIT_OBJECT_INVALID;
        if (g->packs[i]->read_header(&size, &t, g->packs[i], &full) == 0 && size > gitdesk_max_object_bytes) {
            *type = t;
            return gitdesk_too_large(&full, size);
        }
    }
    git_error_clear();
    return GIT_PASSTHROUGH;
}

/* Nothing to refresh; present so libgit2's second look after a refresh (which asks
   only backends that can refresh) still passes through the gate. */
static inline int gitdesk_pg_refresh(git_odb_backend *backend) { (void)backend; return 0; }

static inline void gitdesk_pg_free(git_odb_backend *backend) { free(backend); }

/* Adds the pack gate in front of the pack backends `odb` has now (call after the
   repository is opened: libgit2 adds its pack backends then). */
static inline int gitdesk_add_pack_gate(git_odb *odb) {
    gitdesk_pack_gate *g = calloc(1, sizeof *g);
    if (!g) { git_error_set_oom(); return GIT_ERROR; }
    size_t n = git_odb_num_backends(odb);
    for (size_t i = 0; i < n && g->count < 8; i++) {
        git_odb_backend *b = NULL;
        if (git_odb_get_backend(&b, odb, i) == 0 && b && b->read_header && b->refresh && !b->write) {
            g->packs[g->count++] = b;  /* the pack backends: read-only with a refresh */
        }
    }
    git_odb_init_backend(&g->parent, GIT_ODB_BACKEND_VERSION);
    g->parent.read = gitdesk_pg_read;
    g->parent.read_prefix = gitdesk_pg_read_prefix;
    g->parent.refresh = gitdesk_pg_refresh;
    g->parent.free = gitdesk_pg_free;
    int error = git_odb_add_backend(odb, &g->parent, 100);
    if (error < 0) free(g);
    return error;
}

/* Adds the guard for the loose objects under `objects_dir` to `odb`, ranked
   after the pack backends and before libgit2's loose backend of that
   directory (priority 2, added after the pack backend of the same rank: the
   list is sorted stably). `alternate` for an alternate object directory. */
static inline int gitdesk_add_loose_guard(git_odb *odb, const char *objects_dir, int alternate) {
    gitdesk_loose_guard *g = calloc(1, sizeof *g);
    if (!g) { git_error_set_oom(); return GIT_ERROR; }
    size_t n = strlen(objects_dir);
    g->dir = malloc(n + 2);
    if (!g->dir) { free(g); git_error_set_oom(); return GIT_ERROR; }
    memcpy(g->dir, objects_dir, n);
    if (n == 0 || objects_dir[n - 1] != '/') g->dir[n++] = '/';
    g->dir[n] = 0;
    git_odb_init_backend(&g->parent, GIT_ODB_BACKEND_VERSION);
    g->parent.read = gitdesk_lg_read;
    g->parent.read_header = gitdesk_lg_read_header;
    g->parent.read_prefix = gitdesk_lg_read_prefix;
    g->parent.free = gitdesk_lg_free;
    int error = alternate ? git_odb_add_alternate(odb, &g->parent, 2) : git_odb_add_backend(odb, &g->parent, 2);
    if (error < 0) gitdesk_lg_free(&g->parent);
    return error;
}
#endif
