#!/usr/bin/env bash
# Reports on a ticket reopened N times (issue 13: the per-ticket walk was
# quadratic in the rounds). Builds a desk whose one ticket is worked through
# one round by gitdesk, then has N more rounds (reopen, resolve, confirm with a
# rating, close; 4 h each) written into its log, committed by hand; then times
# `report ID`, `report --month` and `archive` (whole commands, start-up included).
# Usage: scripts/bench-reopen-rounds.sh [ROUNDS] [GITDESK_BINARY]
set -euo pipefail
ROUNDS=${1:-800}
G=$(realpath "${2:-.build/release/gitdesk}")
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export HOME=$W GIT_CONFIG_NOSYSTEM=1
git config --global user.name bench && git config --global user.email bench@desk.example
cd "$W" && "$G" init desk --clock-override >/dev/null && cd desk
at() { GITDESK_NOW=$1 "$G" "${@:2}" >/dev/null; }
ID=$(GITDESK_NOW=2024-05-13T09:00:00+08:00 "$G" new --as li --type complaint --channel phone --title 订单 --priority medium)
at 2024-05-13T09:10:00+08:00 move "$ID" in_progress --as liu
at 2024-05-13T10:00:00+08:00 resolve "$ID" --solution 补发 --root-cause 超时 --as liu
at 2024-05-13T10:30:00+08:00 confirm "$ID" --rating 4 --as li
at 2024-05-13T11:00:00+08:00 close "$ID" --as zhao
F=$(ls tickets/*/*/*.md)
python3 - "$ROUNDS" "$F" <<'PY'
import sys, datetime
rounds, path = int(sys.argv[1]), sys.argv[2]
tz = datetime.timezone(datetime.timedelta(hours=8))
iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S+08:00")
text = open(path).read()
t, due = datetime.datetime(2024, 5, 14, 11, tzinfo=tz), None
for line in text.splitlines():
    if line.startswith("due: "): due = line[5:]
lines = []
for r in range(rounds):
    new = iso(t + datetime.timedelta(days=2))
    lines += [f"- {iso(t)} li: 问题复现，重新打开：已关闭 → 处理中 [status: closed → in_progress]",
              "  原因：再次出现", f"  预计完成时间重新计算 [due: {due} → {new}]",
              f"- {iso(t + datetime.timedelta(hours=1))} liu: 提交解决方案，待客户确认：处理中 → 待确认，方案：补发 [status: in_progress → awaiting_confirmation]",
              f"- {iso(t + datetime.timedelta(hours=2))} li: 客户确认解决：待确认 → 已解决，评分 4★ 满意 [rating: 4] [status: awaiting_confirmation → resolved]",
              f"- {iso(t + datetime.timedelta(hours=3))} zhao: 关闭：已解决 → 已关闭 [status: resolved → closed]"]
    due, t = new, t + datetime.timedelta(hours=4)
head, log = text.split("## log\n", 1)
head = "\n".join("due: " + due if l.startswith("due: ") else l for l in head.split("\n"))
open(path, "w").write(head + "## log\n" + log.rstrip("\n") + "\n" + "\n".join(lines) + "\n")
PY
git commit -qam "$ROUNDS rounds" --no-verify
export GITDESK_NOW=2024-10-05T12:00:00+08:00
run() { local s e; s=$(date +%s%N); "$G" "$@" >/dev/null; e=$(date +%s%N); echo "$ROUNDS rounds: gitdesk $* — $(( (e - s) / 1000000 )) ms"; }
run report "$ID" --format json
run report --month 2024-09 --format json
run archive "$ID" --as zhao
