#!/bin/sh
# Runs every fuzz target for RUNS executions (default 10 million) or
# SECONDS seconds (default 1800), whichever comes first, from seeds made of
# the crate's corpus (one seed per paragraph). Needs cargo-fuzz
# (`cargo install cargo-fuzz`); the stable toolchain works with
# RUSTC_BOOTSTRAP=1. Not part of `cargo test`. Run from the crate root:
#     sh fuzz/run.sh [target...]
set -e
runs=${RUNS:-10000000}
seconds=${SECONDS_PER_TARGET:-1800}
targets=${*:-repair repair_explained diagnose}
for t in $targets; do
    mkdir -p "fuzz/corpus/$t"
    python3 - "fuzz/corpus/$t" <<'PY'
import glob, hashlib, os, sys
out = sys.argv[1]
for path in glob.glob('corpus/**/*.txt', recursive=True):
    text = open(path, encoding='utf-8').read()
    for para in text.split('\n\n'):
        data = para.encode('utf-8')[:4096]
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)
PY
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" -- -runs="$runs" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1
done
