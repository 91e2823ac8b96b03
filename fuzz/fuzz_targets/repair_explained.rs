//! The fixes of `repair_explained` lie inside the input, do not overlap,
//! and applied to the input give the output, which is `repair`'s; its
//! suggestions lie inside the input, below the threshold, none of them a fix.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let explained = arabic_repair::repair_explained(text);
    for fix in &explained.fixes {
        assert!(fix.span.start <= fix.span.end && fix.span.end <= text.len(), "span outside the input");
        assert!(text.is_char_boundary(fix.span.start) && text.is_char_boundary(fix.span.end));
        assert_eq!(&text[fix.span.clone()], fix.before, "before is not the input's text");
        assert!((0.0..=1.0).contains(&fix.confidence));
    }
    for pair in explained.fixes.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "overlapping fixes");
    }
    assert_eq!(explained.apply(text), explained.text, "fixes do not rebuild the output");
    assert_eq!(explained.text, arabic_repair::repair(text));
    for s in &explained.suggestions {
        assert!(s.span.start <= s.span.end && s.span.end <= text.len(), "suggestion outside the input");
        assert_eq!(text.get(s.span.clone()), Some(s.before.as_str()), "suggestion's before is not the input's text");
        assert!((arabic_repair::SUGGESTION_FLOOR..0.9).contains(&s.confidence), "{s:?}");
        assert!(!explained.fixes.contains(s), "a suggestion was applied");
    }
});
