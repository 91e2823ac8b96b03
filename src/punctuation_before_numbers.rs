//! Stage: the punctuation after a number drawn before it.
//!
//! PDFium (pypdfium2, and pdftext, which runs it) writes the words of a
//! line in reading order, but puts the punctuation that follows a number on
//! the number's other side, where the bidi algorithm draws it: `في نهاية عام
//! ،٢٠٢٢ مقابل` for `في نهاية عام ٢٠٢٢، مقابل`, `لعام .٢٠٣٠` for `لعام
//! ٢٠٣٠.`. Every other word stands where it should, so the two are swapped
//! back; the reading order must not get the line first: the punctuation
//! glued before a number is a sign of runs out of order, and the search,
//! whose words score the same in any order, moved whole runs around the
//! number.
//!
//! No text puts a comma after a space and against the number that follows,
//! but some write a fraction `.85` (a correlation, in APA's style), and
//! other layouts show the same shape, so the damage is judged once per
//! document (`document_draws_punctuation_before_numbers`):
//!
//! * `MIN_LINES` lines at least show a comma, a semicolon, a colon or a
//!   question mark glued before a number after a word, or a period before
//!   a number of three digits or more (a year, not a fraction);
//! * the document writes a number followed by its punctuation a quarter as
//!   often at most;
//! * one line in ten at most shows signs of visual order (a
//!   line reversed whole shows the shape too, `لباقم ،٢٠٢٢ ماع`; those lines
//!   are not counted);
//! * no line starts with the sentence's punctuation glued to what follows
//!   (words emitted from the visual left show the shape, `مقابل ،٢٠٢٢ عام`,
//!   and start a line with the period, `.٢٠٣٠ لعام ...`).
//!
//! * fewer than half as many lines as there are lines with the shape start
//!   with a word that ends a sentence (`سابقاً. 81% مقابل ...`: words emitted
//!   from the visual left, the last first).
//!
//! Then each such token after a word, in a line without signs of visual
//! order, is turned, a period before a short number too
//! (`restore_punctuation_after_numbers`), and so are two more shapes of the
//! same damage: a percent sign drawn before its number (`%94.5` for
//! `94.5%`), and a list label's period drawn before its number at the
//! line's start (`.1 نظام تشغيل` for `1. نظام تشغيل`; such a line does not
//! count against the document). A number is one left-to-right run of digits
//! and separators (`15/03/2024`, `3.2.1`, `800-1234`).
//!
//! PDFium reads a right-to-left line's glyphs from the right as units (a
//! word or a punctuation mark each), so in a judged document two more
//! things it read backwards are put back: the units of a Latin run
//! (`)Learning Machine)` → `(Machine Learning)`, `org.example@support` →
//! `support@example.org`; `latin_runs_turned_back`), and the groups of a
//! number a hyphen joins after an Arabic word (`1234-800` → `800-1234`:
//! after Arabic each group is a run of its own).

use std::borrow::Cow;
use std::ops::Range;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::reading_order::ReadingMemo;
use crate::script::{ends_an_arabic_word, has_arabic_script, is_arabic_letter, is_number};
use crate::word_order::SENTENCE_END;

/// Lines that show the damage, needed before a document is judged.
const MIN_LINES: usize = 2;

/// The punctuation that follows a number in text: the bidi algorithm puts
/// it on the number's left in a right-to-left line.
fn follows_numbers(c: char) -> bool {
    matches!(c, '.' | '،' | '؛' | ':' | '؟' | '!')
}

/// A token that is punctuation glued before a number
/// (`،٢٠٢٢`, `.١٤`, `،١٢٪`, `،15/03/2024`): the punctuation and the number
/// (with its percent sign).
fn punctuation_before_number(token: &str) -> Option<(char, &str)> {
    let mut chars = token.chars();
    let punctuation = chars.next().filter(|&c| follows_numbers(c))?;
    let number = chars.as_str();
    let digits = number.strip_suffix(['%', '٪']).unwrap_or(number);
    is_number_expression(digits).then_some((punctuation, number))
}

/// Whether a token is a number as one left-to-right run writes it: digits,
/// and separators between them (`94.5`, `3.2.1`, `15/03/2024`, `800-1234`,
/// `١٢٫٥`).
pub(crate) fn is_number_expression(token: &str) -> bool {
    let separator = crate::level_runs::is_number_separator;
    token.starts_with(crate::script::is_digit)
        && token.ends_with(crate::script::is_digit)
        && token.chars().all(|c| crate::script::is_digit(c) || separator(c))
        && !token.contains("..")
}

/// A token that is a percent sign drawn before its number after a word
/// (`%94.5` for `94.5%`): the sign and the number.
fn percent_before_number(token: &str) -> Option<(char, &str)> {
    let sign = token.chars().next().filter(|&c| matches!(c, '%' | '٪'))?;
    let number = &token[sign.len_utf8()..];
    is_number_expression(number).then_some((sign, number))
}

/// A line that starts with a list label whose period was drawn before its
/// number (`.1 نظام تشغيل` for `1. نظام تشغيل`): the byte range of the
/// label (after the line's leading spaces) and its number. One to three
/// digits, then one space and an Arabic letter.
fn label_with_period_first(line: &str) -> Option<(Range<usize>, &str)> {
    let start = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[start..];
    let number_and_rest = rest.strip_prefix('.')?;
    let end = number_and_rest.find(' ')?;
    let number = &number_and_rest[..end];
    let after = &number_and_rest[end + 1..];
    (is_number(number) && number.chars().count() <= 3 && after.starts_with(is_arabic_letter))
        .then_some((start..start + 1 + end, number))
}

/// What a line shows: tokens with the punctuation drawn before their number
/// after a word that no fraction is (`signs`), and numbers followed by
/// their punctuation as text writes them (`written`).
#[derive(Default)]
struct Shapes {
    signs: usize,
    written: usize,
}

fn shapes(line: &str) -> Shapes {
    let mut shapes = Shapes::default();
    let mut previous = "";
    for token in line.split(' ') {
        if let Some((punctuation, number)) = punctuation_before_number(token) {
            let no_fraction = punctuation != '.' || number.chars().count() >= 3;
            if ends_an_arabic_word(previous) && no_fraction {
                shapes.signs += 1;
            }
        } else if let Some(number) = token.strip_suffix(follows_numbers) {
            shapes.written += usize::from(is_number_expression(number) && previous.ends_with(|c: char| !c.is_ascii()));
        }
        previous = token;
    }
    shapes
}

/// Whether the document draws the punctuation after its numbers before them
/// (see the module documentation).
pub(crate) fn document_draws_punctuation_before_numbers<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    memo: &ReadingMemo,
) -> bool {
    // The shapes first, on the lines that may hold them (most documents
    // have none: nothing more is read).
    let may_hold = |line: &&str| line.contains(['.', '،', '؛', ':', '؟', '!']) && has_arabic_script(line);
    if lines.clone().filter(may_hold).filter(|line| shapes(line).signs > 0).take(MIN_LINES).count() < MIN_LINES {
        return false;
    }
    let (mut arabic, mut visual) = (0usize, 0usize);
    let (mut lines_with_signs, mut signs, mut written) = (0usize, 0usize, 0usize);
    let mut first_words_ending_sentences = 0usize;
    for line in lines.filter(|line| has_arabic_script(line)) {
        arabic += 1;
        if memo.evidence(line).visual {
            visual += 1;
            continue;
        }
        // A line that starts with the sentence's punctuation glued to what
        // follows (`.٢٠٣٠ لعام ...`, `.الريفية وقد ...`) has its words or
        // runs out of order: the shape in its middle is theirs (`مقابل
        // ،٢٠٢٢ عام`). (A period alone, `. المصادر`, is a run of its own: a
        // font that lacks the glyph, drawn from another.)
        // (A list label's period drawn before its number, `.1 نظام`, is
        // the damage itself, which PDFium shows at the start of each item.)
        let mut first = line.trim_start_matches(' ').chars();
        if first.next().is_some_and(follows_numbers)
            && first.next().is_some_and(|c| c != ' ')
            && label_with_period_first(line).is_none()
        {
            return false;
        }
        // A line whose first word ends a sentence (`سابقاً. 81% مقابل ...`):
        // words emitted from the visual left, whose last word comes first.
        let first_word = line.trim_start_matches(' ').split(' ').next().unwrap_or_default();
        let ends_sentence =
            first_word.ends_with(SENTENCE_END) && ends_an_arabic_word(first_word.trim_end_matches(SENTENCE_END));
        first_words_ending_sentences += usize::from(ends_sentence && line.trim().contains(' '));
        let found = shapes(line);
        lines_with_signs += usize::from(found.signs > 0);
        signs += found.signs;
        written += found.written;
    }
    let from_the_left = first_words_ending_sentences >= 2 && first_words_ending_sentences * 2 > lines_with_signs;
    lines_with_signs >= MIN_LINES
        && !from_the_left
        && written * 4 <= signs
        && crate::reading_order::few_lines_in_visual_order(visual, arabic)
}

/// In a document that draws the punctuation after its numbers before them
/// (`ctx.punctuation_before_numbers`), puts it back after each number that
/// follows a word.
pub(crate) fn restore_punctuation_after_numbers<'a>(
    line: &'a str,
    ctx: &LineContext<'_>,
    edits: &mut Edits,
) -> Cow<'a, str> {
    if !ctx.punctuation_before_numbers || ctx.reading.evidence(line).visual {
        return Cow::Borrowed(line);
    }
    let mut rw = Rewriter::new(line, edits);
    let label = label_with_period_first(line);
    if let Some((range, number)) = &label {
        rw.replace(range.clone(), &format!("{number}."), FixKind::ReadingOrder, 0.95);
    }
    let mut turned: Vec<(Range<usize>, String)> = Vec::new();
    let (mut at, mut previous) = (0, "");
    for token in line.split(' ') {
        let in_label = label.as_ref().is_some_and(|(range, _)| range.contains(&at));
        let drawn_before = punctuation_before_number(token).or_else(|| percent_before_number(token));
        if let Some((punctuation, number)) = drawn_before.filter(|_| ends_an_arabic_word(previous) && !in_label) {
            turned.push((at..at + token.len(), format!("{}{punctuation}", hyphen_groups_in_order(number))));
        } else if ends_an_arabic_word(previous) && is_number_expression(token) && token.contains('-') {
            turned.push((at..at + token.len(), hyphen_groups_in_order(token).into_owned()));
        }
        at += token.len() + 1;
        previous = token;
    }
    // (The Latin runs hold no number with punctuation before it, nor a
    // label: they never overlap, but are kept apart all the same.)
    for (range, run) in latin_runs_turned_back(line) {
        if !turned.iter().any(|(r, _)| r.start < range.end && range.start < r.end) {
            turned.push((range, run));
        }
    }
    turned.sort_by_key(|(range, _)| range.start);
    for (range, text) in turned {
        rw.replace(range, &text, FixKind::ReadingOrder, 0.95);
    }
    rw.finish()
}

/// A number whose groups a hyphen joins, after an Arabic word, with its
/// groups back in order (`1234-800` → `800-1234`); any other as it is.
/// After Arabic, the bidi algorithm makes each group a run of its own (a
/// hyphen joins no Arabic numbers, as a slash or a point does), and PDFium
/// reads the runs from the right.
fn hyphen_groups_in_order(number: &str) -> Cow<'_, str> {
    if !number.contains('-') || !number.split('-').all(is_number) {
        return Cow::Borrowed(number);
    }
    Cow::Owned(number.split('-').rev().collect::<Vec<_>>().join("-"))
}

/// What a unit of a left-to-right run is (see `latin_runs_turned_back`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum RunUnit {
    /// ASCII letters and digits with a letter among them (`Machine`, `v2`).
    Latin,
    /// ASCII digits (`10`).
    Digits,
    /// What the bidi algorithm leaves inside a Latin run: a space and the
    /// punctuation of names, addresses and versions.
    Separator,
    /// Anything else: Arabic, brackets, other punctuation.
    Other,
}

/// The Latin runs of a PDFium line, each with its units put back in order.
///
/// PDFium reads a right-to-left line's glyphs from the right as units, a
/// word or a punctuation mark each, so the units of a left-to-right run
/// come out in reverse order: `(Machine Learning)` as `)Learning Machine)`,
/// `support@example.org` as `org.example@support`, `Windows 10` as `10
/// Windows`. A stretch of units that starts and ends with a Latin word and
/// holds two at least is one run (digits after a Latin letter join its
/// run), so it is turned back. A number at its edge is left: `10 Windows`
/// is also how two runs read (`10` after Arabic is a run of its own), and
/// `8 GB` is one. A stretch with `://` in it is a URL as written (PDFium
/// wrote the line from its left: it starts with a Latin run).
fn latin_runs_turned_back(line: &str) -> Vec<(Range<usize>, String)> {
    let mut units: Vec<(usize, usize, RunUnit)> = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_alphanumeric() {
            let (mut end, mut letter) = (i + 1, c.is_ascii_alphabetic());
            while let Some(&(j, d)) = chars.peek().filter(|(_, d)| d.is_ascii_alphanumeric()) {
                letter |= d.is_ascii_alphabetic();
                end = j + 1;
                chars.next();
            }
            units.push((i, end, if letter { RunUnit::Latin } else { RunUnit::Digits }));
        } else if matches!(c, ' ' | '.' | '@' | '-' | '_' | '/' | ':') {
            units.push((i, i + 1, RunUnit::Separator));
        } else {
            units.push((i, i + c.len_utf8(), RunUnit::Other));
        }
    }
    let mut out = Vec::new();
    for stretch in units.split(|u| u.2 == RunUnit::Other) {
        let (Some(first), Some(last)) =
            (stretch.iter().position(|u| u.2 == RunUnit::Latin), stretch.iter().rposition(|u| u.2 == RunUnit::Latin))
        else {
            continue;
        };
        let run = &stretch[first..=last];
        let (start, end) = (run[0].0, run[run.len() - 1].1);
        if run.iter().filter(|u| u.2 == RunUnit::Latin).count() < 2 || line[start..end].contains("://") {
            continue;
        }
        let mut back: String = run.iter().rev().map(|u| &line[u.0..u.1]).collect();
        // `)Learning Machine)`: the opening bracket drawn as the closing one;
        // `الآلة) Learning Machine)`, on the word's side of the space (PDFium
        // on Chromium's PDFs).
        let mut from = start;
        let closes_after = line[end..].starts_with(')');
        if closes_after && line[..start].ends_with(')') {
            back.insert(0, '(');
            from -= 1;
        } else if closes_after
            && line[..start].strip_suffix(") ").is_some_and(|before| before.ends_with(is_arabic_letter))
        {
            back.insert_str(0, " (");
            from -= 2;
        }
        out.push((from..end, back));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::read_corpus;

    /// The reading order's memo a document's judgement reads line evidence from.
    fn memo() -> ReadingMemo {
        ReadingMemo::new(&crate::Config::default())
    }

    fn repaired(line: &str) -> String {
        crate::pipeline::tests::run_stage_judged(restore_punctuation_after_numbers, line, |c| {
            c.punctuation_before_numbers = true
        })
    }

    #[test]
    fn punctuation_goes_back_after_its_number() {
        assert_eq!(
            repaired("الطاقة الشمسية بلغت ١٨ غيغاواط في نهاية عام ،٢٠٢٢ مقابل"),
            "الطاقة الشمسية بلغت ١٨ غيغاواط في نهاية عام ٢٠٢٢، مقابل"
        );
        assert_eq!(
            repaired("شرطان أساسيان لبلوغ الأهداف المعلنة لعام .٢٠٣٠"),
            "شرطان أساسيان لبلوغ الأهداف المعلنة لعام ٢٠٣٠."
        );
        assert_eq!(repaired("والتوزيع بنحو .١٤ ويرى الخبراء"), "والتوزيع بنحو ١٤. ويرى الخبراء");
        // At the line's start (pypdf's layout of Chromium's lines, another
        // stage's), or after a number or Latin, it stays.
        for line in [".٢٠٢٣ وقد أعد التقرير", "بين ٣ ،٤ درجات", "المؤشر GDP .٢٠٢٢"]
        {
            assert_eq!(repaired(line), line);
        }
    }

    #[test]
    fn list_labels_percent_signs_and_dates() {
        // corpus/in-the-wild/pdf-tech-amiri-pdfium.broken.txt, lines 4, 6
        // and 9: a list's `1.` drawn `.1`, a percent sign before its
        // number, a date as one run.
        assert_eq!(repaired(".1 نظام تشغيل Linux أو أحدث؛"), "1. نظام تشغيل Linux أو أحدث؛");
        assert_eq!(repaired("  .١٢ ذاكرة لا تقل عن 8 GB"), "  ١٢. ذاكرة لا تقل عن 8 GB");
        assert_eq!(
            repaired("بلغت دقة النموذج %94.5 على بيانات الاختبار، مقابل %81 سابقاً."),
            "بلغت دقة النموذج 94.5% على بيانات الاختبار، مقابل 81% سابقاً."
        );
        assert_eq!(
            repaired("صدر الإصدار 3.2.1 في ،15/03/2024 ويمكن تنزيله"),
            "صدر الإصدار 3.2.1 في 15/03/2024، ويمكن تنزيله"
        );
        // Not a label: four digits, no space after, no word after, a
        // number's expression that is none (`1..2`).
        for kept in [".2023 وقد أعد", ".1نظام", ".1 2024", "في ،1..2 ثم", "مقابل %GB"] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn latin_runs_and_hyphenated_numbers_read_from_the_right_are_turned_back() {
        // corpus/in-the-wild/pdf-tech-amiri-pdfium.broken.txt, lines 2, 11
        // and 12.
        assert_eq!(
            repaired("يعتمد النظام على تقنيات تعلم الآلة )Learning Machine)"),
            "يعتمد النظام على تقنيات تعلم الآلة (Machine Learning)"
        );
        assert_eq!(
            repaired("مراسلة الدعم على العنوان org.example@support أو"),
            "مراسلة الدعم على العنوان support@example.org أو"
        );
        assert_eq!(repaired("الاتصال بالرقم .1234-800 هل يدعم"), "الاتصال بالرقم 800-1234. هل يدعم");
        assert_eq!(repaired("بين عامي 2000-1990 تقريباً"), "بين عامي 1990-2000 تقريباً");
        assert_eq!(repaired("يعمل على Pro 10 Windows فقط"), "يعمل على Windows 10 Pro فقط");
        // pdf-tech-chrome-amiri-pdfium.broken.txt, line 2: the bracket on
        // the word's side of the space.
        assert_eq!(repaired("تقنيات تعلم الآلة) Learning Machine)"), "تقنيات تعلم الآلة (Machine Learning)");
        // One Latin word, a number at a run's edge (`10 Windows` is also two
        // runs, `8 GB` one), a URL as written (the line read from its left),
        // a hyphenated number after no word: as they are.
        for kept in [
            "بلغة Python.",
            "أو 10 Windows أو",
            "عن 8 GB ومساحة",
            "يرجى https://example.org/download",
            "GDP 2000-1990",
            "(2000-1990)",
        ] {
            assert_eq!(repaired(kept), kept, "{kept}");
        }
    }

    #[test]
    fn documents_are_judged_by_commas_and_years_drawn_before_numbers() {
        let memo = memo();
        let pdfium = [
            "الطاقة الشمسية بلغت ١٨ غيغاواط في نهاية عام ،٢٠٢٢ مقابل",
            "أقل من ٣ غيغاواط في عام .٢٠١٥ وتتصدر المغرب ومصر والإمارات",
            "نسبة الفاقد في النقل والتوزيع بنحو .١٤ ويرى الخبراء",
        ];
        assert!(document_draws_punctuation_before_numbers(pdfium.into_iter(), &memo));
        assert!(!document_draws_punctuation_before_numbers(pdfium[..1].iter().copied(), &memo));
        // Fractions written without their zero (`.85`), a correlation's.
        let fractions = ["بلغ معامل الارتباط .85 في العينة الأولى", "وبلغ .92 في العينة الثانية"];
        assert!(!document_draws_punctuation_before_numbers(fractions.into_iter(), &memo));
        // A document that mostly writes its numbers with their punctuation
        // after them.
        let written = [
            pdfium[0],
            pdfium[1],
            "في عام ٢٠٢١، ثم في عام ٢٠٢٢، وفي عام ٢٠٢٣.",
            "بلغت ١٢، ثم ١٥، ثم ١٨.",
            "في عام ٢٠١٩، ثم في عام ٢٠٢٠.",
        ];
        assert!(!document_draws_punctuation_before_numbers(written.into_iter(), &memo));
        // Words emitted from the visual left (PDFBox on XeLaTeX's PDFs) show
        // the shape too, and a line that starts with its period.
        let from_the_left = [
            "مقابل ،٢٠٢٢ عام نهاية في غيغاواط ١٨ بلغت الشمسية الطاقة",
            "والإمارات ومصر المغرب وتتصدر .٢٠١٥ عام في غيغاواط ٣ من أقل",
            ".٢٠٣٠ لعام المعلنة الأهداف لبلوغ أساسيان شرطان",
        ];
        assert!(!document_draws_punctuation_before_numbers(from_the_left.into_iter(), &memo));
        // And lines in visual order, reversed whole (pdfminer.six on
        // Chromium's DejaVu PDF, `pdf-prose-chrome-dejavu-pdfminer`).
        let visual = [
            "ﻞﺑﺎﻘﻣ ،٢٠٢٢ مﺎﻋ ﺔﻳﺎﻬﻧ ﻲﻓ طاوﺎﻐﻴﻏ ١٨ ﺖﻐﻠﺑ ﺔﻴﺴﻤﺸﻟا ﺔﻗﺎﻄﻟا",
            "تارﺎﻣﻹاو ﺮﺼﻣو بﺮﻐﻤﻟا رﺪﺼﺘﺗو .٢٠١٥ مﺎﻋ ﻲﻓ طاوﺎﻐﻴﻏ ٣ ﻦﻣ ﻞﻗأ",
        ];
        assert!(!document_draws_punctuation_before_numbers(visual.into_iter(), &memo));
    }

    /// PDFium's extractions of running text (`pdf-prose-*-pdfium`) and of
    /// technical text (`pdf-tech-*-pdfium`, whose list labels start their
    /// lines with a period) are judged, and their gold is not.
    #[test]
    fn pdfium_extractions_of_running_text_are_judged() {
        let memo = memo();
        for doc in [
            "prose-amiri",
            "prose-dejavu",
            "prose-weasy-amiri",
            "prose-typst-kacst",
            "prose-xelatex-amiri",
            "tech-amiri",
            "tech-fpdf-amiri",
            "tech-typst-amiri",
        ] {
            let broken = read_corpus(&format!("in-the-wild/pdf-{doc}-pdfium.broken.txt"));
            assert!(document_draws_punctuation_before_numbers(broken.lines(), &memo), "{doc}");
            let gold = read_corpus(&format!("in-the-wild/pdf-{doc}-pdfium.gold.txt"));
            assert!(!document_draws_punctuation_before_numbers(gold.lines(), &memo), "{doc}");
        }
        // Words emitted from the visual left (PDFBox on XeLaTeX's PDF),
        // whose lines start with the word that ends their sentence
        // (`سابقاً. 81% مقابل`), show the shapes too.
        let from_the_left = read_corpus("in-the-wild/pdf-tech-xelatex-amiri-pdfbox.broken.txt");
        assert!(!document_draws_punctuation_before_numbers(from_the_left.lines(), &memo));
    }
}
