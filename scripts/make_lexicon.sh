#!/usr/bin/env bash
# Regenerates data/lexicon.fst from the wordfreq export in ../shared/data,
# then data/letter_trigrams.bin (the letter model estimated from it).
# The crate's build and tests never run this; its output is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/data/wordfreq_ar.tsv.gz}
tmp=$(mktemp data/lexicon.fst.XXXXXX)
zcat "$src" | cargo run --release --quiet --example build_lexicon -- "$tmp"
chmod 644 "$tmp"
mv "$tmp" data/lexicon.fst
ls -l data/lexicon.fst
cargo test --release --quiet --lib letter_model::tests::write_letter_trigrams -- --ignored --exact
ls -l data/letter_trigrams.bin
