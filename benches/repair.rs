//! Throughput of the repair (MB/s), by input and by stage.
//!
//! * `fast-path/clean-arabic/N`: clean Arabic text (the gold of the two
//!   reports), 1, 10 and 100 MB: the one-pass scan that returns it borrowed.
//! * `full/real-samples`: the two real extractions as they are (90 KB).
//! * `full/sample-like/N`: text damaged by the synthetic generator the way
//!   the samples are (U+FFFD for ب ي ك, Farsi letters, kashida, lines in
//!   visual order and with reversed runs, flipped paragraph numbers), every
//!   line different, 0.25, 1 and 4 MB: the slope shows the cost is linear.
//! * `full/code-point-damage/N`: only code-point damage (Farsi letters,
//!   kashida, presentation forms), 1, 10 and 100 MB.
//! * `stage/NAME`: each stage alone (the others switched off in `Config`)
//!   on 1 MB of sample-like damage.
//!
//! Run with `cargo bench --bench repair` (all of it takes about 15 minutes;
//! `cargo bench --bench repair -- fast-path` for one group).

use std::path::Path;

use arabic_repair::synthetic::{Damage, PlaceholderStyle};
use arabic_repair::{Config, Repairer};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

fn gold() -> String {
    read("corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt") + &read("corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt")
}

/// Repeats `text` until it is at least `bytes` long.
fn repeated(text: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + text.len());
    while s.len() < bytes {
        s.push_str(text);
    }
    s
}

/// At least `bytes` of `damage` applied to the gold, each copy with its own
/// seed (so that no line repeats: the repair remembers the lines of a
/// document it has read).
fn damaged(bytes: usize, damage: impl Fn(u64) -> Damage) -> String {
    let clean = gold();
    let mut s = String::with_capacity(bytes + 2 * clean.len());
    let mut seed = 1;
    while s.len() < bytes {
        s.push_str(&damage(seed).apply(&clean).broken);
        seed += 1;
    }
    s
}

/// The damage of the samples, as `corpus/synthetic/mixed` has it.
fn sample_like(seed: u64) -> Damage {
    Damage::new(seed)
        .placeholders(PlaceholderStyle::Replacement, "بيك", true, 1.0)
        .farsi_letters(1.0)
        .kashida(0.3)
        .visual_order(0.2)
        .run_reversal(0.3)
        .paragraph_numbers(true)
}

fn code_point_damage(seed: u64) -> Damage {
    Damage::new(seed).farsi_letters(1.0).kashida(0.3).presentation_forms(true)
}

const MB: usize = 1_000_000;

fn bench_fast_path(c: &mut Criterion) {
    let clean = gold();
    let mut group = c.benchmark_group("fast-path");
    for mb in [1, 10, 100] {
        let text = repeated(&clean, mb * MB);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("clean-arabic", format!("{mb}MB")), &text, |b, t| {
            b.iter(|| arabic_repair::repair(t))
        });
    }
    group.finish();
}

fn bench_full(c: &mut Criterion) {
    let mut group = c.benchmark_group("full");
    let real =
        read("corpus/in-the-wild/ctoc-wg4-2018-3.broken.txt") + &read("corpus/in-the-wild/ctoc-wg7-2021-5.broken.txt");
    group.throughput(Throughput::Bytes(real.len() as u64));
    group.bench_with_input(BenchmarkId::new("real-samples", "90KB"), &real, |b, t| b.iter(|| arabic_repair::repair(t)));
    for kb in [250, 1000, 4000] {
        let text = damaged(kb * 1000, sample_like);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("sample-like", format!("{kb}KB")), &text, |b, t| {
            b.iter(|| arabic_repair::repair(t))
        });
    }
    for mb in [1, 10, 100] {
        let text = damaged(mb * MB, code_point_damage);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("code-point-damage", format!("{mb}MB")), &text, |b, t| {
            b.iter(|| arabic_repair::repair(t))
        });
    }
    group.finish();
}

fn bench_stages(c: &mut Criterion) {
    let text = damaged(MB, sample_like);
    let none = Config::new()
        .invisible_controls(false)
        .placeholders(false)
        .reading_order(false)
        .presentation_forms(false)
        .tatweel(false)
        .farsi_letters(false)
        .spacing(false)
        .mark_order(false);
    let stages: [(&str, Config); 8] = [
        ("invisible-controls", none.clone().invisible_controls(true)),
        ("placeholders", none.clone().placeholders(true)),
        ("reading-order", none.clone().reading_order(true)),
        ("presentation-forms", none.clone().presentation_forms(true)),
        ("tatweel", none.clone().tatweel(true)),
        ("farsi-letters", none.clone().farsi_letters(true)),
        ("digits", none.clone().digits(arabic_repair::DigitStyle::Ascii)),
        ("spacing", none.clone().spacing(true)),
    ];
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, config) in stages {
        let repairer = Repairer::new(config);
        group.bench_with_input(BenchmarkId::new(name, "1MB-sample-like"), &text, |b, t| b.iter(|| repairer.repair(t)));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_fast_path, bench_full, bench_stages
}
criterion_main!(benches);
