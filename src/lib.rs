/*!
Repairs the broken Arabic text that PDF extractors produce, and normalizes it.

Extractions of Arabic PDFs come out with placeholders for glyphs that had no
Unicode mapping, Persian code points for Arabic letters, presentation forms,
justification tatweel, bidi controls, stray spaces, and lines in the wrong
order. This crate turns such text back into plain, logical-order Arabic, and
never harms text that was already right: correct Arabic and text without
Arabic come out byte-identical.

# Overview

* [`repair`] repairs a text with the default configuration. It returns a
  [`Cow`]: borrowed, without allocating, when nothing needed a change.
* [`Repairer`] is built from a [`Config`] (one record of options, each with
  a documented default) and is reusable across threads. Its
  [`repair_explained`](Repairer::repair_explained) returns, with the text,
  every [`Fix`]: its [`FixKind`], its byte span in the input, the text before
  and after, and a confidence; and, as suggestions, the fixes it left
  undone because they were not confident enough.
* [`diagnose`] counts the damage of a text by class without repairing it
  and gives it a score ([`Diagnosis`]).

# Example

A line of a real extraction (`ctoc-wg7-2021-5`, a UN report), with Farsi
yeh, justification tatweel and runs of spaces:

```
let broken = "ــدد، أوصــــــى بالاستفادة من أفرقة التحقیق  على نحو متزاید  ";
let repaired = arabic_repair::repair(broken);
assert_eq!(repaired, "دد، أوصى بالاستفادة من أفرقة التحقيق على نحو متزايد");
```

The same with an explanation of every change:

```
use arabic_repair::{Config, FixKind, Repairer};

let repairer = Repairer::new(Config::new());
let explained = repairer.repair_explained("الذین ینســـــقون");
assert_eq!(explained.text, "الذين ينسقون");
let kinds: Vec<FixKind> = explained.fixes.iter().map(|f| f.kind).collect();
assert_eq!(kinds, [FixKind::FarsiLetter, FixKind::FarsiLetter, FixKind::Tatweel]);
```

# The pipeline

Every line that holds Arabic-script text goes through these stages, in this
order (lines without Arabic are never touched, and line *N* of the output is
always line *N* of the input):

1. invisible controls: bidi controls and stray zero-width characters;
2. presentation forms to base letters, lam-alef ligatures to lam + alef;
3. justification tatweel;
4. Farsi yeh and keheh to Arabic yeh and kaf, in Arabic paragraphs;
5. digits, when a [`DigitStyle`] other than `Keep` is configured;
6. spacing: runs of spaces, space before punctuation, marks cut off from
   their letter, trailing spaces, a number glued to the word before it;
7. word boundaries: in a document that shows lost and added spaces (letters
   standing alone, words cut before a yeh the font kerns), words split by a
   space joined and glued words cut, by the lexicon;
8. canonical mark order (NFC), on the lines that an earlier stage changed.

Around the first, the repairs that read the lexicon or the whole document:
the alefs of lam-alef ligatures Ghostscript wrote as ideographs (`ل䐧`),
codes of glyphs that stand for no letter inside words (Amiri's `الNكهرباء`;
in a document that shows it),
runs that an extractor wrapped each in an embedding of its own and wrote
left to right (`pdftotext -raw`; in a document that shows it, while the
embeddings are still there), left-to-right runs an embedding holds turned
(pdftotext on LuaLaTeX's PDFs; in a document whose embeddings show it),
controls that stand for marks' glyphs (in a document that shows it),
lam-alef ligatures a font mapped to alef + lam
(in a document that shows it), lines turned letter by letter with their
Latin words and numbers (pdfplumber on LuaLaTeX's PDFs; in a document whose
Latin words and years show it), lines whose bidi runs came out in reverse
order, each as it reads (PDFBox, and pypdf on Chromium's PDFs; in a
document that shows it) or in reading order, each in visual order
(pdf-extract; in a document whose visual lines start with their labels),
lines whose words came out from their visual left, run by run (PDFBox on
XeLaTeX's PDFs, pdf.js and pypdf on Typst's; in a document whose labels,
lines' edges or clauses' ends show it), words whose letters came out turned while the
words stand in reading order (PDFium on Chromium's PDFs; in a document
that shows it), vowelled lines in visual order whose words came cut at
their marks (pdf-extract; in a document whose pieces show it), paragraph
labels whose hyphen, brackets or tanween went elsewhere in the line (in a
document that shows it), then
after the invisible controls the reading order of lines and runs and
brackets mirrored around a Latin run (`)UNEP(`),
numbers whose digits came out reversed (in a document whose paragraph
numbers, or the years and zeros of its numbers, show it) and placeholders.

DESIGN.md in the repository explains the architecture and where the
lexicon-driven repairs (placeholders, reading order, word boundaries) join,
and the document-level one for numbers whose digits came out reversed.
*/

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::borrow::Cow;

mod config;
mod diagnose;
mod digits;
mod displaced_marks;
mod edit;
mod embedded_runs;
#[cfg(feature = "eval")]
pub mod eval;
mod farsi_letters;
mod fast_path;
mod fix;
mod hamza_pieces;
mod invisible_controls;
mod label_marks;
mod language;
mod letter_model;
mod level_runs;
pub mod lexicon;
mod lost_spaces;
mod mark_order;
mod mark_pieces;
mod marks_before_letters;
mod mirrored_brackets;
mod number_order;
mod pipeline;
mod placeholders;
mod presentation_forms;
mod punctuation_before_numbers;
mod reading_order;
mod reversed_words;
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
mod rng;
mod script;
mod spacing;
mod stray_codes;
mod substitution;
mod swapped_ligatures;
#[cfg(feature = "eval")]
pub mod synthetic;
mod tab_spaces;
mod tables;
mod tatweel;
mod turned_runs;
mod unshaped_runs;
mod visual_pieces;
mod word_boundaries;
mod word_order;

pub use config::{Config, DigitStyle, DEFAULT_PLACEHOLDER_LETTERS};
pub use diagnose::{diagnose, Diagnosis};
pub use fix::{Explained, Fix, FixKind, SUGGESTION_FLOOR};

/// Repairs `text` with the default [`Config`].
///
/// Returns the input borrowed when nothing needed a change.
///
/// ```
/// use std::borrow::Cow;
///
/// // ctoc-wg4-2018-3.broken.txt, line 9
/// let broken = "مؤقَّت مفتوح العضــــــوية يُعنى بالاتِّجار بالأشــــــخاص. ";
/// assert_eq!(arabic_repair::repair(broken), "مؤقَّت مفتوح العضوية يُعنى بالاتِّجار بالأشخاص.");
///
/// let clean = "مؤقَّت مفتوح العضوية يُعنى بالاتِّجار بالأشخاص.";
/// assert!(matches!(arabic_repair::repair(clean), Cow::Borrowed(_)));
/// ```
pub fn repair(text: &str) -> Cow<'_, str> {
    pipeline::repair_document(text, &DEFAULT_CONFIG, None)
}

/// Repairs `text` with the default [`Config`] and reports every fix.
///
/// ```
/// use arabic_repair::{repair_explained, FixKind};
///
/// let input = "العضـــــوية";
/// let explained = repair_explained(input);
/// assert_eq!(explained.text, "العضوية");
/// assert_eq!(explained.fixes[0].kind, FixKind::Tatweel);
/// assert_eq!(&input[explained.fixes[0].span.clone()], "ـــــ");
/// ```
pub fn repair_explained(text: &str) -> Explained<'_> {
    Repairer::default().repair_explained(text)
}

static DEFAULT_CONFIG: std::sync::LazyLock<Config> = std::sync::LazyLock::new(Config::default);

/// A repairer built from a [`Config`]; cheap to share across threads
/// (`Send + Sync`), so build it once and reuse it.
///
/// ```
/// use arabic_repair::{Config, DigitStyle, Repairer};
///
/// let repairer = Repairer::new(Config::new().digits(DigitStyle::Ascii));
/// let lines = ["تبلغ ١٢٠ دولاراً", "في عام ٢٠١٨"];
/// let repaired: Vec<String> = std::thread::scope(|s| {
///     let handles: Vec<_> = lines.iter().map(|l| s.spawn(|| repairer.repair(l).into_owned())).collect();
///     handles.into_iter().map(|h| h.join().unwrap()).collect()
/// });
/// assert_eq!(repaired, ["تبلغ 120 دولاراً", "في عام 2018"]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Repairer {
    config: Config,
}

impl Repairer {
    /// Builds a repairer.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// let repairer = Repairer::new(Config::new().tatweel(false));
    /// assert!(!repairer.config().get_tatweel());
    /// ```
    pub fn new(config: Config) -> Repairer {
        Repairer { config }
    }

    /// The configuration this repairer was built with.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// assert_eq!(Repairer::default().config(), &Config::default());
    /// ```
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Repairs `text`; returns it borrowed when nothing needed a change.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    ///
    /// let repairer = Repairer::new(Config::new());
    /// assert_eq!(repairer.repair("ﺍﻟﻌﻀﻮﻳﺔ"), "العضوية");
    /// ```
    pub fn repair<'a>(&self, text: &'a str) -> Cow<'a, str> {
        pipeline::repair_document(text, &self.config, None)
    }

    /// Repairs `text` and reports every fix, located in `text`.
    ///
    /// ```
    /// use arabic_repair::{Config, FixKind, Repairer};
    ///
    /// let input = "عملا ً بالقرار";
    /// let explained = Repairer::new(Config::new()).repair_explained(input);
    /// assert_eq!(explained.text, "عملاً بالقرار");
    /// let fix = &explained.fixes[0];
    /// assert_eq!((fix.kind, fix.span.clone()), (FixKind::DetachedMark, 8..9));
    /// assert_eq!(explained.apply(input), explained.text);
    /// ```
    pub fn repair_explained<'a>(&self, text: &'a str) -> Explained<'a> {
        let mut fixes = Vec::new();
        let repaired = pipeline::repair_document(text, &self.config, Some(&mut fixes));
        let suggestions = self.suggestions(text, &fixes);
        Explained { text: repaired, fixes, suggestions }
    }

    /// The fixes a repair with the threshold lowered to [`SUGGESTION_FLOOR`]
    /// makes with less confidence than this repairer asks, other than
    /// `fixes` (a second repair of the text: explaining costs twice a
    /// repair).
    fn suggestions(&self, text: &str, fixes: &[Fix]) -> Vec<Fix> {
        let threshold = self.config.get_min_confidence();
        if threshold <= SUGGESTION_FLOOR {
            return Vec::new();
        }
        let lowered = self.config.clone().min_confidence(SUGGESTION_FLOOR);
        let mut considered = Vec::new();
        pipeline::repair_document(text, &lowered, Some(&mut considered));
        considered.retain_mut(|suggestion| {
            if suggestion.confidence >= threshold {
                return false;
            }
            // Only the fixes made at the suggestion's span can equal it or
            // lie in it (the fixes are sorted: found by bisection, not by a
            // scan of every fix for every suggestion).
            let near = fix::touching(fixes, &suggestion.span);
            if near.contains(suggestion) {
                return false;
            }
            // A suggestion that covers fixes made (a line reordered, whose
            // placeholders stay) is named for what it would change beyond
            // them; one that would undo what they wrote (the lowered
            // threshold took another letter first) is no suggestion.
            let covers_fixes =
                near.iter().any(|f| f.span.start < suggestion.span.end && suggestion.span.start < f.span.end);
            if !covers_fixes {
                return true;
            }
            let made = fix::apply_within(text, near, suggestion.span.clone());
            match fix::kind_of_difference(&made, &suggestion.after) {
                Some(kind) if made != suggestion.after => {
                    suggestion.kind = kind;
                    true
                }
                _ => false,
            }
        });
        considered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairer_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Repairer>();
    }
}

/// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
