//! Stage: runs that an extractor emitted left to right, each wrapped in a
//! right-to-left embedding of its own.
//!
//! `pdftotext -raw` writes the text in the order the PDF draws it, and
//! wraps every right-to-left run in RLE … PDF (U+202B … U+202C). A PDF that
//! draws its runs from left to right (LibreOffice's do) then comes out with
//! the runs of a line in visual order: `⟨المناطق⟩ ⟨في⟩ ⟨تقرير⟩` (⟨ ⟩ for
//! RLE and PDF), each run in logical order, and the pieces of a word that the PDF drew apart (a
//! ligature and the rest) as neighbouring embeddings in that order too:
//! `⟨حضرية⟩⟨ل⟩⟨ا⟩` for `الحضرية`. Once the controls are removed, the runs
//! cannot be told apart; while they are there, the line's order is plain.
//!
//! Whether a document's runs came out so is judged once, by the lexicon, on
//! its words cut into embeddings (`document_reverses_embedded_runs`): each
//! group of neighbouring embeddings is read in both orders, and the
//! document is turned when the reverse reads clearly better in at least
//! `MIN_VOTES` groups and the order as written clearly better in almost
//! none; a line whose ends are in visual order (the sentence's period
//! before its first embedding, its label flipped after the last, `.⟨...⟩
//! -١`) is a vote too, without the lexicon, and so is a line whose
//! punctuation is glued before its embeddings more often than after them
//! (`،⟨الطاقة⟩ ⟨سياسات⟩`: the punctuation after a word, drawn on its left;
//! after them, a vote for the order as written). A document that shows neither
//! gives no evidence, and is left alone. Then each line's top-level embeddings and the text
//! between them are put in reverse order (`reverse_embedded_runs`): the
//! embeddings as they are, the neutral text between them reversed (a
//! number or a Latin word keeps its own order), and the controls dropped.

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::reading_order::WordScorer;
use crate::script::is_bidi_control;

/// Right-to-left embedding and pop directional formatting.
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';

/// How much better (natural log) one order of a group must read to count.
const MARGIN: f64 = 3.0;

/// Groups that read clearly better reversed, needed to turn a document.
const MIN_VOTES: usize = 2;

/// One part of a line: the content of an embedding, or the text between two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part<'a> {
    Embedded(&'a str),
    Between(&'a str),
}

/// The parts of a line made of top-level RLE … PDF embeddings and the text
/// between them, or `None` if the line has no embedding or any other
/// control (nested embeddings are pdftotext's ordinary output, which
/// `invisible_controls` reads).
fn parts(line: &str) -> Option<Vec<Part<'_>>> {
    if !line.contains(RLE) {
        return None;
    }
    let mut parts = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        match rest.find(|c: char| is_bidi_control(c)) {
            None => {
                parts.push(Part::Between(rest));
                rest = "";
            }
            Some(at) => {
                if at > 0 {
                    parts.push(Part::Between(&rest[..at]));
                }
                let inner = rest[at..].strip_prefix(RLE)?;
                let end = inner.find(|c: char| is_bidi_control(c))?;
                if !inner[end..].starts_with(PDF) {
                    return None;
                }
                parts.push(Part::Embedded(&inner[..end]));
                rest = &inner[end + PDF.len_utf8()..];
            }
        }
    }
    Some(parts)
}

/// Whether a document's embedded runs came out in visual order: its words
/// cut into neighbouring embeddings read clearly better reversed, in at
/// least `MIN_VOTES` groups and more than three times as many as read
/// clearly better as written.
pub(crate) fn document_reverses_embedded_runs<'l>(lines: impl Iterator<Item = &'l str>, scorer: &WordScorer) -> bool {
    let (mut reversed, mut as_written) = (0usize, 0usize);
    for parts in lines.filter_map(parts) {
        if ends_show_visual_order(&parts) {
            reversed += 1;
        }
        match punctuation_sides(&parts) {
            (before, after) if before > after => reversed += 1,
            (before, after) if after > before => as_written += 1,
            _ => {}
        }
        let mut group: Vec<&str> = Vec::new();
        // A sentinel ends the last group.
        for part in parts.iter().chain([&Part::Between(" ")]) {
            match part {
                Part::Embedded(text) => group.push(text),
                Part::Between(_) => {
                    if group.len() >= 2 {
                        let forward: String = group.concat();
                        let backward: String = group.iter().rev().copied().collect();
                        let gain = scorer.word(&backward) - scorer.word(&forward);
                        if gain >= MARGIN {
                            reversed += 1;
                        } else if gain <= -MARGIN {
                            as_written += 1;
                        }
                    }
                    group.clear();
                }
            }
        }
    }
    reversed >= MIN_VOTES && reversed > 3 * as_written
}

/// The sentence punctuation of a line glued before an embedding (`،⟨الطاقة⟩`:
/// the punctuation after a word, drawn on its left, emitted first) and
/// glued after one (`⟨الطاقة⟩،`, as text writes it): running text without
/// labels shows its order so, whatever its words.
fn punctuation_sides(parts: &[Part<'_>]) -> (usize, usize) {
    let is_punctuation = crate::label_marks::is_end_punctuation;
    let (mut before, mut after) = (0, 0);
    for (i, part) in parts.iter().enumerate() {
        if let Part::Between(text) = part {
            let embedded =
                |at: Option<usize>| at.and_then(|k| parts.get(k)).is_some_and(|p| matches!(p, Part::Embedded(_)));
            if text.ends_with(is_punctuation) && embedded(Some(i + 1)) {
                before += 1;
            }
            if text.starts_with(is_punctuation) && embedded(i.checked_sub(1)) {
                after += 1;
            }
        }
    }
    (before, after)
}

/// `.⟨المياه⟩ ... ⟨يتناول⟩ -١`: the sentence's period before the first
/// embedding and the paragraph label, flipped, after the last: a line's
/// ends in visual order, whatever its words (ReportLab's reshaped text,
/// each word an embedding of its own, none cut).
fn ends_show_visual_order(parts: &[Part<'_>]) -> bool {
    let (Some(Part::Between(first)), Some(Part::Between(last))) = (parts.first(), parts.last()) else {
        return false;
    };
    // (A neutral's glyph mapped to nothing stands for it: Noto Kufi's
    // hyphen and period in XeLaTeX's PDFs, `�⟨المياه⟩ ... �١`.)
    let unmapped = ['\u{FFFD}', crate::script::UNMAPPED_GLYPH];
    let label =
        last.trim().strip_prefix(['-', unmapped[0], unmapped[1]]).is_some_and(crate::reading_order::is_label_number);
    label && first.trim().starts_with(['.', '،', '؛', ':', unmapped[0], unmapped[1]])
}

/// The text between two embeddings read in the other direction: its
/// characters reversed, but for runs of digits and Latin letters, which
/// keep their order (`( 2021` is `2021 (`).
fn reversed_between(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut units: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut previous_ltr = false;
    for (i, c) in text.char_indices() {
        let ltr = crate::reading_order::is_ltr(c);
        if i > 0 && !(ltr && previous_ltr) {
            units.push(&text[start..i]);
            start = i;
        }
        previous_ltr = ltr;
    }
    if start < text.len() {
        units.push(&text[start..]);
    }
    units.iter().rev().for_each(|u| out.push_str(u));
    out
}

/// Puts a line's embedded runs in reverse order, in a document judged to
/// have them in visual order (`ctx.embedded_runs_reversed`).
pub(crate) fn reverse_embedded_runs<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.embedded_runs_reversed {
        return Cow::Borrowed(line);
    }
    let Some(parts) = parts(line) else {
        return Cow::Borrowed(line);
    };
    let mut logical = String::with_capacity(line.len());
    for part in parts.iter().rev() {
        match part {
            Part::Embedded(text) => logical.push_str(text),
            Part::Between(text) => logical.push_str(&reversed_between(text)),
        }
    }
    // A line the reversal leaves as it reads (one embedding alone) is left
    // to `invisible_controls`, which removes its controls as such.
    let as_written: String = parts
        .iter()
        .map(|p| match p {
            Part::Embedded(text) | Part::Between(text) => *text,
        })
        .collect();
    if logical == as_written {
        return Cow::Borrowed(line);
    }
    rewrite_whole(line, &logical, FixKind::ReadingOrder, 0.95, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed(s: &str) -> String {
        format!("{RLE}{s}{PDF}")
    }

    #[test]
    fn a_line_is_cut_into_its_embeddings() {
        let line = format!("{}{} {} -", embed("حضرية"), embed("ل"), embed("في"));
        assert_eq!(
            parts(&line).unwrap(),
            [
                Part::Embedded("حضرية"),
                Part::Embedded("ل"),
                Part::Between(" "),
                Part::Embedded("في"),
                Part::Between(" -")
            ]
        );
        // pdftotext's ordinary lines nest embeddings; other controls are
        // not this damage; a line without an embedding has none.
        assert_eq!(parts("\u{202B}\u{202A} -١\u{202C}يتناول\u{202C}"), None);
        assert_eq!(parts(&format!("{}\u{200F}", embed("في"))), None);
        assert_eq!(parts("في المدن"), None);
    }

    #[test]
    fn text_between_reads_the_other_way_with_numbers_kept() {
        assert_eq!(reversed_between(" -"), "- ");
        assert_eq!(reversed_between(" ً"), "ً ");
        assert_eq!(reversed_between("( 2021 UN"), "UN 2021 (");
        assert_eq!(reversed_between("٢٠٢٣ ."), ". ٢٠٢٣");
    }

    #[test]
    fn the_runs_of_a_line_are_reversed() {
        // pdf-amiri-pdftotext-raw.broken.txt, line 1
        let line = format!(
            "{}{}{} {} {} {}",
            embed("حضرية"),
            embed("ل"),
            embed("ا"),
            embed("المناطق"),
            embed("في"),
            embed("تقرير")
        );
        use crate::pipeline::tests::{run_stage, run_stage_with_reversed_embedded_runs};
        assert_eq!(run_stage(reverse_embedded_runs, &line), line);
        assert_eq!(run_stage_with_reversed_embedded_runs(&line), "تقرير في المناطق الحضرية");
        // One embedding alone reads the same either way: left to the stage
        // that removes controls.
        let alone = embed("تقرير");
        assert_eq!(run_stage_with_reversed_embedded_runs(&alone), alone);
    }

    #[test]
    fn documents_are_judged_by_their_cut_words() {
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        let embed = |s: &str| embed(s);
        // Ligature pieces after the rest of the word: the runs are in
        // visual order.
        let visual = [
            format!("{}{}{} {}", embed("حضرية"), embed("ل"), embed("ا"), embed("المناطق")),
            format!("{}{}{} {}", embed("جنة"), embed("ل"), embed("ال"), embed("طلب")),
        ];
        assert!(document_reverses_embedded_runs(visual.iter().map(String::as_str), &scorer));
        // The same pieces in logical order, and words never cut: no.
        let logical = [
            format!("{}{}{} {}", embed("ا"), embed("ل"), embed("حضرية"), embed("المناطق")),
            format!("{}{}{} {}", embed("ال"), embed("ل"), embed("جنة"), embed("طلب")),
        ];
        assert!(!document_reverses_embedded_runs(logical.iter().map(String::as_str), &scorer));
        let whole = [format!("{} {}", embed("المناطق"), embed("في"))];
        assert!(!document_reverses_embedded_runs(whole.iter().map(String::as_str), &scorer));
    }

    #[test]
    fn documents_are_judged_by_the_ends_of_their_lines() {
        // pdf-reportlab-amiri-pdftotext-raw.broken.txt, lines 3 and 4 (base
        // letters here): every word an embedding, none cut, the period first
        // and the label flipped last.
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        let line = |words: &[&str], label: &str| {
            format!(".{} {label}", words.iter().map(|w| embed(w)).collect::<Vec<_>>().join(" "))
        };
        let visual = [line(&["المياه", "إدارة", "في"], "-١"), line(&["عام", "في", "اللجنة"], "-٢")];
        assert!(document_reverses_embedded_runs(visual.iter().map(String::as_str), &scorer));
        // The label as it reads, first, and the period last: no.
        let logical =
            [format!("١- {} {}.", embed("في"), embed("إدارة")), format!("٢- {} {}.", embed("اللجنة"), embed("في"))];
        assert!(!document_reverses_embedded_runs(logical.iter().map(String::as_str), &scorer));
        // The hyphen and period mapped to nothing (Noto Kufi in XeLaTeX's
        // PDFs, `pdf-xelatex-notokufi-pdftotext-raw`): the same.
        let unmapped: Vec<String> = visual.iter().map(|l| l.replace(['.', '-'], "\u{FFFD}")).collect();
        assert!(document_reverses_embedded_runs(unmapped.iter().map(String::as_str), &scorer));
        // (A number after a space at the end is no label flipped.)
        let no_label: Vec<String> = unmapped.iter().map(|l| l.replace(" \u{FFFD}", " ")).collect();
        assert!(!document_reverses_embedded_runs(no_label.iter().map(String::as_str), &scorer));
    }

    #[test]
    fn running_text_is_judged_by_the_side_its_punctuation_is_on() {
        // pdf-prose-weasy-dejavu-pdftotext-raw.broken.txt, lines 3 and 4:
        // every word an embedding, none cut, no label; the punctuation after
        // a word drawn on its left, emitted before its embedding.
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        let words = |parts: &[&str]| {
            parts.iter().map(|p| p.strip_prefix('=').map_or_else(|| embed(p), str::to_string)).collect::<String>()
        };
        let visual = [
            words(&["حصة", "= ", "وطنية", "= ", "إذ", "= ،", "الطاقة", "= ", "سياسات"]),
            words(&["الوكالة", "= ", "وتشير", "= .", "الكهرباء", "= ", "مزيج"]),
        ];
        assert!(document_reverses_embedded_runs(visual.iter().map(String::as_str), &scorer));
        assert_eq!(punctuation_sides(&parts(&visual[0]).unwrap()), (1, 0));
        // The same words in reading order, the punctuation after them: no.
        let logical = [
            words(&["سياسات", "= ", "الطاقة", "=، ", "إذ", "= ", "وطنية", "= ", "حصة"]),
            words(&["مزيج", "= ", "الكهرباء", "=. ", "وتشير", "= ", "الوكالة"]),
        ];
        assert!(!document_reverses_embedded_runs(logical.iter().map(String::as_str), &scorer));
        assert_eq!(punctuation_sides(&parts(&logical[0]).unwrap()), (0, 1));
    }
}
