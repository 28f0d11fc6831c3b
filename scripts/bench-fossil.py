#!/usr/bin/env python3
"""gitdesk against Fossil's ticket system, on the same number of tickets, in one run.

    scripts/bench-fossil.py GITDESK_BIN N [RUNS]

Makes a gitdesk desk with `gitdesk demo --tickets N` and a Fossil repository
with N tickets (`fossil ticket add`, two at a time), then times each operation
as whole processes, interleaved (gitdesk, Fossil, gitdesk, Fossil ...) so both
see the same machine load. Prints one Markdown row per operation: median and
P90 of each, their ratio, and the peak memory (max RSS) of each.

The operations, gitdesk / Fossil:
  create   new --type consult --channel phone --title T / ticket add title T type Code_Defect status Open
  set      set ID module=M<i>                              / ticket set UUID subsystem M<i>
  move     move ID<i> in_progress (a fresh ticket each run) / ticket set UUID<i> status Fixed
  comment  comment ID "text <i>"                           / ticket set UUID +icomment "text <i>"
  show     show ID                                         / ticket show 0 "tkt_uuid='UUID'"
  history  history ID                                      / ticket history UUID
  version  --version                                       / version
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time


def run(argv, cwd, env):
    """Runs one whole process; returns (milliseconds, its max RSS in KB, stdout)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=err)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = (time.perf_counter() - start) * 1000
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            sys.exit(f"failed ({code}): {' '.join(argv)}\n{err.read().decode(errors='replace')[-400:]}")
    return elapsed, usage.ru_maxrss, out.decode(errors="replace")


def percentile(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p * (len(v) - 1))))]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gitdesk = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    fossil = shutil.which("fossil")
    if not fossil:
        sys.exit("fossil is not installed (apt-get install fossil)")

    work = tempfile.mkdtemp(prefix="gitdesk-vs-fossil.")
    home = os.path.join(work, "home")
    os.makedirs(home)
    env = dict(os.environ, HOME=home, USER="bench", GIT_CONFIG_NOSYSTEM="1", GITDESK_OPERATOR="li",
               LANG="C.UTF-8", TZ="Asia/Shanghai")
    try:
        desk = os.path.join(work, "desk")
        repo = os.path.join(work, "tickets.fossil")
        t0 = time.time()
        run([gitdesk, "demo", desk, "--tickets", str(n), "--seed", "42"], work, env)
        gen_gitdesk = time.time() - t0
        subprocess.run(["git", "-C", desk, "gc", "-q"], env=env, check=True)
        t0 = time.time()
        run([fossil, "init", repo], work, env)

        def add(i):
            out = run([fossil, "ticket", "add", "-R", repo, "title", f"工单 {i}", "type", "Code_Defect",
                       "status", "Open", "comment", f"客户反馈问题 {i}"], work, env)[2]
            return out.strip().split()[-1]
        # Fossil's repository is one SQLite file: adds run one at a time (two
        # at once only wait on each other's lock).
        uuids = [add(i) for i in range(n)]
        gen_fossil = time.time() - t0

        # Tickets for `move` (one fresh ticket per run) and one for the rest.
        ids = [run([gitdesk, "new", "--type", "consult", "--channel", "phone", "--title", f"基准 {i}"], desk, env)[2].strip()
               for i in range(runs + 1)]
        fuuids = [run([fossil, "ticket", "add", "-R", repo, "title", f"基准 {i}", "type", "Code_Defect", "status", "Open"],
                      work, env)[2].strip().split()[-1] for i in range(runs + 1)]
        tid, fid = ids[-1], fuuids[-1]

        ops = [
            ("create", lambda i: [gitdesk, "new", "--type", "consult", "--channel", "phone", "--title", f"新建 {i}"],
                       lambda i: [fossil, "ticket", "add", "-R", repo, "title", f"新建 {i}", "type", "Code_Defect", "status", "Open"]),
            ("set", lambda i: [gitdesk, "set", tid, f"module=模块{i}"],
                    lambda i: [fossil, "ticket", "set", "-R", repo, fid, "subsystem", f"模块{i}"]),
            ("move", lambda i: [gitdesk, "move", ids[i], "in_progress"],
                     lambda i: [fossil, "ticket", "set", "-R", repo, fuuids[i], "status", "Fixed"]),
            ("comment", lambda i: [gitdesk, "comment", tid, f"跟进记录 {i}"],
                        lambda i: [fossil, "ticket", "set", "-R", repo, fid, "+icomment", f"跟进记录 {i}"]),
            ("show", lambda i: [gitdesk, "show", tid],
                     lambda i: [fossil, "ticket", "show", "-R", repo, "0", f"tkt_uuid='{fid}'"]),
            ("history", lambda i: [gitdesk, "history", tid],
                        lambda i: [fossil, "ticket", "history", "-R", repo, fid]),
            ("version", lambda i: [gitdesk, "--version"], lambda i: [fossil, "version"]),
        ]
        print(f"<!-- {n} tickets: gitdesk demo {gen_gitdesk:.0f} s, fossil ticket add x{n} {gen_fossil:.0f} s -->")
        for name, g, f in ops:
            gt, gm, ft, fm = [], [], [], []
            for i in range(runs):
                ms, rss, _ = run(g(i), desk, env)
                gt.append(ms); gm.append(rss)
                ms, rss, _ = run(f(i), work, env)
                ft.append(ms); fm.append(rss)
            gmed, fmed = percentile(gt, 0.5), percentile(ft, 0.5)
            print(f"| {n} | {name} | {gmed:.1f} | {percentile(gt, 0.9):.1f} | {fmed:.1f} | {percentile(ft, 0.9):.1f} "
                  f"| {gmed / fmed:.2f} | {max(gm) // 1024} | {max(fm) // 1024} |", flush=True)
        git_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(desk, ".git")) for f in fs)
        print(f"<!-- bytes per ticket: gitdesk .git {git_bytes // (n + 2 * runs + 6)}, "
              f"fossil {os.path.getsize(repo) // (n + 2 * runs + 1)} -->")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
