//! Stage: canonical order of combining marks (NFC) on changed lines.
//!
//! Marks typed in different orders (shadda then kasra, kasra then shadda)
//! are canonically equivalent but compare unequal. The repair puts each word
//! of a line that it changed into NFC, so its output is normalized wherever
//! it touched the text; lines it leaves alone keep their bytes, as correct
//! text must (the gold of `ctoc-wg7-2021-5` writes shadda before kasra).

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;

fn is_nfc(s: &str) -> bool {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

/// Puts every word of the line that is not in NFC into NFC.
pub(crate) fn canonical_mark_order<'a>(line: &'a str, _ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if is_nfc(line) {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    // A space never composes with its neighbours, so NFC word by word is
    // NFC of the line.
    let mut start = 0;
    for word in line.split(' ') {
        if !is_nfc(word) {
            let nfc: String = word.nfc().collect();
            out.replace(start..start + word.len(), &nfc, FixKind::MarkOrder, 1.0);
        }
        start += word.len() + 1;
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage;

    use super::*;

    #[test]
    fn shadda_kasra_to_canonical_order() {
        let line = "الات\u{0651}\u{0650}جار بالأشخاص";
        assert_eq!(run_stage(canonical_mark_order, line), "الات\u{0650}\u{0651}جار بالأشخاص");
    }

    #[test]
    fn alef_with_combining_madda_composes() {
        assert_eq!(run_stage(canonical_mark_order, "ا\u{0653}خر"), "آخر");
    }
}
