//! Stage: brackets written mirrored around a left-to-right run.
//!
//! A line of Arabic drawn as a visual string (ReportLab after
//! `arabic_reshaper` and `python-bidi`, the recipe most answers give) holds
//! the mirrored glyph of each bracket, and pdftotext and pdf.js write the
//! abbreviation of `برنامج الأمم المتحدة للبيئة (UNEP)` as `)UNEP(`. No text
//! glues a closing bracket, a Latin word and an opening bracket in one
//! token, so the token alone shows the damage: its brackets are turned
//! back, the punctuation after them kept (`)UNEP(.` → `(UNEP).`). A note
//! marker of digits alone (`)1(`) is the reading order's, which moves the
//! punctuation bidi laid out after it (`reading_order::unmirror_note_markers`).

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;

/// The inside of a token `)X(` (and what follows its opening bracket), if
/// X is a left-to-right run with a Latin letter: capitals, digits and the
/// punctuation of a document symbol (`CTOC/COP/WG.4`).
fn mirrored_inside(token: &str) -> Option<(&str, &str)> {
    let inside_and_after = token.strip_prefix(')')?;
    let (inside, after) = inside_and_after.split_once('(')?;
    let run = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '_');
    let clean_after = after.chars().all(|c| matches!(c, '.' | '،' | '؛' | ':' | ',' | ';'));
    (inside.chars().all(run) && inside.contains(|c: char| c.is_ascii_alphabetic()) && clean_after)
        .then_some((inside, after))
}

/// Turns the brackets of every `)X(` token of the line back.
pub(crate) fn restore_mirrored_brackets<'a>(line: &'a str, _ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    let bytes = line.as_bytes();
    let mut out = Rewriter::new(line, edits);
    // Only a closing bracket that starts a token and is followed by a Latin
    // letter or digit can start one (most lines have no bracket at all).
    for at in memchr::memchr_iter(b')', bytes) {
        let starts_token = at == 0 || bytes[at - 1] == b' ';
        if !starts_token || !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let end = memchr::memchr(b' ', &bytes[at..]).map_or(line.len(), |e| at + e);
        if let Some((inside, after)) = mirrored_inside(&line[at..end]) {
            out.replace(at..end, &format!("({inside}){after}"), FixKind::ReadingOrder, 1.0);
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage;

    use super::*;

    #[test]
    fn brackets_turned_back_around_a_latin_run() {
        // pdf-reportlab-amiri-pdfjs.broken.txt, line 13 (base letters here)
        let line = "٧- وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة )UNEP( قدم الدعم الفني.";
        let right = "٧- وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة (UNEP) قدم الدعم الفني.";
        assert_eq!(run_stage(restore_mirrored_brackets, line), right);
        assert_eq!(
            run_stage(restore_mirrored_brackets, "الوثيقة )CTOC/COP/WG.4/2018/3(."),
            "الوثيقة (CTOC/COP/WG.4/2018/3)."
        );
        // As it reads, a note marker of digits, brackets apart: as written.
        for kept in ["للبيئة (UNEP) قدم", "الاجتماع )1(.لدى", "قال ) UNEP ( هنا"] {
            assert_eq!(run_stage(restore_mirrored_brackets, kept), kept, "{kept}");
        }
    }
}
