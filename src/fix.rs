//! What a repair reports: [`Fix`], [`FixKind`] and [`Explained`].

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// Which repair made a [`Fix`].
///
/// ```
/// use arabic_repair::FixKind;
/// assert_eq!(FixKind::Tatweel.name(), "tatweel");
/// assert_eq!(FixKind::PresentationForm.to_string(), "presentation-form");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FixKind {
    /// A bidi control or stray zero-width character removed.
    InvisibleControl,
    /// A line put back into reading order (runs reversed, word pieces joined,
    /// a paragraph label moved to the start, a visual-order line reversed).
    ReadingOrder,
    /// A placeholder replaced by the letter it stands for (or taken out,
    /// the code of a glyph that stands for no letter).
    Placeholder,
    /// A presentation form or ligature turned into base letters.
    PresentationForm,
    /// Justification tatweel removed.
    Tatweel,
    /// Farsi yeh or keheh mapped to Arabic yeh or kaf.
    FarsiLetter,
    /// Digits converted to the configured script.
    Digit,
    /// Spaces collapsed, removed before punctuation or trimmed at the end.
    Spacing,
    /// A word split by a stray space joined, or two glued words cut apart.
    WordBoundary,
    /// A combining mark cut off from its letter by a space put back on it.
    DetachedMark,
    /// Marks put into canonical order (NFC) on a changed line.
    MarkOrder,
}

impl FixKind {
    /// Every kind, in the order the pipeline runs the stages that make them.
    ///
    /// ```
    /// assert_eq!(arabic_repair::FixKind::ALL[0].name(), "invisible-control");
    /// ```
    pub const ALL: [FixKind; 11] = [
        FixKind::InvisibleControl,
        FixKind::ReadingOrder,
        FixKind::Placeholder,
        FixKind::PresentationForm,
        FixKind::Tatweel,
        FixKind::FarsiLetter,
        FixKind::Digit,
        FixKind::Spacing,
        FixKind::WordBoundary,
        FixKind::DetachedMark,
        FixKind::MarkOrder,
    ];

    /// The kind's stable kebab-case name, as the CLI prints it.
    ///
    /// ```
    /// assert_eq!(arabic_repair::FixKind::FarsiLetter.name(), "farsi-letter");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            FixKind::InvisibleControl => "invisible-control",
            FixKind::ReadingOrder => "reading-order",
            FixKind::Placeholder => "placeholder",
            FixKind::PresentationForm => "presentation-form",
            FixKind::Tatweel => "tatweel",
            FixKind::FarsiLetter => "farsi-letter",
            FixKind::Digit => "digit",
            FixKind::Spacing => "spacing",
            FixKind::WordBoundary => "word-boundary",
            FixKind::DetachedMark => "detached-mark",
            FixKind::MarkOrder => "mark-order",
        }
    }
}

impl fmt::Display for FixKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One change that a repair made, located in the input.
///
/// The fixes of one [`Explained`] never overlap and are sorted by position;
/// replacing each `span` of the input by its `after` gives the repaired text
/// (see [`Explained::apply`]). Where two stages changed the same characters
/// (a tatweel removed inside a word that was then reordered, say), their
/// changes are reported as one fix, with the kind of the change that covered
/// the most text and the lower confidence.
///
/// ```
/// use arabic_repair::{repair_explained, FixKind};
///
/// let explained = repair_explained("الذین");
/// let fix = &explained.fixes[0];
/// assert_eq!(fix.kind, FixKind::FarsiLetter);
/// assert_eq!(fix.span, 6..8);
/// assert_eq!((fix.before.as_str(), fix.after.as_str()), ("\u{06CC}", "\u{064A}"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// Which repair.
    pub kind: FixKind,
    /// Byte range of the replaced text in the input.
    pub span: Range<usize>,
    /// The input text of `span`.
    pub before: String,
    /// What the repair wrote instead.
    pub after: String,
    /// How sure the repair is, in `0.0..=1.0`. Code-point repairs that are
    /// certain by construction report `1.0`.
    pub confidence: f32,
}

/// A repaired text with the fixes that made it, from
/// [`repair_explained`](crate::repair_explained) or
/// [`Repairer::repair_explained`](crate::Repairer::repair_explained), and
/// the fixes the repair considered but left undone.
///
/// ```
/// use arabic_repair::repair_explained;
///
/// let input = "العضـــــوية ، في";
/// let explained = repair_explained(input);
/// assert_eq!(explained.text, "العضوية، في");
/// assert_eq!(explained.fixes.len(), 2);
/// assert_eq!(explained.apply(input), explained.text);
/// assert!(explained.suggestions.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Explained<'a> {
    /// The repaired text; borrowed when nothing changed.
    pub text: Cow<'a, str>,
    /// The fixes, sorted by span, not overlapping.
    pub fixes: Vec<Fix>,
    /// The fixes that the lexicon-based repairs (placeholders, reading
    /// order, word boundaries) found but did not apply because their
    /// confidence is below [`Config::min_confidence`](crate::Config::min_confidence):
    /// what a repair with a threshold of [`SUGGESTION_FLOOR`] makes beyond
    /// the fixes above, located in the input like them, sorted by span. A
    /// suggestion may overlap a fix (a line reordered with less confidence
    /// than the threshold, whose tatweel the repair did remove, is one
    /// suggestion spanning the line). [`Explained::apply`] ignores them.
    ///
    /// ```
    /// use arabic_repair::{repair_explained, FixKind};
    ///
    /// // `�ما` may be `بما` or `كما`: the placeholder stays, reported.
    /// let input = "وهي أدوات \u{FFFD}ما في ذلك";
    /// let explained = repair_explained(input);
    /// assert_eq!(explained.text, input);
    /// let suggestion = &explained.suggestions[0];
    /// assert_eq!(suggestion.kind, FixKind::Placeholder);
    /// assert_eq!(suggestion.before, "\u{FFFD}");
    /// assert!(suggestion.confidence >= 0.5 && suggestion.confidence < 0.9);
    /// ```
    pub suggestions: Vec<Fix>,
}

/// The lowest confidence of a suggestion in [`Explained::suggestions`]:
/// below it a fix is more likely wrong than right.
pub const SUGGESTION_FLOOR: f32 = 0.5;

impl Explained<'_> {
    /// Applies the fixes to `input` (the text that was repaired) and returns
    /// the result, which equals [`Explained::text`]. Useful to check a fix
    /// list or to apply only some kinds of fixes after filtering them.
    ///
    /// ```
    /// use arabic_repair::{repair_explained, FixKind};
    ///
    /// let input = "الذین ، في";
    /// let mut explained = repair_explained(input);
    /// explained.fixes.retain(|f| f.kind == FixKind::FarsiLetter);
    /// assert_eq!(explained.apply(input), "الذين ، في");
    /// ```
    ///
    /// # Panics
    ///
    /// If a span does not lie on character boundaries of `input`, which
    /// happens only when `input` is not the text that was repaired.
    pub fn apply(&self, input: &str) -> String {
        apply_fixes(input, &self.fixes, 0..input.len())
    }
}

/// The fixes (sorted by span, not overlapping) that touch `span`: those
/// that overlap it, lie in it or border it. Every fix equal to a fix with
/// this span, or inside it, is among them.
pub(crate) fn touching<'f>(fixes: &'f [Fix], span: &Range<usize>) -> &'f [Fix] {
    // Sorted and not overlapping, the fixes' ends rise as their starts do.
    let from = fixes.partition_point(|f| f.span.end < span.start);
    let to = from + fixes[from..].partition_point(|f| f.span.start <= span.end);
    &fixes[from..to]
}

/// The text of `span` of `input` after the `fixes` inside it (sorted, not
/// overlapping; a fix that reaches outside the span is left out, as a
/// suggestion covers whole fixes).
pub(crate) fn apply_within(input: &str, fixes: &[Fix], span: Range<usize>) -> String {
    let (start, end) = (span.start, span.end);
    apply_fixes(input, fixes.iter().filter(|f| f.span.start >= start && f.span.end <= end), span)
}

/// The text of `span` of `input` with `fixes` (sorted, not overlapping,
/// inside the span) applied.
fn apply_fixes<'f>(input: &str, fixes: impl IntoIterator<Item = &'f Fix>, span: Range<usize>) -> String {
    let mut out = String::with_capacity(span.len());
    let mut done = span.start;
    for fix in fixes {
        out.push_str(&input[done..fix.span.start]);
        out.push_str(&fix.after);
        done = fix.span.end;
    }
    out.push_str(&input[done..span.end]);
    out
}

/// What makes `suggested` differ from `made` (the same stretch as the
/// repair wrote it), if it keeps every character the repair wrote: only
/// placeholders filled, spaces moved (word boundaries), or the characters
/// in another order. `None` if it would change a character the repair wrote,
/// or fills a placeholder of several characters (`(cid:N)`, a glyph name:
/// such a suggestion over a line the repair changed is not reported).
pub(crate) fn kind_of_difference(made: &str, suggested: &str) -> Option<FixKind> {
    use crate::placeholders::is_placeholder_char;
    let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<Vec<char>>();
    let (made_letters, suggested_letters) = (letters(made), letters(suggested));
    if made_letters.len() != suggested_letters.len() {
        return None;
    }
    let kept_or_filled = |m: &char, s: &char| m == s || is_placeholder_char(*m);
    if made_letters.iter().zip(&suggested_letters).all(|(m, s)| kept_or_filled(m, s)) {
        let word_lengths = |s: &str| s.split_whitespace().map(|w| w.chars().count()).collect::<Vec<usize>>();
        let same_words = word_lengths(made) == word_lengths(suggested);
        return Some(if same_words { FixKind::Placeholder } else { FixKind::WordBoundary });
    }
    // Another order: every character the repair wrote is still there (a
    // placeholder may have become any letter).
    let mut left: std::collections::HashMap<char, isize> = std::collections::HashMap::new();
    for &c in &suggested_letters {
        *left.entry(c).or_default() += 1;
    }
    for c in made_letters.iter().filter(|c| !is_placeholder_char(**c)) {
        let n = left.entry(*c).or_default();
        *n -= 1;
        if *n < 0 {
            return None;
        }
    }
    Some(FixKind::ReadingOrder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touching_finds_what_a_scan_of_every_fix_finds() {
        let fix = |start: usize, end: usize| Fix {
            kind: FixKind::Tatweel,
            span: start..end,
            before: String::new(),
            after: String::new(),
            confidence: 1.0,
        };
        // Sorted, not overlapping, with empty spans (insertions) among them.
        let fixes = [fix(0, 2), fix(2, 2), fix(4, 7), fix(9, 9), fix(9, 12), fix(15, 16)];
        for start in 0..18 {
            for end in start..18 {
                let span = start..end;
                let scanned: Vec<&Fix> = fixes
                    .iter()
                    .filter(|f| {
                        (f.span.start < span.end && span.start < f.span.end)
                            || (f.span.start >= span.start && f.span.end <= span.end)
                    })
                    .collect();
                let near = touching(&fixes, &span);
                assert!(scanned.iter().all(|f| near.contains(f)), "{span:?}");
                assert!(near.iter().all(|f| f.span.end >= span.start && f.span.start <= span.end), "{span:?}");
            }
        }
    }
}
