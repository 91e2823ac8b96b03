//! Stage: runs of unshaped letters written in logical order inside lines in
//! visual order.
//!
//! pdf.js on Chromium's PDFs writes a line in visual order, its shaped
//! letters as presentation forms, but the letters its font draws with no
//! presentation form come out as base letters, and a run of them, with the
//! spaces and punctuation between them, comes out in logical order inside
//! the reversed line: `دةﺪﺠﺘﻤﻟا` for `ةدﺪﺠﺘﻤﻟا` (`المتجددة`), `ﺪﻘﻌﻟل اﻼﺧ` for
//! `ﺪﻘﻌﻟا لﻼﺧ` (`العقد خلال`). Turned whole by the reading order, such a line
//! reads `المتجدةد`, `العقدل اخلال`. Each such run is turned first
//! (`turn_unshaped_runs`); the reading order then turns the line.
//!
//! A line in visual order that was written so shows the same runs, which
//! must stay; the damage is judged once per document
//! (`document_writes_unshaped_runs_in_logical_order`) by the lexicon: on its
//! lines of presentation forms in visual order, the line read backwards with
//! its runs turned scores better by `MARGIN` than without on `MIN_LINES`
//! lines at least, and on three times as many lines as the other way round.
//! In such a document, each line so read better has its runs turned.

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::reading_order::{ReadingMemo, WordScorer};
use crate::script::{is_arabic_letter, is_arabic_mark, presentation_form};

/// Lines read better with their runs turned a document must show.
const MIN_LINES: usize = 3;

/// How much better (natural log) a line must read with its runs turned, or
/// without, to count (or, in a judged document, to be turned).
const MARGIN: f64 = 4.6;

/// Whether a character is a presentation form (a shaped letter).
fn is_shaped(c: char) -> bool {
    presentation_form(c).is_some()
}

/// Whether a character may stand in a run of unshaped letters: an Arabic
/// letter that is no presentation form, a mark, a space, a sentence's or a
/// clause's punctuation (quotes and brackets stand with the Latin words
/// and numbers beside them, which keep their order).
fn may_stand_in_run(c: char, with_hyphens: bool) -> bool {
    (is_arabic_letter(c) && !is_shaped(c))
        || is_arabic_mark(c)
        || matches!(c, ' ' | '.' | ':' | '!' | '،' | '؛' | '؟')
        || (with_hyphens && c == '-')
}

/// `ال` (an alef, then lam): a lam-alef ligature that the extractor wrote
/// as its two letters, in visual order as the line (`ﺔﻈﺣالﻣ`, `ملاحظة`).
fn is_ligature_in_visual_order(core: &str) -> bool {
    let mut chars = core.chars();
    matches!(chars.next(), Some('ا' | 'أ' | 'إ' | 'آ')) && chars.next() == Some('ل') && chars.next().is_none()
}

/// The line with each run of unshaped letters turned: a stretch of
/// characters that `may_stand_in_run` (a mark only on a letter of the run:
/// one after a space or first is no letter's of the run, `ﺔﻴﻨﻃو ً ﺎﻄﻄﺧ`),
/// without the spaces at its edges, of two characters or more, one of them
/// an Arabic letter, and no ligature written as its letters. Each letter
/// keeps its marks after it. `None` where no run is turned.
fn turn_unshaped_runs(line: &str, with_hyphens: bool) -> Option<String> {
    if !line.chars().any(is_shaped) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut turned = false;
    let mut rest = line;
    while !rest.is_empty() {
        let run_len = run_length(rest, with_hyphens);
        if run_len == 0 {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let run = &rest[..run_len];
        let core = run.trim_matches(' ');
        let lead = &run[..run.len() - run.trim_start_matches(' ').len()];
        let trail = &run[lead.len() + core.len()..];
        if core.chars().nth(1).is_some() && core.chars().any(is_arabic_letter) && !is_ligature_in_visual_order(core) {
            out.push_str(lead);
            for cluster in clusters(core).into_iter().rev() {
                out.push_str(cluster);
            }
            out.push_str(trail);
            turned = true;
        } else {
            out.push_str(run);
        }
        rest = &rest[run_len..];
    }
    turned.then_some(out)
}

/// The bytes of the run of unshaped letters `rest` starts with (0 where
/// it starts with none).
fn run_length(rest: &str, with_hyphens: bool) -> usize {
    let mut previous = None;
    for (i, c) in rest.char_indices() {
        let on_a_letter = previous.is_some_and(|p: char| is_arabic_letter(p) || is_arabic_mark(p));
        if !may_stand_in_run(c, with_hyphens) || (is_arabic_mark(c) && !on_a_letter) {
            return i;
        }
        previous = Some(c);
    }
    rest.len()
}

/// A run cut into its characters, each with the marks after it.
fn clusters(run: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in run.char_indices().skip(1) {
        if !is_arabic_mark(c) {
            out.push(&run[start..i]);
            start = i;
        }
    }
    out.push(&run[start..]);
    out
}

/// How a line in visual order reads backwards, by the lexicon: the sum of
/// the scores of its words, its presentation forms read as their letters.
fn backwards_score(scorer: &WordScorer, line: &str) -> f64 {
    let mut read = String::with_capacity(line.len() * 2);
    for c in line.chars().rev() {
        match presentation_form(c) {
            Some((base, _)) => read.push_str(base),
            None => read.push(c),
        }
    }
    read.split(' ').filter(|token| !token.is_empty()).map(|token| scorer.word(token)).sum()
}

/// How much better a line reads backwards with its runs turned than
/// without, and the line so turned; `None` where no run is turned. A
/// hyphen drawn beside such a run may be in the run's order or the line's
/// (pdf.js on Chromium's DejaVu PDFs: `ﺪﻗ- و٢` for `ﺪﻗو -٢`, `٢- وقد`; on
/// its Noto PDFs, `ﺪﻗو -٢`): the runs are turned with and without it, and
/// the better reading taken.
fn gain_of_turning(scorer: &WordScorer, line: &str) -> Option<(f64, String)> {
    let plain = backwards_score(scorer, line);
    [false, true]
        .into_iter()
        .filter(|&with_hyphens| !with_hyphens || line.contains('-'))
        .filter_map(|with_hyphens| turn_unshaped_runs(line, with_hyphens))
        .map(|turned| (backwards_score(scorer, &turned) - plain, turned))
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

/// Whether the document writes runs of unshaped letters in logical order
/// inside its lines in visual order (see the module documentation).
pub(crate) fn document_writes_unshaped_runs_in_logical_order<'l>(
    lines: impl Iterator<Item = &'l str>,
    memo: &ReadingMemo,
) -> bool {
    let (mut better, mut worse) = (0usize, 0usize);
    for line in lines.filter(|line| line.chars().any(is_shaped)) {
        if !memo.evidence(line).visual {
            continue;
        }
        match gain_of_turning(memo.scorer(), line) {
            Some((gain, _)) if gain >= MARGIN => better += 1,
            Some((gain, _)) if gain <= -MARGIN => worse += 1,
            _ => {}
        }
    }
    better >= MIN_LINES && better >= 3 * worse
}

/// In a document judged to write them so
/// (`ctx.unshaped_runs_in_logical_order`), turns the runs of unshaped
/// letters of a line in visual order that reads better so.
pub(crate) fn restore_unshaped_runs<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.unshaped_runs_in_logical_order || !ctx.reading.evidence(line).visual {
        return Cow::Borrowed(line);
    }
    match gain_of_turning(ctx.reading.scorer(), line) {
        Some((gain, turned)) if gain >= MARGIN => rewrite_whole(line, &turned, FixKind::ReadingOrder, 0.9, edits),
        _ => Cow::Borrowed(line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::read_corpus;

    #[test]
    fn runs_of_unshaped_letters_are_turned() {
        // pdf-prose-chrome-dejavu-pdfjs.broken.txt, line 4.
        assert_eq!(
            turn_unshaped_runs("ﺮﻴﺸﺗء. وﺎﺑﺮﻬﻜﻟا ﺞﻳﺰﻣ ﻲﻓ دةﺪﺠﺘﻤﻟدر اﺎﺼﻤﻟا", false).as_deref(),
            Some("ﺮﻴﺸﺗو .ءﺎﺑﺮﻬﻜﻟا ﺞﻳﺰﻣ ﻲﻓ ةدﺪﺠﺘﻤﻟا ردﺎﺼﻤﻟا")
        );
        // A letter keeps its marks; a mark alone after a space is no run's.
        assert_eq!(turn_unshaped_runs("ﺔﻴﻨﻃدةُ ﺎﻄﻄﺧ", false).as_deref(), Some("ﺔﻴﻨﻃةُد ﺎﻄﻄﺧ"));
        assert_eq!(turn_unshaped_runs("ﺔﻴﻨﻃو ً ﺎﻄﻄﺧ", false), None);
        // A letter alone, a mark alone between spaces, a number, Latin:
        // nothing to turn.
        assert_eq!(turn_unshaped_runs("ﺔﻴﺑﺮﻌﻟا ﺔﻘﻄﻨﻤﻟا ﻲﻓ ً ﺎﻇﻮﺤﻠﻣ 2022 Python", true), None);
        // No presentation form: not such a line.
        assert_eq!(turn_unshaped_runs("دة المتجددة", true), None);
    }

    #[test]
    fn documents_are_judged_by_how_their_lines_read_backwards() {
        let memo = ReadingMemo::new(&crate::Config::default());
        for name in ["pdf-prose-chrome-dejavu-pdfjs", "pdf-tech-chrome-noto-pdfjs"] {
            let broken = read_corpus(&format!("in-the-wild/{name}.broken.txt"));
            assert!(document_writes_unshaped_runs_in_logical_order(broken.lines(), &memo), "{name}");
        }
        // pdftotext and PyMuPDF write such lines' runs in visual order.
        for name in ["pdf-xelatex-dejavu-pdftotext", "pdf-wkhtml-noto-pdftotext"] {
            let broken = read_corpus(&format!("in-the-wild/{name}.broken.txt"));
            assert!(!document_writes_unshaped_runs_in_logical_order(broken.lines(), &memo), "{name}");
        }
    }
}
