//! The embedded lexicon against real text: coverage of the gold words.

mod common;

use arabic_repair::lexicon::{normalize, Lexicon};

/// Share of Arabic word tokens of the gold that the lexicon knows, as they
/// are and through clitics.
fn coverage(text: &str) -> (f64, f64, usize) {
    let lexicon = Lexicon::embedded();
    let (mut exact, mut with_clitics, mut total) = (0, 0, 0);
    for token in text.split_whitespace() {
        let word: String = normalize(token).chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).collect();
        if word.is_empty() {
            continue;
        }
        total += 1;
        if lexicon.contains(&word) {
            exact += 1;
        }
        if lexicon.analyze(&word).is_some() {
            with_clitics += 1;
        }
    }
    (exact as f64 / total as f64, with_clitics as f64 / total as f64, total)
}

#[test]
fn lexicon_covers_the_gold() {
    for path in common::files("in-the-wild", ".gold.txt") {
        let (exact, clitics, total) = coverage(&common::read(&path));
        eprintln!(
            "{}: {total} words, {:.1}% known, {:.1}% with clitics",
            path.display(),
            exact * 100.0,
            clitics * 100.0
        );
        assert!(exact > 0.95, "{}: coverage {exact}", path.display());
        assert!(clitics >= exact);
    }
}

#[test]
fn lexicon_size_stays_within_budget() {
    let bytes = std::fs::metadata(common::corpus_dir().join("../data/lexicon.fst")).unwrap().len();
    assert!(bytes <= 10 << 20, "data/lexicon.fst is {bytes} bytes");
    assert!(Lexicon::embedded().len() > 500_000);
}
