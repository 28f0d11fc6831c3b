#!/usr/bin/env bash
# `gitdesk sync` of 100 incoming + 100 outgoing ticket changes at 10k tickets,
# over ssh on loopback (a real sshd on 127.0.0.1, as in the tests), end to end:
# fetch, merge, validate, working tree, push through the server's pre-receive.
# Target: <= 2 s. Prints sync_ms=<v> (one run per fresh pair of clones, RUNS runs).
# BENCH_BIN=PATH times another gitdesk binary. Profiling: BENCH_DESK=DIR keeps the generated desk there (made once, reused);
# BENCH_TRACE=DIR writes each run's timings there: GITDESK_TRACE phases of the
# client (client-N.trace) and of the server's hooks (server-N.trace), git's
# GIT_TRACE2_PERF of both sides (git-client-N.perf, git-server-N.perf).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN="${BENCH_BIN:-$ROOT/.build/release/gitdesk}"
TICKETS=${BENCH_TICKETS:-10000}
CHANGES=${BENCH_CHANGES:-100}
RUNS=${BENCH_RUNS:-3}
WORK=$(mktemp -d /tmp/gitdesk-benchsync.XXXXXX)
DESK=${BENCH_DESK:-$WORK/desk}
TRACE=${BENCH_TRACE:-}
[ -n "$TRACE" ] && mkdir -p "$TRACE" && TRACE=$(cd "$TRACE" && pwd)
SSHD_PID=
trap '[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
[ -x "$BIN" ] || swift build -c release --static-swift-stdlib --product gitdesk >/dev/null

export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GITDESK_BIN="$BIN" LANG=C.UTF-8 PATH="$(dirname "$BIN"):$PATH"
mkdir -p "$HOME" "$WORK/ssh"

echo "== sshd on 127.0.0.1" >&2
ssh-keygen -q -t ed25519 -N "" -f "$WORK/ssh/host_key"
ssh-keygen -q -t ed25519 -N "" -f "$WORK/ssh/user_key"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
USER_NAME=$(id -un)
echo "[127.0.0.1]:$PORT $(cat "$WORK/ssh/host_key.pub")" > "$WORK/ssh/known_hosts"
# The server side's environment; with BENCH_TRACE the hooks' timings go to $WORK/server.trace.
SERVER_ENV="environment=\"PATH=$PATH\",environment=\"GITDESK_BIN=$BIN\",environment=\"HOME=$HOME\",environment=\"GIT_CONFIG_NOSYSTEM=1\""
[ -n "$TRACE" ] && SERVER_ENV="$SERVER_ENV,environment=\"GITDESK_TRACE=1\",environment=\"GIT_TRACE2_PERF=$WORK/git-server.perf\",environment=\"GITDESK_TRACE_FILE=$WORK/server.trace\""
echo "$SERVER_ENV $(cat "$WORK/ssh/user_key.pub")" > "$WORK/ssh/authorized_keys"
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
cat > "$WORK/ssh/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $WORK/ssh/host_key
PidFile $WORK/ssh/sshd.pid
AuthorizedKeysFile $WORK/ssh/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
PermitRootLogin $([ "$(id -u)" = 0 ] && echo yes || echo no)
PermitUserEnvironment yes
LogLevel ERROR
CONF
/usr/sbin/sshd -D -f "$WORK/ssh/sshd_config" -E "$WORK/ssh/sshd.log" &
SSHD_PID=$!
export GIT_SSH_COMMAND="ssh -F /dev/null -i $WORK/ssh/user_key -p $PORT -o UserKnownHostsFile=$WORK/ssh/known_hosts -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes -o BatchMode=yes"
for _ in $(seq 50); do $GIT_SSH_COMMAND "$USER_NAME@127.0.0.1" true 2>/dev/null && break; sleep 0.1; done

echo "== a desk with $TICKETS tickets, a bare server with the pre-receive hook" >&2
if [ ! -f "$DESK/.bench-ready" ]; then
  rm -rf "$DESK"
  "$BIN" demo "$DESK" --tickets "$TICKETS" --seed 42 >/dev/null
  while pgrep -f "git --git-dir=$DESK" >/dev/null; do sleep 1; done
  git -C "$DESK" gc -q
  touch "$DESK/.bench-ready"
fi
git -C "$DESK" ls-files tickets | grep '\.md$' > "$WORK/files"

results=()
for run in $(seq "$RUNS"); do
  rm -rf "$WORK/server.git" "$WORK/a" "$WORK/b"
  git clone -q --bare "$DESK" "$WORK/server.git"
  "$BIN" hooks install --server -C "$WORK/server.git" >/dev/null
  URL="$USER_NAME@127.0.0.1:$WORK/server.git"
  "$BIN" clone "$URL" "$WORK/a" >/dev/null
  "$BIN" clone "$URL" "$WORK/b" >/dev/null
  echo "== run $run: $CHANGES changes pushed from b, $CHANGES made in a" >&2
  sed -n "1,${CHANGES}p" "$WORK/files" | while read -r f; do
    "$BIN" comment -C "$WORK/b" "$(basename "$f" .md)" "已电话回访客户 $run" --as zhang >/dev/null
  done
  "$BIN" sync -C "$WORK/b" --as zhang >/dev/null
  sed -n "$((CHANGES + 1)),$((2 * CHANGES))p" "$WORK/files" | while read -r f; do
    "$BIN" comment -C "$WORK/a" "$(basename "$f" .md)" "已核实订单状态 $run" --as li >/dev/null
  done
  while pgrep -f "git --git-dir=$WORK/a" >/dev/null; do sleep 0.2; done
  rm -f "$WORK/server.trace" "$WORK/git-server.perf"
  start=$(date +%s%N)
  if [ -n "$TRACE" ]; then
    GITDESK_TRACE=1 GIT_TRACE2_PERF="$TRACE/git-client-$run.perf" "$BIN" sync -C "$WORK/a" --as li 2>"$TRACE/client-$run.trace"
  else
    "$BIN" sync -C "$WORK/a" --as li >&2
  fi
  end=$(date +%s%N)
  if [ -n "$TRACE" ]; then
    cp "$WORK/server.trace" "$TRACE/server-$run.trace" 2>/dev/null || true
    cp "$WORK/git-server.perf" "$TRACE/git-server-$run.perf" 2>/dev/null || true
  fi
  ms=$(( (end - start) / 1000000 ))
  echo "sync run $run: ${ms} ms" >&2
  results+=("$ms")
done
sorted=$(printf '%s\n' "${results[@]}" | sort -n | tr '\n' ' ')
echo "sync_ms=$(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p") (runs: $sorted)"
