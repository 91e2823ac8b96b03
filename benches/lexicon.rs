//! Lexicon lookups per second: exact, through clitics, and wildcard.
//!
//! Run with `cargo bench --bench lexicon`.

use arabic_repair::lexicon::{Lexicon, Slot};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn words() -> Vec<String> {
    let gold =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt"))
            .unwrap();
    gold.split_whitespace()
        .map(|w| w.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

fn bench_lookups(c: &mut Criterion) {
    let lexicon = Lexicon::embedded();
    let words = words();
    let mut group = c.benchmark_group("lexicon");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("zipf (exact)", |b| b.iter(|| words.iter().filter(|w| lexicon.zipf(w).is_some()).count()));
    group.bench_function("analyze (clitics)", |b| {
        b.iter(|| words.iter().filter(|w| lexicon.analyze(w).is_some()).count())
    });
    let tooth: Vec<char> = "بتثنيئىك".chars().collect();
    let patterns: Vec<Vec<Slot>> = words
        .iter()
        .filter(|w| w.chars().count() > 2)
        .map(|w| {
            let n = w.chars().count();
            w.chars()
                .enumerate()
                .map(|(i, ch)| if i == n / 2 { Slot::OneOf(tooth.clone()) } else { Slot::Letter(ch) })
                .collect()
        })
        .collect();
    group.throughput(Throughput::Elements(patterns.len() as u64));
    group.bench_function("matches (one wildcard of 8)", |b| {
        b.iter(|| patterns.iter().map(|p| lexicon.matches(p).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_lookups
}
criterion_main!(benches);
