#!/usr/bin/env bash
# The query cache (issue 12): list filtered and search warm, catch-up after one
# commit, cold rebuild, and list without the cache, at QUERY_BENCH_SIZES tickets.
# Prints a Markdown section on stdout (bench.sh appends it to BENCHMARKS.md).
# Needs the release build and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(pwd)/.build/release/gitdesk"
SIZES=${QUERY_BENCH_SIZES:-"10000"}
RUNS=${BENCH_RUNS:-30}
WORK=$(mktemp -d /tmp/gitdesk-qbench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GITDESK_OPERATOR=li LANG=C.UTF-8
mkdir -p "$HOME"
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.1f' % (sorted(r['times'])[len(r['times'])//2]*1000))" "$1"; }
time_ms() { hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/t.json" "$@" >/dev/null; median "$WORK/t.json"; }

rows=""
for n in $SIZES; do
  desk="$WORK/desk-$n"
  echo "== query bench: generating $n tickets" >&2
  t0=$(date +%s); "$BIN" demo "$desk" --tickets "$n" --seed 42 >/dev/null; gen_s=$(( $(date +%s) - t0 ))
  while pgrep -f "git --git-dir=$desk" >/dev/null; do sleep 1; done
  git -C "$desk" gc -q
  cd "$desk"
  cache=.git/gitdesk/cache.sqlite
  matches=$("$BIN" list --status new --priority urgent --format csv | tail -n +2 | wc -l)
  cold=$(hyperfine -N --runs 5 --prepare "rm -f $cache $cache-wal $cache-shm" --export-json "$WORK/c.json" \
    "$BIN list --status new --priority urgent" >/dev/null; median "$WORK/c.json")
  warm=$(time_ms "$BIN list --status new --priority urgent")
  top=$(time_ms "$BIN list --status new --priority urgent --limit 20")
  search2=$(time_ms "$BIN search 退款 --limit 20")
  search5=$(time_ms "$BIN search 订单未生成 --limit 20")
  id=$("$BIN" list --status new --limit 1 --format csv | sed -n 2p | cut -d, -f1)
  file=$(git ls-files "tickets/*/$id.md")
  # Each run first commits one hand edit with plain git (hyperfine's --prepare, not
  # timed: a log line appended), so the timed list catches up one changed file.
  # (gitdesk's own writes move the cache themselves: no catch-up after them.)
  catchup=$(hyperfine -N --runs 15 --prepare "bash -c 'echo \"- 2024-06-01T10:00:00+08:00 li: bench\" >> $file && git -c user.name=bench -c user.email=bench@example.invalid commit -q --no-verify -am bench'" \
    --export-json "$WORK/u.json" "$BIN list --status new --priority urgent" >/dev/null; median "$WORK/u.json")
  nocache=$(GITDESK_NO_CACHE=1 hyperfine -N --runs 5 --export-json "$WORK/n.json" \
    "$BIN list --status new --priority urgent" >/dev/null; median "$WORK/n.json")
  size=$(du -k "$cache" | cut -f1)
  cd - >/dev/null
  rows+="| $n | $top | $matches | $warm | $search2 | $search5 | $catchup | $cold | $nocache | $size KB | ${gen_s} s |"$'\n'
done
cat <<MD

## Queries on the cache (scripts/bench-query.sh)

Whole commands, median (hyperfine -N; $RUNS runs warm, 15 with one commit before each
for the catch-up, 5 cold). The filter is \`list --status new --priority urgent\` (table);
search is \`search 退款\` (two characters: \`instr\` over the rows) and
\`search 订单未生成\` (trigram index). "catch-up" is the same list right after one new
hand commit made with git (one file re-read; gitdesk's own writes move the cache themselves); "cold" after deleting \`.git/gitdesk/cache.sqlite\`; "no cache"
is \`GITDESK_NO_CACHE=1\` (every file parsed, as before the cache).

| tickets | list filtered, 20 newest, warm (ms) | rows matching | list filtered, all rows, warm (ms) | search 退款 (ms) | search 订单未生成 (ms) | list after 1 commit (ms) | list, cold rebuild (ms) | list, no cache (ms) | cache size | generate |
|---|---|---|---|---|---|---|---|---|---|---|
$rows
Targets: warm list and search ≤ 14 ms at 10k; catch-up ≤ 5 ms (the difference between
"after 1 commit" and "warm"). \`GITDESK_TRACE=1 gitdesk list\` prints the catch-up alone.
MD
