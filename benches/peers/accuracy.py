#!/usr/bin/env python3
"""Accuracy of a peer (arafix's one-line `fix`) and of arabic-repair on the
real extractions of corpus/in-the-wild, scored by ../shared/tools/score.py.

Run from the crate root with the venv of run.sh:
    benches/peers/.venv/bin/python benches/peers/accuracy.py
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import arafix

SCORE = os.path.join("..", "shared", "tools", "score.py")
BINARY = os.path.join("target", "release", "arabic-repair")


def score(gold, candidate_text):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(candidate_text)
    out = subprocess.run([sys.executable, SCORE, gold, f.name, "--json"], capture_output=True, text=True, check=True)
    os.unlink(f.name)
    return json.loads(out.stdout)


def fmt(x):
    return "  n/a " if x is None else f"{x:.4f}"


print(f"{'document':<32} {'tool':<14} {'line CER':>9} {'doc CER':>9} {'exact':>7} {'lines kept':>11}")
for broken in sorted(glob.glob("corpus/in-the-wild/*.broken.txt")):
    name = os.path.basename(broken)[: -len(".broken.txt")]
    gold = broken.replace(".broken.txt", ".gold.txt")
    text = open(broken, encoding="utf-8").read()
    ours = subprocess.run([BINARY, "fix", broken], capture_output=True, text=True, check=True).stdout
    for tool, out in (("arafix " + arafix.__version__, arafix.fix(text)), ("arabic-repair", ours)):
        s = score(gold, out)
        kept = out.count("\n") == text.count("\n")
        print(f"{name:<32} {tool:<14} {fmt(s['line_cer']):>9} {fmt(s['doc_cer']):>9} {fmt(s['exact_lines']):>7} {str(kept):>11}")
