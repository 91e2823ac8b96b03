//! Helpers shared by the integration tests: where the corpus is.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The files of a corpus directory with the given suffix, sorted.
pub fn files(dir: &str, suffix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join(dir))
        .unwrap_or_else(|e| panic!("corpus/{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no *{suffix} in corpus/{dir}");
    v
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The clean texts that must come out byte-identical: `corpus/negative/*`
/// and the gold of every in-the-wild document.
pub fn negative_texts() -> Vec<(PathBuf, String)> {
    let mut v: Vec<PathBuf> = files("negative", ".txt");
    v.extend(files("in-the-wild", ".gold.txt"));
    v.into_iter().map(|p| (p.clone(), read(&p))).collect()
}

/// A line's Arabic words, letters only (marks and neutrals dropped), in
/// the order they stand: the same for two lines that move no word.
#[allow(dead_code)] // (Not every test binary that includes this module uses it.)
pub fn arabic_words(line: &str) -> Vec<String> {
    line.split(|c: char| !('\u{0621}'..='\u{0652}').contains(&c))
        .map(|w| w.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A document of `corpus/in-the-wild` by its name: the extraction and its
/// gold.
#[allow(dead_code)] // (Not every test binary that includes this module uses it.)
pub fn in_the_wild(name: &str) -> (String, String) {
    let dir = corpus_dir().join("in-the-wild");
    (read(&dir.join(format!("{name}.broken.txt"))), read(&dir.join(format!("{name}.gold.txt"))))
}
