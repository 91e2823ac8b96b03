//! Inputs the fuzzers (`fuzz/`) found failing, kept as regression tests:
//! each file of `tests/fuzz-regressions/` must pass what the fuzz targets
//! check.

use arabic_repair::{diagnose, repair, repair_explained};

#[test]
fn every_fuzz_finding_passes_the_fuzz_checks() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else { continue };
        let name = path.display();
        let once = repair(text);
        assert_eq!(once.split('\n').count(), text.split('\n').count(), "{name}: line count");
        assert_eq!(repair(&once), once, "{name}: not idempotent");
        let explained = repair_explained(text);
        assert_eq!(explained.apply(text), explained.text, "{name}: fixes do not rebuild the output");
        for fix in &explained.fixes {
            assert_eq!(&text[fix.span.clone()], fix.before, "{name}");
        }
        assert!((0.0..=1.0).contains(&diagnose(text).damage_score), "{name}");
        n += 1;
    }
    assert!(n > 0);
}
