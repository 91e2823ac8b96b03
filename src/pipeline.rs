//! The pipeline: splits a text into paragraphs and lines, runs the stages on
//! every line that holds Arabic text, and stitches the output together.
//!
//! The order of the stages, and why:
//! 1. `invisible_controls`: bidi controls and zero-width characters sit
//!    between letters and would hide every other damage from the stages
//!    after it.
//! 2. `presentation_forms`: later stages reason about base letters (a
//!    shaped tatweel form, a shaped Farsi yeh are handled by the next two).
//! 3. `tatweel`
//! 4. `farsi_letters`
//! 5. `digits`
//! 6. `spacing`: last of the text stages, so that it sees the spaces that
//!    removals left next to each other.
//! 7. `word_boundaries`: after spacing, so that a gap is one space; it
//!    looks words up, so it sees base letters without tatweel.
//! 8. `mark_order`: only on lines that an earlier stage changed.
//!
//! The lexicon stages, placeholders and reading order (with
//! `mirrored_brackets` after it), slot in between 1 and 2: they see the
//! letters as extracted, and their lookups fold presentation forms, tatweel
//! and Farsi letters themselves (see DESIGN.md). Seventeen stages run once, in
//! phase 0, and only in a document that shows their damage as a whole
//! (judged on the lines as they came, or as the one-shot stages before left
//! them; run again they could undo themselves): `embedded_runs` (runs each
//! in an embedding of its own, left to right), `mark_pieces` and
//! `hamza_pieces` (vowelled lines cut into pieces at their marks, or where
//! hamzas are drawn apart, emitted from the visual left; before the controls
//! that marks' glyphs were mapped to go, which cut them too),
//! `stray_codes` (codes of
//! glyphs that stand for no letter inside words, before any stage reads a
//! word), `tab_spaces` (spaces written as tabs), `unshaped_runs` (runs of
//! unshaped letters in logical order
//! inside lines in visual order), `visual_pieces` (vowelled lines in visual
//! order whose words came cut at their marks, which only the whole
//! document shows; before the marks are read), `marks_before_letters`
//! (vowel marks written before their letters, a word's last marks drawn
//! after the space, and words cut at them), `lost_spaces` (no space
//! between any two words; before the ligatures are judged by whole words),
//! `swapped_ligatures` (lam-alef ligatures that came out as alef + lam, so
//! that every later stage reads the words right), `turned_runs` (lines
//! turned letter by letter with their Latin words and numbers),
//! `level_runs` (a line's
//! bidi runs in reverse order, each as it reads; or in reading order, each
//! drawn from its visual left), `word_order` (a line's
//! words emitted from its visual left; where the marks came out of place,
//! the pieces of words cut at a shadda joined after it), `reversed_words`
//! (words turned in place, standing in reading order), `label_marks` next
//! (paragraph labels whose hyphen or brackets went elsewhere in the line,
//! before the reading order would read them as runs), `number_order` before
//! the reading order (numbers whose digits came out reversed), and
//! `punctuation_before_numbers` last (the punctuation after a number drawn
//! before it, in lines whose words are in order: the reading order would
//! read it as a run's edge).
//! One runs once before all of them, after the invisible controls: the
//! alefs of lam-alef ligatures that Ghostscript wrote as ideographs
//! (`presentation_forms::restore_mangled_ligature_alefs`; a strong
//! left-to-right character inside a word would cut it into runs).
//! Two more run once right after the reading order: mirrored guillemets
//! (`mirrored_brackets::restore_mirrored_guillemets`, `»تويتر«`), judged on
//! the lines the search left as they stood, and the neutrals whose glyphs
//! map to nothing where their place tells what they were
//! (`label_marks::restore_unmapped_neutrals`: a label's hyphen and brackets,
//! a month pair's slash). And last of all, on the lines in reading order,
//! vowel marks that came out a letter off their own (`displaced_marks`: a
//! line turned by the reading order has its marks moved the other way).

use std::borrow::Cow;

use crate::config::Config;
use crate::edit::{ChangeMap, Edits};
use crate::fix::Fix;
use crate::language::{Evidence, Language};
use crate::placeholders::{self, PlaceholderModel};
use crate::script::{has_arabic_script, is_bidi_control, is_zero_width};
use crate::{
    digits, displaced_marks, embedded_runs, farsi_letters, hamza_pieces, invisible_controls, label_marks, level_runs,
    lost_spaces, mark_order, mark_pieces, marks_before_letters, mirrored_brackets, number_order, presentation_forms,
    punctuation_before_numbers, reading_order, reversed_words, spacing, stray_codes, swapped_ligatures, tab_spaces,
    tatweel, turned_runs, unshaped_runs, visual_pieces, word_boundaries, word_order,
};

/// How often the stages run over a line at most; the fixed point is
/// normally reached after the second round.
const MAX_ROUNDS: usize = 4;

/// Paragraphs longer than this many lines are judged in windows of this
/// size: language is local, and memory stays bounded.
pub(crate) const PARAGRAPH_WINDOW_LINES: usize = 64;

/// What a stage may know beyond its line: the configuration and the
/// language of the paragraph the line belongs to, once it is judged.
pub(crate) struct LineContext<'c> {
    pub config: &'c Config,
    language: Language,
    /// What the document tells about its placeholders, if it has any.
    pub placeholders: Option<&'c PlaceholderModel>,
    /// Whether the document shows lines with reversed runs elsewhere (then a
    /// wide gap in a line is taken for a run boundary).
    pub reversal_damage: bool,
    /// Whether the document shows lost and added spaces (see
    /// `word_boundaries`); the stage acts only then.
    pub boundary_damage: bool,
    /// The control codes the document's PDF mapped marks' glyphs to (a
    /// bit per code; see `invisible_controls`).
    pub mark_glyph_controls: u32,
    /// What the reading-order search learnt about the document (word
    /// scores, lines already read), kept across phases and passes.
    pub reading: &'c reading_order::ReadingMemo,
    /// The words around the line being read (set while the reading order
    /// of the document is first restored; empty otherwise).
    pub neighbours: reading_order::Neighbours,
    /// Whether the document's numbers came out with their digits reversed
    /// (see `number_order`; set for the one run of that stage).
    pub numbers_reversed: bool,
    /// Whether the document's paragraph labels came out with their hyphen,
    /// brackets or tanween elsewhere in the line (see `label_marks`; set for
    /// the one run of that stage).
    pub labels_detached: bool,
    /// Whether the document's lines came out with their runs of one
    /// direction in reverse order (see `level_runs`; set for the one run of
    /// that stage).
    pub level_runs_reversed: bool,
    /// Whether the document's lines in visual order came out as their runs
    /// in reading order, each drawn from its visual left (see `level_runs`;
    /// set for the one run of that stage).
    pub visual_runs_in_order: bool,
    /// Whether the document's words came out with their letters in visual
    /// order, the words in reading order (see `reversed_words`; set for the
    /// one run of that stage).
    pub words_reversed_in_place: bool,
    /// Whether the document's lines came out with their runs cut where a
    /// yeh is kerned and emitted from the line's visual left (see
    /// `level_runs`; set for the one run of that stage).
    pub runs_cut_at_kerned_yehs: bool,
    /// Whether the document's lam-alef ligatures came out as alef + lam
    /// (see `swapped_ligatures`; set for the one run of that stage).
    pub ligatures_swapped: swapped_ligatures::SwappedLigatures,
    /// Whether the document's runs came out left to right, each in an
    /// embedding of its own (see `embedded_runs`; set for the one run of
    /// that stage).
    pub embedded_runs_reversed: bool,
    /// Whether the document's left-to-right embeddings hold their runs
    /// turned (see `invisible_controls`; set for the one run of that stage
    /// in the first phase).
    pub ltr_embeddings_reversed: bool,
    /// Whether the document's lines in visual order hold their
    /// left-to-right runs turned too (see `turned_runs`; set for the one
    /// run of that stage).
    pub ltr_runs_turned: bool,
    /// Whether the document's lines came out as words emitted from the
    /// visual left (see `word_order`; set for the one run of that stage).
    pub words_from_the_left: bool,
    /// Whether the document's labelled lines came out with the label first,
    /// its hyphen last and the words between emitted from the visual left
    /// (see `word_order`; set for the one run of that stage).
    pub words_after_their_labels: bool,
    /// Whether the document's lines came out as words emitted from the
    /// visual left, each with the space before it (see `word_order`; set
    /// for the one run of that stage).
    pub words_with_spaces_before: bool,
    /// Whether the document lost the spaces between its words (see
    /// `lost_spaces`; set for the one run of that stage).
    pub spaces_lost: bool,
    /// Whether the document writes the spaces between its words as tabs
    /// (see `tab_spaces`; set for the one run of that stage).
    pub tabs_are_spaces: bool,
    /// Whether the document writes codes of glyphs that stand for no letter
    /// inside its words (see `stray_codes`; set for the one run of that
    /// stage).
    pub stray_codes: bool,
    /// Whether the document draws the punctuation after its numbers before
    /// them (see `punctuation_before_numbers`; set for the one run of that
    /// stage).
    pub punctuation_before_numbers: bool,
    /// Whether the document's guillemets are mirrored (see
    /// `mirrored_brackets::document_mirrors_guillemets`; set for the one run
    /// of that stage).
    pub guillemets_mirrored: bool,
    /// Whether the document's vowel marks came out a letter off their own,
    /// and which way (see `displaced_marks`; set for the one run of that
    /// stage).
    pub displaced_marks: Option<displaced_marks::Displacement>,
    /// Whether the document writes its vowel marks before their letters
    /// (see `marks_before_letters`; set for the one run of that stage).
    pub marks_before_letters: bool,
    /// Whether its lines may start with their last letter's marks (the
    /// same).
    pub marks_drawn_first: bool,
    /// Whether its words' last marks are drawn after the space (the same).
    pub final_marks_after_spaces: bool,
    /// Whether its words came out cut at their marks (the same).
    pub words_cut_at_marks: bool,
    /// Whether the document writes runs of unshaped letters in logical
    /// order inside its lines in visual order (see `unshaped_runs`; set for
    /// the one run of that stage).
    pub unshaped_runs_in_logical_order: bool,
    /// Whether the document's lines are in visual order as its pieces show
    /// (see `visual_pieces`; set for the one run of that stage).
    pub visual_pieces: bool,
    /// Whether the document's vowelled lines came out as pieces cut at
    /// their marks, from the visual left (see `mark_pieces`; set for the
    /// one run of that stage).
    pub mark_pieces_from_the_left: bool,
    /// Whether the document's vowelled lines came out cut at their hamzas,
    /// the pieces from the visual left (see `hamza_pieces`; set for the
    /// one run of that stage).
    pub lines_cut_at_hamzas: bool,
}

impl<'c> LineContext<'c> {
    pub fn new(
        config: &'c Config,
        language: Language,
        placeholders: Option<&'c PlaceholderModel>,
        reading: &'c reading_order::ReadingMemo,
    ) -> LineContext<'c> {
        LineContext {
            config,
            language,
            placeholders,
            reversal_damage: false,
            boundary_damage: false,
            mark_glyph_controls: 0,
            reading,
            neighbours: reading_order::Neighbours::default(),
            numbers_reversed: false,
            labels_detached: false,
            level_runs_reversed: false,
            visual_runs_in_order: false,
            words_reversed_in_place: false,
            runs_cut_at_kerned_yehs: false,
            ligatures_swapped: swapped_ligatures::SwappedLigatures::None,
            embedded_runs_reversed: false,
            ltr_embeddings_reversed: false,
            ltr_runs_turned: false,
            spaces_lost: false,
            words_from_the_left: false,
            words_after_their_labels: false,
            words_with_spaces_before: false,
            tabs_are_spaces: false,
            stray_codes: false,
            punctuation_before_numbers: false,
            guillemets_mirrored: false,
            displaced_marks: None,
            marks_before_letters: false,
            marks_drawn_first: false,
            final_marks_after_spaces: false,
            words_cut_at_marks: false,
            unshaped_runs_in_logical_order: false,
            visual_pieces: false,
            mark_pieces_from_the_left: false,
            lines_cut_at_hamzas: false,
        }
    }

    /// The language of the paragraph; [`Language::Unknown`] in the first
    /// phase, before it is judged.
    pub fn language(&self) -> Language {
        self.language
    }
}

/// A stage: one line in, the repaired line out, edits logged.
pub(crate) type StageFn = for<'a> fn(&'a str, &LineContext<'_>, &mut Edits) -> Cow<'a, str>;

/// A stage of the table: what it does and the option that turns it on.
pub(crate) struct Stage {
    pub run: StageFn,
    pub enabled: fn(&Config) -> bool,
    /// Whether the stage moves words (then the document's placeholder model,
    /// which knows words, must be read again).
    pub moves_words: bool,
}

/// The text stages in pipeline order. Reading order runs first of all in
/// phase 0 (so that the placeholder model sees whole words), and again here,
/// so that the output is settled for it too after the other stages (a number
/// glued to a word may only show once tatweel is gone).
pub(crate) const STAGES: [Stage; 10] = [
    Stage { run: invisible_controls::remove_invisible_controls, enabled: |c| c.invisible_controls, moves_words: false },
    Stage { run: reading_order::restore_reading_order, enabled: |c| c.reading_order, moves_words: true },
    Stage { run: mirrored_brackets::restore_mirrored_brackets, enabled: |c| c.reading_order, moves_words: false },
    Stage { run: placeholders::restore_placeholders, enabled: |c| c.placeholders, moves_words: false },
    Stage { run: presentation_forms::presentation_form_to_base, enabled: |c| c.presentation_forms, moves_words: false },
    Stage { run: tatweel::remove_justification_tatweel, enabled: |c| c.tatweel, moves_words: false },
    Stage { run: farsi_letters::farsi_letter_to_arabic, enabled: |c| c.farsi_letters, moves_words: false },
    Stage { run: digits::convert_digits, enabled: |c| c.digits != crate::DigitStyle::Keep, moves_words: false },
    Stage { run: spacing::normalize_spacing, enabled: |c| c.spacing, moves_words: false },
    Stage { run: word_boundaries::restore_word_boundaries, enabled: |c| c.word_boundaries, moves_words: true },
];

/// One line of a text: its byte offset and its content without the line
/// terminator (`\n` or `\r\n`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'t> {
    pub start: usize,
    pub content: &'t str,
}

/// A run of lines judged together: up to a blank line, at most
/// [`PARAGRAPH_WINDOW_LINES`] lines.
pub(crate) struct Paragraph<'t> {
    pub lines: Vec<Line<'t>>,
}

/// A line that ends a paragraph: nothing but whitespace and invisible
/// controls (which the repair may remove: the paragraphs must not change
/// when it runs again).
fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || is_bidi_control(c) || is_zero_width(c))
}

/// Splits `text` (from byte `from` on) into paragraphs.
pub(crate) fn paragraphs(text: &str, from: usize) -> impl Iterator<Item = Paragraph<'_>> {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let mut lines = Vec::new();
        while pos < text.len() && lines.len() < PARAGRAPH_WINDOW_LINES {
            let end = memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
            let content = text[pos..end].strip_suffix('\r').unwrap_or(&text[pos..end]);
            lines.push(Line { start: pos, content });
            pos = if end == text.len() { end } else { end + 1 };
            if is_blank(content) {
                break;
            }
        }
        Some(Paragraph { lines })
    })
}

/// Where the lines of `text` start: after a byte order mark, which belongs
/// to the file, not to its first line.
pub(crate) fn body_start(text: &str) -> usize {
    if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    }
}

/// Repairs a whole text to a fixed point: the repair runs again on its own
/// output until that no longer changes it (at most [`MAX_PASSES`] times; the
/// second pass almost always finds nothing), so `repair` is idempotent by
/// construction even where one stage's result gives another new evidence
/// (a reordered line whose words the placeholder model had not seen).
/// `fixes`, when given, receives the fixes located in `text`.
pub(crate) fn repair_document<'a>(text: &'a str, config: &Config, fixes: Option<&mut Vec<Fix>>) -> Cow<'a, str> {
    // Text with nothing to repair is recognized in one scan of its bytes.
    if crate::fast_path::is_clean(text, config) {
        return Cow::Borrowed(text);
    }
    repair_document_fully(text, config, fixes)
}

/// [`repair_document`] without the fast path.
pub(crate) fn repair_document_fully<'a>(text: &'a str, config: &Config, fixes: Option<&mut Vec<Fix>>) -> Cow<'a, str> {
    let recording = fixes.is_some();
    let mut pass_fixes = Vec::new();
    let memo = reading_order::ReadingMemo::new(config);
    let first = repair_text(text, config, recording.then_some(&mut pass_fixes), &memo);
    let Cow::Owned(mut current) = first else {
        return first;
    };
    let mut changes = ChangeMap::default();
    let as_edits = |fixes: &[Fix]| -> Vec<crate::edit::Edit> {
        fixes
            .iter()
            .map(|f| crate::edit::Edit {
                range: f.span.clone(),
                new_len: f.after.len(),
                kind: f.kind,
                confidence: f.confidence,
            })
            .collect()
    };
    changes.compose(&as_edits(&pass_fixes));
    for _ in 1..MAX_PASSES {
        // Output that the fast path passes is settled: `repair` returns it
        // as it is (this spares the verifying pass on most outputs).
        if crate::fast_path::is_clean(&current, config) {
            break;
        }
        pass_fixes.clear();
        match repair_text(&current, config, recording.then_some(&mut pass_fixes), &memo) {
            Cow::Borrowed(_) => break,
            Cow::Owned(next) => {
                changes.compose(&as_edits(&pass_fixes));
                current = next;
            }
        }
    }
    if let Some(fixes) = fixes {
        changes.fixes(text, &current, 0, fixes);
    }
    Cow::Owned(current)
}

/// Passes of the whole repair at most (see [`repair_document`]).
const MAX_PASSES: usize = 8;

/// One pass of the repair over a whole text. `fixes`, when given, receives
/// the fixes located in `text`.
///
/// Every line first goes through the stages with the language unknown, so
/// that the language-dependent repairs (Farsi letters, joiner controls) do
/// nothing. Each paragraph's language is then judged on that output (a
/// paragraph without evidence takes the document's; a line that is
/// clearly of another language keeps its own), and the Arabic lines go
/// through the stages again with that knowledge.
/// Judging on text that the language-independent repairs have settled makes
/// the decision the same when the output is repaired again (idempotence).
pub(crate) fn repair_text<'a>(
    text: &'a str,
    config: &Config,
    mut fixes: Option<&mut Vec<Fix>>,
    memo: &reading_order::ReadingMemo,
) -> Cow<'a, str> {
    // Text without Arabic letters is returned as it is, unless it may be
    // Arabic written entirely in placeholder codes.
    if !(has_arabic_script(text) || config.placeholders && placeholders::may_hold_codes(text)) {
        return Cow::Borrowed(text);
    }
    let recording = fixes.is_some();
    let paragraphs: Vec<Paragraph<'a>> = paragraphs(text, body_start(text)).collect();
    let Prepared { mut states, model, reversal_damage, boundary_damage, mark_glyph_controls } =
        prepare(&paragraphs, config, recording, memo);
    let mut unknown = LineContext::new(config, Language::Unknown, model.as_ref(), memo);
    unknown.mark_glyph_controls = mark_glyph_controls;
    let mut arabic = LineContext::new(config, Language::Arabic, model.as_ref(), memo);
    arabic.reversal_damage = reversal_damage;
    arabic.boundary_damage = boundary_damage;
    arabic.mark_glyph_controls = mark_glyph_controls;
    let languages = line_languages(config, &states);
    for (state, language) in states.iter_mut().flatten().zip(languages.into_iter().flatten()) {
        if language == Language::Arabic {
            state.run_stages(&arabic);
        }
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (paragraph, paragraph_states) in paragraphs.iter().zip(states) {
        for (line, mut state) in paragraph.lines.iter().zip(paragraph_states) {
            if config.mark_order {
                state.canonical_mark_order(&unknown);
            }
            if let Some(fixes) = fixes.as_deref_mut() {
                state.changes.fixes(line.content, &state.text, line.start, fixes);
            }
            if let Cow::Owned(repaired) = state.text {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 16));
                o.push_str(&text[copied..line.start]);
                o.push_str(&repaired);
                copied = line.start + line.content.len();
            }
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}

/// A document after the first phase, and what it tells about its
/// placeholders.
pub(crate) struct Prepared<'a> {
    pub states: Vec<Vec<LineState<'a>>>,
    pub model: Option<PlaceholderModel>,
    /// Whether the document shows reversed runs (see `LineContext`).
    pub reversal_damage: bool,
    /// Whether the document shows lost and added spaces (see `LineContext`).
    pub boundary_damage: bool,
    /// The control codes that stand for marks (see `LineContext`).
    pub mark_glyph_controls: u32,
}

/// How often the placeholder model is read at most (see `prepare`).
const MAX_MODEL_READINGS: usize = 3;

/// Lines with Arabic, and lines of them with strong signs of reversed runs,
/// from which on a document counts as showing this damage.
const REVERSAL_DAMAGE_SHARE: f64 = 0.1;
const REVERSAL_DAMAGE_LINES: usize = 3;

/// Whether a document (its lines with invisible controls removed) shows
/// lines with reversed runs.
fn reversal_damage<'l>(lines: impl Iterator<Item = &'l str>, memo: &reading_order::ReadingMemo) -> bool {
    enough_lines_show(lines.filter(|l| has_arabic_script(l)), |line| memo.shows_reversed_runs(line))
}

/// Whether, of these lines (with Arabic), as many as a document must show
/// to count as showing reversed runs do (`REVERSAL_DAMAGE_LINES`, and
/// `REVERSAL_DAMAGE_SHARE` of them).
fn enough_lines_show<'l>(arabic_lines: impl Iterator<Item = &'l str>, mut shows: impl FnMut(&str) -> bool) -> bool {
    let (mut arabic, mut showing) = (0usize, 0usize);
    for line in arabic_lines {
        arabic += 1;
        showing += usize::from(shows(line));
    }
    showing >= REVERSAL_DAMAGE_LINES && showing as f64 >= REVERSAL_DAMAGE_SHARE * arabic as f64
}

/// Whether a vowelled document shows reversed runs by the search alone:
/// its lines have no sign of their own (runs cut between words and inside
/// a word, at a shadda; no label, no punctuation out of place: PDFBox on
/// vowelled PDFs), but as many lines as `reversal_damage` asks for read
/// better with the pieces of a word that stand apart joined, no token cut
/// (`ReadingMemo::joins_pieces_of_words_apart`). Not judged where the
/// words came cut at their marks (pieces of one letter, which the search
/// joins every way) or where spaces were lost (judged before, `spaces_lost`).
/// Judged on the first `PIECES_APART_JUDGED_LINES` lines with Arabic (an
/// extractor lays out a document's lines alike, and the search that judges
/// costs a tenth of a repair of code-point damage per line), and in
/// vowelled text only, where runs are cut at marks.
fn pieces_of_words_apart<'l>(lines: impl Iterator<Item = &'l str> + Clone, memo: &reading_order::ReadingMemo) -> bool {
    if !crate::script::is_vowelled(lines.clone()) || marks_before_letters::document_cuts_words_at_marks(lines.clone()) {
        return false;
    }
    let arabic_lines = lines.filter(|l| has_arabic_script(l)).take(PIECES_APART_JUDGED_LINES);
    enough_lines_show(arabic_lines, |line| memo.joins_pieces_of_words_apart(line))
}

/// Lines with Arabic that `pieces_of_words_apart` reads at most.
const PIECES_APART_JUDGED_LINES: usize = 64;

/// Runs a one-shot stage on every line with Arabic of the document; returns
/// whether it changed a line.
fn run_on_every_line(states: &mut [Vec<LineState<'_>>], stage: StageFn, ctx: &LineContext<'_>) -> bool {
    let mut changed = false;
    for state in states.iter_mut().flatten() {
        changed |= state.run_if_arabic(stage, ctx);
    }
    changed
}

/// Phase 0 and the first phase: every line has its invisible controls
/// removed and its reading order restored; then the document is read for
/// its placeholders (on lines whose words are whole again); then every line
/// goes through the stages with the language unknown.
pub(crate) fn prepare<'a>(
    paragraphs: &[Paragraph<'a>],
    config: &Config,
    recording: bool,
    memo: &reading_order::ReadingMemo,
) -> Prepared<'a> {
    let mut states: Vec<Vec<LineState<'a>>> = paragraphs
        .iter()
        .map(|p| p.lines.iter().map(|line| LineState::new(line.content, recording)).collect())
        .collect();
    let lines_as_they_came = || paragraphs.iter().flat_map(|p| p.lines.iter().map(|l| l.content));
    // Judged on the lines as they came: the fast path sends every line with
    // a sign to the full repair, so a text it passes never has the stage on.
    let boundary_damage = config.word_boundaries && word_boundaries::document_shows_damage(lines_as_they_came());
    let mark_glyph_controls = invisible_controls::mark_glyph_controls(lines_as_they_came());
    // (Whether the document as it came is vowelled, asked once, where a
    // judgement's cheaper signs leave it to ask.)
    let vowelled_as_it_came = std::cell::OnceCell::new();
    let vowelled = || *vowelled_as_it_came.get_or_init(|| crate::script::is_vowelled(lines_as_they_came()));
    let mut damaged = false;
    // Whether a judgement of the document below found damage, and its stage
    // repaired a line (a judgement that moves nothing shows nothing: a
    // grammar lesson's `ٌ تنوين الضم` starts a line with a mark): glue a
    // writer types too (`صباحاً،واشتريت`) is a sign of reversed runs only
    // then, or where lines show other signs (`ReadingMemo::judge_typed_glue`).
    let mut damage_judged = false;
    // Once, on the lines as they came, while their embeddings show the runs
    // (after it no line holds one); then the controls go: the ligatures are
    // judged on whole words (a control inside a word cuts it in two).
    if config.reading_order {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.embedded_runs_reversed =
            embedded_runs::document_reverses_embedded_runs(lines_as_they_came(), memo.scorer());
        if ctx.embedded_runs_reversed {
            damage_judged |= run_on_every_line(&mut states, embedded_runs::reverse_embedded_runs, &ctx);
        }
        ctx.embedded_runs_reversed = false;
        ctx.mark_glyph_controls = mark_glyph_controls;
        // (Before the controls go: those that marks' glyphs were mapped to
        // cut the pieces as marks do, or as hamzas drawn apart do.)
        ctx.mark_pieces_from_the_left = mark_pieces::document_emits_mark_pieces_from_the_left(
            states.iter().flatten().map(|s| &*s.text),
            memo.scorer(),
            mark_glyph_controls,
            vowelled,
        );
        if ctx.mark_pieces_from_the_left {
            damage_judged |= run_on_every_line(&mut states, mark_pieces::restore_mark_pieces, &ctx);
        }
        ctx.mark_pieces_from_the_left = false;
        ctx.lines_cut_at_hamzas = hamza_pieces::document_cuts_lines_at_hamzas(
            states.iter().flatten().map(|s| &*s.text),
            memo.scorer(),
            mark_glyph_controls,
            vowelled,
        );
        if ctx.lines_cut_at_hamzas {
            damage_judged |= run_on_every_line(&mut states, hamza_pieces::restore_hamza_pieces, &ctx);
        }
        ctx.lines_cut_at_hamzas = false;
        ctx.ltr_embeddings_reversed = invisible_controls::document_reverses_ltr_embeddings(lines_as_they_came());
        if config.invisible_controls {
            run_on_every_line(&mut states, invisible_controls::remove_invisible_controls, &ctx);
        }
    }
    // Once, before any stage reads a word: the alefs of lam-alef ligatures
    // that Ghostscript wrote as ideographs (`presentation_forms`).
    if config.presentation_forms {
        let ctx = LineContext::new(config, Language::Unknown, None, memo);
        damage_judged |= run_on_every_line(&mut states, presentation_forms::restore_mangled_ligature_alefs, &ctx);
    }
    // Once, before any stage reads a word: codes of glyphs that stand for
    // no letter inside words (`stray_codes`).
    if config.placeholders {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.stray_codes = stray_codes::document_writes_stray_codes(states.iter().flatten().map(|s| &*s.text));
        if ctx.stray_codes {
            damage_judged |= run_on_every_line(&mut states, stray_codes::remove_stray_codes, &ctx);
        }
    }
    // Once, before every stage that cuts a line into words at its spaces:
    // spaces written as tabs (`tab_spaces`).
    if config.spacing {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.tabs_are_spaces = tab_spaces::document_writes_spaces_as_tabs(states.iter().flatten().map(|s| &*s.text));
        if ctx.tabs_are_spaces {
            damage_judged |= run_on_every_line(&mut states, tab_spaces::restore_tab_spaces, &ctx);
        }
    }
    // Once, before any stage reads a word: runs of unshaped letters in
    // logical order inside lines in visual order (`unshaped_runs`).
    if config.reading_order && config.presentation_forms {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.unshaped_runs_in_logical_order = unshaped_runs::document_writes_unshaped_runs_in_logical_order(
            states.iter().flatten().map(|s| &*s.text),
            memo,
        );
        if ctx.unshaped_runs_in_logical_order {
            damage_judged |= run_on_every_line(&mut states, unshaped_runs::restore_unshaped_runs, &ctx);
        }
    }
    // Then, before marks written before their letters are looked for (a
    // line reversed shows its marks so): lines in visual order that only
    // the whole document shows (`visual_pieces`).
    if config.reading_order {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.visual_pieces = visual_pieces::document_in_visual_order(states.iter().flatten().map(|s| &*s.text));
        if ctx.visual_pieces {
            damage_judged |= run_on_every_line(&mut states, visual_pieces::restore_visual_line, &ctx);
        }
    }
    // Next, before any stage reads a word (and once tabs read as spaces,
    // so that a line's words show whether it is in visual order): vowel
    // marks written before their letters, or a line's last marks drawn
    // first (`marks_before_letters`).
    let mut marks_out_of_place = false;
    if config.reading_order {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        let lines = || states.iter().flatten().map(|s| &*s.text);
        ctx.marks_before_letters = marks_before_letters::document_writes_marks_before_letters(lines(), memo);
        ctx.marks_drawn_first =
            !ctx.marks_before_letters && marks_before_letters::document_may_draw_marks_first(lines(), memo);
        ctx.final_marks_after_spaces =
            !ctx.marks_before_letters && marks_before_letters::document_draws_final_marks_after_spaces(lines(), memo);
        marks_out_of_place = ctx.marks_before_letters || ctx.final_marks_after_spaces;
        if ctx.final_marks_after_spaces {
            // (Not damage of the order: glue between its words is no sign
            // of reversed runs.)
            run_on_every_line(&mut states, marks_before_letters::restore_final_marks, &ctx);
        }
        if ctx.marks_before_letters || ctx.marks_drawn_first {
            let repaired = run_on_every_line(&mut states, marks_before_letters::restore_marks_after_letters, &ctx);
            damage_judged |= repaired && ctx.marks_before_letters;
        }
        // (Then the words that came out cut at their marks are joined.)
        ctx.words_cut_at_marks = ctx.marks_before_letters
            && marks_before_letters::document_cuts_words_at_marks(states.iter().flatten().map(|s| &*s.text));
        if ctx.words_cut_at_marks {
            run_on_every_line(&mut states, marks_before_letters::restore_words_cut_at_marks, &ctx);
        }
    }
    // Once, before the stages that read a line's tokens (the ligatures are
    // judged by whole words): spaces lost between all words (`lost_spaces`).
    let mut spaces_lost = false;
    if config.word_boundaries {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.spaces_lost = lost_spaces::document_lost_spaces(states.iter().flatten().map(|s| &*s.text));
        spaces_lost = ctx.spaces_lost;
        if ctx.spaces_lost {
            damage_judged |= run_on_every_line(&mut states, lost_spaces::restore_lost_spaces, &ctx);
        }
    }
    // Once, on the lines as the stages before left them (run again it could
    // turn a word back).
    if config.presentation_forms {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.ligatures_swapped =
            swapped_ligatures::document_swaps_ligatures(states.iter().flatten().map(|s| &*s.text), memo.scorer());
        if ctx.ligatures_swapped != swapped_ligatures::SwappedLigatures::None {
            damage_judged |= run_on_every_line(&mut states, swapped_ligatures::restore_swapped_ligatures, &ctx);
        }
    }
    // Once, before the labels and the reading order: lines whose runs came
    // out in reverse order, each as it reads (`level_runs`); before that,
    // left-to-right runs turned with their lines (`turned_runs`).
    if config.reading_order {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.ltr_runs_turned = turned_runs::document_turns_ltr_runs(states.iter().flatten().map(|s| &*s.text));
        if ctx.ltr_runs_turned {
            damage_judged |= run_on_every_line(&mut states, turned_runs::restore_turned_lines, &ctx);
        }
        ctx.ltr_runs_turned = false;
        ctx.level_runs_reversed = level_runs::document_reverses_level_runs(states.iter().flatten().map(|s| &*s.text));
        if ctx.level_runs_reversed {
            damage_judged |= run_on_every_line(&mut states, level_runs::restore_level_runs, &ctx);
        }
        ctx.level_runs_reversed = false;
        ctx.visual_runs_in_order =
            level_runs::document_emits_visual_runs_in_order(states.iter().flatten().map(|s| &*s.text), memo);
        if ctx.visual_runs_in_order {
            damage_judged |= run_on_every_line(&mut states, level_runs::restore_visual_runs_in_order, &ctx);
        }
        ctx.visual_runs_in_order = false;
        ctx.runs_cut_at_kerned_yehs =
            level_runs::document_cuts_runs_at_kerned_yehs(states.iter().flatten().map(|s| &*s.text));
        if ctx.runs_cut_at_kerned_yehs {
            damage_judged |= run_on_every_line(&mut states, level_runs::restore_runs_cut_at_kerned_yehs, &ctx);
        }
        ctx.runs_cut_at_kerned_yehs = false;
        // (Each word a run of its own: `word_order`.)
        ctx.words_from_the_left = word_order::document_emits_words_from_the_left(
            states.iter().flatten().map(|s| &*s.text),
            marks_out_of_place,
        );
        ctx.words_after_their_labels =
            word_order::document_emits_words_after_their_labels(states.iter().flatten().map(|s| &*s.text));
        ctx.words_with_spaces_before = !ctx.words_from_the_left
            && word_order::document_emits_words_with_spaces_before(
                states.iter().flatten().map(|s| &*s.text),
                memo.scorer(),
            );
        // (Running text without labels, whose lines' edges show nothing:
        // its clauses' ends.)
        ctx.words_from_the_left = ctx.words_from_the_left
            || (!ctx.words_with_spaces_before
                && word_order::ClauseEnds::of(states.iter().flatten().map(|s| &*s.text)).show_words_from_the_left());
        if ctx.words_from_the_left || ctx.words_after_their_labels || ctx.words_with_spaces_before {
            damage_judged |= run_on_every_line(&mut states, word_order::restore_word_order, &ctx);
        }
        if ctx.words_from_the_left && marks_out_of_place {
            run_on_every_line(&mut states, marks_before_letters::restore_words_cut_in_turned_lines, &ctx);
        }
    }
    // Once, before the reading order (which would read such a line as a
    // whole line in visual order): words turned in place, standing in
    // reading order (`reversed_words`).
    if config.reading_order {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.words_reversed_in_place =
            reversed_words::document_reverses_words_in_place(states.iter().flatten().map(|s| &*s.text));
        if ctx.words_reversed_in_place {
            damage_judged |= run_on_every_line(&mut states, reversed_words::restore_reversed_words, &ctx);
        }
    }
    // Once, on the lines as they came: numbers whose digits came out
    // reversed (`number_order`, run before the reading order: a visual
    // line's number is a left-to-right run there, read as it stands).
    // (By its paragraph numbers; or, in a document whose lines show their
    // runs out of order or whose labels' neutrals went elsewhere, by the
    // shapes of all its numbers: pdfplumber reverses a line's digits with
    // its letters, pypdf on WeasyPrint's PDFs a number's digits in lines
    // that end with their labels, `. وتبين ... ٧٨ في المائة ...-٣`. The
    // fast path sends every line with such evidence the full way, so it
    // need not read the shapes of every line.)
    // (Or by those shapes alone, where they leave no doubt: running text
    // without paragraph numbers, `number_order::shapes_alone_read_backwards`.)
    let mut numbers_reversed = config.reading_order
        && (number_order::document_reverses_numbers(lines_as_they_came())
            || (number_order::shapes_read_backwards(lines_as_they_came())
                && (lines_as_they_came().any(|line| memo.evidence(line).is_strong())
                    || label_marks::document_detaches_labels(lines_as_they_came())))
            || number_order::shapes_alone_read_backwards(lines_as_they_came()));
    // Once, before the reading order (which would read a label's hyphen in
    // mid-line as a label emitted as a run), on the lines with their
    // ligatures turned (`أوال` is the ordinal `أولا`): labels whose neutrals
    // went elsewhere, in a document whose numbers stand as they came
    // (`number_order` gathers the labels of the others).
    if config.reading_order && !numbers_reversed {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.labels_detached = label_marks::document_detaches_labels(states.iter().flatten().map(|s| &*s.text));
        if ctx.labels_detached {
            damage_judged |= run_on_every_line(&mut states, label_marks::restore_label_marks, &ctx);
            // The numbers are judged again with the labels gathered: a line
            // that starts with its label shows its numbers (PyMuPDF on
            // fpdf2's PDFs reverses their digits and puts the label last).
            numbers_reversed = number_order::document_reverses_numbers(states.iter().flatten().map(|s| &*s.text));
        }
    }
    if config.reading_order && numbers_reversed {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.numbers_reversed = true;
        run_on_every_line(&mut states, number_order::restore_number_order, &ctx);
    }
    // Once, last before the reading order, which would read it as the edge
    // of a run: the punctuation after a number drawn before it, in lines
    // whose words stand in order (PDFium's `عام ،٢٠٢٢ مقابل`).
    if config.reading_order {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        ctx.punctuation_before_numbers = punctuation_before_numbers::document_draws_punctuation_before_numbers(
            states.iter().flatten().map(|s| &*s.text),
            memo,
        );
        if ctx.punctuation_before_numbers {
            damage_judged |=
                run_on_every_line(&mut states, punctuation_before_numbers::restore_punctuation_after_numbers, &ctx);
        }
    }
    if config.reading_order {
        let mut ctx = LineContext::new(config, Language::Unknown, None, memo);
        // (Numbers whose digits came out reversed are a sign of reversed
        // runs, but in a document whose lines end their sentences as text
        // does: PyMuPDF on XeLaTeX's DejaVu PDFs reverses the digits and
        // loses spaces between words in lines that stand in order.)
        let numbers_show_runs = numbers_reversed && !word_order::lines_end_their_sentences(lines_as_they_came());
        memo.judge_typed_glue(states.iter().flatten().map(|s| &*s.text), damage_judged || numbers_show_runs);
        damaged = reversal_damage(states.iter().flatten().map(|s| &*s.text), memo)
            || (!spaces_lost && pieces_of_words_apart(states.iter().flatten().map(|s| &*s.text), memo));
        // Judged on the lines as they came: a stage before may have put a
        // label first that the extractor drew elsewhere.
        memo.judge_runs_in_order(lines_as_they_came());
        memo.learn_visual_brackets(states.iter().flatten().map(|s| &*s.text));
        ctx.reversal_damage = damaged;
        if damaged {
            memo.scorer().learn_pairs(states.iter().flatten().map(|s| &*s.text));
        }
        let at: Vec<(usize, usize)> =
            states.iter().enumerate().flat_map(|(p, lines)| (0..lines.len()).map(move |k| (p, k))).collect();
        let mut reordered = vec![false; at.len()];
        for (i, &(p, k)) in at.iter().enumerate() {
            if damaged {
                // The line before as read, the line after as it came (a
                // blank one, or none, ends the paragraph).
                let text = |j: usize| &*states[at[j].0][at[j].1].text;
                let before = i.checked_sub(1).map(text);
                let after = (i + 1 < at.len()).then(|| text(i + 1));
                ctx.neighbours = reading_order::Neighbours::of(before, after, memo, damaged);
            }
            if has_arabic_script(&states[p][k].text) {
                reordered[i] = states[p][k].run(reading_order::restore_reading_order, &ctx);
            } else if damaged {
                states[p][k].run(reading_order::restore_note_marker, &ctx);
            }
        }
        ctx.neighbours = reading_order::Neighbours::default();
        // Once, after it: guillemets mirrored in lines that stood in reading
        // order (a line the search read again has its brackets turned by it).
        let in_order = || at.iter().zip(&reordered).filter(|(_, &r)| !r).map(|(&(p, k), _)| (p, k));
        ctx.guillemets_mirrored =
            mirrored_brackets::document_mirrors_guillemets(in_order().map(|(p, k)| &*states[p][k].text));
        if ctx.guillemets_mirrored {
            for (p, k) in in_order() {
                states[p][k].run_if_arabic(mirrored_brackets::restore_mirrored_guillemets, &ctx);
            }
        }
        // And, on every line, the label's hyphen or brackets and a month
        // pair's slash written where their glyphs map to nothing
        // (`label_marks::restore_unmapped_neutrals`).
        run_on_every_line(&mut states, label_marks::restore_unmapped_neutrals, &ctx);
        // Last, on the lines in reading order: vowel marks a letter off
        // their own (`displaced_marks`; a line turned has its marks moved the
        // other way).
        ctx.displaced_marks =
            displaced_marks::document_displaces_marks(states.iter().flatten().map(|s| &*s.text), memo);
        if ctx.displaced_marks.is_some() {
            run_on_every_line(&mut states, displaced_marks::restore_displaced_marks, &ctx);
        }
    }
    // The placeholder model is read from the words as they stand; if the
    // stages moved words again (reading order after tatweel went), it is read
    // again from the result and the stages rerun, as a second repair would.
    let mut model = None;
    for _ in 0..MAX_MODEL_READINGS {
        model = if config.placeholders {
            PlaceholderModel::of_document(states.iter().flatten().map(|s| &*s.text), config)
        } else {
            None
        };
        let mut unknown = LineContext::new(config, Language::Unknown, model.as_ref(), memo);
        unknown.reversal_damage = damaged;
        unknown.boundary_damage = boundary_damage;
        unknown.mark_glyph_controls = mark_glyph_controls;
        let mut moved = false;
        for state in states.iter_mut().flatten() {
            moved |= state.run_stages(&unknown);
        }
        if !moved {
            break;
        }
    }
    Prepared { states, model, reversal_damage: damaged, boundary_damage, mark_glyph_controls }
}

/// The language of each line, given as the paragraphs' lines after the
/// first phase: its paragraph's, judged on the paragraph's own evidence or
/// on the document's when it has none; only when a language-dependent
/// repair has something to act on (otherwise every line is
/// [`Language::Unknown`]). A line of an Arabic paragraph whose own evidence
/// says another language keeps its letters: a quotation (a Persian verse in
/// an Arabic text, without a blank line around it). A line alone is too
/// little evidence to call it Arabic, but enough to spare it.
pub(crate) fn line_languages(config: &Config, paragraphs: &[Vec<LineState<'_>>]) -> Vec<Vec<Language>> {
    let wanted = |line: &str| {
        (config.farsi_letters && line.contains(['\u{06CC}', '\u{06A9}']))
            || (config.invisible_controls && line.contains(['\u{200C}', '\u{200D}']))
    };
    if !paragraphs.iter().flatten().any(|s| wanted(&s.text)) {
        return paragraphs.iter().map(|lines| vec![Language::Unknown; lines.len()]).collect();
    }
    let mut document = Evidence::default();
    let evidence: Vec<Vec<Evidence>> = paragraphs
        .iter()
        .map(|lines| {
            let lines: Vec<Evidence> = lines.iter().map(|line| Evidence::of(&line.text)).collect();
            lines.iter().for_each(|&e| document += e);
            lines
        })
        .collect();
    let fallback = document.decide();
    evidence
        .iter()
        .map(|lines| {
            let mut paragraph = Evidence::default();
            lines.iter().for_each(|&e| paragraph += e);
            let language = match paragraph.decide() {
                Language::Unknown => fallback,
                decided => decided,
            };
            lines
                .iter()
                .map(|line| match (language, line.decide()) {
                    (Language::Arabic, Language::Other) => Language::Other,
                    _ => language,
                })
                .collect()
        })
        .collect()
}

/// One line on its way through the stages, with the changes made so far.
pub(crate) struct LineState<'a> {
    pub text: Cow<'a, str>,
    pub changes: ChangeMap,
    edits: Edits,
}

impl<'a> LineState<'a> {
    pub fn new(line: &'a str, recording: bool) -> LineState<'a> {
        LineState { text: Cow::Borrowed(line), changes: ChangeMap::default(), edits: Edits::new(recording) }
    }

    /// Runs one stage; true if it changed the line.
    pub fn run(&mut self, stage: StageFn, ctx: &LineContext<'_>) -> bool {
        self.edits.list.clear();
        let next = match &self.text {
            Cow::Borrowed(s) => stage(s, ctx, &mut self.edits),
            Cow::Owned(s) => match stage(s, ctx, &mut self.edits) {
                Cow::Borrowed(_) => return false,
                Cow::Owned(o) => Cow::Owned(o),
            },
        };
        match next {
            Cow::Owned(o) => {
                self.changes.compose(&self.edits.list);
                self.text = Cow::Owned(o);
                true
            }
            Cow::Borrowed(_) => false,
        }
    }

    /// Runs the enabled stages until the line stops changing. A stage can
    /// expose work for an earlier one (a space removed before a cut-off mark
    /// joins it to a tatweel, say); the extra round is cheap, as every stage
    /// first checks whether it has anything to do.
    ///
    /// Returns whether a stage moved words (see [`Stage::moves_words`]).
    pub fn run_stages(&mut self, ctx: &LineContext<'_>) -> bool {
        // Lines without Arabic are never touched, but for codes that the
        // document's placeholder model decodes into Arabic.
        if !has_arabic_script(&self.text)
            && !ctx.placeholders.is_some_and(|m| m.decodes_into_arabic(&self.text, ctx.config.min_confidence))
        {
            return false;
        }
        let mut moved = false;
        for _round in 0..MAX_ROUNDS {
            let mut changed = false;
            for stage in &STAGES {
                if (stage.enabled)(ctx.config) {
                    let c = self.run(stage.run, ctx);
                    moved |= c && stage.moves_words;
                    changed |= c;
                }
            }
            if !changed {
                break;
            }
        }
        moved
    }

    /// Whether a change of this kind was made (when recording).
    pub fn changed_by(&self, kind: crate::fix::FixKind) -> bool {
        self.changes.has_kind(kind)
    }

    /// Runs one stage on the line if it holds Arabic script (phase 0 runs
    /// its stages so, one at a time over the whole document); returns whether
    /// it changed the line.
    pub fn run_if_arabic(&mut self, stage: StageFn, ctx: &LineContext<'_>) -> bool {
        has_arabic_script(&self.text) && self.run(stage, ctx)
    }

    /// Puts a changed line into canonical mark order.
    pub fn canonical_mark_order(&mut self, ctx: &LineContext<'_>) {
        if matches!(self.text, Cow::Owned(_)) {
            self.run(mark_order::canonical_mark_order, ctx);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A text with its marks in canonical order (decomposed): what stages
    /// that keep marks as the extractor wrote them are compared by, as
    /// `mark_order` puts them in order after them.
    pub(crate) fn canonical(s: &str) -> String {
        unicode_normalization::UnicodeNormalization::nfd(s).collect()
    }

    /// A file of the crate's corpus, by its path below `corpus/`.
    pub(crate) fn read_corpus(name: &str) -> String {
        std::fs::read_to_string(format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// Every text of the corpus as written, with its file name: the gold
    /// of `in-the-wild`, the negative and the synthetic files (more than a
    /// thousand), for judgements of damage that no such text may meet.
    pub(crate) fn texts_as_written() -> Vec<(String, String)> {
        let mut texts = Vec::new();
        for dir in ["in-the-wild", "negative", "synthetic"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(dir);
            for entry in std::fs::read_dir(path).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if (dir == "in-the-wild" && !name.ends_with(".gold.txt")) || !name.ends_with(".txt") {
                    continue;
                }
                texts.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
        assert!(texts.len() > 1000, "{} texts", texts.len());
        texts
    }

    /// The lines of a document of `corpus/in-the-wild` as the repair writes
    /// them, and its gold lines, both trimmed.
    pub(crate) fn repaired_and_gold(name: &str) -> (Vec<String>, Vec<String>) {
        let lines = |text: &str| text.lines().map(|l| l.trim().to_string()).collect::<Vec<_>>();
        let repaired = crate::repair(&read_corpus(&format!("in-the-wild/{name}.broken.txt"))).into_owned();
        (lines(&repaired), lines(&read_corpus(&format!("in-the-wild/{name}.gold.txt"))))
    }

    /// Runs one stage on one line with the default configuration, the line
    /// being its own paragraph, and checks that the logged edits reproduce
    /// the output.
    pub(crate) fn run_stage<'a>(stage: StageFn, line: &'a str) -> Cow<'a, str> {
        run_stage_with(stage, line, &Config::default())
    }

    pub(crate) fn run_stage_with<'a>(stage: StageFn, line: &'a str, config: &Config) -> Cow<'a, str> {
        run_stage_with_damage(stage, line, config, false)
    }

    /// As [`run_stage_with`], in a document that shows lost and added spaces.
    pub(crate) fn run_stage_with_boundary_damage<'a>(stage: StageFn, line: &'a str, config: &Config) -> Cow<'a, str> {
        run_stage_in_document(stage, line, config, |ctx| ctx.boundary_damage = true)
    }

    /// `number_order`'s stage on one line, in a document whose numbers came
    /// out reversed.
    pub(crate) fn run_stage_with_reversed_numbers(line: &str) -> String {
        let stage = crate::number_order::restore_number_order;
        run_stage_judged(stage, line, |ctx| ctx.numbers_reversed = true)
    }

    /// `embedded_runs`' stage on one line, in a document whose embedded runs
    /// came out in visual order.
    pub(crate) fn run_stage_with_reversed_embedded_runs(line: &str) -> String {
        let stage = crate::embedded_runs::reverse_embedded_runs;
        run_stage_judged(stage, line, |ctx| ctx.embedded_runs_reversed = true)
    }

    /// A stage on one line with the default configuration, in a document
    /// that `document` describes (a judgement of the whole set on the
    /// context), written out.
    pub(crate) fn run_stage_judged(stage: StageFn, line: &str, document: impl FnOnce(&mut LineContext<'_>)) -> String {
        run_stage_in_document(stage, line, &Config::default(), document).into_owned()
    }

    /// As [`run_stage_with`], saying whether the document shows reversed runs.
    pub(crate) fn run_stage_with_damage<'a>(
        stage: StageFn,
        line: &'a str,
        config: &Config,
        damaged: bool,
    ) -> Cow<'a, str> {
        run_stage_in_document(stage, line, config, |ctx| ctx.reversal_damage = damaged)
    }

    /// Runs one stage on one line, in a document that `document` describes
    /// (it sets what the whole document shows on the line's context).
    pub(crate) fn run_stage_in_document<'a>(
        stage: StageFn,
        line: &'a str,
        config: &Config,
        document: impl FnOnce(&mut LineContext<'_>),
    ) -> Cow<'a, str> {
        let memo = reading_order::ReadingMemo::new(config);
        let mut ctx = LineContext::new(config, Evidence::of(line).decide(), None, &memo);
        document(&mut ctx);
        let mut edits = Edits::new(true);
        let out = stage(line, &ctx, &mut edits);
        let mut changes = ChangeMap::default();
        changes.compose(&edits.list);
        let mut fixes = Vec::new();
        changes.fixes(line, &out, 0, &mut fixes);
        let explained = crate::Explained { text: out.clone(), fixes, suggestions: Vec::new() };
        assert_eq!(explained.apply(line), out, "edits of the stage do not reproduce its output");
        if matches!(out, Cow::Owned(_)) {
            assert_ne!(out, line, "a stage returned an owned copy of an unchanged line");
        }
        out
    }

    /// PDFBox on WeasyPrint's vowelled PDFs: runs cut between words and at
    /// a shadda, emitted from the left, no sign of their own but the pieces
    /// of words the search joins.
    #[test]
    fn vowelled_documents_whose_search_joins_pieces_apart_show_reversed_runs() {
        let memo = reading_order::ReadingMemo::new(&Config::default());
        // pdf-vowelled-weasy-noto-pdfbox.broken.txt, lines 1, 3, 6, 10 and
        // 11, marks moved after their letters.
        let turned = [
            "غيرِ هْرِ الصَّ حِكايَةُ النَّ",
            "تِهِ كُلَّ مَساءٍ. وَكانَ الأَطْفالُ يَجْلِسونَ عَلى ضِفَّ",
            "هْرُ شَهْرَيْنِ، ثُمَّ جاءَتْ سَنَةٌ قَليلَةُ المَطَرِ، فَجَفَّ النَّ",
            "هْرُ مِنْ جَديدٍ، وَلَمّا عادَ المَطَرُ في الخَريفِ، امْتَلَأَ النَّ",
            "نَّ الماءَ نِعْمَةٌ تُحْفَظُ. فَفَرِحَ الجَميعُ، وَتَعَلَّموا أَ",
        ];
        assert!(crate::script::is_vowelled(turned.into_iter()));
        assert!(turned.iter().all(|l| !memo.is_strong(l)));
        assert!(memo.joins_pieces_of_words_apart(turned[0]));
        assert!(pieces_of_words_apart(turned.into_iter(), &memo));
        // Not the same lines as written, nor glued where spaces were lost
        // (a reading that cuts a token), nor unvowelled.
        let gold = read_corpus("in-the-wild/pdf-vowelled-weasy-noto-pdfbox.gold.txt");
        assert!(!pieces_of_words_apart(gold.lines(), &memo));
        assert!(!memo.joins_pieces_of_words_apart("ثُمَّ جاءَتْ سَنَةٌ قَليلَةُ المَطَرِ، فَجَفَّالنَّهْرُ شَهْرَيْنِ،"));
        let bare: Vec<String> =
            turned.iter().map(|l| l.chars().filter(|&c| !crate::script::is_arabic_mark(c)).collect()).collect();
        assert!(!pieces_of_words_apart(bare.iter().map(String::as_str), &memo));
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_keep_offsets() {
        let text = "\u{FEFF}أ\r\nب\n\n  \nج";
        let got: Vec<Vec<(usize, &str)>> = paragraphs(text, body_start(text))
            .map(|p| p.lines.iter().map(|l| (l.start, l.content)).collect())
            .collect();
        assert_eq!(got, vec![vec![(3, "أ"), (7, "ب"), (10, "")], vec![(11, "  ")], vec![(14, "ج")]]);
    }

    #[test]
    fn a_persian_verse_quoted_in_an_arabic_paragraph_keeps_its_letters() {
        // `corpus/negative/numbers-countdowns-and-quotations.txt`, with Farsi
        // yeh damage in the Arabic lines around the verse.
        let text = "قال الشاعر الفارسي حافظ الشیرازي في قصیدته التي اشتهرت:\n\
                    اگر آن ترک شیرازی به دست آرد دل ما را\n\
                    به خال هندویش بخشم سمرقند و بخارا را\n\
                    وترجمته بالعربیة: إن تلك الترکیة الشيرازية إن أخذت قلبي بيدها.\n\
                    وهذه الأبيات من أشهر ما قيل في الشعر الفارسي، وقد ترجمها إلى العربية كثير من الأدباء في العصر الحديث،\n\
                    ومنهم الشاعر الذي نقلها إلى العربية شعراً في ديوانه الذي صدر في القاهرة.";
        let lines: Vec<String> = crate::repair(text).lines().map(String::from).collect();
        assert_eq!(lines[0], "قال الشاعر الفارسي حافظ الشيرازي في قصيدته التي اشتهرت:");
        assert_eq!(lines[1], "اگر آن ترک شیرازی به دست آرد دل ما را");
        assert_eq!(lines[2], "به خال هندویش بخشم سمرقند و بخارا را");
        assert_eq!(lines[3], "وترجمته بالعربية: إن تلك التركية الشيرازية إن أخذت قلبي بيدها.");
    }

    #[test]
    fn long_paragraphs_are_cut_into_windows() {
        let text = "سطر\n".repeat(PARAGRAPH_WINDOW_LINES * 2 + 1);
        let sizes: Vec<usize> = paragraphs(&text, 0).map(|p| p.lines.len()).collect();
        assert_eq!(sizes, vec![PARAGRAPH_WINDOW_LINES, PARAGRAPH_WINDOW_LINES, 1]);
    }
}
