#!/usr/bin/env python3
"""Time the Python tools a user might pick instead of arabic-repair on the
same input, and arabic-repair itself, and print MB/s side by side.

Run by `benches/peers/run.sh` (which makes the venv); not part of the tests.

    python3 peers.py INPUT [--min-seconds 3]

Each tool gets the whole file as one string and is timed over repeated runs
(at least --min-seconds, best run reported). arabic-repair is timed as the
CLI (`fix FILE > /dev/null`, one thread), which includes process start and
file I/O, so the comparison does not favour it.
"""
import argparse
import importlib
import os
import subprocess
import sys
import time


def best_seconds(fn, text, min_seconds):
    best = float("inf")
    spent = 0.0
    runs = 0
    while spent < min_seconds or runs < 3:
        t0 = time.perf_counter()
        fn(text)
        dt = time.perf_counter() - t0
        best = min(best, dt)
        spent += dt
        runs += 1
    return best


def peers():
    """(name, what it does, function) for every peer that imports."""
    out = []
    try:
        import ftfy

        out.append(("ftfy " + ftfy.__version__, "fix_text (mojibake, NFC, ligatures)", ftfy.fix_text))
    except ImportError as e:
        print(f"ftfy: not available ({e})", file=sys.stderr)
    try:
        from pyarabic import araby

        def pyarabic_fix(t):
            return araby.normalize_ligature(araby.strip_tatweel(t))

        out.append(("pyarabic", "strip_tatweel + normalize_ligature", pyarabic_fix))
    except ImportError as e:
        print(f"pyarabic: not available ({e})", file=sys.stderr)
    try:
        from camel_tools.utils.normalize import normalize_unicode

        out.append(("camel-tools", "normalize_unicode", normalize_unicode))
    except ImportError as e:
        print(f"camel-tools: not available ({e})", file=sys.stderr)
    try:
        arafix = importlib.import_module("arafix")
        fn = getattr(arafix, "fix", None) or getattr(arafix, "fix_text", None)
        if fn:
            out.append(("arafix", "fix", fn))
        else:
            print("arafix: no fix function found", file=sys.stderr)
    except ImportError as e:
        print(f"arafix: not available ({e})", file=sys.stderr)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "../../target/release/arabic-repair"))
    ap.add_argument("--min-seconds", type=float, default=3.0)
    args = ap.parse_args()
    text = open(args.input, encoding="utf-8").read()
    mb = len(text.encode("utf-8")) / 1e6
    rows = []
    for name, what, fn in peers():
        s = best_seconds(fn, text, args.min_seconds)
        rows.append((name, what, mb / s))

    # One core, as the peers have.
    env = dict(os.environ, RAYON_NUM_THREADS="1")

    def cli(_):
        subprocess.run([args.binary, "fix", "--quiet", args.input], stdout=subprocess.DEVNULL, check=True, env=env)

    ours = mb / best_seconds(cli, text, args.min_seconds)
    fastest = max((r[2] for r in rows), default=None)
    print(f"input: {args.input} ({mb:.1f} MB)")
    print(f"{'tool':<22} {'what':<40} {'MB/s':>10} {'arabic-repair ×':>16}")
    for name, what, rate in rows:
        print(f"{name:<22} {what:<40} {rate:>10.2f} {ours / rate:>16.1f}")
    print(f"{'arabic-repair (CLI)':<22} {'fix: the full repair, one thread':<40} {ours:>10.2f}")
    if fastest:
        print(f"arabic-repair / fastest peer: {ours / fastest:.1f}×")


if __name__ == "__main__":
    main()
