#!/usr/bin/env bash
# Pre-receive time for a 100-commit push into a 10k-ticket desk (target p95 < 1 s).
# Builds the release binary if needed, a demo desk, a bare server clone with the
# pre-receive hook, and 100 gitdesk commits in a working clone; then times
# `git push` (real receive-pack, so the hook runs on the quarantined objects)
# RUNS times, resetting the server's ref between runs. Also times the hook alone.
# Prints prereceive_p95_ms=<v> (whole push) and hook_p95_ms=<v> (hook only).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN="$ROOT/.build/release/gitdesk"
TICKETS=${BENCH_TICKETS:-10000}
COMMITS=${BENCH_COMMITS:-100}
RUNS=${BENCH_RUNS:-10}
WORK=$(mktemp -d /tmp/gitdesk-prereceive.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
[ -x "$BIN" ] || swift build -c release --static-swift-stdlib --product gitdesk >/dev/null

export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GITDESK_OPERATOR=li GITDESK_BIN="$BIN" LANG=C.UTF-8
mkdir -p "$HOME"
git config --global user.name bench && git config --global user.email bench@localhost

echo "== a desk with $TICKETS tickets" >&2
"$BIN" demo "$WORK/desk" --tickets "$TICKETS" --seed 42 >/dev/null
while pgrep -f "git --git-dir=$WORK/desk" >/dev/null; do sleep 1; done
# A demo desk is a clock-override desk; a real desk's server also runs the time rule (backdate).
sed -i 's/^clock_override: true/clock_override: false/' "$WORK/desk/.gitdesk/config.yaml"
git -C "$WORK/desk" commit -q --no-verify -am "a desk on the real clock"
git -C "$WORK/desk" gc -q
git clone -q --bare "$WORK/desk" "$WORK/server.git"
"$BIN" hooks install --server -C "$WORK/server.git" >/dev/null
git clone -q "$WORK/server.git" "$WORK/work"
BASE=$(git -C "$WORK/server.git" rev-parse main)

echo "== $COMMITS commits with gitdesk" >&2
cd "$WORK/work"
git ls-files tickets > "$WORK/files"
grep '\.md$' "$WORK/files" | sed -n "1,${COMMITS}p" > "$WORK/picked"
while read -r f; do
  id=$(basename "$f" .md)
  "$BIN" comment "$id" "已电话回访客户,问题已记录" >/dev/null
done < "$WORK/picked"
NEW=$(git rev-parse HEAD)
[ "$(git rev-list --count "$BASE..$NEW")" = "$COMMITS" ]

ms() { date +%s%N; }
push_times=(); hook_times=()
for i in $(seq "$RUNS"); do
  git -C "$WORK/server.git" update-ref refs/heads/main "$BASE"
  t0=$(ms); git push -q origin "$NEW:refs/heads/main"; t1=$(ms)
  push_times+=($(( (t1 - t0) / 1000000 )))
  git -C "$WORK/server.git" update-ref refs/heads/main "$BASE"
  t0=$(ms); echo "$BASE $NEW refs/heads/main" | (cd "$WORK/server.git" && GIT_DIR=. "$BIN" hook pre-receive); t1=$(ms)
  hook_times+=($(( (t1 - t0) / 1000000 )))
done
p95() { printf '%s\n' "$@" | sort -n | python3 -c 'import sys,math;v=[int(x) for x in sys.stdin];print(v[max(0,math.ceil(0.95*len(v))-1)])'; }
echo "push_ms=${push_times[*]}" >&2
echo "hook_ms=${hook_times[*]}" >&2
echo "prereceive_p95_ms=$(p95 "${push_times[@]}")"
echo "hook_p95_ms=$(p95 "${hook_times[@]}")"
