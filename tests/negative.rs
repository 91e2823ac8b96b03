//! Do no harm: clean text comes out byte-identical, borrowed, with no fix.

mod common;

use std::borrow::Cow;

use arabic_repair::{diagnose, repair, repair_explained};

#[test]
fn negative_corpus_is_byte_identical() {
    for (path, text) in common::negative_texts() {
        let out = repair(&text);
        assert!(matches!(out, Cow::Borrowed(_)), "{}: repair changed it", path.display());
        let explained = repair_explained(&text);
        assert!(explained.fixes.is_empty(), "{}: fixes reported: {:?}", path.display(), &explained.fixes[..1]);
        assert!(explained.suggestions.is_empty(), "{}: suggested: {:?}", path.display(), &explained.suggestions[..1]);
    }
}

#[test]
fn negative_corpus_lines_alone_are_byte_identical() {
    // A line without its paragraph has less context (language, neighbours).
    for (path, text) in common::negative_texts() {
        for (n, line) in text.lines().enumerate() {
            assert_eq!(repair(line), line, "{}:{}", path.display(), n + 1);
        }
    }
}

#[test]
fn negative_corpus_as_one_document_is_byte_identical() {
    // The document-level judgements see every file at once: one file's
    // look-alikes of damage must not open a judgement for another's lines
    // (adverbs in `-لا` read as articles turned opened the gate for glue a
    // writer types, and the web text's lines were turned).
    let all: String = common::negative_texts().into_iter().map(|(_, t)| t + "\n").collect();
    let explained = repair_explained(&all);
    assert!(explained.fixes.is_empty(), "fixed: {:?}", &explained.fixes[..explained.fixes.len().min(3)]);
    assert_eq!(repair(&all), all);
}

#[test]
fn negative_corpus_has_no_damage() {
    for (path, text) in common::negative_texts() {
        let d = diagnose(&text);
        assert_eq!(d.damaged_words, 0, "{}: {d:?}", path.display());
    }
}

#[test]
fn negative_corpus_covers_what_it_claims() {
    // The negative corpus is only worth something if it holds the hard cases.
    let all: String = common::negative_texts().into_iter().map(|(_, t)| t).collect();
    for (what, needle) in [
        ("Persian ZWNJ", "\u{200C}"),
        ("Farsi yeh in Persian", "\u{06CC}"),
        ("keheh in Persian", "\u{06A9}"),
        ("Urdu yeh barree", "\u{06D2}"),
        ("shadda before kasra (not NFC)", "\u{0651}\u{0650}"),
        ("Hijri abbreviation", "هـ"),
        ("proclitic before a number", "بـ 22%"),
        ("dagger alef on tatweel", "\u{0640}\u{0670}"),
        ("Eastern Arabic digits", "٢٠١٨"),
        ("document symbol", "CTOC/COP/"),
        ("Latin ligature", "ﬁ"),
        ("trailing spaces on a line without Arabic", "   \n"),
        ("a root spelled out", "(ك ت ب)"),
        ("emoji joined by ZWJ", "\u{1F468}\u{200D}\u{1F469}"),
        ("an honorific sign set as a word", " \u{0613}"),
        ("a no-break space in web text", "بـ\u{A0}500ريال"),
        ("a file named in Arabic", "ملف.txt"),
        ("a year with its era", "1430هـ/2009م"),
        ("adverbs in -لا", "مثلا"),
        ("a fraction without its zero ending a line", "و .68\n"),
    ] {
        assert!(all.contains(needle), "negative corpus lacks {what}");
    }
}

#[test]
fn correct_lines_inside_damaged_documents_stay() {
    // A damaged document makes the repair bolder (reversed runs, lost
    // spaces, the document's judgements); correct lines inside it must still
    // stay: quotations in other languages, dates with their era, bullets
    // before numbers, a conjunction written apart before a number, letters
    // spelled out. (Documents whose every number came out reversed turn
    // numbers in correct lines too, documents of words emitted from the left
    // turn every line, and labels' look-alikes move where labels were
    // damaged so: known failures.)
    let lines = common::read(&common::corpus_dir().join("negative/inside-damaged-documents/correct-lines.txt"));
    for damaged in [
        "in-the-wild/ctoc-wg4-2018-3.broken.txt",
        "in-the-wild/ctoc-wg7-2021-5.broken.txt",
        "in-the-wild/pdf-amiri-pdfminer.broken.txt",
        "in-the-wild/pdf-weasy-amiri-pdftext.broken.txt",
        "in-the-wild/pdf-tech-noto-pdfjs.broken.txt",
        "synthetic/visual-order.broken.txt",
        "synthetic/run-reversal.broken.txt",
    ] {
        let document = common::read(&common::corpus_dir().join(damaged));
        let text = format!("{}{lines}", document.trim_end_matches('\n').to_owned() + "\n");
        let repaired = repair(&text);
        let n = document.trim_end_matches('\n').lines().count();
        for (line, out) in lines.lines().zip(repaired.lines().skip(n)) {
            assert_eq!(out, line, "{damaged}");
        }
        assert_eq!(repaired.lines().count(), n + lines.lines().count(), "{damaged}");
    }
}
