#!/bin/sh
# Compares arabic-repair with Python peers on the same inputs (see peers.py).
# Makes a venv in benches/peers/.venv with the peers from PyPI. Not part of
# `cargo test`. Run from the crate root:  sh benches/peers/run.sh
set -e
here=$(dirname "$0")
cargo build --release --quiet
if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
    "$here/.venv/bin/pip" install --quiet ftfy pyarabic
    # camel-tools' normalizer needs none of its heavy dependencies.
    "$here/.venv/bin/pip" install --quiet --no-deps camel-tools || true
    "$here/.venv/bin/pip" install --quiet arafix || echo "arafix: not on PyPI" >&2
fi
tmp=${TMPDIR:-/tmp}/arabic-repair-peers
mkdir -p "$tmp"
# Clean Arabic (the gold of the two reports), 20 MB.
python3 - "$tmp/clean.txt" <<'PY'
import sys
src = open('corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt').read() + open('corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt').read()
with open(sys.argv[1], 'w') as f:
    n = 0
    while n < 20_000_000:
        f.write(src); n += len(src.encode())
PY
# Sample-like damage (every line different), 2 MB, and code-point damage, 20 MB.
./target/release/arabic-repair synth corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt \
    --broken "$tmp/sample-like.txt" --gold "$tmp/sample-like.gold" --bytes 2000000 --farsi 1 --kashida 0.3 \
    --visual-order 0.2 --run-reversal 0.3 --placeholders replacement --placeholder-letters 'بيك' --paragraph-numbers
./target/release/arabic-repair synth corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt \
    --broken "$tmp/code-points.txt" --gold "$tmp/code-points.gold" --bytes 20000000 --farsi 1 --kashida 0.3 --presentation-forms
for f in clean code-points sample-like; do
    "$here/.venv/bin/python" "$here/peers.py" "$tmp/$f.txt"
    echo
done
# Accuracy on the real extractions, arafix against arabic-repair.
"$here/.venv/bin/python" "$here/accuracy.py"
