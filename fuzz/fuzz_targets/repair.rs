//! `repair` never panics, keeps the line count, and is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let once = arabic_repair::repair(text);
    assert_eq!(once.split('\n').count(), text.split('\n').count(), "line count changed");
    let twice = arabic_repair::repair(&once);
    assert_eq!(twice, once, "not idempotent");
});
