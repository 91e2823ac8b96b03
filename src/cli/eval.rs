//! `arabic-repair eval`: repair every document of a corpus that has a gold
//! and score it.

use std::path::PathBuf;

use arabic_repair::eval::{evaluate, find_documents, Report};
use arabic_repair::Repairer;
use clap::Args;

use super::{format_table, inputs, output, CliError, Outcome, RepairOptions};

#[derive(Args, Debug)]
pub(crate) struct EvalArgs {
    /// The corpus: every NAME.broken.txt with a NAME.gold.txt beside it, recursively.
    #[arg(default_value = "corpus")]
    dir: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Record the repaired scores in this file (the ratchet's corpus/scores.json).
    #[arg(long)]
    record: Option<PathBuf>,
    #[command(flatten)]
    options: RepairOptions,
}

fn opt(v: Option<f64>) -> String {
    v.map_or("-".to_string(), |v| format!("{v:.4}"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or("-".to_string(), |v| format!("{:.1}%", v * 100.0))
}

pub(crate) fn eval(args: EvalArgs, outcome: &mut Outcome) -> Result<(), CliError> {
    let docs = find_documents(&args.dir).map_err(|source| CliError::Read { path: args.dir.clone(), source })?;
    if docs.is_empty() {
        return Err(CliError::NoMatches { path: args.dir.clone(), glob: "*.broken.txt with *.gold.txt".into() });
    }
    let repairer = Repairer::new(args.options.config());
    let mut reports: Vec<(String, Report)> = Vec::new();
    for doc in &docs {
        let read = |p: &PathBuf| inputs::read(&inputs::Input { path: Some(p.clone()), relative: p.clone() }, false);
        match (read(&doc.broken), read(&doc.gold)) {
            (Ok(broken), Ok(gold)) => reports.push((doc.name.clone(), evaluate(&broken, &gold, &repairer))),
            (Err(e), _) | (_, Err(e)) => outcome.report(e),
        }
    }
    if let Some(path) = &args.record {
        let scores: serde_json::Map<String, serde_json::Value> = reports
            .iter()
            .map(|(name, r)| {
                let v = serde_json::json!({
                    "line_cer": r.repaired.line_cer.map(round4),
                    "doc_cer": round4(r.repaired.doc_cer),
                    "wer": r.repaired.wer.map(round4),
                    "exact_lines": r.repaired.exact_lines.map(|v| (v * 10_000.0).floor() / 10_000.0),
                    "placeholders_right": r.classes.placeholders_right,
                    "placeholders_wrong": r.classes.placeholders_wrong,
                });
                (name.clone(), v)
            })
            .collect();
        let text = serde_json::to_string_pretty(&scores).unwrap_or_default() + "\n";
        output::write_atomically(path, &text)?;
    }
    let text = if args.json { json(&reports) } else { table(&reports) };
    let mut out = std::io::stdout().lock();
    output::write_stdout(&mut out, &text)
}

/// Error rates are recorded to four decimals, rounded up so that the
/// recorded value never claims more than was measured (exact-line rates are
/// rounded down for the same reason).
fn round4(v: f64) -> f64 {
    (v * 10_000.0).ceil() / 10_000.0
}

fn json(reports: &[(String, Report)]) -> String {
    let list: Vec<serde_json::Value> = reports
        .iter()
        .map(|(name, r)| {
            let c = &r.classes;
            serde_json::json!({
                "document": name,
                "lines": r.repaired.lines,
                "raw": {"line_cer": r.raw.line_cer, "wer": r.raw.wer, "exact_lines": r.raw.exact_lines, "doc_cer": r.raw.doc_cer},
                "repaired": {"line_cer": r.repaired.line_cer, "wer": r.repaired.wer, "exact_lines": r.repaired.exact_lines, "doc_cer": r.repaired.doc_cer},
                "placeholders": {"total": c.placeholders, "right": c.placeholders_right, "wrong": c.placeholders_wrong, "left": c.placeholders_left},
                "tatweel_left": c.tatweel_left,
                "farsi_left": c.farsi_left,
                "order_ok_lines": c.order_ok_lines,
                "nonempty_lines": c.nonempty_lines,
                "seconds": r.seconds,
            })
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
}

fn table(reports: &[(String, Report)]) -> String {
    let mut rows = vec![[
        "document",
        "lines",
        "line CER raw → repaired",
        "WER",
        "exact lines",
        "doc CER",
        "placeholders right/wrong/left",
        "tatweel",
        "farsi",
        "order ok",
        "ms",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<String>>()];
    for (name, r) in reports {
        let c = &r.classes;
        rows.push(vec![
            name.clone(),
            r.repaired.lines.to_string(),
            format!("{} → {}", opt(r.raw.line_cer), opt(r.repaired.line_cer)),
            format!("{} → {}", opt(r.raw.wer), opt(r.repaired.wer)),
            format!("{} → {}", pct(r.raw.exact_lines), pct(r.repaired.exact_lines)),
            format!("{:.4} → {:.4}", r.raw.doc_cer, r.repaired.doc_cer),
            format!("{}/{}/{} of {}", c.placeholders_right, c.placeholders_wrong, c.placeholders_left, c.placeholders),
            c.tatweel_left.to_string(),
            c.farsi_left.to_string(),
            format!("{}/{}", c.order_ok_lines, c.nonempty_lines),
            format!("{:.0}", r.seconds * 1000.0),
        ]);
    }
    format_table(&rows)
}
