#ifndef GITDESK_FUZZ_SUPPORT_H
#define GITDESK_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer).
///
/// SwiftPM links an executable target's entry point as `<module>_main`
/// (`--defsym main=fuzz_scanner_main`), so libFuzzer's own `main` is not
/// used; each fuzz target defines `<module>_main` and calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
