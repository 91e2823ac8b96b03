//! Stage: words whose letters came out in visual order while the words
//! stand in reading order.
//!
//! PDFium, on the PDFs Chromium prints with KacstBook or KacstOffice, writes
//! a line's words in reading order but most words' letters reversed, and
//! the label as it is drawn: `-١ لوانتي اذه ريرقتلا ... هايملا.` for `١-
//! يتناول هذا التقرير ... المياه.`. Read as a whole line in visual order,
//! the line would have its words turned around too (the reading order's
//! visual reading); here each word is turned in place.
//!
//! A line in visual order shows its label last and its period first
//! (`.هايملا ... لوانتي -١`); these lines show the label first and the period
//! last, so the damage is judged once per document
//! (`document_reverses_words_in_place`): two lines at least that start with
//! a paragraph number drawn as `-N`, two in a row counting up, most of whose
//! words the lexicon lists far more often turned; or, in running text
//! without labels, three lines at least of such words whose punctuation
//! ends a turned word (`تاسايس ةقاطلا، ذإ` for `سياسات الطاقة، إذ`), where a
//! line in visual order has it start one (`ذإ ،ةقاطلا تاسايس`), and few
//! lines of that kind. Then, on every line, each token
//! whose letters the lexicon lists far more often turned is turned (`turn_words`),
//! with the punctuation at its end left there; the label `-١` becomes `١-`.

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::label_marks::CountingUp;
use crate::lexicon::Lexicon;
use crate::pipeline::LineContext;
use crate::reading_order::is_label_number;
use crate::script::{is_arabic_letter, is_arabic_mark, split_leading_digits};

/// Lines that start with a label drawn as `-N` and read as turned words,
/// needed before a document is judged.
const MIN_LINES: usize = 2;

/// The letters and marks of a token, and the punctuation before and after
/// them (`هايملا.`: `هايملا` with `.` after).
fn word_of(token: &str) -> (&str, &str, &str) {
    let is_word_char = |c: char| is_arabic_letter(c) || is_arabic_mark(c);
    let start = token.find(is_word_char).unwrap_or(token.len());
    let end = token.rfind(is_word_char).map_or(start, |i| i + token[i..].chars().next().map_or(0, char::len_utf8));
    (&token[..start], &token[start..end], &token[end..])
}

/// A word's letters in the opposite order, each with the marks that follow
/// it as extracted (PDFium writes a letter's marks after it even in these
/// turned words).
fn turned(word: &str) -> String {
    let mut units: Vec<String> = Vec::new();
    for c in word.chars() {
        match units.last_mut() {
            Some(unit) if is_arabic_mark(c) => unit.push(c),
            _ => units.push(c.to_string()),
        }
    }
    units.iter().rev().map(String::as_str).collect()
}

/// How much more frequent (in Zipf units, with clitics) a word must be
/// turned than as it stands to be turned: word lists hold pieces and
/// reversed words too (`يف` for `في`, `اذه` for `هذا`), far rarer.
const TURNED_MARGIN: f32 = 1.5;

/// Whether the lexicon lists a word far more often turned than as it stands
/// (`لوانتي`: `يتناول`; `الخبراء` stays).
fn listed_far_more_often_turned(word: &str) -> bool {
    let lexicon = Lexicon::embedded();
    let zipf = |w: &str| lexicon.analyze(w).map_or(0.0, |a| a.zipf);
    word.chars().filter(|&c| is_arabic_letter(c)).count() > 1 && zipf(&turned(word)) >= zipf(word) + TURNED_MARGIN
}

/// The label number a line starts with drawn as `-N` (`-١ لوانتي ...`).
fn label_drawn_first(line: &str) -> Option<u64> {
    let rest = line.trim_start_matches(' ').strip_prefix('-')?;
    let (digits, after) = split_leading_digits(rest);
    (is_label_number(digits) && after.starts_with(' ')).then(|| crate::number_order::value(digits, false))
}

/// Whether most of a line's Arabic words (of two letters or more) are
/// listed far more often turned.
fn reads_as_turned_words(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(' ')
        .map(|t| word_of(t).1)
        .filter(|w| w.chars().filter(|&c| is_arabic_letter(c)).count() > 1)
        .collect();
    let turned = words.iter().filter(|w| listed_far_more_often_turned(w)).count();
    !words.is_empty() && 2 * turned > words.len()
}

/// Whether the document's words came out with their letters reversed in
/// reading order (see the module documentation).
pub(crate) fn document_reverses_words_in_place<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut found, mut numbers) = (0usize, CountingUp::default());
    // Lines without a label: of those that read as turned words, the ones
    // whose punctuation ends a turned word (`ةقاطلا،`) and those where it
    // starts one (`،ةقاطلا`, a line in visual order).
    let (mut punctuated_after, mut punctuated_before, mut read_unlabelled) = (0usize, 0usize, 0usize);
    for line in lines {
        let Some(number) = label_drawn_first(line) else {
            // (The lines of running text are read up to a bound: the lexicon
            // is asked about every punctuated word of each.)
            let punctuated = line.contains(['.', '،', '؛', ':']);
            if punctuated && read_unlabelled < MAX_UNLABELLED_LINES_READ {
                read_unlabelled += 1;
            } else {
                continue;
            }
            if let Some(after) = turned_words_punctuated_after(line) {
                punctuated_after += usize::from(after);
                punctuated_before += usize::from(!after);
            }
            continue;
        };
        if reads_as_turned_words(line) {
            found += 1;
            numbers.add(number);
        }
    }
    (found >= MIN_LINES && numbers.counts_up())
        || (punctuated_after >= MIN_PUNCTUATED_LINES && punctuated_before * 4 <= punctuated_after)
}

/// Lines without a label that show their punctuation after a turned word,
/// needed before a document of running text is judged.
const MIN_PUNCTUATED_LINES: usize = 3;

/// Punctuated lines without a label read at most for the judgement: a
/// document shows its damage in its first lines as in its others.
const MAX_UNLABELLED_LINES_READ: usize = 64;

/// In a line that reads as turned words, whether its punctuation ends a
/// turned word as text writes it (`تاسايس ةقاطلا، ذإ`: the words stand in
/// reading order) or starts one as a line in visual order has it (`ذإ
/// ،ةقاطلا تاسايس`); None for a line with neither, or not of turned words.
fn turned_words_punctuated_after(line: &str) -> Option<bool> {
    let (mut after, mut before) = (false, false);
    for token in line.split(' ') {
        let (lead, word, trail) = word_of(token);
        let punctuation = |s: &str| s.chars().next().is_some_and(|c| matches!(c, '.' | '،' | '؛' | ':'));
        if (punctuation(lead) || punctuation(trail)) && listed_far_more_often_turned(word) {
            after |= punctuation(trail) && lead.is_empty();
            before |= punctuation(lead) && trail.is_empty();
        }
    }
    (after != before && reads_as_turned_words(line)).then_some(after)
}

/// A line with each word the lexicon lists far more often turned turned in place,
/// and its label `-N` put as `N-`.
fn turn_words(line: &str) -> String {
    let mut label = label_drawn_first(line).is_some();
    let mut out = String::with_capacity(line.len());
    for (i, token) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // (The label is the line's first token.)
        if label && !token.is_empty() {
            label = false;
            if let Some(digits) = token.strip_prefix('-').filter(|d| is_label_number(d)) {
                out.push_str(digits);
                out.push('-');
                continue;
            }
        }
        let (before, word, after) = word_of(token);
        if !word.is_empty() && listed_far_more_often_turned(word) {
            out.push_str(before);
            out.push_str(&turned(word));
            out.push_str(after);
        } else {
            out.push_str(token);
        }
    }
    out
}

/// In a document whose words came out turned in place
/// (`ctx.words_reversed_in_place`), turns a line's words back.
pub(crate) fn restore_reversed_words<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.words_reversed_in_place {
        return Cow::Borrowed(line);
    }
    rewrite_whole(line, &turn_words(line), FixKind::ReadingOrder, 0.95, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_turned_in_place() {
        assert_eq!(
            turn_words("-١ لوانتي اذه ريرقتلا تايدحتلا يتلا اههجاوت ندملا يف ةرادإ هايملا."),
            "١- يتناول هذا التقرير التحديات التي تواجهها المدن في إدارة المياه."
        );
        // Words that came out right stay.
        assert_eq!(turn_words("-٢ دقو دعأ ريرقتلا قيرف نم الخبراء بناء"), "٢- وقد أعد التقرير فريق من الخبراء بناء");
    }

    /// Running text with no labels (`pdf-prose-chrome-kacst-pdfium`) is
    /// judged by its punctuation: after turned words, as text writes it,
    /// where a line in visual order has it before them.
    #[test]
    fn running_text_is_judged_by_punctuation_after_turned_words() {
        let broken = crate::pipeline::tests::read_corpus("in-the-wild/pdf-prose-chrome-kacst-pdfium.broken.txt");
        assert!(document_reverses_words_in_place(broken.lines()));
        // (`تنبت`, a word the lexicon lists, stays: the text has `تبنت`.)
        assert_eq!(turn_words("تاسايس ةقاطلا، ذإ تنبت تاموكح ةريثك"), "سياسات الطاقة، إذ تنبت حكومات كثيرة");
        let in_place = [
            "تاسايس ةقاطلا، ذإ تنبت تاموكح ةريثك",
            "هذه دوهجلا، اهيلت ندرألا ةكلمملاو ةيبرعلا ةيدوعسلا.",
            "ىلع نأ يطغي ةسمخ نادلب يف هتلحرم ىلوألا.",
        ];
        assert!(document_reverses_words_in_place(in_place.into_iter()));
        assert!(!document_reverses_words_in_place(in_place[..2].iter().copied()));
        // The same lines in visual order: the punctuation starts the words.
        let visual = [
            "ةريثك تاموكح تنبت ذإ ،ةقاطلا تاسايس",
            ".ةيدوعسلا ةيبرعلا ةكلمملاو ندرألا اهيلت ،دوهجلا هذه",
            ".ىلوألا هتلحرم يف نادلب ةسمخ يطغي نأ ىلع",
        ];
        assert!(!document_reverses_words_in_place(visual.into_iter()));
        // Nor does text as it should be.
        let gold = crate::pipeline::tests::read_corpus("in-the-wild/pdf-prose-chrome-kacst-pdfium.gold.txt");
        assert!(!document_reverses_words_in_place(gold.lines()));
    }

    #[test]
    fn documents_are_judged_by_labels_first_and_turned_words() {
        let turned = [
            "-١ لوانتي اذه ريرقتلا تايدحتلا يتلا اههجاوت ندملا يف ةرادإ هايملا.",
            "-٢ دقو دعأ ريرقتلا قيرف نم الخبراء بناء ىلع بلط ةنجللا يف ماع .٢٠٢٣",
        ];
        assert!(document_reverses_words_in_place(turned.into_iter()));
        // A whole line in visual order ends with its label; text as it
        // should be starts with `١-`; one line is not enough.
        let visual = [".هايملا ةرادإ يف ندملا اههجاوت يتلا تايدحتلا ريرقتلا اذه لوانتي -١", ".٢٠٢٣ ماع يف ةنجللا -٢"];
        assert!(!document_reverses_words_in_place(visual.into_iter()));
        let clean = ["١- يتناول هذا التقرير التحديات", "٢- وقد أعد التقرير فريق من الخبراء"];
        assert!(!document_reverses_words_in_place(clean.into_iter()));
        assert!(!document_reverses_words_in_place(turned[..1].iter().copied()));
        // Negative numbers that start lines and count up, with words as
        // they should be.
        let negative = ["-١ درجة مئوية في الصباح", "-٢ درجة مئوية في المساء"];
        assert!(!document_reverses_words_in_place(negative.into_iter()));
    }
}
