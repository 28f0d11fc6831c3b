#!/usr/bin/env bash
# The merge driver's time per ticket file (`gitdesk merge-driver %O %A %B %P`,
# process start included), median of BENCH_RUNS runs with hyperfine, in a demo
# desk: a clean merge (a comment on each side) and a settled conflict
# (priority on both sides). Prints key=value lines. Needs the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(pwd)/.build/release/gitdesk"
RUNS=${BENCH_RUNS:-30}
WORK=$(mktemp -d /tmp/gitdesk-bench-merge.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine; make bench installs it)" >&2; exit 1; }
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GITDESK_OPERATOR=li LANG=C.UTF-8
mkdir -p "$HOME"
"$BIN" demo "$WORK/desk" --tickets "${BENCH_TICKETS:-0}" >/dev/null
cd "$WORK/desk"
path=$(git ls-files 'tickets/*CS20240501001.md')
git show "HEAD:$path" > "$WORK/base.md"
cp "$WORK/base.md" "$WORK/ours.md"; cp "$WORK/base.md" "$WORK/theirs.md"
printf -- '- 2024-05-02T09:00:00+08:00 zhang: 回访客户，确认订单正常\n' >> "$WORK/ours.md"
printf -- '- 2024-05-02T09:05:00+08:00 li: 已补发优惠券\n' >> "$WORK/theirs.md"
sed 's/^priority: .*/priority: high/' "$WORK/ours.md" > "$WORK/ours-conflict.md"
sed 's/^priority: .*/priority: low/' "$WORK/theirs.md" > "$WORK/theirs-conflict.md"
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.1f' % (sorted(r['times'])[len(r['times'])//2]*1000))" "$1"; }
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/clean.json" \
  --prepare "cp $WORK/ours.md $WORK/a.md" "$BIN merge-driver $WORK/base.md $WORK/a.md $WORK/theirs.md $path" >/dev/null
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/conflict.json" \
  --prepare "cp $WORK/ours-conflict.md $WORK/a.md" "$BIN merge-driver $WORK/base.md $WORK/a.md $WORK/theirs-conflict.md $path" >/dev/null
echo "merge_driver_clean_ms=$(median "$WORK/clean.json")"
echo "merge_driver_conflict_ms=$(median "$WORK/conflict.json")"
# The result must hold both comments.
cp "$WORK/ours.md" "$WORK/a.md"; "$BIN" merge-driver "$WORK/base.md" "$WORK/a.md" "$WORK/theirs.md" "$path"
grep -q 已补发优惠券 "$WORK/a.md" && grep -q 回访客户 "$WORK/a.md" || { echo "merge driver lost an entry" >&2; exit 1; }
