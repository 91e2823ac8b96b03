//! Stage: presentation forms to base letters.
//!
//! Extractors that read the glyph names of a PDF's fonts emit the shaped
//! forms (U+FB50..U+FDFF, U+FE70..U+FEFF): `ﺍﻟﻌﻀﻮﻳﺔ` for `العضوية`. Each is
//! mapped to the letters it shapes, lam-alef ligatures to lam + alef in
//! logical order, isolated and medial forms of marks to the bare mark. Only
//! these blocks are touched: a global NFKC would also rewrite `x²` or `ﬁ`.
//! The mapping is the generated table in `tables/unicode.rs`.

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
    fn symbols_and_other_compatibility_characters_stay() {
        let line = "\u{FDFC} 10 و x² ﬁ \u{FDFA} \u{FD3E}نص\u{FD3F}";
        assert_eq!(run_stage(presentation_form_to_base, line), line);
    }
}
