//! The crate's scorer agrees with the reference scorer `score.py` to four
//! decimals. The reference output is committed in
//! `tests/fixtures/score/reference.json` (made by
//! `scripts/make_score_fixtures.py`), so the test needs only Rust.

use std::path::Path;

use arabic_repair::eval::{lines_of, score_lines};

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn close(ours: Option<f64>, reference: &serde_json::Value, what: &str, case: &str) {
    match (ours, reference.as_f64()) {
        (None, None) => {}
        (Some(a), Some(b)) => assert!((a - b).abs() < 5e-5, "{case}: {what} {a} vs score.py {b}"),
        (a, _) => panic!("{case}: {what} {a:?} vs score.py {reference}"),
    }
}

#[test]
fn agrees_with_score_py() {
    let reference: serde_json::Value = serde_json::from_str(&read("tests/fixtures/score/reference.json")).unwrap();
    let cases = reference.as_array().unwrap();
    assert!(cases.len() >= 7);
    for case in cases {
        let gold_path = case["gold"].as_str().unwrap();
        let cand_path = case["candidate"].as_str().unwrap();
        let name = format!("{gold_path} / {cand_path}");
        let gold = read(gold_path);
        let cand = read(cand_path);
        let (first, last) = match case["range"].as_array() {
            Some(r) => (r[0].as_u64().unwrap() as usize, Some(r[1].as_u64().unwrap() as usize)),
            None => (1, None),
        };
        let ours = score_lines(&lines_of(&gold), &lines_of(&cand), first, last);
        let r = &case["result"];
        close(ours.line_cer, &r["line_cer"], "line_cer", &name);
        close(ours.wer, &r["wer"], "wer", &name);
        close(ours.exact_lines, &r["exact_lines"], "exact_lines", &name);
        close(Some(ours.doc_cer), &r["doc_cer"], "doc_cer", &name);
        assert_eq!(ours.lines as u64, r["lines"].as_u64().unwrap(), "{name}: lines");
    }
}
