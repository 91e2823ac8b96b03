//! Command-line interface: `fix`, `diagnose`, `explain`.
//!
//! Exit codes (also in `--help` and the README):
//! - 0: success;
//! - 1: an input could not be read (missing or unreadable path, invalid
//!   UTF-8, a directory without matching files); the other inputs were
//!   still processed;
//! - 2: the command line is wrong;
//! - 3: an output could not be written (the input file is left intact);
//! - 130: interrupted (Ctrl-C): every file is either as it was or
//!   completely repaired, no temporary file is left.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use arabic_repair::{diagnose, Config, Diagnosis, DigitStyle, Explained, Fix, Repairer};
use clap::{Args, Parser, Subcommand, ValueEnum};

mod eval;
mod inputs;
mod output;
mod progress;
mod stream;
mod synth;

use inputs::Input;
use progress::Progress;

const EXIT_CODES: &str = "Exit codes: 0 success; 1 an input could not be read (missing, unreadable, invalid UTF-8, \
no matching file), the others were processed; 2 bad command line; 3 an output could not be written; \
130 interrupted (files are either as they were or completely repaired).";

#[derive(Parser, Debug)]
#[command(name = "arabic-repair", version, about = "Repairs broken Arabic text from PDF extractions.", after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Repair files (or standard input) and write the result.
    Fix(FixArgs),
    /// Count the damage in files, without repairing them.
    Diagnose(DiagnoseArgs),
    /// Print every fix the repair would make, as `line:column kind 'before' -> 'after' (confidence)`, and those it
    /// leaves undone for want of confidence (down to 0.5), marked `not applied`.
    Explain(ExplainArgs),
    /// Repair every NAME.broken.txt that has a NAME.gold.txt and score it against the gold.
    Eval(eval::EvalArgs),
    /// Damage clean text the way PDF extractors do, writing the damaged text and its gold.
    Synth(synth::SynthArgs),
}

#[derive(Args, Debug)]
struct InputArgs {
    /// Files or directories; `-` or nothing reads standard input. Directories are walked recursively.
    paths: Vec<PathBuf>,
    /// File names to take from directories.
    #[arg(long, default_value = "*.txt")]
    glob: String,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
}

#[derive(Args, Debug)]
pub(crate) struct RepairOptions {
    /// Keep all tatweel (kashida).
    #[arg(long)]
    keep_tatweel: bool,
    /// Digit script to write.
    #[arg(long, value_enum, default_value_t = DigitsArg::Keep)]
    digits: DigitsArg,
    /// Leave presentation forms as they are.
    #[arg(long)]
    no_presentation_forms: bool,
    /// Leave Farsi yeh and keheh as they are.
    #[arg(long)]
    no_farsi_letters: bool,
    /// Leave bidi controls and zero-width characters.
    #[arg(long)]
    no_invisible_controls: bool,
    /// Do not put the marks of changed lines into canonical order.
    #[arg(long)]
    no_mark_order: bool,
    /// Leave spacing as it is.
    #[arg(long)]
    no_spacing: bool,
    /// Leave placeholders as they are.
    #[arg(long)]
    no_placeholders: bool,
    /// Leave the order of runs and lines as it is.
    #[arg(long)]
    no_reading_order: bool,
    /// Neither join words split by a space nor cut glued ones.
    #[arg(long)]
    no_word_boundaries: bool,
    /// The letters a U+FFFD may stand for.
    #[arg(long, default_value = arabic_repair::DEFAULT_PLACEHOLDER_LETTERS)]
    placeholder_letters: String,
    /// The confidence (0..1) a lexicon-based fix needs to be applied.
    #[arg(long, default_value_t = 0.9)]
    min_confidence: f32,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum DigitsArg {
    Keep,
    Ascii,
    ArabicIndic,
}

impl RepairOptions {
    fn config(&self) -> Config {
        Config::new()
            .tatweel(!self.keep_tatweel)
            .digits(match self.digits {
                DigitsArg::Keep => DigitStyle::Keep,
                DigitsArg::Ascii => DigitStyle::Ascii,
                DigitsArg::ArabicIndic => DigitStyle::ArabicIndic,
            })
            .presentation_forms(!self.no_presentation_forms)
            .farsi_letters(!self.no_farsi_letters)
            .invisible_controls(!self.no_invisible_controls)
            .mark_order(!self.no_mark_order)
            .spacing(!self.no_spacing)
            .placeholders(!self.no_placeholders)
            .reading_order(!self.no_reading_order)
            .word_boundaries(!self.no_word_boundaries)
            .placeholder_letters(&self.placeholder_letters)
            .min_confidence(self.min_confidence)
    }
}

#[derive(Args, Debug)]
struct FixArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    options: RepairOptions,
    /// Write one repaired file per input into this directory (same relative paths).
    #[arg(long, conflicts_with = "in_place")]
    out_dir: Option<PathBuf>,
    /// Rewrite the input files (atomically: temporary file, then rename).
    #[arg(long)]
    in_place: bool,
    /// No progress output.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args, Debug)]
struct DiagnoseArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct ExplainArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    options: RepairOptions,
    /// Print one JSON object per fix instead of text (`applied`: false for a suggestion).
    #[arg(long)]
    json: bool,
}

/// Everything that can go wrong, each naming the file.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error("{}: invalid UTF-8 at byte {offset} (use --lossy to replace invalid bytes)", path.display())]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: no file matches '{glob}'", path.display())]
    NoMatches { path: PathBuf, glob: String },
    #[error("{}: cannot write: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("--in-place needs file paths, not standard input")]
    InPlaceStdin,
    #[error("standard output was closed")]
    BrokenPipe,
    #[error("interrupted: the files written are complete, the others were left as they were")]
    Interrupted,
}

impl CliError {
    fn exit_code(&self) -> u8 {
        match self {
            CliError::InvalidUtf8 { .. } | CliError::Read { .. } | CliError::NoMatches { .. } => 1,
            CliError::InPlaceStdin => 2,
            CliError::Write { .. } => 3,
            CliError::BrokenPipe => 0,
            CliError::Interrupted => 130,
        }
    }
}

/// Collects the errors of a run; the exit code is the highest one.
#[derive(Default)]
pub(crate) struct Outcome {
    code: u8,
}

impl Outcome {
    pub(crate) fn report(&mut self, err: CliError) {
        if !matches!(err, CliError::BrokenPipe) {
            eprintln!("arabic-repair: error: {err}");
        }
        self.code = self.code.max(err.exit_code());
    }
}

pub(crate) fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut outcome = Outcome::default();
    let result = match cli.command {
        Command::Fix(args) => fix(args, &mut outcome),
        Command::Diagnose(args) => run_diagnose(args, &mut outcome),
        Command::Explain(args) => explain(args, &mut outcome),
        Command::Eval(args) => eval::eval(args, &mut outcome),
        Command::Synth(args) => synth::synth(args, &mut outcome),
    };
    if let Err(err) = result {
        outcome.report(err);
    }
    ExitCode::from(outcome.code)
}

fn collect_inputs(args: &InputArgs, outcome: &mut Outcome) -> Result<Vec<Input>, CliError> {
    let glob = match globset::Glob::new(&args.glob) {
        Ok(g) => g.compile_matcher(),
        Err(e) => {
            eprintln!("arabic-repair: error: bad --glob '{}': {e}", args.glob);
            std::process::exit(2);
        }
    };
    let (inputs, errors) = inputs::collect(&args.paths, &glob, &args.glob);
    for e in errors {
        outcome.report(e);
    }
    Ok(inputs)
}

fn fix(args: FixArgs, outcome: &mut Outcome) -> Result<(), CliError> {
    let inputs = collect_inputs(&args.input, outcome)?;
    if args.in_place && inputs.iter().any(|i| i.path.is_none()) {
        return Err(CliError::InPlaceStdin);
    }
    let repairer = Repairer::new(args.options.config());
    let total_bytes: u64 =
        inputs.iter().filter_map(|i| i.path.as_ref()).filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    let destination = match (&args.out_dir, args.in_place) {
        (Some(dir), _) => stream::Destination::OutDir(dir.clone()),
        (None, true) => stream::Destination::InPlace,
        (None, false) => stream::Destination::Stdout,
    };
    stream::stop_on_interrupt();
    let mut observer = FixObserver { progress: Progress::new(inputs.len(), total_bytes, args.quiet), outcome };
    let result = stream::run(&inputs, &repairer, args.input.lossy, &destination, &mut observer);
    observer.progress.finish();
    result
}

/// Reports a `fix` run's errors and progress as it goes.
struct FixObserver<'o> {
    progress: Progress,
    outcome: &'o mut Outcome,
}

impl stream::Observer for FixObserver<'_> {
    fn error(&mut self, error: CliError) {
        self.progress.clear_line();
        self.outcome.report(error);
    }

    fn bytes_done(&mut self, bytes: u64) {
        self.progress.bytes_done(bytes);
    }

    fn file_done(&mut self) {
        self.progress.file_done();
    }
}

fn run_diagnose(args: DiagnoseArgs, outcome: &mut Outcome) -> Result<(), CliError> {
    let inputs = collect_inputs(&args.input, outcome)?;
    let mut rows: Vec<(String, Diagnosis)> = Vec::new();
    for input in &inputs {
        match inputs::read(input, args.input.lossy) {
            Ok(text) => rows.push((input.display(), diagnose(&text))),
            Err(e) => outcome.report(e),
        }
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let text = if args.json { diagnosis_json(&rows) } else { diagnosis_table(&rows) };
    output::write_stdout(&mut out, &text)?;
    out.flush().map_err(output::stdout_error)
}

fn diagnosis_json(rows: &[(String, Diagnosis)]) -> String {
    let list: Vec<serde_json::Value> = rows
        .iter()
        .map(|(file, d)| {
            serde_json::json!({
                "file": file,
                "lines": d.lines,
                "arabic_lines": d.arabic_lines,
                "arabic_words": d.arabic_words,
                "placeholders": d.placeholders,
                "farsi_letters": d.farsi_letters,
                "tatweel_runs": d.tatweel_runs,
                "presentation_forms": d.presentation_forms,
                "invisible_controls": d.invisible_controls,
                "visual_order_lines": d.visual_order_lines,
                "word_boundary_signs": d.word_boundary_signs,
                "damaged_words": d.damaged_words,
                "damage_score": d.damage_score,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
    s.push('\n');
    s
}

fn diagnosis_table(rows: &[(String, Diagnosis)]) -> String {
    let header = [
        "file",
        "lines",
        "arabic words",
        "placeholders",
        "farsi",
        "tatweel",
        "pres. forms",
        "invisible",
        "visual lines",
        "boundary signs",
        "damaged words",
        "score",
    ];
    let mut table: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
    for (file, d) in rows {
        table.push(vec![
            file.clone(),
            d.lines.to_string(),
            d.arabic_words.to_string(),
            d.placeholders.to_string(),
            d.farsi_letters.to_string(),
            d.tatweel_runs.to_string(),
            d.presentation_forms.to_string(),
            d.invisible_controls.to_string(),
            d.visual_order_lines.to_string(),
            d.word_boundary_signs.to_string(),
            d.damaged_words.to_string(),
            format!("{:.3}", d.damage_score),
        ]);
    }
    format_table(&table)
}

/// Aligns a table: first column left, the others right.
pub(crate) fn format_table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
        .collect();
    let mut s = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(
                |(c, cell)| {
                    if c == 0 {
                        format!("{cell:<w$}", w = widths[c])
                    } else {
                        format!("{cell:>w$}", w = widths[c])
                    }
                },
            )
            .collect();
        s.push_str(cells.join("  ").trim_end());
        s.push('\n');
    }
    s
}

fn explain(args: ExplainArgs, outcome: &mut Outcome) -> Result<(), CliError> {
    let inputs = collect_inputs(&args.input, outcome)?;
    let repairer = Repairer::new(args.options.config());
    let mut out = BufWriter::new(io::stdout().lock());
    let many = inputs.len() > 1;
    for input in &inputs {
        let text = match inputs::read(input, args.input.lossy) {
            Ok(t) => t,
            Err(e) => {
                outcome.report(e);
                continue;
            }
        };
        let explained = repairer.repair_explained(&text);
        let prefix = if many { format!("{}:", input.display()) } else { String::new() };
        output::write_stdout(&mut out, &explain_lines(&text, &explained, &prefix, args.json))?;
    }
    out.flush().map_err(output::stdout_error)
}

/// One line per fix, then, in their place among them, one per suggestion
/// (marked `not applied`).
fn explain_lines(text: &str, explained: &Explained<'_>, prefix: &str, json: bool) -> String {
    let mut items: Vec<(&Fix, bool)> =
        explained.fixes.iter().map(|f| (f, true)).chain(explained.suggestions.iter().map(|f| (f, false))).collect();
    // By position, a fix before a suggestion at the same place.
    items.sort_by_key(|(f, applied)| (f.span.start, !applied));
    let mut s = String::new();
    let mut line = 1;
    let mut line_start = 0;
    let mut scanned = 0;
    for (fix, applied) in items {
        for (i, b) in text.as_bytes()[scanned..fix.span.start].iter().enumerate() {
            if *b == b'\n' {
                line += 1;
                line_start = scanned + i + 1;
            }
        }
        scanned = fix.span.start;
        let column = text[line_start..fix.span.start].chars().count() + 1;
        if json {
            let v = serde_json::json!({
                "line": line, "column": column, "kind": fix.kind.name(),
                "start": fix.span.start, "end": fix.span.end,
                "before": fix.before, "after": fix.after, "confidence": fix.confidence,
                "applied": applied,
            });
            s.push_str(&v.to_string());
        } else {
            s.push_str(&format!(
                "{prefix}{line}:{column} {} '{}' -> '{}' ({:.2}{})",
                fix.kind,
                escape_invisible(&fix.before),
                escape_invisible(&fix.after),
                fix.confidence,
                if applied { "" } else { ", not applied" }
            ));
        }
        s.push('\n');
    }
    s
}

/// Shows invisible and control characters as `\u{...}` so that a fix that
/// removes one can be seen.
fn escape_invisible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let invisible = c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}');
        if invisible {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
