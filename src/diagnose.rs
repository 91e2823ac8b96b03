//! Counting damage without repairing it: [`diagnose`] and [`Diagnosis`].

use std::ops::Range;

use crate::config::Config;
use crate::edit::Edits;
use crate::fix::FixKind;
use crate::pipeline::{body_start, line_languages, paragraphs, prepare, LineContext, Paragraph, Prepared, StageFn};
use crate::placeholders::count_placeholders;
use crate::reading_order::ReadingMemo;
use crate::script::{has_arabic_script, words};
use crate::{farsi_letters, invisible_controls, presentation_forms, tatweel};

/// The damage found in a text, by class, and a damage score.
///
/// Counts are of what the repair would act on: Farsi letters only in
/// paragraphs that are Arabic, tatweel only where it is justification.
///
/// The **damage score** is the share of the text's Arabic words that hold at
/// least one damage (a placeholder, a Farsi letter, justification tatweel, a
/// presentation form, an invisible control) or stand on a line in visual
/// order: `damaged_words / arabic_words`, 0.0 for a text without Arabic
/// words, 1.0 when every word is hit. Spacing and digit script are not
/// counted as damage.
///
/// ```
/// use arabic_repair::diagnose;
///
/// // ctoc-wg7-2021-5.broken.txt, line 10 (start)
/// let d = diagnose("ذلك  طا�عها المتسـم بتحقیق أر�اح متزایدة");
/// assert_eq!(d.arabic_words, 6);
/// assert_eq!(d.placeholders, 2);
/// assert_eq!(d.farsi_letters, 2);
/// assert_eq!(d.tatweel_runs, 1);
/// assert_eq!(d.damaged_words, 5);
/// assert!((d.damage_score - 5.0 / 6.0).abs() < 1e-9);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diagnosis {
    /// Lines of the text.
    pub lines: usize,
    /// Lines holding Arabic-script text.
    pub arabic_lines: usize,
    /// Whitespace-separated words of Arabic lines holding Arabic-script text
    /// or only placeholders.
    pub arabic_words: usize,
    /// Placeholders in Arabic words: U+FFFD, private-use code points,
    /// `(cid:N)`, glyph ids `/gN`, and raw ASCII codes that the document's
    /// code table decodes.
    pub placeholders: usize,
    /// Farsi yeh and keheh in Arabic paragraphs.
    pub farsi_letters: usize,
    /// Runs of justification tatweel.
    pub tatweel_runs: usize,
    /// Presentation-form code points.
    pub presentation_forms: usize,
    /// Bidi controls and stray zero-width characters.
    pub invisible_controls: usize,
    /// Lines in visual order or with their runs reversed: the lines the
    /// reading-order repair would reorder.
    pub visual_order_lines: usize,
    /// Signs of spaces added inside words: letters standing alone (`ا
    /// لمنظمة`; not `و`, not an abbreviation beside a number), and words
    /// cut before a yeh the font kerns under the letter before (`فر يق`,
    /// read by the lexicon). The word-boundary repair acts in a document
    /// with at least 3 of them and one per 50 lines with Arabic.
    pub word_boundary_signs: usize,
    /// Arabic words with at least one damage.
    pub damaged_words: usize,
    /// `damaged_words / arabic_words`, in `0.0..=1.0`.
    pub damage_score: f64,
}

/// Counts the damage in `text`. See [`Diagnosis`] for what is counted and
/// how the score is computed.
///
/// ```
/// use arabic_repair::diagnose;
///
/// let clean = diagnose("والملاحقة القضائية الفعالة في قضايا تهريب المهاجرين.");
/// assert_eq!(clean.damaged_words, 0);
/// assert_eq!(clean.damage_score, 0.0);
/// assert_eq!(diagnose("الجريمة ا لمنظمة، وم ن").word_boundary_signs, 2);
/// assert_eq!(diagnose("وقد أعد التقرير فر يق من الخبراء").word_boundary_signs, 1);
/// ```
pub fn diagnose(text: &str) -> Diagnosis {
    let config = Config::default();
    let mut d = Diagnosis::default();
    let stages: [(StageFn, FixKind); 4] = [
        (invisible_controls::remove_invisible_controls, FixKind::InvisibleControl),
        (presentation_forms::presentation_form_to_base, FixKind::PresentationForm),
        (tatweel::remove_justification_tatweel, FixKind::Tatweel),
        (farsi_letters::farsi_letter_to_arabic, FixKind::FarsiLetter),
    ];
    let mut edits = Edits::new(true);
    let mut damaged: Vec<Range<usize>> = Vec::new();
    let paragraphs: Vec<Paragraph<'_>> = paragraphs(text, body_start(text)).collect();
    let memo = ReadingMemo::new(&config);
    let Prepared { states, model, .. } = prepare(&paragraphs, &config, true, &memo);
    let languages = line_languages(&config, &states);
    // Lines that phase 0 put back into reading order.
    let reordered: Vec<bool> =
        states.iter().flatten().map(|s| s.changed_by(crate::fix::FixKind::ReadingOrder)).collect();
    let mut line_index = 0;
    for (paragraph, languages) in paragraphs.iter().zip(languages) {
        for (line, language) in paragraph.lines.iter().zip(languages) {
            let ctx = LineContext::new(&config, language, model.as_ref(), &memo);
            d.lines += 1;
            let visual = reordered[line_index];
            line_index += 1;
            if visual {
                d.visual_order_lines += 1;
            }
            let content = line.content;
            let placeholders = count_placeholders(content, model.as_ref());
            if !has_arabic_script(content) && placeholders.is_empty() {
                continue;
            }
            d.arabic_lines += 1;
            d.placeholders += placeholders.len();
            d.word_boundary_signs +=
                crate::word_boundaries::signs(content) + crate::word_boundaries::kerning_splits(content);
            damaged.clear();
            damaged.extend(placeholders.iter().cloned());
            for (stage, kind) in stages {
                edits.list.clear();
                stage(content, &ctx, &mut edits);
                for e in &edits.list {
                    let chars = content[e.range.clone()].chars().count();
                    match kind {
                        FixKind::InvisibleControl => d.invisible_controls += chars,
                        FixKind::PresentationForm => d.presentation_forms += chars,
                        FixKind::Tatweel => d.tatweel_runs += 1,
                        _ => d.farsi_letters += chars,
                    }
                    damaged.push(e.range.clone());
                }
            }
            // Words and ranges are both in line order: one sweep each (a
            // line of a million words is counted in linear time).
            let mut placeholder_spans = Sweep::new(placeholders.to_vec());
            let mut damaged_spans = Sweep::new(std::mem::take(&mut damaged));
            for (start, word) in words(content) {
                let span = start..start + word.len();
                // A word of placeholders only is a piece of an Arabic word.
                if !has_arabic_script(word) && !placeholder_spans.hits(&span) {
                    continue;
                }
                d.arabic_words += 1;
                if visual || damaged_spans.hits(&span) {
                    d.damaged_words += 1;
                }
            }
            damaged = damaged_spans.ranges;
        }
    }
    d.damage_score = if d.arabic_words == 0 { 0.0 } else { d.damaged_words as f64 / d.arabic_words as f64 };
    d
}

/// Byte ranges, sorted and merged, asked in order whether they meet a span.
struct Sweep {
    ranges: Vec<Range<usize>>,
    next: usize,
}

impl Sweep {
    fn new(mut ranges: Vec<Range<usize>>) -> Sweep {
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Sweep { ranges: merged, next: 0 }
    }

    /// Whether a range meets `span`; spans must come in increasing order.
    fn hits(&mut self, span: &Range<usize>) -> bool {
        while self.next < self.ranges.len() && self.ranges[self.next].end <= span.start {
            self.next += 1;
        }
        self.ranges.get(self.next).is_some_and(|r| r.start < span.end)
    }
}
