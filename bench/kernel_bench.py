#!/usr/bin/python3
"""Benchmark of the Persona Workbench kernel, driven through jupyter_client.

  /usr/bin/python3 bench/kernel_bench.py [--starts 200] [--java-home JDK] [--cells 50] [--tables 20]

1. Starts the kernel --starts times in a row. For each start: the time from KernelManager.start_kernel()
   to the kernel_info_reply; a start is a hang when no reply arrives within 30 s. Each kernel is shut
   down with a shutdown_request (graceful) before the next start.
2. In one kernel (with lib's classpath as WORKBENCH_CLASSPATH): the latency of a trivial cell (`1 + 1`)
   and of a cell displaying a 1,000 x 5 Tablesaw table, --cells / --tables times after 3 warm-up runs,
   measured from execute_request to the idle status.
Prints a small table (seconds, 3 decimals). Needs `mvn -B -q -o install -DskipTests` first.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
TMP = tempfile.mkdtemp(prefix="workbench-kernel-bench-")
os.environ["JUPYTER_PATH"] = os.path.join(TMP, "jupyter")
os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(TMP, "runtime")

from jupyter_client.manager import KernelManager  # noqa: E402

HANG_S = 30.0

TABLE_CELL = (
    "import tech.tablesaw.api.*;\n"
    "Table bench = Table.create(\"bench\",\n"
    "    IntColumn.create(\"i\", java.util.stream.IntStream.range(0, 1000).toArray()),\n"
    "    DoubleColumn.create(\"x\", java.util.stream.IntStream.range(0, 1000).mapToDouble(v -> v * 0.5).toArray()),\n"
    "    DoubleColumn.create(\"y\", java.util.stream.IntStream.range(0, 1000).mapToDouble(Math::sqrt).toArray()),\n"
    "    StringColumn.create(\"s\", java.util.stream.IntStream.range(0, 1000).mapToObj(v -> \"s\" + v).toArray(String[]::new)),\n"
    "    IntColumn.create(\"k\", java.util.stream.IntStream.range(0, 1000).map(v -> v % 7).toArray()));\n"
    "bench")


def read_classpath(module):
    path = os.path.join(ROOT, module, "target", "classpath.txt")
    if not os.path.exists(path):
        subprocess.run(["mvn", "-B", "-q", "-o", "-pl", module, "dependency:build-classpath",
                        "-Dmdep.outputFile=target/classpath.txt"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    with open(path) as f:
        return f.read().strip()


def percentile(values, p):
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def start_once(env):
    """Returns (seconds to kernel_info_reply or None on hang, seconds to shut down)."""
    km = KernelManager(kernel_name="workbench-java")
    t0 = time.monotonic()
    km.start_kernel(env=env, cwd=TMP)
    kc = km.client()
    kc.start_channels()
    elapsed = None
    try:
        kc.kernel_info(reply=True, timeout=HANG_S)
        elapsed = time.monotonic() - t0
    except Exception:
        elapsed = None
    kc.stop_channels()
    t1 = time.monotonic()
    km.shutdown_kernel(now=elapsed is None)
    return elapsed, time.monotonic() - t1


def cell_latency(kc, code, runs, warmup=3):
    times = []
    for i in range(warmup + runs):
        t0 = time.monotonic()
        reply = kc.execute_interactive(code, timeout=120, output_hook=lambda m: None)
        dt = time.monotonic() - t0
        if reply["content"]["status"] != "ok":
            raise SystemExit("cell failed: " + str(reply["content"]))
        if i >= warmup:
            times.append(dt)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=200)
    ap.add_argument("--java-home", default=os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"))
    ap.add_argument("--cells", type=int, default=50)
    ap.add_argument("--tables", type=int, default=20)
    args = ap.parse_args()

    read_classpath("kernel")
    subprocess.run([os.path.join(ROOT, "kernel", "bin", "install-kernelspec"), os.environ["JUPYTER_PATH"]],
                   check=True, stdout=subprocess.DEVNULL)
    user_cp = read_classpath("lib") + os.pathsep + os.path.join(ROOT, "lib", "target", "classes")
    env = dict(os.environ, JAVA_HOME=args.java_home, WORKBENCH_CLASSPATH=user_cp)
    java_version = subprocess.run([os.path.join(args.java_home, "bin", "java"), "-version"],
                                  capture_output=True, text=True).stderr.splitlines()[0]

    starts, hangs, shutdowns = [], 0, []
    t_all = time.monotonic()
    for i in range(args.starts):
        elapsed, down = start_once(env)
        shutdowns.append(down)
        if elapsed is None:
            hangs += 1
        else:
            starts.append(elapsed)
        if (i + 1) % 25 == 0:
            print(f"  {i + 1} starts, {hangs} hangs, median so far {statistics.median(starts):.3f} s",
                  file=sys.stderr, flush=True)
    total = time.monotonic() - t_all

    km = KernelManager(kernel_name="workbench-java")
    km.start_kernel(env=env, cwd=TMP)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    t0 = time.monotonic()
    first = cell_latency(kc, "1 + 1", 1, warmup=0)[0]
    trivial = cell_latency(kc, "1 + 1", args.cells)
    table = cell_latency(kc, TABLE_CELL, args.tables)
    kc.stop_channels()
    km.shutdown_kernel(now=False)

    load = os.getloadavg()
    print(f"kernel benchmark: {java_version}; {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}")
    print(f"{'measure':<44} {'n':>5} {'median':>8} {'p90':>8} {'max':>8}")
    print(f"{'start -> kernel_info_reply (s)':<44} {len(starts):>5} {statistics.median(starts):>8.3f} "
          f"{percentile(starts, 90):>8.3f} {max(starts):>8.3f}")
    print(f"{'hangs (no kernel_info_reply in 30 s)':<44} {args.starts:>5} {hangs:>8d}")
    print(f"{'graceful shutdown (s)':<44} {len(shutdowns):>5} {statistics.median(shutdowns):>8.3f} "
          f"{percentile(shutdowns, 90):>8.3f} {max(shutdowns):>8.3f}")
    print(f"{'first cell incl. JShell start (s)':<44} {1:>5} {first:>8.3f}")
    print(f"{'trivial cell 1 + 1 (s)':<44} {len(trivial):>5} {statistics.median(trivial):>8.3f} "
          f"{percentile(trivial, 90):>8.3f} {max(trivial):>8.3f}")
    print(f"{'Tablesaw 1000x5 table display (s)':<44} {len(table):>5} {statistics.median(table):>8.3f} "
          f"{percentile(table, 90):>8.3f} {max(table):>8.3f}")
    print(f"total time for {args.starts} starts: {total:.1f} s")
    sys.stdout.flush()
    os._exit(1 if hangs else 0)


if __name__ == "__main__":
    main()
