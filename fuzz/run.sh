#!/usr/bin/env bash
# Build the fuzz targets with libFuzzer + AddressSanitizer and run them.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS: how long each target runs (default 60). TARGET: fuzz-scanner, ...
# (default: every Sources/fuzz-* directory). Seeds come from corpus/<target>/
# (committed); what libFuzzer learns goes to .work/<target>/ and crashes to
# artifacts/<target>/ (both ignored by git). Exit status 0 when no target
# found a failure.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
shift || true
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for dir in Sources/fuzz-*; do targets+=("$(basename "$dir")"); done
fi

SWIFT="${SWIFT:-swift}"
# Let libFuzzer, not the Swift backtracer, handle a crash, so it saves the input.
export SWIFT_BACKTRACE="enable=no"
FLAGS=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

status=0
for target in "${targets[@]}"; do
  echo "== building $target"
  "$SWIFT" build "${FLAGS[@]}" --product "$target"
  bin="$("$SWIFT" build "${FLAGS[@]}" --show-bin-path)/$target"
  mkdir -p ".work/$target" "artifacts/$target" "corpus/$target"
  dict=()
  [ -f "dict/$target.dict" ] && dict=(-dict="dict/$target.dict")
  echo "== running $target for ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -print_final_stats=1 -max_len=4096 -timeout=10 \
      "${dict[@]}" -artifact_prefix="artifacts/$target/" ".work/$target" "corpus/$target"; then
    echo "== $target FAILED: see artifacts/$target/" >&2
    status=1
  fi
done
exit $status
