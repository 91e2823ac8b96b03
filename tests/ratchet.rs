//! The accuracy ratchet: no document of `corpus/in-the-wild` or
//! `corpus/synthetic` may score worse than `corpus/scores.json` records
//! (line and document CER; placeholders restored right and wrong).
//!
//! When a change improves the scores, record them
//! (`arabic-repair eval --record corpus/scores.json`); a score is never
//! loosened without a note in `corpus/known-failures.md`.

mod common;

use std::collections::BTreeMap;

use arabic_repair::eval::{evaluate, find_documents};
use arabic_repair::Repairer;

#[test]
fn no_document_scores_worse_than_recorded() {
    let dir = common::corpus_dir();
    let recorded: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&common::read(&dir.join("scores.json"))).expect("corpus/scores.json");
    let repairer = Repairer::default();
    let mut seen = Vec::new();
    let mut failures = Vec::new();
    let mut improved = Vec::new();
    for sub in ["in-the-wild", "synthetic"] {
        for doc in find_documents(&dir.join(sub)).unwrap() {
            let name = format!("{sub}/{}", doc.name);
            let report = evaluate(&common::read(&doc.broken), &common::read(&doc.gold), &repairer);
            let Some(rec) = recorded.get(&name) else {
                failures.push(format!("{name}: not in corpus/scores.json (record it)"));
                continue;
            };
            seen.push(name.clone());
            let now =
                [("line_cer", report.repaired.line_cer.unwrap_or(f64::INFINITY)), ("doc_cer", report.repaired.doc_cer)];
            for (metric, value) in now {
                let limit = rec[metric].as_f64().unwrap_or_else(|| panic!("{name}: no {metric} recorded"));
                if value > limit + 1e-9 {
                    failures.push(format!("{name}: {metric} {value:.4} is worse than the recorded {limit:.4}"));
                } else if value < limit - 0.001 {
                    improved.push(format!("{name}: {metric} {value:.4} (recorded {limit:.4})"));
                }
            }
            // Placeholders: no fewer restored right, no more wrong.
            let c = report.classes;
            let (right, wrong) =
                (rec["placeholders_right"].as_u64().unwrap_or(0), rec["placeholders_wrong"].as_u64().unwrap_or(0));
            if (c.placeholders_right as u64) < right {
                failures
                    .push(format!("{name}: {} placeholders restored right, recorded {right}", c.placeholders_right));
            }
            if c.placeholders_wrong as u64 > wrong {
                failures
                    .push(format!("{name}: {} placeholders restored wrong, recorded {wrong}", c.placeholders_wrong));
            }
        }
    }
    for name in recorded.keys() {
        if !seen.contains(name) && !failures.iter().any(|f| f.starts_with(name.as_str())) {
            failures.push(format!("{name}: recorded but not in the corpus"));
        }
    }
    if !improved.is_empty() {
        eprintln!("improved; tighten corpus/scores.json with `arabic-repair eval --record corpus/scores.json`:");
        for i in &improved {
            eprintln!("  {i}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
