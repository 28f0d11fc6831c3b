#!/bin/bash
# Builds DIR/desk: one ticket with VERSIONS hand-committed versions, the k-th
# STEP_BYTES*k large (300 3000: up to 900 KB), for timing `gitdesk history ID`.
# usage: scripts/bench-history-versions.sh DIR VERSIONS STEP_BYTES   (GD=path/to/gitdesk)
set -e
BIN=$(cd "$(dirname "$0")/.." && pwd)/.build/debug/gitdesk
[ -n "$GD" ] && BIN=$GD
D=$1; N=$2; STEP=$3
rm -rf $D; mkdir -p $D; cd $D
export HOME=$D GIT_CONFIG_NOSYSTEM=1
git config --global user.name Admin; git config --global user.email admin@desk.example
$BIN init desk >/dev/null
cd desk
ID=$($BIN new --type complaint --channel phone --title 支付失败 --priority medium --as li)
F=$(git ls-tree -r --name-only HEAD tickets | grep $ID)
python3 - "$F" "$N" "$STEP" <<'PY'
import sys, subprocess
f, n, step = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base = open(f).read()
line = "客户反馈订单延迟发货，已协调物流部门加急处理。\n"
for k in range(1, n+1):
    body = line * max(1, (k*step)//len(line.encode()))
    text = base + "\n## notes\n\n" + body
    open(f, "w").write(text)
    subprocess.run(["git", "add", f], check=True)
    subprocess.run(["git", "-c", "core.hooksPath=/dev/null", "commit", "-q", "--no-verify", "-m", f"v{k}"], check=True)
PY
echo $ID
