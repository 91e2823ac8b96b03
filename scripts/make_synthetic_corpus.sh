#!/usr/bin/env bash
# Regenerates corpus/synthetic/ with the crate's own generator
# (`arabic-repair synth`), from the clean gold of corpus/in-the-wild.
# The fixtures are committed; the tests never run this script.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/arabic-repair
src=corpus/in-the-wild
out=corpus/synthetic
wg4=$src/ctoc-wg4-2018-3.gold.txt
wg7=$src/ctoc-wg7-2021-5.gold.txt
mkdir -p "$out"
make() { name=$1; shift; "$bin" synth "$@" --broken "$out/$name.broken.txt" --gold "$out/$name.gold.txt"; }
make fffd-joining       "$wg7" --seed 11 --placeholders replacement --placeholder-letters 'بيكتن'
make pua-all            "$wg4" "$wg7" --seed 12 --placeholders private-use --placeholder-letters '' --all-forms
make cid-all            "$wg4" "$wg7" --seed 13 --placeholders cid --placeholder-letters '' --all-forms
make farsi-kashida      "$wg4" --seed 14 --farsi 1 --kashida 0.3
make presentation-forms "$wg7" --seed 15 --presentation-forms
make visual-order       "$wg4" --seed 16 --visual-order 1 --paragraph-numbers
make run-reversal       "$wg7" --seed 17 --run-reversal 1 --kashida 0.2 --paragraph-numbers
make spacing            "$wg4" --seed 18 --stray-spaces 0.05 --glued-words 0.03
make lost-spaces        "$wg4" "$wg7" --seed 20 --glued-words 1
make mixed              "$wg4" "$wg7" --seed 19 --farsi 1 --kashida 0.3 --presentation-forms --visual-order 0.2 \
                        --run-reversal 0.3 --placeholders replacement --placeholder-letters 'بيك' --paragraph-numbers
