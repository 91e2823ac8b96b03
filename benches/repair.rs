//! Throughput of `repair` (MB/s) on the in-the-wild samples (damaged) and
//! on clean text (the gold and negative corpus: the fast path).
//!
//! Run with `cargo bench --bench repair`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// Repeats `text` until it is at least `bytes` long, so that a run measures
/// steady-state throughput rather than call overhead.
fn repeated(text: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + text.len());
    while s.len() < bytes {
        s.push_str(text);
        s.push('\n');
    }
    s
}

fn bench_repair(c: &mut Criterion) {
    let damaged =
        read("corpus/in-the-wild/ctoc-wg7-2021-5.broken.txt") + &read("corpus/in-the-wild/ctoc-wg4-2018-3.broken.txt");
    let clean =
        read("corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt") + &read("corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt");
    let inputs = [("damaged-samples", repeated(&damaged, 4 << 20)), ("clean-arabic", repeated(&clean, 4 << 20))];
    let mut group = c.benchmark_group("repair");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("repair", name), text, |b, t| b.iter(|| arabic_repair::repair(t)));
        group.bench_with_input(BenchmarkId::new("repair_explained", name), text, |b, t| {
            b.iter(|| arabic_repair::repair_explained(t))
        });
        group.bench_with_input(BenchmarkId::new("diagnose", name), text, |b, t| b.iter(|| arabic_repair::diagnose(t)));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_repair
}
criterion_main!(benches);
