//! `diagnose` never panics and its score stays in 0..=1.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let d = arabic_repair::diagnose(text);
    assert!((0.0..=1.0).contains(&d.damage_score), "score {}", d.damage_score);
    assert!(d.arabic_lines <= d.lines);
});
