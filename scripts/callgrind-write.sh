#!/usr/bin/env bash
# Instruction counts (callgrind) of one `comment` and one `move`, whole process
# and by write step: the inclusive cost of each step's function, read from the
# profile with callgrind_annotate and named by `swift demangle`.
#   scripts/callgrind-write.sh BIN DESK [OPERATOR]
# BIN is copied and stripped of debug info (valgrind 3.19 cannot read DWARF 5);
# DESK is copied. Each command runs once on another ticket before it is measured
# (warm settings and query caches). `move` takes two tickets in status `new`
# to in_progress. Child processes (`git update-index`) are not counted.
set -euo pipefail
bin=$1; desk=$2; who=${3:-zhang}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
objcopy --strip-debug "$bin" "$work/gitdesk"
cp -a "$desk" "$work/desk"
mapfile -t fresh < <(cd "$work/desk" && git grep -l '^status: new$' HEAD -- 'tickets/*.md' | sed 's#.*/##; s#\.md$##' | head -4)
[ ${#fresh[@]} -ge 4 ] || { echo "need 4 tickets in status new in $desk" >&2; exit 1; }
# The write steps: old (one Desk.write) and new (ChangeBuilder, CommitPublisher ...) names.
steps='beginWrite|openIndexForWrite|ChangeBuilder\.build|CommitPublisher\.publish|startWorkingCopySync|finishWorkingCopySync|afterWrite|HistoryIndex\.record|Validator\.validate|TicketFile\.render|TicketFile\.parse\(|IndexUpdater\.finish|WorkflowEngine\.(comment|move)|Desk\.write\(id|Maintenance\.afterWrite|PrivacyGuard\.apply'
measure() {  # name, warm-up ticket, measured ticket, arguments after the ID...
  local name=$1 warm=$2 id=$3; shift 3
  (cd "$work/desk" && "$work/gitdesk" "$name" "$warm" "$@" --as "$who" >/dev/null 2>&1) || true
  (cd "$work/desk" && valgrind --tool=callgrind --callgrind-out-file="$work/cg.$name" "$work/gitdesk" "$name" "$id" "$@" --as "$who" >/dev/null 2>"$work/vg.err") \
    || { echo "$name failed:"; cat "$work/vg.err" | tail -5; }
  printf '%-10s total %12s\n' "$name" "$(awk '/^(summary|totals):/ {print $2; exit}' "$work/cg.$name")"
  callgrind_annotate --inclusive=yes --threshold=100 "$work/cg.$name" 2>/dev/null \
    | swift demangle --simplified 2>/dev/null \
    | grep -E "$steps" | grep -vE 'closure|thunk|partial apply|specialized .*<' \
    | sed -E 's/^ *([0-9,]+) [^?]*\?\?\?:/\1 /; s/ \[.*$//' | awk '{c=$1; gsub(",","",c); $1=""; printf "  %12s %s\n", c, substr($0,1,100)}' \
    | sort -k2 -u | sort -k1,1nr | head -20
}
measure comment "${fresh[0]}" "${fresh[1]}" "checked again"
measure move "${fresh[2]}" "${fresh[3]}" in_progress
