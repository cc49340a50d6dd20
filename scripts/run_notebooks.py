#!/usr/bin/python3
"""Execute the workbench notebooks headless, reproducibly.

Runs every notebooks/*.ipynb in name order on the workbench Java kernel (nbclient, per-cell timing
off, cell ids kept), saving outputs in place and figures under figures/ -- or, with --out DIR, the
executed notebooks under DIR/notebooks and figures under DIR/figures, leaving the work tree alone.
A failing cell fails the run (exit 1) after the remaining notebooks have run.

Data: WORKBENCH_DATA (default data/sample). --check-repeat DIR2 runs everything a second time into
DIR2 and fails unless both runs are byte-identical.
"""
import argparse
import filecmp
import os
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL = "workbench-java"


def notebooks(root: pathlib.Path, include_workshop: bool):
    nb_dir = root / "notebooks"
    found = sorted(nb_dir.glob("*.ipynb"))
    if include_workshop:
        found += sorted((nb_dir / "workshop").glob("*.ipynb"))
    return [p for p in found if ".ipynb_checkpoints" not in p.parts]


def normalise(nb):
    """Drop what differs between runs but says nothing: execution timing, widget state."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
    nb.metadata.pop("widgets", None)
    return nb


def run_all(root, out, figures, data, include_workshop, timeout, only=None):
    os.environ["WORKBENCH_DATA"] = str(data)
    os.environ["WORKBENCH_FIGURES"] = str(figures)
    os.environ["WORKBENCH_ROOT"] = str(root)
    failures = []
    for path in notebooks(root, include_workshop):
        rel = path.relative_to(root / "notebooks")
        if only and not rel.match(only):
            continue
        target = path if out is None else out / "notebooks" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, record_timing=False,
                                allow_errors=False,
                                resources={"metadata": {"path": str(path.parent)}})
        started = time.monotonic()
        try:
            client.execute()
            status = "ok"
        except CellExecutionError as e:
            status = "FAILED"
            failures.append((str(rel), str(e).strip().splitlines()[-1] if str(e).strip() else "error"))
            print(e, file=sys.stderr)
        except Exception as e:  # kernel died, timeout, ...
            status = "FAILED"
            failures.append((str(rel), f"{type(e).__name__}: {e}"))
        nbformat.write(normalise(nb), target)
        print(f"{status:6s} {rel} ({time.monotonic() - started:.1f} s)", flush=True)
    return failures


def compare_trees(a: pathlib.Path, b: pathlib.Path):
    diffs = []
    for fa in sorted(p for p in a.rglob("*") if p.is_file()):
        fb = b / fa.relative_to(a)
        if not fb.exists() or not filecmp.cmp(fa, fb, shallow=False):
            diffs.append(str(fa.relative_to(a)))
    for fb in sorted(p for p in b.rglob("*") if p.is_file()):
        if not (a / fb.relative_to(b)).exists():
            diffs.append(str(fb.relative_to(b)))
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True, type=pathlib.Path)
    ap.add_argument("--out", type=pathlib.Path, help="write notebooks and figures here, not in place")
    ap.add_argument("--check-repeat", type=pathlib.Path, metavar="DIR2",
                    help="run again into DIR2 and require byte-identical results")
    ap.add_argument("--no-workshop", action="store_true", help="skip notebooks/workshop/")
    ap.add_argument("--only", metavar="GLOB", help="run only notebooks whose path under notebooks/ matches")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = ap.parse_args()
    root = args.root.resolve()
    data = pathlib.Path(os.environ.get("WORKBENCH_DATA") or root / "data" / "sample").resolve()
    if not data.exists():
        print(f"run_notebooks: WORKBENCH_DATA {data} does not exist", file=sys.stderr)
        return 2
    runs = [args.out] + ([args.check_repeat] if args.check_repeat else [])
    failures = []
    for out in runs:
        out = out.resolve() if out else None
        figures = (out / "figures") if out else root / "figures"
        print(f"notebooks on {data} -> {out or root}", flush=True)
        failures += run_all(root, out, figures, data, not args.no_workshop, args.timeout, args.only)
    if args.check_repeat and not failures:
        diffs = compare_trees(args.out.resolve(), args.check_repeat.resolve())
        if diffs:
            print("second run differs from the first in: " + ", ".join(diffs[:20]), file=sys.stderr)
            failures.append(("repeat", f"{len(diffs)} files differ"))
        else:
            print("second run byte-identical to the first", flush=True)
    for name, why in failures:
        print(f"FAILED {name}: {why}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
