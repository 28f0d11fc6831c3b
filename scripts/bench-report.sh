#!/usr/bin/env bash
# Times `gitdesk report --month` (warm cache, whole command, start-up included)
# and its peak memory (GNU time's maximum resident set) on demo desks.
# BENCH_SIZES (default 10000), BENCH_RUNS (default 10). Needs the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(pwd)/.build/release/gitdesk"
SIZES=${BENCH_SIZES:-"10000"}
RUNS=${BENCH_RUNS:-10}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/gitdesk-bench-report.XXXXXX)}
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GITDESK_OPERATOR=li LANG=C.UTF-8
mkdir -p "$HOME"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 1; }

for n in $SIZES; do
  desk="$WORK/desk-$n"
  if [ ! -d "$desk" ]; then
    t0=$(date +%s); "$BIN" demo "$desk" --tickets "$n" --seed 42 >/dev/null; echo "generated $n tickets in $(( $(date +%s) - t0 )) s"
  fi
  cd "$desk"
  # The busiest month of the desk.
  month=$(git ls-tree -d --name-only HEAD tickets/*/ | awk -F/ '{print $2"-"$3}' | while read m; do
            echo "$(git ls-tree --name-only HEAD "tickets/${m%-*}/${m#*-}/" | wc -l) $m"; done | sort -rn | head -1 | cut -d' ' -f2)
  "$BIN" list --limit 1 >/dev/null          # build the cache (cold)
  t0=$(date +%s%N); "$BIN" report --month "$month" --format json >/dev/null; t1=$(date +%s%N)
  echo "first report (cache fresh): $(( (t1 - t0) / 1000000 )) ms"
  for fmt in text json html; do
    ms=$(for i in $(seq "$RUNS"); do
      t0=$(date +%s%N); "$BIN" report --month "$month" --format $fmt >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000 ))
    done | sort -n | python3 -c 'import sys; v=[int(x) for x in sys.stdin]; print("%.1f" % (v[len(v)//2] / 1000))')
    rss=$(/usr/bin/time -f %M "$BIN" report --month "$month" --format $fmt 2>&1 >/dev/null | tail -1)
    echo "n=$n month=$month format=$fmt median_ms=$ms peak_kb=$rss"
  done
  t0=$(date +%s%N); GITDESK_NO_CACHE=1 "$BIN" report --month "$month" --format json >/dev/null; t1=$(date +%s%N)
  rss=$(GITDESK_NO_CACHE=1 /usr/bin/time -f %M "$BIN" report --month "$month" --format json 2>&1 >/dev/null | tail -1)
  echo "n=$n no cache: $(( (t1 - t0) / 1000000 )) ms peak_kb=$rss"
  t0=$(date +%s%N); "$BIN" report --month "$month" --format json --at HEAD >/dev/null; t1=$(date +%s%N)
  rss=$(/usr/bin/time -f %M "$BIN" report --month "$month" --format json --at HEAD 2>&1 >/dev/null | tail -1)
  echo "n=$n --at HEAD (tree): $(( (t1 - t0) / 1000000 )) ms peak_kb=$rss"
  "$BIN" report --month "$month" --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); print("total", r["total"], "backlog", r["backlog_age_hours"]["count"])'
  cd - >/dev/null
done
