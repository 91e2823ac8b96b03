//! Stage: codes of glyphs that stand for no letter, inside Arabic words.
//!
//! Amiri draws some letters with a glyph of their own beside the letter's
//! (a stroke of kaf after lam, a part of khah or of a shadda), and its PDFs
//! map that glyph to an arbitrary code: a Latin letter, a fraction, a letter
//! of Latin Extended. Every extractor writes it inside the word, in reading
//! or in visual order: `الNكهرباء`, `اOلكهرباء`, `الKخبراء`, `ءاربHخلا`,
//! `الخ½براء`, `وَلَمƱا`. The glyph added a code and took no letter away
//! (where it stood for a shadda, the shadda is lost either way), so the
//! word reads once the code goes.
//!
//! A letter of another script glued inside an Arabic word is rare in text
//! as written, but not unknown (a variable in a formula, `سxص`), so the
//! damage is judged once per document (`document_writes_stray_codes`):
//! at least `MIN_KNOWN` such codes, one character alone between two Arabic
//! letters, whose word without the code is one the lexicon knows (as it
//! stands, or turned: a line in visual order), and most of them so. Then
//! each code whose word reads without it is taken out
//! (`remove_stray_codes`); a code whose word still does not read (a run
//! boundary beside it, `الوكالةلNالمصادر`) stays.

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::lexicon::{key, Lexicon};
use crate::pipeline::LineContext;
use crate::script::{is_arabic_letter, is_arabic_mark, is_arabic_script, is_digit};

/// Codes whose word reads without them that a document must show before
/// it is judged.
const MIN_KNOWN: usize = 2;

/// Whether `c` may be the code of a glyph that stands for no letter: a
/// letter or number sign of another script (not of the Arabic blocks,
/// whose tatweel is a letter too; not a digit, which a number glued to a
/// word is; not a private-use code point, a placeholder).
fn may_be_stray_code(c: char) -> bool {
    // (ASCII and Arabic, the characters of almost every line, first.)
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !is_arabic_script(c) && c.is_alphanumeric() && !is_digit(c) && !matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..)
}

/// Whether `text` ends with what may be a code after an Arabic letter (and
/// its marks): the fast path sends a line where such a code stands before
/// a letter the full way, as the damage is judged per document.
#[cold]
pub(crate) fn ends_with_code_after_letter(text: &str) -> bool {
    let mut chars = text.chars().rev();
    chars.next().is_some_and(may_be_stray_code) && chars.find(|&c| !is_arabic_mark(c)).is_some_and(is_arabic_letter)
}

/// A code alone between two Arabic letters (marks may follow the first),
/// with the letters and marks of its word around it: the byte ranges of
/// the code and of the word.
struct StrayCode {
    code: std::ops::Range<usize>,
    word: std::ops::Range<usize>,
}

/// Whether a line's bytes may hold a code between two Arabic letters: an
/// ASCII letter between two bytes of other characters, or a character of
/// two or three bytes outside the Arabic block (and outside U+F000..,
/// which holds the presentation forms) before an Arabic letter's lead byte
/// (`D8..DB`). Most lines hold neither: their bytes tell at once.
fn may_hold_code(bytes: &[u8]) -> bool {
    let arabic_lead = |b: u8| matches!(b, 0xD8..=0xDB);
    // (First whether any byte is an ASCII letter or the lead of a character
    // outside the Arabic block, in one pass without a branch per byte.)
    let other_script = |b: u8| b.is_ascii_alphabetic() | (matches!(b, 0xC2..=0xEE) & !arabic_lead(b));
    if !bytes.iter().fold(false, |found, &b| found | other_script(b)) {
        return false;
    }
    bytes.windows(3).any(|w| {
        (w[1].is_ascii_alphabetic() && w[0] >= 0x80 && w[2] >= 0x80)
            || (matches!(w[0], 0xC2..=0xD7 | 0xDC..=0xDF) && arabic_lead(w[2]))
    }) || bytes.windows(4).any(|w| matches!(w[0], 0xE0..=0xEE) && arabic_lead(w[3]))
}

/// The codes of a line that stand alone between two Arabic letters.
fn stray_codes(line: &str) -> Vec<StrayCode> {
    if !may_hold_code(line.as_bytes()) {
        return Vec::new();
    }
    let word_char = |c: char| is_arabic_letter(c) || is_arabic_mark(c);
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut found = Vec::new();
    for k in 1..chars.len().saturating_sub(1) {
        let (at, c) = chars[k];
        if !may_be_stray_code(c) || !is_arabic_letter(chars[k + 1].1) {
            continue;
        }
        // The letter before, after the marks that follow it.
        let before = chars[..k].iter().rev().find(|(_, b)| !is_arabic_mark(*b));
        if !before.is_some_and(|(_, b)| is_arabic_letter(*b)) {
            continue;
        }
        let start = chars[..k].iter().rev().take_while(|(_, b)| word_char(*b)).last().map_or(at, |(i, _)| *i);
        let end = chars[k + 1..].iter().find(|(_, a)| !word_char(*a)).map_or(line.len(), |(i, _)| *i);
        found.push(StrayCode { code: at..at + c.len_utf8(), word: start..end });
    }
    // The only letter of another script in its token: letters interleaved
    // with a word's (`(لمAرNكEبةIRمن`, runs drawn over each other) are no
    // glyphs of its letters.
    found.retain(|stray| {
        let start = line[..stray.code.start].rfind(' ').map_or(0, |i| i + 1);
        let end = line[stray.code.end..].find(' ').map_or(line.len(), |i| stray.code.end + i);
        line[start..end].chars().filter(|&c| may_be_stray_code(c)).count() == 1
    });
    found
}

/// Whether the word of a code reads without it: the lexicon knows it (with
/// its clitics), as it stands or turned.
fn reads_without(line: &str, stray: &StrayCode) -> bool {
    let without = format!("{}{}", &line[stray.word.start..stray.code.start], &line[stray.code.end..stray.word.end]);
    let turned: String = without.chars().rev().collect();
    let lexicon = Lexicon::embedded();
    [without, turned].iter().any(|w| key(w).is_some_and(|k| lexicon.zipf_with_clitics(&k).is_some()))
}

/// Whether the document writes codes of glyphs that stand for no letter
/// inside its words (see the module documentation): `MIN_KNOWN` at least
/// whose word reads without them, and more than two in three of all.
pub(crate) fn document_writes_stray_codes<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut all, mut known) = (0usize, 0usize);
    for line in lines {
        for stray in stray_codes(line) {
            all += 1;
            known += usize::from(reads_without(line, &stray));
        }
    }
    known >= MIN_KNOWN && 3 * known > 2 * all
}

/// In a document that writes such codes (`ctx.stray_codes`), takes out
/// each code whose word reads without it.
pub(crate) fn remove_stray_codes<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.stray_codes {
        return Cow::Borrowed(line);
    }
    let strays = stray_codes(line);
    if strays.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    for stray in strays.iter().filter(|s| reads_without(line, s)) {
        out.replace(stray.code.clone(), "", FixKind::Placeholder, 1.0);
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_judged_document(line: &str) -> String {
        crate::pipeline::tests::run_stage_judged(remove_stray_codes, line, |c| c.stray_codes = true)
    }

    #[test]
    fn codes_whose_words_read_without_them_are_taken_out() {
        // As extractors wrote Amiri's PDFs (corpus/in-the-wild/pdf-prose-amiri-*,
        // pdf-schools-fpdf-amiri-*, pdf-vowelled-weasy-amiri-pdfjs).
        assert_eq!(in_judged_document("في مزيج الNكهرباء. وتشير"), "في مزيج الكهرباء. وتشير");
        assert_eq!(in_judged_document(".ءابرهكNلا جيزم يف"), ".ءابرهكلا جيزم يف");
        assert_eq!(in_judged_document("ويرى الخ½براء أن"), "ويرى الخبراء أن");
        assert_eq!(in_judged_document("اwلكتب والمواد"), "الكتب والمواد");
        // (Where the code drew a shadda, the shadda is lost either way.)
        assert_eq!(in_judged_document("وَلَمƱا عادَ"), "وَلَما عادَ");
        // A code at a run boundary, whose word does not read without it;
        // Latin words, numbers and codes beside spaces: as they stand.
        for line in ["الوكالةلNالمصادر", "نظام Linux أو", "بلغت١٨غيغاواط", "من N إلى", "الIRENAوكالة", "(لمAرNكEبةIRمن"]
        {
            assert_eq!(in_judged_document(line), line);
        }
    }

    #[test]
    fn documents_are_judged_by_the_words_that_read_without_their_codes() {
        let read = |name: &str| std::fs::read_to_string(format!("corpus/in-the-wild/{name}")).unwrap();
        for name in
            ["pdf-prose-amiri-gs", "pdf-prose-amiri-pdfbox", "pdf-prose-fpdf-amiri-pdfjs", "pdf-schools-amiri-pdfbox"]
        {
            assert!(document_writes_stray_codes(read(&format!("{name}.broken.txt")).lines()), "{name}");
        }
        // One code alone is no sign; a formula's variables do not read.
        assert!(!document_writes_stray_codes(["في مزيج الNكهرباء"].into_iter()));
        assert!(!document_writes_stray_codes(["إذا كان سxص وكان عyل وكان مzن"].into_iter()));
        // No text as written is judged so.
        for (name, text) in crate::pipeline::tests::texts_as_written() {
            assert!(!document_writes_stray_codes(text.lines()), "{name}");
        }
    }
}
