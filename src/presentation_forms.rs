//! Stage: presentation forms to base letters.
//!
//! Extractors that read the glyph names of a PDF's fonts emit the shaped
//! forms (U+FB50..U+FDFF, U+FE70..U+FEFF): `ﺍﻟﻌﻀﻮﻳﺔ` for `العضوية`. Each is
//! mapped to the letters it shapes, lam-alef ligatures to lam + alef in
//! logical order, isolated and medial forms of marks to the bare mark. Only
//! these blocks are touched: a global NFKC would also rewrite `x²` or `ﬁ`.
//! The mapping is the generated table in `tables/unicode.rs`.
//!
//! Ghostscript's text output (`txtwrite`) writes the alef of a lam-alef
//! ligature as a CJK ideograph, U+4422..U+4427 (`ل䐧` for `لا`): the
//! ligature's two UTF-16 code units, U+0644 U+0627, with the lam's low byte
//! taken for the alef's high one. After a lam, that code is the alef again
//! (`alef_of_mangled_ligature`); no text writes such an ideograph there.

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::script::presentation_form;

/// Replaces every presentation form of one line by its base text.
pub(crate) fn presentation_form_to_base<'a>(line: &'a str, _ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    // Both blocks are encoded with lead byte 0xEF.
    if memchr::memchr(0xEF, line.as_bytes()).is_none() {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    for (i, c) in line.char_indices() {
        if let Some((base, _)) = presentation_form(c) {
            out.replace(i..i + c.len_utf8(), base, FixKind::PresentationForm, 1.0);
        }
    }
    out.finish()
}

/// Replaces the alef of every lam-alef ligature that Ghostscript wrote as
/// an ideograph by the alef. Run once, before the reading order: the
/// ideograph is a strong left-to-right character, which would cut the word
/// into runs.
pub(crate) fn restore_mangled_ligature_alefs<'a>(
    line: &'a str,
    _ctx: &LineContext<'_>,
    edits: &mut Edits,
) -> Cow<'a, str> {
    // U+4422..U+4427 are encoded with lead byte 0xE4.
    if memchr::memchr(0xE4, line.as_bytes()).is_none() {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    let mut before = None;
    for (i, c) in line.char_indices() {
        if let Some(alef) = alef_of_mangled_ligature(before, c) {
            out.replace(i..i + c.len_utf8(), alef.encode_utf8(&mut [0; 4]), FixKind::PresentationForm, 1.0);
        }
        before = Some(c);
    }
    out.finish()
}

/// The alef (`آ`, `أ`, `إ` or `ا`) of a lam-alef ligature that Ghostscript
/// wrote as U+4422, U+4423, U+4425 or U+4427 after the lam.
fn alef_of_mangled_ligature(before: Option<char>, c: char) -> Option<char> {
    if before != Some('ل') || !matches!(c, '\u{4422}' | '\u{4423}' | '\u{4425}' | '\u{4427}') {
        return None;
    }
    char::from_u32(0x0600 | (u32::from(c) & 0xFF))
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage;

    use super::*;

    #[test]
    fn shaped_word_to_base_letters() {
        assert_eq!(run_stage(presentation_form_to_base, "ﺍﻟﻌﻀﻮﻳﺔ"), "العضوية");
    }

    #[test]
    fn lam_alef_ligature_in_logical_order() {
        assert_eq!(run_stage(presentation_form_to_base, "ﺍﻟﺴﻼﻡ ﻹﺻﻼﺡ"), "السلام لإصلاح");
    }

    #[test]
    fn isolated_mark_forms_to_bare_marks() {
        assert_eq!(run_stage(presentation_form_to_base, "ﻋﻤﻼ\u{FE70}"), "عملا\u{064B}");
        assert_eq!(run_stage(presentation_form_to_base, "ﺑ\u{FE7D}"), "ب\u{0651}");
    }

    #[test]
    fn alefs_of_ligatures_that_ghostscript_wrote_as_ideographs() {
        // pdf-schools-fpdf-dejavu-gs.broken.txt, line 5 (a visual line).
        assert_eq!(
            run_stage(restore_mangled_ligature_alefs, "قاحتلل\u{4427}ا ةبسن ممل\u{4423}ا ىلإ"),
            "قاحتللاا ةبسن مملأا ىلإ"
        );
        assert_eq!(run_stage(restore_mangled_ligature_alefs, "ول\u{4425}مارات ل\u{4422}لة"), "ولإمارات لآلة");
        // Not after a lam, or another ideograph: as they stand.
        for line in ["\u{4427}ل", "中文 \u{4427}\u{4428}", "ل\u{4428}"] {
            assert_eq!(run_stage(restore_mangled_ligature_alefs, line), line);
        }
    }

    #[test]
    fn symbols_and_other_compatibility_characters_stay() {
        let line = "\u{FDFC} 10 و x² ﬁ \u{FDFA} \u{FD3E}نص\u{FD3F}";
        assert_eq!(run_stage(presentation_form_to_base, line), line);
    }
}
