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
//!
//! Guillemets around Arabic text come out mirrored from most extractors
//! (`»تويتر«` for `«تويتر»`), but a pair alone does not show it as the
//! brackets around a Latin word do (an author may choose those marks), so
//! they are judged per document: one mirrored pair at least, none as Arabic
//! writes them (`document_mirrors_guillemets`; the pipeline runs
//! `restore_mirrored_guillemets` once, after the reading order).

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::script::{ends_an_arabic_word, is_arabic_letter};

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

/// The guillemet pairs of a line around Arabic text: mirrored (`»تويتر«`,
/// the opening one pointing out) and as text writes them (`«تويتر»`).
#[derive(Default)]
struct GuillemetPairs {
    mirrored: usize,
    written: usize,
    /// The byte offsets of the mirrored pairs' two marks.
    mirrored_at: Vec<(usize, usize)>,
}

/// Finds the pairs: a mark that opens (at the line's start or after a
/// space, a bracket or a quotation mark, before an Arabic letter) and the
/// next guillemet, if it closes (after an Arabic letter or mark, at the
/// line's end or before a space or punctuation).
fn guillemet_pairs(line: &str) -> GuillemetPairs {
    let mut pairs = GuillemetPairs::default();
    let opens_at = |i: usize| {
        line[..i].chars().next_back().is_none_or(|c| matches!(c, ' ' | '(' | '"' | '['))
            && line[i + 2..].starts_with(is_arabic_letter)
    };
    let closes_at = |i: usize| {
        ends_an_arabic_word(&line[..i]) && line[i + 2..].chars().next().is_none_or(|c| c == ' ' || !c.is_alphanumeric())
    };
    let mut marks = line.match_indices(['«', '»']).peekable();
    while let Some((open, mark)) = marks.next() {
        if !opens_at(open) {
            continue;
        }
        let Some(&(close, other)) = marks.peek() else { break };
        if other == mark || !closes_at(close) {
            continue;
        }
        marks.next();
        if mark == "»" {
            pairs.mirrored += 1;
            pairs.mirrored_at.push((open, close));
        } else {
            pairs.written += 1;
        }
    }
    pairs
}

/// Whether a document's guillemets are mirrored: one pair at least around
/// Arabic text points out (`»تويتر«`), and none points in. Arabic writes
/// `«تويتر»`, the opening mark first, and the bidi algorithm draws each
/// mark mirrored in a right-to-left line; extractors that read the glyph
/// drawn (pypdf, PDFBox, PDFium, PyMuPDF, pdf.js, `pdf-extract` on the
/// technical text) write the other mark.
pub(crate) fn document_mirrors_guillemets<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut mirrored, mut written) = (0, 0);
    for line in lines.filter(|l| l.contains(['«', '»'])) {
        let pairs = guillemet_pairs(line);
        mirrored += pairs.mirrored;
        written += pairs.written;
        if written > 0 {
            return false;
        }
    }
    mirrored > 0
}

/// In a document whose guillemets are mirrored (`ctx.guillemets_mirrored`),
/// turns each mirrored pair back (`»تويتر«.` → `«تويتر».`).
pub(crate) fn restore_mirrored_guillemets<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.guillemets_mirrored || !line.contains('»') {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    for (open, close) in guillemet_pairs(line).mirrored_at {
        out.replace(open..open + 2, "«", FixKind::ReadingOrder, 0.95);
        out.replace(close..close + 2, "»", FixKind::ReadingOrder, 0.95);
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

    #[test]
    fn guillemets_mirrored_in_a_whole_document_are_turned_back() {
        // corpus/in-the-wild/pdf-tech-amiri-pdfium.broken.txt, line 13
        let mirrored = ["نعم، فقد أضيف إليه نموذج المدرب على »تويتر«.", "قال: »سنطلق الخدمة قريباً« ثم غادر"];
        assert!(document_mirrors_guillemets(mirrored.into_iter()));
        let repaired = |line: &str| {
            crate::pipeline::tests::run_stage_judged(restore_mirrored_guillemets, line, |c| {
                c.guillemets_mirrored = true
            })
        };
        assert_eq!(repaired(mirrored[0]), "نعم، فقد أضيف إليه نموذج المدرب على «تويتر».");
        assert_eq!(repaired(mirrored[1]), "قال: «سنطلق الخدمة قريباً» ثم غادر");
        // One pair written as Arabic writes it: the document is not judged
        // (an author may have chosen the other marks). Nor is one with
        // guillemets around Latin only, or none.
        let written = [mirrored[0], "قال المدير: «سنطلق الخدمة»."];
        assert!(!document_mirrors_guillemets(written.into_iter()));
        assert!(!document_mirrors_guillemets(["der »Spiegel« schreibt", "لا شيء هنا"].into_iter()));
        // A mark inside a word, or a pair of the same mark, is no pair.
        assert_eq!(guillemet_pairs("كلمة»كلمة« و »كلمة»").mirrored, 0);
    }
}
