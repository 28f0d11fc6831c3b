#ifndef GITDESK_CLIBGIT2_SHIM_H
#define GITDESK_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>
#endif
