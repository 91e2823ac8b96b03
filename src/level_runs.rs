//! Stage: lines whose runs of one direction came out in reverse order, each
//! run as it reads.
//!
//! The bidi algorithm cuts a right-to-left line into runs: the Arabic text
//! with the neutrals between (odd level), and each number or Latin stretch
//! (even level). Apache PDFBox (what Apache Tika runs), on the PDFs
//! LibreOffice writes with fonts that hold the line's punctuation, emits
//! those runs from the line's visual left to its right, each in reading
//! order:
//!
//! | extraction | reads |
//! |---|---|
//! | `- يتناول ... المياه.١` | `١- يتناول ... المياه.` |
//! | `.٢٠٢٣- وقد ... في عام ٢` | `٢- وقد ... في عام ٢٠٢٣.` |
//! | ` مدينة رئيسية.١٤- ويستند ... من ٣` | `٣- ويستند ... من ١٤ مدينة رئيسية.` |
//! | `( قدم الدعم الفني.UNEP- وأشار ... للبيئة )٧` | `٧- وأشار ... للبيئة (UNEP) قدم الدعم الفني.` |
//!
//! Turning the runs back is exact (`runs_in_reading_order`): no lexicon is
//! needed, and the brackets an Arabic run mirrored are turned back by
//! `mirrored_brackets` after the reading order. But a line whose runs stand
//! as they should is turned too, so the damage is judged once per document
//! (`document_reverses_level_runs`): two lines at least that end with their
//! paragraph number and read with it first (`١- ...`), two of them in a row
//! counting up. Then a line is turned where that moves neutrals from places
//! no text puts them (`misplaced_neutrals`).

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::label_marks::CountingUp;
use crate::pipeline::LineContext;
use crate::reading_order::{is_label_number, is_ltr};
use crate::script::{has_arabic_script, is_arabic_letter, is_arabic_script, is_digit, split_leading_digits};

/// Lines that end with their paragraph number needed before a document is
/// judged to have its runs reversed.
const MIN_LABELS_LAST: usize = 2;

/// Separators that join two digits into one number (`٢٠٢٣/٢٠٢٤`, `1.5`):
/// the bidi algorithm's rule W4 for one separator between numbers.
fn is_number_separator(c: char) -> bool {
    matches!(c, '/' | '.' | ',' | ':' | '-' | '٫' | '٬')
}

/// The line cut into its runs: each number or Latin stretch (with the
/// separators inside it, and the spaces and neutrals between two Latin
/// words, `UN Women`, `CTOC/COP/WG.7/2021/3`), and the text between them.
fn runs(line: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut cuts = vec![0];
    let mut i = 0;
    while i < chars.len() {
        if !is_ltr(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            // The next left-to-right character, past neutrals only.
            let mut j = end;
            while j < chars.len() && !is_ltr(chars[j].1) && !is_arabic_script(chars[j].1) {
                j += 1;
            }
            if j >= chars.len() || !is_ltr(chars[j].1) {
                break;
            }
            let (before, after) = (chars[end - 1].1, chars[j].1);
            let gap = &chars[end..j];
            let joins = gap.is_empty()
                || (gap.len() == 1 && is_number_separator(gap[0].1))
                || (before.is_ascii_alphabetic() || after.is_ascii_alphabetic()) && !gap.iter().any(|&(_, c)| c == ' ')
                || (before.is_ascii_alphabetic() && after.is_ascii_alphabetic());
            if !joins {
                break;
            }
            end = j + 1;
        }
        let (from, to) = (chars[start].0, chars.get(end).map_or(line.len(), |&(at, _)| at));
        // Latin letters between two Arabic letters are a glyph's code, no
        // run (`الخHبراء`: the Amiri font's ligature).
        let arabic_at = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(|&(_, c)| is_arabic_letter(c));
        let latin = chars[start..end].iter().all(|&(_, c)| c.is_ascii_alphabetic());
        if latin && arabic_at(start.checked_sub(1)) && arabic_at(Some(end)) {
            i = end;
            continue;
        }
        cuts.extend([from, to]);
        i = end;
    }
    cuts.push(line.len());
    // (The cuts only grow; equal neighbours would make empty runs.)
    cuts.dedup();
    cuts.windows(2).map(|w| &line[w[0]..w[1]]).collect()
}

/// The line with its runs in the opposite order, if it holds Arabic and
/// two runs at least.
fn runs_in_reading_order(line: &str) -> Option<String> {
    if !has_arabic_script(line) {
        return None;
    }
    // A period that starts the line before a space was drawn in a font of
    // its own (KacstBook, Noto Kufi lack it), a run apart.
    // (The space after it is the next run's: `. في` is `١٢ في`.)
    let (period, rest) = if line.starts_with(". ") { (".", &line[1..]) } else { ("", line) };
    let mut runs = runs(rest);
    if !period.is_empty() {
        runs.insert(0, period);
    }
    if runs.len() < 2 {
        return None;
    }
    let turned: String = runs.iter().rev().copied().collect();
    // The label's hyphen, a run of its own in those fonts, comes before its
    // number (` -١ يتناول`).
    let text = turned.trim_start_matches(' ');
    if let Some((digits, word)) = text.strip_prefix('-').map(split_leading_digits) {
        let word = word.trim_start_matches(' ');
        if is_label_number(digits) && word.starts_with(is_arabic_letter) {
            return Some(format!("{digits}- {word}"));
        }
    }
    Some(turned)
}

/// The paragraph number of a line whose reversed runs put it last: the
/// line ends with a number of at most three digits, and read the other way
/// starts with it and its hyphen (`- يتناول ... المياه.١`).
pub(crate) fn label_last(line: &str) -> Option<u64> {
    let line = line.trim_end_matches([' ', '\r']);
    let last_number = line.char_indices().rev().take_while(|&(_, c)| is_digit(c)).last()?.0;
    if !is_label_number(&line[last_number..]) || line.trim_start().starts_with(is_digit) {
        return None;
    }
    let turned = runs_in_reading_order(line)?;
    let (digits, rest) = split_leading_digits(&turned);
    rest.starts_with("- ").then(|| crate::number_order::value(digits, false))
}

/// Whether the document's lines came out with their runs in reverse order
/// (see the module documentation).
pub(crate) fn document_reverses_level_runs<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut labels, mut numbers) = (0usize, CountingUp::default());
    for line in lines {
        let Some(number) = may_end_with_label(line.as_bytes()).then(|| label_last(line)).flatten() else {
            continue;
        };
        labels += 1;
        numbers.add(number);
    }
    labels >= MIN_LABELS_LAST && numbers.counts_up()
}

/// A cheap test on a line's bytes that passes every line `label_last`
/// reads (the fast path asks it of every line): it ends with a digit and
/// holds a hyphen.
pub(crate) fn may_end_with_label(line: &[u8]) -> bool {
    let end = line.iter().rposition(|&b| !matches!(b, b' ' | b'\r')).map_or(0, |e| e + 1);
    let last = &line[..end];
    let ends_with_digit = last.last().is_some_and(u8::is_ascii_digit)
        || (last.len() >= 2 && crate::script::digit_len(&last[last.len() - 2..]) == 2);
    ends_with_digit && memchr::memchr(b'-', last).is_some()
}

/// Neutrals in places no text puts them: a line that starts with
/// punctuation or a hyphen, a line that ends with a number after a space or
/// a hyphen's run (its paragraph's), and sentence punctuation glued before
/// a number or a Latin word (`.٢٠٢٣`, `.UNEP`).
fn misplaced_neutrals(line: &str) -> usize {
    let text = line.trim_matches([' ', '\r']);
    let starts = text.starts_with(['.', '،', '؛', '-', '(', ')']) as usize;
    let glued = text
        .char_indices()
        .filter(|&(at, c)| {
            matches!(c, '.' | '،' | '؛') && at > 0 && text[at + c.len_utf8()..].starts_with(|n: char| is_ltr(n))
        })
        .count();
    let ends_with_label = label_last(text).is_some() as usize;
    starts + glued + ends_with_label
}

/// In a document whose runs came out in reverse order
/// (`ctx.level_runs_reversed`), turns a line's runs back where that puts
/// its neutrals where text has them.
pub(crate) fn restore_level_runs<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.level_runs_reversed {
        return Cow::Borrowed(line);
    }
    let Some(turned) = runs_in_reading_order(line) else {
        return Cow::Borrowed(line);
    };
    let turned = turned.trim_matches(' ');
    if misplaced_neutrals(turned) >= misplaced_neutrals(line) {
        return Cow::Borrowed(line);
    }
    let mut rw = Rewriter::new(line, edits);
    rw.replace(0..line.len(), turned, FixKind::ReadingOrder, 0.95);
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_cut_where_its_direction_changes() {
        assert_eq!(runs(".٢٠٢٣- وقد أعد في عام ٢"), vec![".", "٢٠٢٣", "- وقد أعد في عام ", "٢"]);
        assert_eq!(runs("( قدم الفني.UNEP- وأشار للبيئة )٧"), vec!["( قدم الفني.", "UNEP", "- وأشار للبيئة )", "٧"]);
        // Separators inside a number, words of a Latin name.
        assert_eq!(runs("قضايا CTOC/COP/WG.7/2021/3 و"), vec!["قضايا ", "CTOC/COP/WG.7/2021/3", " و"]);
        assert_eq!(runs("هيئة UN Women في ٢٠٢٣/٢٠٢٤."), vec!["هيئة ", "UN Women", " في ", "٢٠٢٣/٢٠٢٤", "."]);
        // Two numbers apart stay apart.
        assert_eq!(runs("من ١٢ - ١٥"), vec!["من ", "١٢", " - ", "١٥"]);
    }

    #[test]
    fn runs_come_back_in_reading_order() {
        for (extracted, reads) in [
            ("- يتناول هذا التقرير إدارة المياه.١", "١- يتناول هذا التقرير إدارة المياه."),
            (".٢٠٢٣- وقد أعد التقرير فريق في عام ٢", "٢- وقد أعد التقرير فريق في عام ٢٠٢٣."),
            (" مدينة رئيسية.١٤- ويستند التقرير إلى بيانات من ٣", "٣- ويستند التقرير إلى بيانات من ١٤ مدينة رئيسية."),
        ] {
            assert_eq!(runs_in_reading_order(extracted).unwrap().trim(), reads);
            assert!(misplaced_neutrals(reads) < misplaced_neutrals(extracted), "{extracted}");
        }
    }

    #[test]
    fn documents_are_judged_by_labels_that_count_up() {
        let damaged = ["- يتناول هذا التقرير إدارة المياه.١", ".٢٠٢٣- وقد أعد التقرير فريق في عام ٢"];
        assert!(document_reverses_level_runs(damaged.into_iter()));
        // One line alone, or numbers that do not count up, are no list.
        assert!(!document_reverses_level_runs(damaged[..1].iter().copied()));
        let apart = ["- يتناول هذا التقرير إدارة المياه.١", ".٢٠٢٣- وقد أعد التقرير فريق في عام ٥"];
        assert!(!document_reverses_level_runs(apart.into_iter()));
        // Text as it should be: labels first, a date range, a number last.
        let clean = [
            "١- يتناول هذا التقرير إدارة المياه في الفترة ٢٠٢٠- ٢٠٢٣",
            "٢- وانظر الفقرتين ١٢- ١٥ والفقرة ٣",
            "وتراوحت درجات الحرارة بين -٥ و٣",
            "وتراوحت درجات الحرارة بين -٦ و٤",
        ];
        assert!(!document_reverses_level_runs(clean.into_iter()));
    }
}
