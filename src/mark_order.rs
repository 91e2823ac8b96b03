//! Stage: canonical order of combining marks (NFC) on changed lines.
//!
//! Marks typed in different orders (shadda then kasra, kasra then shadda)
//! are canonically equivalent but compare unequal. The repair puts each word
//! of a line that it changed into NFC, so its output is normalized wherever
//! it touched the text; lines it leaves alone keep their bytes, as correct
//! text must (the gold of `ctoc-wg7-2021-5` writes shadda before kasra).

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;

/// Whether `s` is in NFC. Text of ASCII and the Arabic block (but for the
/// composing U+0653..U+0655) and presentation forms is decided by the order
/// of its marks alone: those characters are NFC one by one and compose with
/// nothing (`lexicon::nfc_changes_only_marks`), so such a text is NFC when
/// every run of marks is in canonical order (faster than the general check,
/// which looks each character up in the Unicode tables).
fn is_nfc(s: &str) -> bool {
    if crate::lexicon::nfc_changes_only_marks(s) {
        let mut previous_class = 0;
        for c in s.chars() {
            let class = if crate::script::is_arabic_mark(c) { canonical_combining_class(c) } else { 0 };
            if class != 0 && class < previous_class {
                return false;
            }
            previous_class = class;
        }
        return true;
    }
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
    fn the_shortcut_agrees_with_the_general_check() {
        // Random strings of letters, marks in any order (the composing ones
        // too), presentation forms, tatweel, Latin with accents.
        let pool: Vec<char> = "اأإبتةيىولمن ـ\u{064B}\u{064E}\u{0650}\u{0651}\u{0652}\u{0653}\u{0654}\u{0655}\u{0670}\u{06E1}\u{0610}\u{FEFB}\u{FE8D}\u{FFFD}e\u{0301}\u{0327}A."
            .chars()
            .collect();
        let mut rng = crate::rng::Rng::new(11);
        let mut not_nfc = 0;
        for _ in 0..50_000 {
            let len = 1 + rng.below(6);
            let s: String = (0..len).map(|_| pool[rng.below(pool.len())]).collect();
            assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s), "{s:?}");
            not_nfc += usize::from(!is_nfc(&s));
        }
        assert!(not_nfc > 1_000, "the strings must hold marks out of order: {not_nfc}");
    }

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
