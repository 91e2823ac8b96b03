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
//!
//! pypdf, on the PDFs Chromium prints, emits a line's runs from its visual
//! left too, but draws the paragraph label as a unit read from its left
//! and reverses every number's digits: `.٣٢٠٢ وقد ... في عام -٢`, `.مايو /
//! وستعرض ... أيار -١٤` (a slash between Arabic words cuts a run there),
//! ` نقص ... العامة؛( أ)`, ` مقدمة- أولاً`. The label is read as a unit
//! (`label_drawn_last_as_a_unit`) and the runs of a line whose punctuation
//! stands at a run's edge are turned (`turn_runs_before_a_unit_label`); the
//! digits are `number_order`'s. The same label is what the reading order
//! reads in lines whose runs are cut inside words (`ctoc-wg7-2021-5`), so a
//! document is judged by it only with a line that starts with the
//! sentence's punctuation and numbers that read right only backwards.
//!
//! pdf-extract, on Typst's PDFs and LibreOffice's, does the
//! opposite: a line's runs come out in reading order, each Arabic run drawn
//! from its visual left (` ٢ قيرفلا  راز  دقو  -٣٥ ليربأ / ناسينو ... ةسردم
//! ٢٠٢٢.` for `٢- وقد زار الفريق ٣٥ مدرسة خلال شهري ... ٢٠٢٢.`). Read
//! backwards whole, such a line puts its runs in reverse order; with its
//! runs turned first (`restore_visual_runs_in_order`), read backwards, each
//! run reads in place. A document in visual order ends its labelled lines
//! with their labels: one that starts them with their labels, and ends none
//! so, is judged to (`document_emits_visual_runs_in_order`).

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::label_marks::{is_end_punctuation, CountingUp};
use crate::pipeline::LineContext;
use crate::reading_order::{is_label_number, is_ltr};
use crate::script::{has_arabic_script, is_arabic_letter, is_arabic_script, is_digit, split_leading_digits};

/// Lines that end with their paragraph number needed before a document is
/// judged to have its runs reversed.
const MIN_LABELS_LAST: usize = 2;

/// Separators that join two digits into one number (`٢٠٢٣/٢٠٢٤`, `1.5`):
/// the bidi algorithm's rule W4 for one separator between numbers.
pub(crate) fn is_number_separator(c: char) -> bool {
    matches!(c, '/' | '.' | ',' | ':' | '-' | '٫' | '٬')
}

/// The line cut into its runs: each number or Latin stretch (with the
/// separators inside it, the spaces and neutrals between two Latin words,
/// `UN Women`, `CTOC/COP/WG.7/2021/3`, and the brackets right around Latin
/// words, `(Machine Learning)`), and the text between them.
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
        let (mut from, mut to) = (chars[start].0, chars.get(end).map_or(line.len(), |&(at, _)| at));
        // The characters on either side of the run.
        let neighbours =
            (start.checked_sub(1).and_then(|k| chars.get(k)).map(|&(_, c)| c), chars.get(end).map(|&(_, c)| c));
        // Latin words in brackets, drawn mirrored around them or not,
        // `)Machine Learning(`, `(Machine Learning)`: the brackets are the
        // run's (`unmirror_bracketed`).
        let has_latin = chars[start..end].iter().any(|&(_, c)| c.is_ascii_alphabetic());
        if has_latin && matches!(neighbours, (Some(')'), Some('(')) | (Some('('), Some(')'))) {
            from -= 1;
            to += 1;
        }
        // Latin letters between two Arabic letters are a glyph's code, no
        // run (`الخHبراء`: the Amiri font's ligature).
        let latin = chars[start..end].iter().all(|&(_, c)| c.is_ascii_alphabetic());
        if latin && neighbours.0.is_some_and(is_arabic_letter) && neighbours.1.is_some_and(is_arabic_letter) {
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
    if let Some((body, label)) = label_drawn_last_as_a_unit(rest) {
        return turn_runs_before_a_unit_label(period, body, &label);
    }
    let mut runs = runs(rest);
    if !period.is_empty() {
        runs.insert(0, period);
    }
    if runs.len() < 2 {
        return None;
    }
    let turned: String = runs.iter().rev().map(|run| unmirror_bracketed(run)).collect();
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

/// A run of Latin words in brackets drawn mirrored (`)Machine Learning(`),
/// as it reads (`(Machine Learning)`); any other run as it is.
fn unmirror_bracketed(run: &str) -> Cow<'_, str> {
    match run.strip_prefix(')').and_then(|inner| inner.strip_suffix('(')) {
        Some(inner) => Cow::Owned(format!("({inner})")),
        None => Cow::Borrowed(run),
    }
}

/// A paragraph label at the line's end laid out as one piece and read from
/// its visual left: `-٢` or `- ٢` for `٢-`, `)ج(` for `(ج)` (Chromium's
/// PDFs through pypdf: runs from the line's visual left, each as it reads,
/// the label as it is drawn). The line without it, and the label as it
/// reads. It must follow one space or the sentence's punctuation
/// (`كوفيد-19` and `٢٠٢٠-٢٠٢٣` hold none; a wider gap is a run boundary of
/// extractors that cut runs elsewhere too, `ctoc-wg4-2018-3`, the reading
/// order's).
fn label_drawn_last_as_a_unit(line: &str) -> Option<(&str, String)> {
    let trimmed = line.trim_end_matches([' ', '\r']);
    let after_break = |body: &str| {
        let spaced = body.ends_with(' ') && !body.ends_with("  ");
        (spaced || body.ends_with(is_end_punctuation)) && has_arabic_script(body)
    };
    // A letter label in brackets, mirrored or not, a space inside or not
    // (`)ج(`, `( أ)`, `(ج )`).
    let bracketed = |open: char, close: char| {
        let (body, inner) = trimmed.strip_suffix(close)?.rsplit_once(open).filter(|(_, inner)| inner.len() <= 12)?;
        let inner = inner.trim_matches(' ');
        let letters = base_letters(inner);
        let label =
            (1..=2).contains(&letters.chars().count()) && letters.chars().all(|c| is_arabic_letter(c) || is_digit(c));
        (label && after_break(body)).then(|| (body, format!("({letters})")))
    };
    if let Some(found) = bracketed(')', '(').or_else(|| bracketed('(', ')')) {
        return Some(found);
    }
    // A heading's label word after its title (`مقدمة- أولاً`; label words
    // are short, the test is made on the last token only).
    if let Some((title, word)) = trimmed.rsplit_once(' ').filter(|(_, word)| word.len() <= 24) {
        if let Some(title) = title.strip_suffix('-').filter(|t| t.ends_with(is_arabic_script)) {
            let letters = base_letters(word);
            if crate::reading_order::is_label_word(&letters) {
                return Some((title.trim_start_matches(' '), format!("{letters}-")));
            }
        }
    }
    let digits_at = trimmed.char_indices().rev().take_while(|&(_, c)| is_digit(c)).last()?.0;
    let number = &trimmed[digits_at..];
    let before = &trimmed[..digits_at];
    // (`للطفولة- ٥`: the hyphen glued to the word, a space before the
    // number; never between two numbers, `٢٠٢٠- ٢٠٢٣`. Glued on both
    // sides, `عام-٢`, is PyMuPDF's layout of Chromium's lines, whose runs
    // come out in another order: not read.)
    let word_before = before.strip_suffix("- ").is_some_and(|b| b.ends_with(is_arabic_letter));
    let body = before.strip_suffix(' ').unwrap_or(before).strip_suffix('-')?;
    (is_label_number(number) && (after_break(body) || word_before)).then(|| (body, format!("{number}-")))
}

/// A label as its letters (presentation forms as their base letters: pypdf
/// writes Chromium's glyphs so).
fn base_letters(s: &str) -> String {
    s.chars().fold(String::new(), |mut out, c| {
        match crate::script::presentation_form(c) {
            Some((base, _)) => out.push_str(base),
            None => out.push(c),
        }
        out
    })
}

/// Whether a line starts with the sentence's punctuation glued to what
/// follows (`.تتأخر`, `.٢٠٢٣`): the end of a line whose runs came out from
/// its visual left; no text starts so.
fn starts_with_sentence_end(line: &str) -> bool {
    let mut chars = line.trim_start_matches(' ').chars();
    chars.next().is_some_and(is_end_punctuation) && chars.next().is_some_and(|c| c != ' ' && !is_end_punctuation(c))
}

/// Whether a line starts with the sentence's punctuation as a run of its
/// own: alone (`. مدينة رئيسية ١٤ ويستند ... من -٣`) or before a number's
/// run (`.٢٠٢٣ وقد ...`). Glued to a word (`.وتبين ... -٣`), it is only a
/// neutral drawn at the line's edge in a line whose words are in order
/// (pdf.js on WeasyPrint's PDFs).
fn starts_with_sentence_end_as_a_run(line: &str) -> bool {
    let mut chars = line.trim_start_matches(' ').chars();
    chars.next().is_some_and(is_end_punctuation) && chars.next().is_some_and(|c| c == ' ' || is_digit(c))
}

/// A line whose label was drawn last as a unit (`label_drawn_last_as_a_unit`)
/// with the label first. Where the body ends with the sentence's
/// punctuation, its runs read as they stand (`يتناول ... المياه.- ١`);
/// where its punctuation stands at a run's edge, glued before it (`.٢٠٢٣
/// وقد ... عام -٢`, `مدينة رئيسية.١٤ ويستند ... من -٣`), the runs came from
/// the line's visual left and are turned: in the opposite order, each
/// trimmed and one space apart, the sentence's punctuation glued to what it
/// ends. A bracket glued on both sides of a number or Latin run (`)UNEP(`)
/// goes with it (`mirrored_brackets` turns it after). The punctuation that
/// starts the line, glued to its first word, is the sentence's end, drawn
/// at the line's visual left: a run of its own. A body of several runs with
/// no such sign is left (None): nothing tells which way its runs read.
fn turn_runs_before_a_unit_label(period: &str, body: &str, label: &str) -> Option<String> {
    let trimmed = body.trim_matches(' ');
    if period.is_empty() && trimmed.ends_with(is_end_punctuation) {
        return Some(format!("{label} {trimmed}"));
    }
    // (Glued before a number or Latin run, or before the bracket of one:
    // `رئيسية.١٤`, `الفني.( UNEP)`.)
    let before_a_run = |rest: &str| {
        let next = rest.trim_start_matches(['(', ')', ' ']);
        (next.starts_with(is_ltr) || next.starts_with('/')) && !rest.starts_with(' ')
    };
    let punctuation_at_a_run_edge = !period.is_empty()
        || starts_with_sentence_end(trimmed)
        || trimmed.char_indices().any(|(at, c)| is_end_punctuation(c) && before_a_run(&trimmed[at + c.len_utf8()..]));
    if !punctuation_at_a_run_edge && runs(body).len() > 1 {
        return None;
    }
    let (lead, body) = match trimmed.chars().next() {
        Some(c) if is_end_punctuation(c) && !trimmed[c.len_utf8()..].starts_with(' ') => trimmed.split_at(c.len_utf8()),
        _ => ("", trimmed),
    };
    let mut pieces: Vec<String> = runs(body).into_iter().map(str::to_string).collect();
    for k in 1..pieces.len().saturating_sub(1) {
        let ltr = pieces[k].chars().next().is_some_and(is_ltr);
        for (open, close) in [(')', '('), ('(', ')')] {
            let before = pieces[k - 1].trim_end_matches(' ');
            let after = pieces[k + 1].trim_start_matches(' ');
            if ltr && before.ends_with(open) && after.starts_with(close) {
                let (before_len, after_at) = (before.len() - 1, pieces[k + 1].len() - after.len() + 1);
                pieces[k - 1].truncate(before_len);
                pieces[k + 1].replace_range(..after_at, "");
                pieces[k] = format!("{open}{}{close}", pieces[k].trim_matches(' '));
            }
        }
    }
    // A slash between two Arabic words is a run boundary too in this
    // layout (`.مايو / وستعرض ... أيار -١٤` for `... أيار/مايو.`).
    let mut runs: Vec<&str> = [period, lead].into_iter().filter(|p| !p.is_empty()).collect();
    for piece in &pieces {
        let ltr = piece.trim_start_matches(['(', ')', ' ']).starts_with(is_ltr);
        let mut parts = if ltr { vec![piece.as_str()] } else { piece.split('/').collect::<Vec<_>>() };
        let slashes = parts.len() - 1;
        for (k, part) in parts.drain(..).enumerate() {
            runs.push(part.trim_matches(' '));
            if k < slashes {
                runs.push("/");
            }
        }
    }
    runs.retain(|run| !run.is_empty());
    let mut out = String::from(label);
    let mut glue_next = false;
    for run in runs.iter().rev() {
        let glued = run.chars().all(is_end_punctuation) || *run == "/" || glue_next;
        if !glued {
            out.push(' ');
        }
        out.push_str(run);
        glue_next = *run == "/";
    }
    Some(out)
}

/// The paragraph number of a line whose reversed runs put it last: the
/// line ends with a number of at most three digits, and read the other way
/// starts with it and its hyphen (`- يتناول ... المياه.١`), or with it and
/// its period, a run apart (`؛GB 20 ... GB 8. ذاكرة لا تقل عن 2`: a list's
/// `2.`). Glued to the word before (`عن2`), the number is read so only
/// where its period stands alone between spaces (`؛GB 20 ... GB 8 . ذاكرة
/// لا تقل عن2`: pypdf and PyMuPDF on the PDFs of Chromium, fpdf2, ReportLab
/// and WeasyPrint); with the period glued to the run before it
/// (`GB 8. ذاكرة ... عن2`) it is PyMuPDF's layout of XeLaTeX's PDFs, whose
/// runs come out in another order.
/// (A line whose label is drawn as a unit, `label_drawn_last_as_a_unit`,
/// reads with it first too: that is another layout, which callers test
/// first.)
fn label_last(line: &str) -> Option<u64> {
    let line = line.trim_end_matches([' ', '\r']);
    let last_number = line.char_indices().rev().take_while(|&(_, c)| is_digit(c)).last()?.0;
    if !is_label_number(&line[last_number..]) || line.trim_start().starts_with(is_digit) {
        return None;
    }
    let turned = runs_in_reading_order(line)?;
    let (digits, rest) = split_leading_digits(&turned);
    let before_number = line[..last_number].trim_end_matches(' ');
    let period_label = (rest.starts_with(". ") && line[..last_number].ends_with(' '))
        || (rest.starts_with(" . ") && line.contains(" . "))
        // (KacstBook's period, drawn at the left of the run after it:
        // `ﻧﻈﺎﻡ ﺗﺸﻐﻴﻞ. 1`, pypdf; `ﻧﻈﺎﻡ ﺗﺸﻐﻴﻞ.1`, PyMuPDF.)
        || (before_number.strip_suffix('.').is_some_and(|b| b.ends_with(is_arabic_letter))
            && rest.trim_start_matches(' ').starts_with(is_arabic_letter))
        // (DejaVu's, at the start of the run after it: `.ﻧﻈﺎﻡﺗﺸﻐﻴﻞ 1`, pypdf
        // on XeLaTeX's PDFs.)
        || rest.strip_prefix(" .").is_some_and(|r| r.starts_with(is_arabic_letter));
    (rest.starts_with("- ") || period_label).then(|| crate::number_order::value(digits, false))
}

/// A line whose runs PDFBox cut where Amiri kerns a yeh under the letter
/// before (the yeh's glyph goes back against the line's direction, and a
/// new run starts there) and emitted from the line's visual left: `يق من
/// الخبراء ... عام ٢٠٢٣. ٢- وقد أعد التقرير فر` for `٢- وقد أعد التقرير فريق
/// من الخبراء ... عام ٢٠٢٣.`. The line cut at one or two of its spaces into
/// runs, the runs in the opposite order glued where they meet, if exactly
/// one such reading starts with a paragraph label and glues only words cut
/// before a kerned yeh (`word_boundaries::joins_across_kerned_yeh`). The
/// line must start with a yeh, the piece of a word.
fn runs_cut_at_kerned_yehs(line: &str) -> Option<String> {
    let text = line.trim_matches([' ', '\r']);
    if !text.starts_with('ي') || text.contains("  ") {
        return None;
    }
    let tokens: Vec<&str> = text.split(' ').collect();
    let n = tokens.len();
    if !(3..=200).contains(&n) {
        return None;
    }
    let starts_with_label = |first: &str| first.strip_suffix('-').is_some_and(is_label_number);
    let glued =
        |left: &[&str], right: &[&str]| crate::word_boundaries::joins_across_kerned_yeh(left[left.len() - 1], right[0]);
    // Runs in the opposite order, each glued to the one that came before it
    // in the line (they meet inside a word).
    let read = |runs: &[&[&str]]| runs.iter().rev().map(|run| run.join(" ")).collect::<String>();
    // (A reading must end where the line's sentence ends, if it has one:
    // `٩- و` + `يق ... والصناعة. يوصي الفر` glues `ويق` and ends mid-word.)
    let ends_sentence = text.contains(['.', '؛']);
    let mut found: Option<String> = None;
    let mut readings = 0;
    let mut take = |reading: String| {
        if !ends_sentence || reading.ends_with(is_end_punctuation) {
            readings += 1;
            found = Some(reading);
        }
    };
    for i in 1..n {
        // Two runs: tokens[..i] and tokens[i..].
        let (a, b) = (&tokens[..i], &tokens[i..]);
        if starts_with_label(b[0]) && glued(b, a) {
            take(read(&[a, b]));
        }
        for j in i + 1..n {
            let (a, b, c) = (&tokens[..i], &tokens[i..j], &tokens[j..]);
            if starts_with_label(c[0]) && glued(c, b) && glued(b, a) {
                take(read(&[a, b, c]));
            }
        }
    }
    (readings == 1).then_some(found).flatten()
}

/// A cheap test on a line's bytes that passes every line
/// `runs_cut_at_kerned_yehs` reads: it starts with a yeh and holds a hyphen
/// after a digit (the label, mid-line).
#[inline]
pub(crate) fn may_have_runs_cut_at_kerned_yehs(line: &[u8]) -> bool {
    let text = line.strip_prefix(b" ").unwrap_or(line);
    if !text.starts_with("ي".as_bytes()) {
        return false;
    }
    let after_digit = |i: usize| {
        (i >= 1 && text[i - 1].is_ascii_digit()) || (i >= 2 && crate::script::digit_len(&text[i - 2..]) == 2)
    };
    memchr::memchr_iter(b'-', text).any(after_digit)
}

/// Whether a line reads as runs cut where a yeh is kerned
/// (`runs_cut_at_kerned_yehs`): the fast path sends it the full way.
#[inline]
pub(crate) fn reads_as_runs_cut_at_kerned_yehs(line: &str) -> bool {
    may_have_runs_cut_at_kerned_yehs(line.as_bytes()) && runs_cut_at_kerned_yehs(line).is_some()
}

/// Whether the document's lines came out with their runs cut at kerned
/// yehs (`runs_cut_at_kerned_yehs`): two lines at least read so, two of
/// their labels in a row counting up.
pub(crate) fn document_cuts_runs_at_kerned_yehs<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut found, mut numbers) = (0usize, CountingUp::default());
    for line in lines.filter(|line| may_have_runs_cut_at_kerned_yehs(line.as_bytes())) {
        if let Some(read) = runs_cut_at_kerned_yehs(line) {
            let (digits, _) = split_leading_digits(&read);
            found += 1;
            numbers.add(crate::number_order::value(digits, false));
        }
    }
    found >= MIN_LABELS_LAST && numbers.counts_up()
}

/// In a document whose runs came out cut at kerned yehs
/// (`ctx.runs_cut_at_kerned_yehs`), turns a line's runs back.
pub(crate) fn restore_runs_cut_at_kerned_yehs<'a>(
    line: &'a str,
    ctx: &LineContext<'_>,
    edits: &mut Edits,
) -> Cow<'a, str> {
    if !ctx.runs_cut_at_kerned_yehs || !may_have_runs_cut_at_kerned_yehs(line.as_bytes()) {
        return Cow::Borrowed(line);
    }
    match runs_cut_at_kerned_yehs(line) {
        Some(read) => rewrite_whole(line, &read, FixKind::ReadingOrder, 0.95, edits),
        None => Cow::Borrowed(line),
    }
}

/// Whether a line ends with its paragraph label in either layout: after a
/// hyphen's run (`label_last`) or drawn as a unit (`... في عام -٢`). The
/// fast path sends such a line the full way, as the document may be judged
/// by it.
pub(crate) fn ends_with_label(line: &str) -> bool {
    label_drawn_last_as_a_unit(line).is_some() || label_last(line).is_some()
}

/// Whether the document's lines came out with their runs in reverse order
/// (see the module documentation): two lines at least that end with their
/// paragraph number and read with it first, two in a row counting up. The
/// number comes after a hyphen's run (PDFBox: `- يتناول ... المياه.١`), or
/// is drawn with its hyphen as a unit (`... في عام -٢`: Chromium's PDFs
/// through pypdf). The second layout is also what the reading order reads
/// in lines whose runs are cut inside words (`ctoc-wg7-2021-5`: `.مسائل
/// أخرى -4`), so it needs two more signs of Chromium's PDFs through pypdf:
/// a line that starts with the sentence's punctuation (`.٢٠٢٣ وقد ...`),
/// and numbers whose digits read right only backwards (`٣٢٠٢`,
/// `number_order::shapes_read_backwards`) or most of those lines starting
/// with the punctuation as a run of its own (pdf.js on wkhtmltopdf's PDFs:
/// `. مدينة رئيسية ١٤ ويستند ... من -٣`).
pub(crate) fn document_reverses_level_runs<'l>(lines: impl Iterator<Item = &'l str> + Clone) -> bool {
    let (mut labels, mut numbers) = (0usize, CountingUp::default());
    let (mut unit_labels, mut unit_numbers) = (0usize, CountingUp::default());
    // Lines with a unit label last that start with the sentence's
    // punctuation as a run of its own (`starts_with_sentence_end_as_a_run`).
    let mut unit_labels_after_sentence_end = 0usize;
    let mut sentence_end_first = false;
    for line in lines.clone() {
        sentence_end_first |= starts_with_sentence_end(line);
        if !may_end_with_label(line.as_bytes()) {
            continue;
        }
        if let Some((_, label)) = label_drawn_last_as_a_unit(line) {
            // A whole line in visual order ends with its label drawn so too
            // (pdfplumber on LuaLaTeX's PDFs, its digits reversed as well):
            // its words show it, and the reading order reads it.
            if crate::reading_order::evidence(line).visual {
                continue;
            }
            // (A label with a hyphen, `٢-`; a letter label counts nothing.)
            if let Some(digits) = label.strip_suffix('-') {
                unit_labels += 1;
                unit_labels_after_sentence_end += usize::from(starts_with_sentence_end_as_a_run(line));
                unit_numbers.add(crate::number_order::value(digits, false));
            }
        } else if let Some(number) = label_last(line) {
            labels += 1;
            numbers.add(number);
        }
    }
    let by_runs_after_the_label = labels >= MIN_LABELS_LAST && numbers.counts_up();
    // (Most such lines starting with the sentence's punctuation is the
    // other sign: pdf.js on wkhtmltopdf's PDFs draws it as a run of its own,
    // digits in order; 4 of the 21 lines of `ctoc-wg7-2021-5` that end
    // with such a label start so.)
    let by_labels_drawn_as_units = sentence_end_first
        && unit_labels >= MIN_LABELS_LAST
        && unit_numbers.counts_up()
        && (2 * unit_labels_after_sentence_end > unit_labels || crate::number_order::shapes_read_backwards(lines));
    by_runs_after_the_label || by_labels_drawn_as_units
}

/// A line in visual order that starts with its paragraph number (`٢ قيرفلا
/// راز دقو -٣٥ ...`, ` 3.تاثيدحتلا ...`): the number. A line in visual order
/// has its label at its end (`... دقو -٢`), unless its runs came out in
/// reading order, each drawn from its visual left (pdf-extract on Typst's
/// PDFs).
fn label_before_visual_run(line: &str) -> Option<u64> {
    crate::reading_order::label_number_before_words(line.trim_start_matches(' '), &[' ', '.', '(', ')', '-'])
        .map(|digits| crate::number_order::value(digits, false))
}

/// Whether a document's lines in visual order came out as their runs in
/// reading order, each Arabic run drawn from its visual left (pdf-extract
/// on Typst's PDFs: ` ٢ قيرفلا  راز  دقو  -٣٥ ليربأ / ناسينو ... ةسردم ٢٠٢٢.`
/// for `٢- وقد زار الفريق ٣٥ مدرسة خلال شهري ... ٢٠٢٢.`): half its lines
/// with Arabic at least, and three, are in visual order, none of them ends
/// with its paragraph number, and three lines at least start with theirs,
/// counting up. (A line whose runs are a list's number and Latin words may
/// show no sign of visual order of its own: ` 1 ليغشت  ماظن  .Linux ...`.)
pub(crate) fn document_emits_visual_runs_in_order<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    memo: &crate::reading_order::ReadingMemo,
) -> bool {
    // (The labels first, cheaply: most documents start no three lines so,
    // and the evidence of visual order is a line's whole reading.)
    let mut numbers = CountingUp::default();
    let first = lines.clone().filter_map(label_before_visual_run).inspect(|&number| numbers.add(number)).count();
    if first < 3 || !numbers.counts_up() {
        return false;
    }
    let (mut arabic, mut visual) = (0usize, 0usize);
    for line in lines.filter(|line| has_arabic_script(line)) {
        arabic += 1;
        if memo.evidence(line.trim_matches(' ')).visual {
            // (A label of digits: one of letters in brackets is no run of
            // its own, and ends a line of Arabic runs alone, `ةلق )ج(`.)
            let line = line.trim_matches([' ', '\r']);
            if line.ends_with(is_digit) && ends_with_label(line) {
                return false;
            }
            visual += 1;
        }
    }
    visual >= 3 && 2 * visual >= arabic
}

/// In a document whose lines in visual order came out as their runs in
/// reading order (`ctx.visual_runs_in_order`), a line with a number or a
/// Latin run has its runs put in visual order, and the line read backwards
/// (`reading_order::read_backwards`): each Arabic run turned in place.
pub(crate) fn restore_visual_runs_in_order<'a>(
    line: &'a str,
    ctx: &LineContext<'_>,
    edits: &mut Edits,
) -> Cow<'a, str> {
    if !ctx.visual_runs_in_order || !has_arabic_script(line) {
        return Cow::Borrowed(line);
    }
    let runs = runs(line);
    if runs.len() < 2 {
        return Cow::Borrowed(line);
    }
    let visual: String = runs.iter().rev().copied().collect();
    // (pdf-extract sets the words of such a line two spaces apart: wide
    // gaps would cut a Latin run, and the reading order would read them as
    // runs' edges.)
    let visual: Vec<&str> = visual.split(' ').filter(|w| !w.is_empty()).collect();
    let read = crate::reading_order::read_backwards(ctx.reading.scorer(), &visual.join(" "), true);
    rewrite_whole(line, &read, FixKind::ReadingOrder, 0.95, edits)
}

/// A cheap test on a line's bytes that passes every line `label_last`
/// reads (the fast path asks it of every line): it ends with a digit and
/// holds a hyphen or a period.
pub(crate) fn may_end_with_label(line: &[u8]) -> bool {
    let end = line.iter().rposition(|&b| !matches!(b, b' ' | b'\r')).map_or(0, |e| e + 1);
    let last = &line[..end];
    let ends_with_digit = last.last().is_some_and(u8::is_ascii_digit)
        || (last.len() >= 2 && crate::script::digit_len(&last[last.len() - 2..]) == 2);
    ends_with_digit && memchr::memchr2(b'-', b'.', last).is_some()
}

/// Neutrals in places no text puts them: a line that starts with
/// punctuation, a hyphen or a percent sign, a line that ends with a number after a space or
/// a hyphen's run (its paragraph's), and sentence punctuation glued before
/// a number or a Latin word (`.٢٠٢٣`, `.UNEP`).
fn misplaced_neutrals(line: &str) -> usize {
    let text = line.trim_matches([' ', '\r']);
    // (A letter label in its brackets starts a line: `(أ) تحتاج`.)
    let bracket_label_first = text.starts_with('(') && text.chars().nth(2) == Some(')');
    // (Nor a percent sign: its number's, `% سابقاً. 81`.)
    let starts = (text.starts_with(['.', '،', '؛', '-', '(', ')', '%', '٪']) && !bracket_label_first) as usize;
    let glued = text
        .char_indices()
        .filter(|&(at, c)| {
            matches!(c, '.' | '،' | '؛') && at > 0 && text[at + c.len_utf8()..].starts_with(|n: char| is_ltr(n))
        })
        .count();
    let ends_with_label = ends_with_label(text) as usize;
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
    // A line that starts with a space turns even where its neutrals stand
    // no worse as they came: the space of its first run, which the
    // extractor put on the run's other side (pypdf and PyMuPDF on the PDFs
    // of Chromium, WeasyPrint, ReportLab and fpdf2: ` مجاناً. وللاستفسار
    // يرجى https://...`, ` أوsupport@example.org مراسلة ...`). PDFBox ends
    // its runs with their spaces, and writes a line whose first letter is
    // Latin as it reads (`https://example.org/downloadمجاناً. ...`).
    let (after, before) = (misplaced_neutrals(turned), misplaced_neutrals(line));
    if after > before || (after == before && !line.starts_with(' ')) {
        return Cow::Borrowed(line);
    }
    rewrite_whole(line, &tidy_run_edges(turned), FixKind::ReadingOrder, 0.95, edits)
}

/// After a list's number, its first run ending with the label's period
/// (KacstBook's, drawn at the left of the run: `1 نظام تشغيل. Linux أو`,
/// `3 اتصال ... التحديثات. .`): the rest of the line without that period
/// (`نظام تشغيل Linux أو`). The period must be followed by more of the line
/// or by the sentence's period (ending the line alone, it is the
/// sentence's).
fn kacst_label_period(rest: &str) -> Option<String> {
    let body = rest.strip_prefix(' ')?.trim_start_matches(' ');
    let run_end = body.find(|c: char| is_ltr(c) || c == '.')?;
    let (run, after) = body.split_at(run_end);
    let after = after.strip_prefix('.')?;
    // (`التحديثات..`: the label's period, then the sentence's.)
    let followed = (after.starts_with(|c: char| c == ' ' || is_ltr(c)) && !after.trim().is_empty()) || after == ".";
    let space = if after.starts_with(is_ltr) { " " } else { "" };
    (run.ends_with(is_arabic_letter) && followed).then(|| format!("{run}{space}{after}"))
}

/// A line whose runs were turned, with the edges of its runs as text has
/// them where an extractor put each run's space on its other side (pypdf
/// and PyMuPDF on Chromium's PDFs: ` أو أحدث؛Windows 10  أوLinux . نظام
/// تشغيل1` reads `1 . نظام تشغيلLinux ...`): a list's label and its period
/// together (`1. نظام`), the sentence's period drawn with the label's at the
/// line's end (`3.. اتصال ... التحديثات` is `3. اتصال ... التحديثات.`), a
/// space between an Arabic word and a Latin one (no text glues the two) or
/// a number before it, and none between a number and its percent sign
/// (`94.5 %`).
fn tidy_run_edges(turned: &str) -> Cow<'_, str> {
    let (digits, rest) = split_leading_digits(turned);
    let mut out = if !is_label_number(digits) {
        Cow::Borrowed(turned)
    } else if let Some(body) = kacst_label_period(rest) {
        Cow::Owned(format!("{digits}. {body}"))
    } else if let Some(body) = rest.strip_prefix(" . ") {
        Cow::Owned(format!("{digits}. {body}"))
    } else if let Some(body) = rest.strip_prefix(" .").filter(|b| b.starts_with(is_arabic_letter)) {
        // (DejaVu's period, glued to the run after it: `1 .نظام تشغيل`.)
        Cow::Owned(format!("{digits}. {body}"))
    } else if let Some(body) = rest
        .strip_prefix(".. ")
        .or_else(|| rest.strip_prefix("..").filter(|b| b.starts_with(is_arabic_letter)))
        .filter(|b| !b.ends_with(is_end_punctuation))
    {
        Cow::Owned(format!("{digits}. {body}."))
    } else {
        Cow::Borrowed(turned)
    };
    // (A Latin word: two letters at least. One alone between Arabic
    // letters is a glyph's code, `الخHبراء`.)
    let chars: Vec<char> = out.chars().collect();
    let latin_word =
        |range: &mut dyn Iterator<Item = &char>| range.take_while(|c| c.is_ascii_alphabetic()).nth(1).is_some();
    let glued_at = |i: usize| {
        let (a, b) = (chars[i - 1], chars[i]);
        // (A Latin word in brackets too: `الآلة(Machine Learning)`.)
        let latin_from = |k: usize| latin_word(&mut chars[k..].iter());
        (is_arabic_letter(a) && (latin_from(i) || (b == '(' && latin_from(i + 1))))
            || (is_arabic_letter(b) && latin_word(&mut chars[..i].iter().rev()))
            // (A number's run against a word's, `10 أو`: a number after a
            // space, not a label's, `-١٤مايو.`, which `label_marks` reads;
            // a word of two letters at least, not an era's letter, `٢٠٢٣م`.)
            || (is_digit(a) && is_arabic_letter(b) && chars.get(i + 1).is_some_and(|&c| is_arabic_letter(c)) && {
                let start = chars[..i].iter().rposition(|&c| !is_digit(c));
                start.is_none_or(|k| chars[k] == ' ')
            })
    };
    // (A percent sign after its number's run, the space of the run's edge
    // between: `94.5 % على`.)
    let percent_apart = |i: usize| {
        i >= 2
            && chars[i] == ' '
            && is_ltr(chars[i - 1])
            && chars[i - 1].is_numeric()
            && matches!(chars.get(i + 1), Some('%' | '٪'))
            && chars.get(i + 2).is_none_or(|&c| c == ' ')
    };
    if (1..chars.len()).any(|i| glued_at(i) || percent_apart(i)) {
        let mut spaced = String::with_capacity(out.len() + 4);
        for (i, &c) in chars.iter().enumerate() {
            if percent_apart(i) {
                continue;
            }
            if i > 0 && glued_at(i) {
                spaced.push(' ');
            }
            spaced.push(c);
        }
        out = Cow::Owned(spaced);
    }
    out
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
        // Latin words in their brackets, mirrored or not, are one run.
        assert_eq!(runs(")Machine Learning( يعتمد"), vec![")Machine Learning(", " يعتمد"]);
        assert_eq!(runs("(Machine Learning) يعتمد"), vec!["(Machine Learning)", " يعتمد"]);
        assert_eq!(
            runs_in_reading_order(")Machine Learning( يعتمد النظام").map(|t| tidy_run_edges(t.trim()).into_owned()),
            Some("يعتمد النظام (Machine Learning)".to_string())
        );
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
        // A list's `1.`: the number glued to the last word, its period
        // alone between spaces (pypdf on Chromium's PDFs,
        // `corpus/in-the-wild/pdf-tech-chrome-amiri-pypdf.broken.txt`).
        let glued = [" أو أحدث؛Windows 10  أوLinux . نظام تشغيل1", "؛GB 20  ومساحة فارغة قدرهاGB 8 . ذاكرة لا تقل عن2"];
        assert_eq!(label_last(glued[0]), Some(1));
        assert!(document_reverses_level_runs(glued.into_iter()));
        // KacstBook's period drawn at the left of the run after it
        // (`pdf-tech-chrome-kacst-pypdf.broken.txt`).
        assert_eq!(label_last(" أو أحدث؛Windows  10  أوLinux  نظام تشغيل. 1"), Some(1));
        assert!(document_reverses_level_runs(
            [" أو أحدث؛Windows  10  أوLinux  نظام تشغيل. 1", "؛GB 20  ومساحة فارغة قدرهاGB 8  ذاكرة لا تقل عن. 2"]
                .into_iter()
        ));
        // PyMuPDF glues it to the number (`pdf-tech-chrome-kacst-pymupdf`).
        assert_eq!(label_last(" أو أحدث؛Windows 10  أوLinux  نظام تشغيل.1"), Some(1));
        // Turned, the label's period goes back on its number.
        assert_eq!(kacst_label_period("  نظام تشغيل.Linux  أو"), Some("نظام تشغيل Linux  أو".to_string()));
        assert_eq!(
            kacst_label_period(" اتصال بالإنترنت لتنزيل التحديثات.."),
            Some("اتصال بالإنترنت لتنزيل التحديثات.".to_string())
        );
        // Ending the line alone, the period is the sentence's.
        assert_eq!(kacst_label_period(" اتصال بالإنترنت لتنزيل التحديثات."), None);
        // (A line alone reads so, as text wrapped after a sentence's end
        // may; the document needs two such labels counting up.)
        assert_eq!(label_last("وصل الفريق إلى المدينة. 2"), Some(2));
        assert_eq!(label_last("وصل الفريق إلى المدينة 2."), None);
        // Turned, the runs' edges as text has them.
        assert_eq!(
            tidy_run_edges("1 . نظام تشغيلLinux أو 10 Windows أو أحدث؛"),
            "1. نظام تشغيل Linux أو 10 Windows أو أحدث؛"
        );
        assert_eq!(tidy_run_edges("3.. اتصال بالإنترنت لتنزيل التحديثات"), "3. اتصال بالإنترنت لتنزيل التحديثات.");
        assert_eq!(tidy_run_edges("3.. اتصال بالإنترنت."), "3.. اتصال بالإنترنت.");
        // (A Latin letter alone between Arabic letters is a glyph's code.)
        assert_eq!(tidy_run_edges("٢- وقد أعد فريق من الخHبراء"), "٢- وقد أعد فريق من الخHبراء");
        assert_eq!(tidy_run_edges("نموذجAraBERT المدرب"), "نموذج AraBERT المدرب");
        assert_eq!(tidy_run_edges("النموذج 94.5 % على بيانات"), "النموذج 94.5% على بيانات");
        // A line that starts with a percent sign has it out of place
        // (`% سابقاً. 81 % على ... مقابل94.5 بلغت`, pypdf on Chromium's PDFs).
        let (came, turned) = (
            "% سابقاً. 81 % على بيانات الاختبار، مقابل94.5 بلغت دقة النموذج",
            "بلغت دقة النموذج 94.5 % على بيانات الاختبار، مقابل 81 % سابقاً.",
        );
        assert!(misplaced_neutrals(came) > misplaced_neutrals(turned));
        assert_eq!(tidy_run_edges("النموذج 94.5 %على"), "النموذج 94.5 %على");
        // The period glued to the run before: PyMuPDF on XeLaTeX's PDFs
        // (`pdf-tech-xelatex-amiri-pymupdf.broken.txt`), another layout.
        assert_eq!(label_last("أو أحدث؛10 WindowsأوLinux. نظام تشغيل1"), None);
        assert_eq!(label_last("GB؛20ومساحة فارغة قدرهاGB 8. ذاكرة لا تقل عن2"), None);
        // Text as written: a list's number glued first, or a sentence that
        // ends with a number.
        assert_eq!(label_last("1. نظام تشغيل Linux أو Windows 10 أو أحدث؛"), None);
        assert_eq!(label_last("زار الفريق . المدارس في عام 2"), None);
        // DejaVu's period glued to the run after it (pypdf on XeLaTeX's
        // PDFs, the spaces inside runs put back), and its edges tidied.
        assert_eq!(label_last("أو أحدث؛ 10 Windows أو Linux .نظام تشغيل 1"), Some(1));
        assert_eq!(
            tidy_run_edges("1 .نظام تشغيل Linux أو Windows 10أو أحدث؛"),
            "1. نظام تشغيل Linux أو Windows 10 أو أحدث؛"
        );
        assert_eq!(tidy_run_edges("3..اتصال بالإنترنت لتنزيل التحديثات"), "3. اتصال بالإنترنت لتنزيل التحديثات.");
        // (A label's number, an era's letter stay glued.)
        assert_eq!(tidy_run_edges("أيار -١٤مايو."), "أيار -١٤مايو.");
        assert_eq!(tidy_run_edges("في عام ٢٠٢٣م."), "في عام ٢٠٢٣م.");
    }

    #[test]
    fn labels_drawn_last_as_units() {
        let label = |line: &str| label_drawn_last_as_a_unit(line).map(|(_, label)| label);
        assert_eq!(label(".٣٢٠٢ وقد أعد التقرير في عام -٢"), Some("٢-".to_string()));
        assert_eq!(label(" يتناول هذا التقرير إدارة المياه.- ١"), Some("١-".to_string()));
        assert_eq!(label(" وأشارت منظمة الأمم المتحدة للطفولة- ٥"), Some("٥-".to_string()));
        assert_eq!(label(" نقص وسائل النقل العامة؛( أ) "), Some("(أ)".to_string()));
        assert_eq!(label(". قلة الكتب والمواد التعليمية الحديثة (ج )"), Some("(ج)".to_string()));
        assert_eq!(label(" مقدمة- أولاً"), Some("أولاً-".to_string()));
        // A hyphenated number, a range, a wide gap (the reading order's),
        // a hyphen glued on both sides.
        for line in ["جائحة كوفيد-19", "في الفترة ٢٠٢٠- ٢٠٢٣", "في فيينا يومي   -٦", "في عام-٢"]
        {
            assert_eq!(label(line), None, "{line}");
        }
    }

    #[test]
    fn runs_before_a_unit_label_come_back_in_reading_order() {
        for (extracted, reads) in [
            (".٢٠٢٣ وقد أعد التقرير فريق في عام -٢", "٢- وقد أعد التقرير فريق في عام ٢٠٢٣."),
            (" مدينة رئيسية.١٤ ويستند التقرير إلى بيانات من -٣", "٣- ويستند التقرير إلى بيانات من ١٤ مدينة رئيسية."),
            (" يتناول هذا التقرير إدارة المياه.- ١", "١- يتناول هذا التقرير إدارة المياه."),
            (
                ". قدم الدعم الفني (UNEP)   وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة- ٧",
                "٧- وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة (UNEP) قدم الدعم الفني.",
            ),
            (
                ".٢٠٢٢أبريل /مارس ونيسان / مدرسة خلال شهري آذار ٣٥ وقد زار الفريق -٢",
                "٢- وقد زار الفريق ٣٥ مدرسة خلال شهري آذار/مارس ونيسان/أبريل ٢٠٢٢.",
            ),
            (" نقص وسائل النقل العامة؛( أ) ", "(أ) نقص وسائل النقل العامة؛"),
        ] {
            assert_eq!(runs_in_reading_order(extracted).unwrap(), reads);
            assert!(misplaced_neutrals(reads) < misplaced_neutrals(extracted), "{extracted}");
        }
        // Several runs and no punctuation at their edges: which way they
        // read, nothing tells.
        assert_eq!(runs_in_reading_order("بنسبة ١٨ في المائة -٤"), None);
    }

    #[test]
    fn documents_are_judged_by_labels_drawn_as_units_with_more_signs() {
        let chromium = [
            " يتناول هذا التقرير إدارة المياه.- ١",
            ".٣٢٠٢ وقد أعد التقرير فريق في عام -٢",
            " مدينة رئيسية.٤١ ويستند التقرير إلى بيانات من -٣",
            ". كما يوصي بإشراك المجتمع المدني -٠١",
        ];
        assert!(document_reverses_level_runs(chromium.into_iter()));
        // The same layout with numbers that read as they stand is what the
        // reading order reads in `ctoc-wg7-2021-5` (`.مسائل أخرى -4`).
        let unreversed = [
            " يتناول هذا التقرير إدارة المياه.- ١",
            ".٢٠٢٣ وقد أعد التقرير فريق في عام -٢",
            " مدينة رئيسية.١٤ ويستند التقرير إلى بيانات من -٣",
        ];
        assert!(!document_reverses_level_runs(unreversed.into_iter()));
        // Lines ending with negative numbers that count up, with reversed
        // years, but none starting with the sentence's period.
        let negative = ["بلغت في عام ٣٢٠٢ درجة الحرارة -٥", "وفي عام ٤٢٠٢ بلغت -٦", "ثم بلغت -٧ في ٠١ أيام"];
        assert!(!document_reverses_level_runs(negative.into_iter()));
        // Or most of them starting with the period as a run of its own (pdf.js
        // on wkhtmltopdf's PDFs), digits in order.
        let wkhtml = [
            ". يتناول هذا التقرير إدارة المياه -١",
            ".٢٠٢٣ وقد أعد التقرير فريق في عام -٢",
            ". مدينة رئيسية ١٤ ويستند التقرير إلى بيانات من -٣",
        ];
        assert!(document_reverses_level_runs(wkhtml.into_iter()));
        // The period glued to the first word is a neutral drawn at the
        // line's edge in a line whose words are in order (pdf.js on
        // WeasyPrint's PDFs).
        let weasy = [
            ".يتناول هذا التقرير إدارة المياه -١",
            ".وقد أعد التقرير فريق في عام ٢٠٢٣ -٢",
            ".ويستند التقرير إلى بيانات من ١٤ مدينة رئيسية -٣",
        ];
        assert!(!document_reverses_level_runs(weasy.into_iter()));
    }

    #[test]
    fn runs_cut_at_kerned_yehs_are_glued_back() {
        for (extracted, reads) in [
            (
                "يق من الخبراء بناء على طلب اللجنة في عام ٢٠٢٣. ٢- وقد أعد التقرير فر",
                "٢- وقد أعد التقرير فريق من الخبراء بناء على طلب اللجنة في عام ٢٠٢٣.",
            ),
            (
                "يق بتشجيع إعادة استخدام المياه المعالجة في الزراعة والصناعة. يوصي الفر ٩- و",
                "٩- ويوصي الفريق بتشجيع إعادة استخدام المياه المعالجة في الزراعة والصناعة.",
            ),
            (
                "يادة الإنفاق على التعليم بنسبة ١٢ في المائة على الأقل. ٦- ينبغي ز",
                "٦- ينبغي زيادة الإنفاق على التعليم بنسبة ١٢ في المائة على الأقل.",
            ),
        ] {
            assert_eq!(runs_cut_at_kerned_yehs(extracted).as_deref(), Some(reads));
            assert!(reads_as_runs_cut_at_kerned_yehs(extracted));
        }
        // A line that starts with a verb and holds a label mid-line, whose
        // pieces make no word across the cut; a line without a label.
        assert_eq!(runs_cut_at_kerned_yehs("يعرض التقرير النتائج. ٢- وقد زار الفريق"), None);
        assert_eq!(runs_cut_at_kerned_yehs("يق من الخبراء بناء على طلب اللجنة وقد أعد التقرير فر"), None);
    }

    #[test]
    fn visual_runs_in_reading_order_are_read_in_place() {
        let read = |line| {
            crate::pipeline::tests::run_stage_judged(restore_visual_runs_in_order, line, |ctx| {
                ctx.visual_runs_in_order = true
            })
        };
        // pdf-schools-typst-noto-pdf-extract.broken.txt, lines 4 and 3;
        // pdf-tech-typst-noto-pdf-extract.broken.txt, line 2.
        assert_eq!(
            read(" ٢ قيرفلا  راز  دقو  -٣٥ ليربأ / ناسينو  سرام / راذآ  يرهش  لالخ  ةسردم ٢٠٢٢."),
            "٢- وقد زار الفريق ٣٥ مدرسة خلال شهري آذار / مارس ونيسان / أبريل ٢٠٢٢."
        );
        assert_eq!(
            read(" ١.ةيئانلا  ىرقلا  يف  سرادملا  ةلاح  ريرقتلا  اذه  ضرعي  -"),
            "١- يعرض هذا التقرير حالة المدارس في القرى النائية."
        );
        assert_eq!(
            read("(  ةلآلا  ملعت  تاينقت  ىلع  ماظنلا  دمتعيMachine   Learning)"),
            "يعتمد النظام على تقنيات تعلم الآلة (Machine Learning)"
        );
        // A line of one run is the reading order's.
        assert_eq!(read("ةمدقم  - اًاًلوأ"), "ةمدقم  - اًاًلوأ");
    }

    #[test]
    fn documents_are_judged_by_visual_lines_that_start_with_their_labels() {
        use crate::pipeline::tests::read_corpus;
        let memo = || crate::reading_order::ReadingMemo::new(&crate::Config::default());
        // (Amiri's: its lines of Arabic alone end with their letter labels,
        // `ةلق )ج(`, as one run in visual order does.)
        for name in [
            "pdf-schools-typst-noto-pdf-extract",
            "pdf-tech-typst-noto-pdf-extract",
            "pdf-noto-pdf-extract",
            "pdf-schools-amiri-pdf-extract",
        ] {
            let broken = read_corpus(&format!("in-the-wild/{name}.broken.txt"));
            assert!(document_emits_visual_runs_in_order(broken.lines(), &memo()), "{name}");
        }
        // Lines in visual order with their labels last (Ghostscript), and
        // PDFBox's runs from the left, labels last too.
        for name in ["pdf-fpdf-dejavu-gs", "pdf-noto-pdfbox"] {
            let broken = read_corpus(&format!("in-the-wild/{name}.broken.txt"));
            assert!(!document_emits_visual_runs_in_order(broken.lines(), &memo()), "{name}");
        }
        // No text as written: every gold and negative file.
        for (name, text) in crate::pipeline::tests::texts_as_written() {
            assert!(!document_emits_visual_runs_in_order(text.lines(), &memo()), "{name}");
        }
    }

    #[test]
    fn documents_are_judged_by_runs_cut_at_kerned_yehs_that_count_up() {
        let cut = [
            "يق من الخبراء بناء على طلب اللجنة في عام ٢٠٢٣. ٢- وقد أعد التقرير فر",
            "يادة الإنفاق على التعليم بنسبة ١٢ في المائة على الأقل. ٣- ينبغي ز",
        ];
        assert!(document_cuts_runs_at_kerned_yehs(cut.into_iter()));
        assert!(!document_cuts_runs_at_kerned_yehs(cut[..1].iter().copied()));
    }
}
