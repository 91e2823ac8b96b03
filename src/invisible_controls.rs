//! Stage: remove bidi controls and stray zero-width characters.
//!
//! Some extractors wrap every line and every number in embeddings, marks or
//! isolates (U+202A..U+202E, U+200E, U+200F, U+061C, U+2066..U+2069); in
//! plain text they only get in the way of search and comparison. Zero width
//! space, word joiner and a byte order mark inside the text are removed too.
//! ZWNJ and ZWJ are spelling in Persian and Urdu, so they are removed only
//! from paragraphs that are Arabic.

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::language::Language;
use crate::pipeline::LineContext;
use crate::script::{is_bidi_control, is_zero_width};

/// Removes invisible controls from one line.
pub(crate) fn remove_invisible_controls<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    // Every character handled here is encoded with lead byte 0xE2, 0xEF or
    // (ALM, U+061C) the pair 0xD8 0x9C.
    if memchr::memchr2(0xE2, 0xEF, line.as_bytes()).is_none()
        && memchr::memmem::find(line.as_bytes(), "\u{061C}".as_bytes()).is_none()
    {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    for (i, c) in line.char_indices() {
        let remove = if is_bidi_control(c) {
            true
        } else if is_zero_width(c) {
            match c {
                '\u{200C}' | '\u{200D}' => ctx.language() == Language::Arabic,
                _ => true,
            }
        } else {
            false
        };
        if remove {
            out.delete(i..i + c.len_utf8(), FixKind::InvisibleControl, 1.0);
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage;

    use super::*;

    #[test]
    fn removes_embeddings_around_numbers() {
        let line = "\u{202B}عقد الاجتماع في \u{202A}2018\u{202C} في فيينا\u{202C}";
        assert_eq!(run_stage(remove_invisible_controls, line), "عقد الاجتماع في 2018 في فيينا");
    }

    #[test]
    fn keeps_zwnj_in_persian_removes_it_in_arabic() {
        let persian = "من به مدرسه می\u{200C}روم و این کتاب را می\u{200C}خوانم";
        assert_eq!(run_stage(remove_invisible_controls, persian), persian);
        let arabic = "أقرَّ مؤتمر الأطراف في اتفاقية\u{200C} الأمم المتحدة";
        assert_eq!(run_stage(remove_invisible_controls, arabic), "أقرَّ مؤتمر الأطراف في اتفاقية الأمم المتحدة");
    }

    #[test]
    fn clean_line_is_borrowed() {
        let line = "والملاحقة القضائية الفعالة في قضايا تهريب المهاجرين.";
        assert!(matches!(run_stage(remove_invisible_controls, line), Cow::Borrowed(_)));
    }
}
