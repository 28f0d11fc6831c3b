#!/usr/bin/env bash
# Instruction counts (valgrind's callgrind) of short whole commands: they do not
# depend on the machine's load, unlike wall-clock times.
#   scripts/callgrind-startup.sh BIN DESK [OPERATOR]
# BIN is copied and stripped of debug info (valgrind 3.19 cannot read DWARF 5);
# DESK is copied, so `comment` writes into the copy. Each command runs once
# before it is measured (warm settings and query caches, as in everyday use).
set -euo pipefail
bin=$1; desk=$2; who=${3:-zhang}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
objcopy --strip-debug "$bin" "$work/gitdesk"
cp -a "$desk" "$work/desk"
id=$(git -C "$work/desk" ls-files 'tickets/*.md' | sed -n '1{s#.*/##; s#\.md$##; p;}')
measure() {  # name, arguments...
  local name=$1; shift
  (cd "$work/desk" && "$work/gitdesk" "$@" >/dev/null 2>&1) || true
  (cd "$work/desk" && valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$work/gitdesk" "$@" >/dev/null 2>"$work/vg.err") || true
  printf '%-16s %12s\n' "$name" "$(awk '/^(summary|totals):/ {print $2; exit}' "$work/cg.out")"
}
measure "--version" --version
measure "show" show "$id" --no-pager
measure "list --limit 20" list --limit 20 --no-pager
measure "history" history "$id" --no-pager
measure "comment" comment "$id" "checked again" --as "$who"
