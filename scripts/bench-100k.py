#!/usr/bin/env python3
"""The 100k figures (issues 14, 12, 13), against the same figures at 10k, in one run.

    scripts/bench-100k.py GITDESK_BIN [SIZES] [RUNS]     (SIZES default "10000 100000")

For each size: generates the desk with `gitdesk demo --tickets N --seed 42`
(wall time and peak memory, as GNU time's -v reports them), then times whole
gitdesk processes (start-up included), median and P90 of RUNS, and the peak
memory (max RSS) of each:
  - the query cache: cold rebuild, `list` filtered and `search` warm, `list`
    right after one new commit (the catch-up);
  - `report --month` on the desk's busiest month;
  - show, history, comment, move (a fresh ticket each run), new;
and, once, `import` of 10,000 rows (what `export --format json` wrote from the
first desk) into an empty desk. Prints a Markdown section on stdout.
BENCH_WORK=DIR keeps the desks there and reuses a desk already generated
(with its generation figures), for measuring again without generating.
"""
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time


def run(argv, cwd, env, check=True):
    """Runs one whole process; returns (milliseconds, its max RSS in KB, stdout)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=err)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = (time.perf_counter() - start) * 1000
        code = os.waitstatus_to_exitcode(status)
        if check and code != 0:
            err.seek(0)
            sys.exit(f"failed ({code}): {' '.join(argv)}\n{err.read().decode(errors='replace')[-600:]}")
    return elapsed, usage.ru_maxrss, out.decode(errors="replace")


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p * (len(v) - 1))))]


def series(n, runs, argv_of, cwd, env, prepare=None):
    """Median, P90 (ms) and max RSS (MB) of `runs` runs; `prepare(i)` runs untimed before run i."""
    times, rss = [], []
    for i in range(runs):
        if prepare:
            prepare(i)
        ms, kb, _ = run(argv_of(i), cwd, env)
        times.append(ms)
        rss.append(kb)
    return pct(times, 0.5), pct(times, 0.9), max(rss) / 1024


def generate(gitdesk, desk, n, env):
    """Makes the desk under GNU time -v: (seconds, peak MB, commits)."""
    proc = subprocess.run(["/usr/bin/time", "-v", gitdesk, "demo", desk, "--tickets", str(n), "--seed", "42"],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"demo failed: {proc.stderr[-800:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    h, m, s = (int(wall.group(1) or 0), int(wall.group(2)), float(wall.group(3)))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1)) / 1024
    commits = int(subprocess.run(["git", "-C", desk, "rev-list", "--count", "HEAD"], env=env,
                                 capture_output=True, text=True, check=True).stdout)
    return h * 3600 + m * 60 + s, peak, commits


def busiest_month(desk, env):
    out = subprocess.run(["git", "-C", desk, "ls-tree", "-r", "--name-only", "HEAD", "tickets/"], env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    counts = {}
    for path in out:
        parts = path.split("/")
        counts[parts[1] + "-" + parts[2]] = counts.get(parts[1] + "-" + parts[2], 0) + 1
    return max(counts, key=counts.get), max(counts.values())


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    gitdesk = os.path.abspath(sys.argv[1])
    sizes = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "10000 100000").split()]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    keep = os.environ.get("BENCH_WORK")
    work = keep or tempfile.mkdtemp(prefix="gitdesk-100k.")
    home = os.path.join(work, "home")
    os.makedirs(home, exist_ok=True)
    env = dict(os.environ, HOME=home, USER="bench", GIT_CONFIG_NOSYSTEM="1", GITDESK_OPERATOR="li",
               LANG="C.UTF-8", TZ="Asia/Shanghai")
    rows, gens, imports, months = {}, [], [], []
    try:
        for n in sizes:
            desk = os.path.join(work, f"desk-{n}")
            figures = desk + ".gen"
            if keep and os.path.exists(figures):
                secs, peak, commits = (float(x) for x in open(figures).read().split())
            else:
                print(f"== generating {n} tickets", file=sys.stderr, flush=True)
                shutil.rmtree(desk, ignore_errors=True)
                secs, peak, commits = generate(gitdesk, desk, n, env)
                open(figures, "w").write(f"{secs} {peak} {commits}\n")
            git_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(desk, ".git")) for f in fs) / 1e6
            gens.append(f"| {n} | {commits:.0f} | {secs:.0f} s | {peak:.0f} MB | {git_mb:.0f} MB |")
            cache = os.path.join(desk, ".git", "gitdesk", "cache.sqlite")

            def drop_cache(_):
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(cache + suffix):
                        os.remove(cache + suffix)
            r = {}
            print(f"== {n}: queries", file=sys.stderr, flush=True)
            r["cache: cold rebuild (list filtered)"] = series(n, 3, lambda i: [gitdesk, "list", "--status", "new", "--priority", "urgent"], desk, env, drop_cache)
            ms, kb, _ = run([gitdesk, "history", "CS20240501001"], desk, env)  # the history index catches up once
            r["history: first call (index catches up on every commit)"] = (ms, ms, kb / 1024)
            r["list --status new --priority urgent (warm)"] = series(n, runs, lambda i: [gitdesk, "list", "--status", "new", "--priority", "urgent"], desk, env)
            r["search 退款 --limit 20 (warm)"] = series(n, runs, lambda i: [gitdesk, "search", "退款", "--limit", "20"], desk, env)
            r["search 订单未生成 --limit 20 (warm)"] = series(n, runs, lambda i: [gitdesk, "search", "订单未生成", "--limit", "20"], desk, env)
            month, in_month = busiest_month(desk, env)
            months.append(f"{n}: {month}, {in_month} tickets")
            r["report --month (busiest month) --format json"] = series(n, 5, lambda i: [gitdesk, "report", "--month", month, "--format", "json"], desk, env)
            tid = "CS20240501001"
            r["list after 1 new commit (catch-up)"] = series(n, runs, lambda i: [gitdesk, "list", "--status", "new", "--priority", "urgent"], desk, env,
                                                             lambda i: run([gitdesk, "comment", tid, f"bench {i}"], desk, env))
            print(f"== {n}: writes and reads", file=sys.stderr, flush=True)
            fresh = []
            r["new"] = series(n, runs, lambda i: [gitdesk, "new", "--type", "consult", "--channel", "phone", "--title", f"基准 {i}"], desk, env)
            out = run([gitdesk, "list", "--status", "new", "--format", "csv", "--limit", str(runs)], desk, env)[2]
            fresh = [line.split(",")[0].lstrip("\ufeff") for line in out.strip().splitlines()[1:]]
            r["move (a fresh ticket each run)"] = series(n, min(runs, len(fresh)), lambda i: [gitdesk, "move", fresh[i], "in_progress"], desk, env)
            r["comment"] = series(n, runs, lambda i: [gitdesk, "comment", tid, f"跟进记录 {i}"], desk, env)
            r["show"] = series(n, runs, lambda i: [gitdesk, "show", tid], desk, env)
            r["history"] = series(n, runs, lambda i: [gitdesk, "history", tid], desk, env)
            rows[n] = r
            if not imports:
                print(f"== import of 10,000 rows", file=sys.stderr, flush=True)
                exported = os.path.join(work, "rows.json")
                with open(exported, "w") as f:
                    f.write(run([gitdesk, "export", "--format", "json", "--limit", "10000"], desk, env)[2])
                target = os.path.join(work, "import-desk")
                shutil.rmtree(target, ignore_errors=True)
                run([gitdesk, "init", target, "--clock-override", "--as", "admin"], work, env)
                ms, kb, _ = run([gitdesk, "import", exported, "--as", "admin"], target, env)
                count = run([gitdesk, "list", "--format", "csv"], target, env)[2].count("\n") - 1
                imports.append(f"| {count} rows (export --format json of the {n} desk) | {ms / 1000:.1f} s | {kb / 1024:.0f} MB |")
            if not keep:
                shutil.rmtree(desk, ignore_errors=True)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    load = open("/proc/loadavg").read().split()[:3]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    print(f"\n## 100k desk (scripts/bench-100k.py, `make bench-100k`)\n")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}, {cpu}, {os.cpu_count()} cores, "
          f"load average at the end {' '.join(load)}. Release build (static Swift runtime), whole processes.\n")
    print("Generation (`gitdesk demo DIR --tickets N --seed 42`, GNU time -v; peak = the largest process, gitdesk or git fast-import):\n")
    print("| tickets | commits | wall time | peak memory | .git size |\n|---|---|---|---|---|")
    print("\n".join(gens))
    print(f"\nCommands, median / P90 of {runs} runs (ms), peak memory (MB):\n")
    header = " | ".join(f"{n}: median | P90 | MB" for n in sizes)
    print(f"| operation | {header} | growth {sizes[0]}→{sizes[-1]} |")
    print("|---|" + "---|---|---|" * len(sizes) + "---|")
    for name in rows[sizes[0]]:
        cells = " | ".join(f"{rows[n][name][0]:.1f} | {rows[n][name][1]:.1f} | {rows[n][name][2]:.0f}" for n in sizes)
        growth = rows[sizes[-1]][name][0] / rows[sizes[0]][name][0]
        print(f"| {name} | {cells} | {growth:.2f}× |")
    print(f"\nBusiest months: {'; '.join(months)}.")
    print("\nImport into an empty desk (one commit for the file):\n")
    print("| rows | wall time | peak memory |\n|---|---|---|")
    print("\n".join(imports))


if __name__ == "__main__":
    main()
