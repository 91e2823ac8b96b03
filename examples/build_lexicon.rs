//! Builds `data/lexicon.fst` from a word list with frequencies.
//!
//! Input on standard input: `word<TAB>frequency` lines (the export of
//! wordfreq's `large_ar` list in `../shared/data/wordfreq_ar.tsv.gz`).
//! Every word goes through the crate's own lookup normalization
//! (`arabic_repair::lexicon::key`), so the generator and the lookups can
//! never disagree; words holding anything but Arabic letters are dropped,
//! and words that normalize alike have their frequencies summed. The value
//! stored is the frequency in centibels plus 900 (the Zipf scale times 100).
//!
//! Run through `scripts/make_lexicon.sh`; the build never runs it.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_path = std::env::args().nth(1).ok_or("usage: build_lexicon OUT.fst < words.tsv")?;
    let mut freq: BTreeMap<Vec<u8>, f64> = BTreeMap::new();
    let (mut read, mut dropped) = (0usize, 0usize);
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let Some((word, f)) = line.split_once('\t') else { continue };
        read += 1;
        let f: f64 = f.trim().parse()?;
        match arabic_repair::lexicon::key(word) {
            Some(k) if !k.is_empty() => *freq.entry(k).or_default() += f,
            _ => dropped += 1,
        }
    }
    let mut builder = fst::MapBuilder::new(std::io::BufWriter::new(std::fs::File::create(&out_path)?))?;
    for (k, f) in &freq {
        let value = ((f.log10() * 100.0).round() + 900.0).max(1.0) as u64;
        builder.insert(k, value)?;
    }
    let mut w = builder.into_inner()?;
    w.flush()?;
    eprintln!("read {read} words, dropped {dropped}, wrote {} keys to {out_path}", freq.len());
    Ok(())
}
