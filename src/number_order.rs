//! Stage: numbers whose digits came out in reverse order.
//!
//! Some extractors (pypdf, on the fonts of `corpus/in-the-wild/pdf-*-pypdf`)
//! write an Arabic line's words in reading order but every number of two
//! digits or more with its digits reversed: `١٤` comes out `٤١`, `٢٠٢٣`
//! `٣٢٠٢`, the paragraph number `١٠-` `٠١-`; with some fonts the label's
//! hyphen lands elsewhere in the line (`٥ ويعزى ... الصناعية-.` for `٥-
//! ويعزى ... الصناعية.`, `٤ ... بنسبة -٨١ في` for `٤- ... بنسبة ١٨ في`) and a
//! letter label's brackets at the end (`أ تحتاج ... عاجلة؛ ()` for `(أ)
//! تحتاج ... عاجلة؛`).
//!
//! No single number shows the damage (`٤١` is a number too), so it is
//! judged once per document, from its paragraph numbers: numbered
//! paragraphs count up by one, and a document whose line-initial numbers
//! count up in a run of steps when their digits are read backwards (`٩`,
//! `٠١`, `١١`, `٢١`: 9, 10, 11, 12) and not as they stand (9, 1, 11, 21)
//! has its numbers reversed (`document_reverses_numbers`). A document with
//! fewer than ten paragraphs shows it by the numbers of their text
//! (`NumberShapes`): a year only backwards (`٢٢٠٢`) and a number with a
//! leading zero (`٠٠٤`), and no number ending with a zero or a year as it
//! stands. Only then does
//! this stage act, on every line with Arabic letters: each run of two
//! digits or more that stands alone (not in a token with Latin letters or
//! `/`, not a range or a time) is reversed, and the line's label is put
//! together (`label_marks::gather_label`, with the shapes only pypdf draws
//! here: `move_label_marks`). A correct document counts up as it stands,
//! and is left alone.

use std::borrow::Cow;

use crate::digits::digit_value;
use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::label_marks::is_end_punctuation;
use crate::pipeline::LineContext;
use crate::reading_order::is_label_word;
use crate::script::{digit_len, is_arabic_letter, is_digit, is_number, split_leading_digits};

/// The number that starts a line (after spaces) as a paragraph number, if
/// one does: at most four digits followed by the end, a space, `-`, `.`,
/// `،` or `)`; with the byte offset it starts at.
fn line_number(line: &str) -> Option<(usize, &str)> {
    let text = line.trim_start_matches(' ');
    let (digits, rest) = split_leading_digits(text);
    let after = rest.chars().next();
    (!digits.is_empty() && digits.chars().count() <= 4 && matches!(after, None | Some(' ' | '-' | '.' | '،' | ')')))
        .then(|| (line.len() - text.len(), digits))
}

/// The value of a digit string read forwards, or backwards.
pub(crate) fn value(digits: &str, backwards: bool) -> u64 {
    let fold = |v: u64, c: char| v * 10 + u64::from(digit_value(c).unwrap_or(0));
    if backwards {
        digits.chars().rev().fold(0, fold)
    } else {
        digits.chars().fold(0, fold)
    }
}

/// Successive steps by one between paragraph numbers of two digits or
/// more needed before the backward reading is believed, and by how many the
/// longest such run must beat the forward one's. A reading that starts with
/// a zero is no paragraph number (`10` is not `01` backwards; `٠١` is `١٠`).
/// (Numbers of one digit read the same both ways and fit anywhere:
/// tests/properties.rs made `2-` `30-` `40-` `5-` of clean lines.)
const MIN_STEPS: usize = 3;
const MIN_STEPS_GAINED: usize = 2;

/// The paragraph numbers of a document, read line by line (the fast path
/// feeds it the lines that start with a digit as it scans).
#[derive(Debug, Default)]
pub(crate) struct NumberSteps {
    /// The last number, read forwards and backwards (`None` where that
    /// reading starts with a zero), and whether it has two digits or more.
    previous: Option<(Option<u64>, Option<u64>, bool)>,
    /// The current and the longest runs of steps by one between numbers of
    /// two digits or more, read forwards and backwards.
    forwards: (usize, usize),
    backwards: (usize, usize),
    /// Whether a number of two digits or more is written with a leading
    /// zero (`٠١`: no writer numbers paragraphs so, but a reversed `١٠`).
    leading_zero: bool,
    /// The numbers in the text of those lines, by the reading their shape
    /// supports (`NumberShapes`).
    shapes: NumberShapes,
}

/// What the shapes of a document's numbers say of their digits' order:
/// numbers of the text (not the paragraph's own) that read as a year only
/// backwards (`٢٢٠٢`, 2022) or start with a zero (`٠٠٤`, 400: no writer
/// pads a number so, but numbers end with zeros), against those that read
/// as a year only as they stand or end with a zero (and do not start with
/// one). A document with paragraphs numbered 1 to 9 shows no paragraph
/// number of two digits; its numbers still show this.
#[derive(Debug, Default)]
struct NumberShapes {
    backward_years: usize,
    leading_zeros: usize,
    forward_years: usize,
    trailing_zeros: usize,
}

impl NumberShapes {
    /// Counts the numbers of a line's text (`standalone_numbers`), after
    /// the paragraph number that starts it.
    fn add(&mut self, text: &str) {
        // One sign against settles it (`reversed`): the rest of the
        // document is not read (the fast path reads every line that starts
        // with a number). Most lines hold no number but their paragraph's:
        // their bytes tell at once.
        if self.forward_years + self.trailing_zeros > 0 || !has_two_digits_in_a_row(text) {
            return;
        }
        let chars: Vec<char> = text.chars().collect();
        for (start, end) in standalone_numbers(&chars) {
            let digits: String = chars[start..end].iter().filter(|&&c| is_digit(c)).collect();
            let year =
                |backwards: bool| digits.chars().count() == 4 && (1900..=2099).contains(&value(&digits, backwards));
            match (year(false), year(true)) {
                (true, false) => self.forward_years += 1,
                (false, true) => self.backward_years += 1,
                _ => {}
            }
            let zero = |c: Option<char>| c.and_then(digit_value) == Some(0);
            if zero(digits.chars().next()) {
                self.leading_zeros += 1;
            } else if zero(digits.chars().next_back()) {
                self.trailing_zeros += 1;
            }
        }
    }

    /// Whether the shapes say the digits came out reversed: a year read
    /// backwards and one more sign of it, and no sign against.
    fn reversed(&self) -> bool {
        self.backward_years >= 1
            && self.backward_years + self.leading_zeros >= MIN_SHAPES
            && self.forward_years + self.trailing_zeros == 0
    }

    /// Whether the shapes alone say so, with no other sign in the document:
    /// two years read backwards and one more sign, and no sign against.
    fn reversed_beyond_doubt(&self) -> bool {
        self.backward_years >= MIN_YEARS_ALONE
            && self.backward_years + self.leading_zeros > MIN_YEARS_ALONE
            && self.forward_years + self.trailing_zeros == 0
    }
}

/// Years read backwards that the shapes need when they are the document's
/// only sign (running text with no paragraph numbers: pypdf on
/// LibreOffice's PDFs writes `في نهاية عام ٢٢٠٢، مقابل`).
const MIN_YEARS_ALONE: usize = 2;

/// Whether a text holds two digits in a row (ASCII, Arabic-Indic or
/// extended; UTF-8 `D9 A0..A9`, `DB B0..B9`), read on its bytes.
fn has_two_digits_in_a_row(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut previous_digit = false;
    let mut i = 0;
    while i < bytes.len() {
        let width = digit_len(&bytes[i..]);
        if width > 0 && previous_digit {
            return true;
        }
        previous_digit = width > 0;
        i += width.max(1);
    }
    false
}

/// Signs of reversed digits (`NumberShapes`) needed, one a year.
const MIN_SHAPES: usize = 2;

impl NumberSteps {
    /// Reads one line: its number, if it starts with one and holds Arabic
    /// (a character of U+0600..U+067F, tested on the bytes).
    pub fn add(&mut self, line: &str) {
        let Some((at, digits)) = line_number(line) else { return };
        if memchr::memchr2(0xD8, 0xD9, line.as_bytes()).is_none() {
            return;
        }
        let long = digits.chars().nth(1).is_some();
        // A reading that starts with a zero is `None`.
        let read = |backwards: bool| {
            let first = if backwards { digits.chars().next_back() } else { digits.chars().next() };
            (first.and_then(digit_value) != Some(0)).then(|| value(digits, backwards))
        };
        let (forwards, backwards) = (read(false), read(true));
        self.leading_zero |= long && forwards.is_none();
        // (A number of four digits that starts a line is no paragraph's: a
        // year that a line break left alone, `٢٢٠٢.`.)
        let paragraph_number = digits.chars().count() < 4;
        self.shapes.add(&line[if paragraph_number { at + digits.len() } else { at }..]);
        if let Some((f, b, previous_long)) = self.previous {
            if long && previous_long {
                let step = |run: &mut (usize, usize), counts_up: bool| {
                    run.0 = if counts_up { run.0 + 1 } else { 0 };
                    run.1 = run.1.max(run.0);
                };
                let follows =
                    |now: Option<u64>, before: Option<u64>| matches!((now, before), (Some(n), Some(p)) if n == p + 1);
                step(&mut self.forwards, follows(forwards, f));
                step(&mut self.backwards, follows(backwards, b));
            }
        }
        self.previous = Some((forwards, backwards, long));
    }

    /// Whether the numbers count up by one read backwards in a longer run
    /// than as they stand (by `MIN_STEPS_GAINED`, and at least `MIN_STEPS`
    /// steps long), in a document that writes a number with a leading zero
    /// (`١١` `٢١` `٣١` `٤١` alone may be every tenth paragraph; with `٠١`
    /// they are 10 to 14); or the numbers of the text say so by their
    /// shapes (`NumberShapes`).
    pub fn reversed(&self) -> bool {
        let by_paragraphs = self.leading_zero
            && self.backwards.1 >= MIN_STEPS
            && self.backwards.1 >= self.forwards.1 + MIN_STEPS_GAINED;
        by_paragraphs || self.shapes.reversed()
    }
}

/// Whether the numbers of a document's lines, wherever they stand, read
/// right only backwards by their shapes (`NumberShapes`: a year only
/// backwards, and one more sign, and none against).
pub(crate) fn shapes_read_backwards<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let mut shapes = NumberShapes::default();
    lines.for_each(|line| shapes.add(line));
    shapes.reversed()
}

/// Whether the numbers of a document's lines read right only backwards by
/// their shapes beyond doubt (`NumberShapes::reversed_beyond_doubt`), as the
/// document's only sign. Stops reading at the first sign against.
pub(crate) fn shapes_alone_read_backwards<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let mut shapes = NumberShapes::default();
    for line in lines {
        shapes.add(line);
        if shapes.forward_years + shapes.trailing_zeros > 0 {
            return false;
        }
    }
    shapes.reversed_beyond_doubt()
}

/// Whether a document's numbers came out with their digits reversed (see
/// `NumberSteps`).
pub(crate) fn document_reverses_numbers<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let mut steps = NumberSteps::default();
    lines.for_each(|line| steps.add(line));
    steps.reversed()
}

/// In a document whose numbers came out reversed (`ctx.numbers_reversed`),
/// puts the digits of each number of one line back in order, and a
/// paragraph label's stray hyphen or brackets back on the label.
pub(crate) fn restore_number_order<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.numbers_reversed || !line.chars().any(is_arabic_letter) {
        return Cow::Borrowed(line);
    }
    let mut fixed = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut copied = 0;
    for (start, end) in standalone_numbers(&chars) {
        fixed.extend(&chars[copied..start]);
        fixed.extend(chars[start..end].iter().rev());
        copied = end;
    }
    fixed.extend(&chars[copied..]);
    let fixed = move_label_marks(&fixed).unwrap_or(fixed);
    if fixed == line {
        return Cow::Borrowed(line);
    }
    rewrite_whole(line, &fixed, FixKind::ReadingOrder, 0.95, edits)
}

/// The numbers of a line (as char ranges) whose digits the stage reverses:
/// runs of two digits or more with the separators between them (`٣٫٥`),
/// but not inside Latin tokens, dates and ranges (`2021/5`, `10:30`,
/// `٢٠٢١-٢٠٢٢`), which keep their order: how they came out is not known.
fn standalone_numbers(chars: &[char]) -> Vec<(usize, usize)> {
    let mut numbers = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !is_digit(chars[k]) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        while end < chars.len()
            && (is_digit(chars[end])
                || (matches!(chars[end], '٫' | '٬' | '.' | ',') && chars.get(end + 1).is_some_and(|&n| is_digit(n))))
        {
            end += 1;
        }
        let before = start.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(end).copied();
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | ':'));
        let range_after = after == Some('-') && chars.get(end + 1).is_some_and(|&n| is_digit(n));
        let range_before = before == Some('-') && start >= 2 && is_digit(chars[start - 2]);
        if chars[start..end].iter().filter(|&&c| is_digit(c)).count() >= 2
            && !joined(before)
            && !joined(after)
            && !range_after
            && !range_before
        {
            numbers.push((start, end));
        }
        k = end;
    }
    numbers
}

/// `٢١، يدعو ... المشتركة.ً وأخيرا-` → `١٢- وأخيراً، يدعو ... المشتركة.`: a
/// sentence that starts with a word with tanween and a comma, whose word
/// (with the tanween before it and the label's hyphen) came out at the
/// line's end, and the comma after the label's number. The word must be
/// one, the hyphen one; the period, before the tanween or at the end,
/// goes to the end.
fn first_word_at_the_end(body: &str) -> Option<String> {
    let (number, rest) = body.split_once('،')?;
    if !is_number(number) || !rest.starts_with(' ') {
        return None;
    }
    let (text, last) = rest.rsplit_once('\u{064B}')?;
    let word = last.trim_matches(|c| matches!(c, '-' | '.' | ' '));
    let around = last.replace(word, "");
    if word.is_empty()
        || !word.chars().all(is_arabic_letter)
        || around.matches('-').count() != 1
        || around.chars().any(|c| !matches!(c, '-' | '.' | ' '))
    {
        return None;
    }
    let period = text.ends_with('.') || around.contains('.');
    let text = text.trim().trim_end_matches('.');
    if text.is_empty() {
        return None;
    }
    Some(format!("{number}- {word}\u{064B}، {text}{}", if period { "." } else { "" }))
}

/// An abbreviation in brackets with the sentence's period inside: `(UNEP.)
/// قدم الدعم الفني` → `(UNEP) قدم الدعم الفني.`. The abbreviation is
/// capitals and digits (`(etc.)` keeps its period), the line holds no other
/// bracket. (Its brackets and the label's hyphen drawn around the Latin
/// run, `٧ ... للبيئة -( UNEP قدم الدعم الفني).`, are gathered with the
/// label: `label_marks`.)
fn abbreviation_in_brackets(body: &str) -> Option<String> {
    let is_abbreviation = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if body.matches('(').count() != 1 || body.matches(')').count() != 1 {
        return None;
    }
    let (before, after) = body.split_once('(')?;
    let (inside, rest) = after.split_once(')')?;
    let bare = inside.strip_suffix('.')?;
    if !is_abbreviation(bare) || rest.trim_end().ends_with(is_end_punctuation) || rest.trim().is_empty() {
        return None;
    }
    Some(format!("{before}({bare}){}.", rest.trim_end()))
}

/// The line with its label put together (`label_marks::gather_label`), or
/// with the other neutrals pypdf drew out of place put back: the slashes of
/// month pairs, a sentence's first word drawn last, an abbreviation's
/// brackets (`(UNEP.)`), a heading's tanween on its title (`- مقدمةً أولا`).
fn move_label_marks(line: &str) -> Option<String> {
    if let Some(gathered) = crate::label_marks::gather_label(line) {
        return Some(gathered);
    }
    let months = crate::label_marks::month_slashes_of_line(line);
    let line = months.as_deref().unwrap_or(line);
    let moved = move_label_marks_of(line);
    moved.or(months)
}

/// `move_label_marks` on a line whose month pairs have their slashes.
fn move_label_marks_of(line: &str) -> Option<String> {
    let body = line.trim_end_matches(' ');
    let tail = &line[body.len()..];
    let text_start = body.trim_start();
    let indent = &body[..body.len() - text_start.len()];
    if let Some(moved) = first_word_at_the_end(body).or_else(|| abbreviation_in_brackets(body)) {
        return Some(format!("{moved}{tail}"));
    }
    // A heading's hyphen first and its label word last, the word's tanween
    // before it (`- مقدمةً أولا`, `- التحدياتًثانيا`, DejaVu Sans) →
    // `أولاً- مقدمة`.
    let (title, word) = text_start.strip_prefix("- ").and_then(|rest| rest.rsplit_once('\u{064B}'))?;
    let (title, word) = (title.trim(), word.trim());
    (!title.is_empty() && !title.contains('-') && word.chars().all(is_arabic_letter) && is_label_word(word))
        .then(|| format!("{indent}{word}\u{064B}- {title}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::{read_corpus as read, run_stage_with_reversed_numbers as fix};

    #[test]
    fn documents_whose_paragraph_numbers_count_up_backwards() {
        for name in ["pdf-amiri-pypdf", "pdf-kacst-pypdf", "pdf-noto-pypdf"] {
            let broken = read(&format!("in-the-wild/{name}.broken.txt"));
            assert!(document_reverses_numbers(broken.lines()), "{name}");
            assert!(!document_reverses_numbers(read(&format!("in-the-wild/{name}.gold.txt")).lines()), "{name}");
        }
        // Documents whose numbers are right, damaged or not.
        for name in [
            "in-the-wild/ctoc-wg4-2018-3.broken.txt",
            "in-the-wild/ctoc-wg7-2021-5.broken.txt",
            "synthetic/mixed.broken.txt",
        ] {
            assert!(!document_reverses_numbers(read(name).lines()), "{name}");
        }
        // Numbers of one digit tell nothing, nor does one number of two
        // digits that fits between them backwards (tests/properties.rs found
        // `30-` among the gold lines `1-` `2-` ... `4-`).
        assert!(!document_reverses_numbers(["١- نص", "٢- نص", "٣- نص", "٤- نص"].into_iter()));
        assert!(!document_reverses_numbers(["1- نص", "2- نص", "30- نص", "4- نص"].into_iter()));
        assert!(!document_reverses_numbers(["40- نص", "5- نص", "١٣- نص", "23- نص", "33- نص"].into_iter()));
        assert!(!document_reverses_numbers(["2- نص", "30- نص", "40- نص", "5- نص"].into_iter()));
        assert!(!document_reverses_numbers(["10- نص", "20- نص", "30- نص", "40- نص", "50- نص"].into_iter()));
        assert!(!document_reverses_numbers(["١١- نص", "21- نص", "31- نص", "41- نص"].into_iter()));
        assert!(document_reverses_numbers(["٠١- نص", "١١- نص", "٢١- نص", "٣١- نص"].into_iter()));
    }

    /// A document numbered 1 to 8 has no paragraph number of two digits;
    /// the numbers of its text show the reversal by their shapes: a year
    /// only backwards (`٢٢٠٢`), a leading zero (`٠٠٤`), and none ending
    /// with a zero or a year as it stands.
    #[test]
    fn documents_whose_numbers_read_right_backwards() {
        for name in ["pdf-schools-amiri-pypdf", "pdf-schools-kacst-pypdf", "pdf-schools-noto-pypdf"] {
            let broken = read(&format!("in-the-wild/{name}.broken.txt"));
            assert!(document_reverses_numbers(broken.lines()), "{name}");
            assert!(!document_reverses_numbers(read(&format!("in-the-wild/{name}.gold.txt")).lines()), "{name}");
        }
        let reversed = ["٢- زار الفريق ٥٣ مدرسة في ٢٢٠٢.", "٧- بتدريب ٠٠٤ معلم."];
        assert!(document_reverses_numbers(reversed.into_iter()));
        // Without a year read backwards, zeros alone (a telephone number,
        // `٠٥٥`) tell nothing; one sign against (a year as it stands, a
        // number ending with a zero) outweighs them.
        assert!(!document_reverses_numbers(["٢- اتصل بالرقم ٠٥٥ أو ٠٩٩."].into_iter()));
        assert!(!document_reverses_numbers(
            ["٢- زار الفريق ٥٣ مدرسة في ٢٢٠٢ و٢٠٢١.", "٧- بتدريب ٠٠٤ معلم."].into_iter()
        ));
        assert!(!document_reverses_numbers(["٢- زار الفريق ٥٠ مدرسة في ٢٢٠٢.", "٧- بتدريب ٠٠٤ معلم."].into_iter()));
        // Numbers in a line that does not start with a paragraph number are
        // not read (the fast path sees only those lines).
        assert!(!document_reverses_numbers(["زار الفريق ٥٣ مدرسة في ٢٢٠٢.", "بتدريب ٠٠٤ معلم."].into_iter()));
    }

    /// Running text with no paragraph numbers (`pdf-prose-*-pypdf`: pypdf
    /// on LibreOffice's PDFs) is judged by the shapes of its numbers alone,
    /// where they leave no doubt: two years read backwards, one more sign,
    /// none against.
    #[test]
    fn running_text_whose_numbers_read_right_only_backwards() {
        let broken = read("in-the-wild/pdf-prose-noto-pypdf.broken.txt");
        assert!(shapes_alone_read_backwards(broken.lines()));
        assert!(!shapes_alone_read_backwards(read("in-the-wild/pdf-prose-noto-pypdf.gold.txt").lines()));
        let reversed = ["بلغت ٨١ غيغاواط في نهاية عام ٢٢٠٢، مقابل", "أقل من ٣ غيغاواط في عام ٥١٠٢. وتتصدر"];
        // One year and a leading zero are not enough alone; with a second
        // year they are.
        assert!(!shapes_alone_read_backwards(reversed[..1].iter().copied().chain(["بقيمة ٠٥٢ مليون"])));
        assert!(shapes_alone_read_backwards(reversed.into_iter().chain(["بقيمة ٠٥٢ مليون"])));
        // A year as it stands, or a number ending with a zero, outweighs them.
        assert!(!shapes_alone_read_backwards(reversed.into_iter().chain(["بقيمة ٠٥٢ مليون", "في عام ٢٠٢١"])));
        assert!(!shapes_alone_read_backwards(reversed.into_iter().chain(["بقيمة ٠٥٢ مليون", "نحو ٣٠ بلدا"])));
    }

    #[test]
    fn a_document_with_reversed_numbers_alone_is_repaired() {
        // Nothing in any one line shows the damage: the fast path must not
        // pass the document, and the repair puts every number right (and
        // leaves the repaired document as it is).
        let broken = "٩- يتناول التقرير المياه.\n٠١- قدم الفريق ٣٢٠٢ تقريرا.\n١١- نص آخر.\n٢١- نص ثالث.\n٣١- نص رابع.";
        let right = "٩- يتناول التقرير المياه.\n١٠- قدم الفريق ٢٠٢٣ تقريرا.\n١١- نص آخر.\n١٢- نص ثالث.\n١٣- نص رابع.";
        assert_eq!(crate::repair(broken), right);
        assert!(matches!(crate::repair(right), Cow::Borrowed(_)));
    }

    #[test]
    fn numbers_and_labels_put_back_in_order() {
        // corpus/in-the-wild/pdf-kacst-pypdf.broken.txt, lines 4, 10, 28
        assert_eq!(
            fix("٢ وقد أعد التقرير فريق من الخبراء بناء على طلب اللجنة في عام -٣٢٠٢."),
            "٢- وقد أعد التقرير فريق من الخبراء بناء على طلب اللجنة في عام ٢٠٢٣."
        );
        assert_eq!(
            fix("٤ ارتفع استهلاك المياه في المدن بنسبة -٨١ في المائة خلال عشر سنوات."),
            "٤- ارتفع استهلاك المياه في المدن بنسبة ١٨ في المائة خلال عشر سنوات."
        );
        assert_eq!(fix("٠١ كما يوصي بإشراك المجتمع المدني-. "), "١٠- كما يوصي بإشراك المجتمع المدني. ");
        assert_eq!(fix("ج تتأخر الاستثمارات عن الجداول المقررة ()."), "(ج) تتأخر الاستثمارات عن الجداول المقررة.");
        assert_eq!(fix("أ تحتاج الأنابيب إلى صيانة عاجلة؛ ()"), "(أ) تحتاج الأنابيب إلى صيانة عاجلة؛");
        // Line 19 (and `pdf-noto-pypdf`'s, `pdf-amiri-pypdf`'s): the
        // sentence's first word and the label's hyphen at the end.
        for line in [
            "٢١، يدعو الفريق إلى تعزيز التعاون الإقليمي في إدارة الأحواض المشتركةً وأخيرا-. ",
            "٢١، يدعو الفريق إلى تعزيز التعاون الإقليمي في إدارة الأحواض المشتركة.ً وأخيرا-",
            "٢١، يدعو الفريق إلى تعزيز التعاون الإقليمي في إدارة الأحواض المشتركة.ً - وأخيرا",
        ] {
            let right = "١٢- وأخيراً، يدعو الفريق إلى تعزيز التعاون الإقليمي في إدارة الأحواض المشتركة.";
            assert_eq!(fix(line).trim_end(), right);
        }
        // DejaVu Sans: the hyphen glued to the tanween; a heading's hyphen
        // first (pdf-schools-dejavu-pypdf, lines 15, 2 and 6).
        assert_eq!(
            fix("٨، يدعو التقرير إلى إشراك الأسر في إدارة المدارس.ً- وأخيرا"),
            "٨- وأخيراً، يدعو التقرير إلى إشراك الأسر في إدارة المدارس."
        );
        assert_eq!(fix("- مقدمةً أولا"), "أولاً- مقدمة");
        assert_eq!(fix("- التحدياتًثانيا"), "ثانياً- التحديات");
        assert_eq!(fix("- بند أول"), "- بند أول");
        // KacstOffice: the heading's hyphen alone at the end
        // (pdf-kacstoffice-pypdf, line 2).
        assert_eq!(fix("أولاً مقدمة -"), "أولاً- مقدمة");
        assert_eq!(fix("أولاً - مقدمة -"), "أولاً - مقدمة -");
        // An abbreviation's brackets and the label's hyphen around the Latin
        // run (pdf-kacst-pypdf and pdf-noto-pypdf line 13, pdf-dejavu-pypdf
        // line 13).
        let right = "٧- وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة (UNEP) قدم الدعم الفني.";
        assert_eq!(
            fix("٧ وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة -( UNEP قدم الدعم الفني). ").trim_end(),
            right
        );
        assert_eq!(fix("٧ وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة -( UNEP. قدم الدعم الفني)"), right);
        assert_eq!(fix("٧- وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة (UNEP.) قدم الدعم الفني"), right);
        // Month pairs whose slashes were gathered with the label's hyphen
        // (pdf-kacst-pypdf line 22, pdf-noto-pypdf line 22,
        // pdf-schools-kacst-pypdf line 4).
        let right = "١٤- وستعرض اللجنة نتائج هذا التقرير في شهر أيار/مايو.";
        assert_eq!(fix("٤١ وستعرض اللجنة نتائج هذا التقرير في شهر أيارمايو -/. ").trim_end(), right);
        assert_eq!(fix("٤١ وستعرض اللجنة نتائج هذا التقرير في شهر أيارمايو. -/ ").trim_end(), right);
        assert_eq!(
            fix("٢ وقد زار الفريق -٥٣ مدرسة خلال شهري آذارمارس ونيسانأبريل // ٢٢٠٢."),
            "٢- وقد زار الفريق ٣٥ مدرسة خلال شهري آذار/مارس ونيسان/أبريل ٢٠٢٢."
        );
        // As many pairs as slashes, or nothing moves.
        assert_eq!(fix("في شهري آذارمارس ونيسانأبريل /"), "في شهري آذارمارس ونيسانأبريل /");
        // An abbreviation that ends with a period keeps it.
        assert_eq!(fix("٧- انظر المرفق (etc.) في الصفحة"), "٧- انظر المرفق (etc.) في الصفحة");
        // Two words, or no hyphen, at the end: left.
        assert_eq!(fix("٢١، يدعو الفريق.ً وأخيرا جدا-"), "١٢، يدعو الفريق.ً وأخيرا جدا-");
        assert_eq!(fix("٢١، يدعو الفريق.ً وأخيرا"), "١٢، يدعو الفريق.ً وأخيرا");
        // (line 2: the tanween of `أولاً` emitted before the word)
        assert_eq!(fix(" مقدمة \u{064B}أولا- "), " أولا\u{064B}- مقدمة ");
        // Dates, ranges, Latin tokens and times keep their digits; a line
        // with two stray hyphens keeps its hyphens.
        assert_eq!(fix("في ٢٠٢١/٥ و٢٠٢١-٢٠٢٢ وCTOC/2021 الساعة 10:30"), "في ٢٠٢١/٥ و٢٠٢١-٢٠٢٢ وCTOC/2021 الساعة 10:30");
        assert_eq!(fix("٣ نص -٤١ و-٥١."), "٣ نص -١٤ و-١٥.");
        // Lines without Arabic are not touched.
        assert_eq!(fix("12 34"), "12 34");
    }
}
