//! Stage: Farsi yeh and keheh to Arabic yeh and kaf, in Arabic paragraphs.
//!
//! PDFs set in fonts made for Persian map the Arabic yeh and kaf glyphs to
//! ARABIC LETTER FARSI YEH (U+06CC) and KEHEH (U+06A9): `الذین` for `الذين`.
//! They look the same but do not match in search. The mapping is applied
//! only where `language` finds the paragraph to be Arabic; Persian, Urdu and
//! paragraphs without enough evidence keep their letters.

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::language::Language;
use crate::pipeline::LineContext;

const FARSI_YEH: char = '\u{06CC}';
const KEHEH: char = '\u{06A9}';

/// Maps Farsi yeh and keheh of one line of an Arabic paragraph.
pub(crate) fn farsi_letter_to_arabic<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    // U+06CC is 0xDB 0x8C and U+06A9 is 0xDA 0xA9 in UTF-8.
    if memchr::memchr2(0xDA, 0xDB, line.as_bytes()).is_none() || !line.contains([FARSI_YEH, KEHEH]) {
        return Cow::Borrowed(line);
    }
    if ctx.language() != Language::Arabic {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    for (i, c) in line.char_indices() {
        let arabic = match c {
            FARSI_YEH => "\u{064A}",
            KEHEH => "\u{0643}",
            _ => continue,
        };
        // The paragraph-level language decision is a statistic, not a
        // certainty.
        out.replace(i..i + c.len_utf8(), arabic, FixKind::FarsiLetter, 0.95);
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage;

    use super::*;

    #[test]
    fn arabic_line_with_farsi_yeh() {
        // ctoc-wg7-2021-5.broken.txt, line 19
        let line = "وشدد عدة متكلمین على فائدة أسالیب التحري الخاصة، مثل التنصت على المكالمات";
        assert_eq!(
            run_stage(farsi_letter_to_arabic, line),
            "وشدد عدة متكلمين على فائدة أساليب التحري الخاصة، مثل التنصت على المكالمات"
        );
    }

    #[test]
    fn persian_stays() {
        let line = "این کتاب برای دانشجویان نوشته شده است و یکی از بهترین کتاب‌ها است.";
        assert_eq!(run_stage(farsi_letter_to_arabic, line), line);
    }
}
