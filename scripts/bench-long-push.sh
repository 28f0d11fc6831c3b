#!/bin/bash
# Times one push of N hand commits on one growing ticket through pre-receive.
# Usage: scripts/bench-long-push.sh [N] (GITDESK_BIN=.build/debug/gitdesk for a debug build).
set -euo pipefail
N=${1:-250}; BIN=${GITDESK_BIN:-$(pwd)/.build/release/gitdesk}; export GITDESK_BIN=$BIN
W=$(mktemp -d); export HOME=$W GIT_CONFIG_NOSYSTEM=1 GITDESK_NOW=2024-05-01T14:30:00+08:00
cd $W; git config --global user.name 客服小李; git config --global user.email li@desk.example; git config --global init.defaultBranch main
$BIN init --clock-override desk >/dev/null 2>&1
git clone -q --bare desk server.git; $BIN hooks install --server -C server.git >/dev/null
cd desk; git remote add origin ../server.git; git fetch -q origin
id=$($BIN new --as li --type complaint --channel phone --title t --contact 尾号5678)
git push -q origin main
f=$(git ls-files tickets | grep $id)
for i in $(seq 1 $N); do
  printf -- "- 2024-05-01T15:%02d:%02d+08:00 li: 跟进 %d\n" $((i/60%60)) $((i%60)) $i >> $f
  git commit -q --no-verify -am "n $i"
done
s=$(date +%s.%N); GITDESK_PUSHER=li git push -q origin main; e=$(date +%s.%N)
echo "N=$N push_s=$(echo "$e - $s" | bc)"
rm -rf $W
