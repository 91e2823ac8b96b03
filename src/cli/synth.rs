//! `arabic-repair synth`: damaged text and its gold from clean text.

use std::io::Write;
use std::path::PathBuf;

use arabic_repair::synthetic::{Damage, PlaceholderStyle};
use clap::{Args, ValueEnum};

use super::{inputs, CliError, Outcome};

#[derive(Args, Debug)]
pub(crate) struct SynthArgs {
    /// Clean text files to damage.
    #[arg(required = true)]
    clean: Vec<PathBuf>,
    /// Where to write the damaged text.
    #[arg(long)]
    broken: PathBuf,
    /// Where to write the gold (the clean text, line for line).
    #[arg(long)]
    gold: PathBuf,
    /// Seed of the generator: the same seed gives the same damage.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Repeat the clean text (with a new seed each time) until the damaged text has at least this many bytes.
    #[arg(long)]
    bytes: Option<u64>,
    /// Placeholders for unmapped glyphs.
    #[arg(long, value_enum)]
    placeholders: Option<StyleArg>,
    /// Letters whose glyphs are unmapped (empty: all letters).
    #[arg(long, default_value = "بيكتن")]
    placeholder_letters: String,
    /// Unmapped glyphs in every positional form, not only initial and medial.
    #[arg(long)]
    all_forms: bool,
    /// Share of the occurrences of an unmapped glyph that are damaged.
    #[arg(long, default_value_t = 1.0)]
    placeholder_rate: f64,
    /// Farsi yeh and keheh, per occurrence.
    #[arg(long, default_value_t = 0.0)]
    farsi: f64,
    /// Kashida runs, per word.
    #[arg(long, default_value_t = 0.0)]
    kashida: f64,
    /// Presentation forms.
    #[arg(long)]
    presentation_forms: bool,
    /// Whole lines in visual order, per line.
    #[arg(long, default_value_t = 0.0)]
    visual_order: f64,
    /// Lines as runs in reverse order, per line.
    #[arg(long, default_value_t = 0.0)]
    run_reversal: f64,
    /// Spaces inside words, per word.
    #[arg(long, default_value_t = 0.0)]
    stray_spaces: f64,
    /// Lost spaces between words, per space.
    #[arg(long, default_value_t = 0.0)]
    glued_words: f64,
    /// Paragraph numbers moved to the line end and flipped.
    #[arg(long)]
    paragraph_numbers: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum StyleArg {
    Replacement,
    PrivateUse,
    Cid,
}

impl SynthArgs {
    fn damage(&self, seed: u64) -> Damage {
        let mut d = Damage::new(seed)
            .farsi_letters(self.farsi)
            .kashida(self.kashida)
            .presentation_forms(self.presentation_forms)
            .visual_order(self.visual_order)
            .run_reversal(self.run_reversal)
            .stray_spaces(self.stray_spaces)
            .glued_words(self.glued_words)
            .paragraph_numbers(self.paragraph_numbers);
        if let Some(style) = self.placeholders {
            let style = match style {
                StyleArg::Replacement => PlaceholderStyle::Replacement,
                StyleArg::PrivateUse => PlaceholderStyle::PrivateUse,
                StyleArg::Cid => PlaceholderStyle::Cid,
            };
            d = d.placeholders(style, &self.placeholder_letters, !self.all_forms, self.placeholder_rate);
        }
        d
    }
}

pub(crate) fn synth(args: SynthArgs, outcome: &mut Outcome) -> Result<(), CliError> {
    let mut clean = String::new();
    for path in &args.clean {
        let input = inputs::Input { path: Some(path.clone()), relative: path.clone() };
        match inputs::read(&input, false) {
            Ok(t) => {
                clean.push_str(&t);
                if !t.ends_with('\n') {
                    clean.push('\n');
                }
            }
            Err(e) => outcome.report(e),
        }
    }
    if clean.is_empty() {
        return Ok(());
    }
    let open = |p: &PathBuf| {
        std::fs::File::create(p)
            .map(std::io::BufWriter::new)
            .map_err(|source| CliError::Write { path: p.clone(), source })
    };
    let mut broken = open(&args.broken)?;
    let mut gold = open(&args.gold)?;
    let target = args.bytes.unwrap_or(0);
    let mut written = 0u64;
    let mut round = 0u64;
    loop {
        let damaged = args.damage(args.seed.wrapping_add(round)).apply(&clean);
        broken
            .write_all(damaged.broken.as_bytes())
            .map_err(|source| CliError::Write { path: args.broken.clone(), source })?;
        gold.write_all(damaged.gold.as_bytes())
            .map_err(|source| CliError::Write { path: args.gold.clone(), source })?;
        written += damaged.broken.len() as u64;
        round += 1;
        if written >= target {
            break;
        }
    }
    broken.flush().map_err(|source| CliError::Write { path: args.broken.clone(), source })?;
    gold.flush().map_err(|source| CliError::Write { path: args.gold.clone(), source })?;
    Ok(())
}
