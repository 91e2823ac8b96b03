//! Stage: placeholders back to the letters they stand for.
//!
//! A glyph without a Unicode mapping comes out of an extractor as a
//! placeholder. Recognized, inside words of Arabic letters:
//! - U+FFFD, the same for every unmapped glyph (`المهاجر�ن`);
//! - codes that are consistent per glyph: private-use code points
//!   (U+E000..U+F8FF, planes 15 and 16), `(cid:N)` as pdfminer writes it,
//!   glyph ids `/gN`, and stray ASCII characters standing between Arabic
//!   letters (`المهاجر'ن`, as pdftotext writes raw codes);
//! - glyph names that name their character (`/uni0628`, `uniFEEE.fina`),
//!   which are simply decoded.
//!
//! Two mechanisms decide, both once per document (`PlaceholderModel`):
//! - **consistent codes** are solved as a substitution cipher over the whole
//!   document (`substitution`): a code → letter table that maximizes the
//!   lexicon's likelihood of the decoded words;
//! - **U+FFFD** is decided per word: every filling of its placeholders from
//!   the confusion set (`Config::placeholder_letters`) is scored by the
//!   lexicon (with clitics) mixed with the document's own words (a name the
//!   document writes in full elsewhere counts), against the chance that the
//!   word is none of the known fillings — a chance the letter model sizes by
//!   how word-like the unknown fillings are. Words the lexicon settles beyond
//!   doubt, and the letters the document shows, teach a document prior (how
//!   likely this document's fonts lost each letter in each glyph: its
//!   positional form and the letter it joins) for the others. Confident
//!   words are restored and join the document's words; the rest is decided
//!   again until nothing changes. A paragraph label the lexicon cannot settle is the one label
//!   word that fits it, or that fits between the labels before and after it
//!   (`ألف-` … `�اء-` … `دال-`: `باء`).
//!
//! A placeholder is replaced only when its confidence reaches
//! `Config::min_confidence`; the others stay, and `diagnose` counts them.
//! A letter is never written where no placeholder was.
//!
//! Repairing the output again changes nothing (see
//! `PlaceholderModel::decide_replacement_words`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::config::Config;
use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::letter_model::{OUT_OF_LEXICON, TRIGRAMS};
use crate::lexicon::{byte_letter, letter_byte, Lexicon};
use crate::pipeline::LineContext;
use crate::script::{
    is_arabic_letter, is_arabic_mark, is_bidi_control, is_zero_width, joins_both_sides, presentation_form, TATWEEL,
};
use crate::substitution;

/// What stands in a word for a glyph without a mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Code {
    /// U+FFFD: one symbol for every unmapped glyph.
    Replacement,
    /// A private-use code point.
    PrivateUse(char),
    /// `(cid:N)`.
    Cid(u32),
    /// `/gN`.
    GlyphId(u32),
    /// A stray ASCII character between Arabic letters.
    Ascii(u8),
}

/// One item of a word.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Item {
    /// A letter as its lexicon key byte (0 for a letter outside the key
    /// alphabet: such a word is never found).
    Letter(u8),
    /// A placeholder, with its byte range in the line.
    Placeholder(Code, Range<usize>),
    /// A glyph name that names Arabic letters, decoded, with its range.
    Named(Vec<u8>, Range<usize>),
}

/// A word of a line that holds at least one placeholder or glyph name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub items: Vec<Item>,
    /// A letter of another script (Latin, say) touches the word: its codes
    /// are then likely not Arabic glyphs (a `(cid:3)` for the `fi` of
    /// `financial`). Digits do not count: Arabic glues them to words.
    pub beside_latin: bool,
}

fn is_other_script_letter(c: char) -> bool {
    c.is_alphabetic() && !is_arabic_letter(c) && !is_private_use(c)
}

/// ASCII characters that can be a raw glyph code between Arabic letters.
/// Digits and the punctuation that really stands between Arabic words
/// (`تموز/يوليه`, `ق.م`, `أولاً-`) are never taken for one.
fn is_ascii_code_candidate(b: u8) -> bool {
    b.is_ascii_graphic() && !b.is_ascii_digit() && !b".,:;/-()[]!?%\"".contains(&b)
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// Whether a character is a placeholder by itself (U+FFFD or a private-use
/// code point; the other codes are several characters).
pub(crate) fn is_placeholder_char(c: char) -> bool {
    c == '\u{FFFD}' || is_private_use(c)
}

/// Gives `out` the letters a character contributes to a word (presentation
/// forms give their base letters, Farsi letters their Arabic ones); false
/// if it is not a letter (then `out` is given nothing).
fn letters_of(c: char, mut out: impl FnMut(u8)) -> bool {
    if let Some((base, _)) = presentation_form(c) {
        let mut any = false;
        for b in base.chars() {
            if is_arabic_letter(b) {
                out(letter_byte(fold(b)).unwrap_or(0));
                any = true;
            }
        }
        return any;
    }
    if is_arabic_letter(c) {
        out(letter_byte(fold(c)).unwrap_or(0));
        return true;
    }
    false
}

/// A presentation form of a mark (U+FE70..U+FE7F and the shadda
/// ligatures): a mark once the repair maps it, so inside a word.
fn is_mark_form(c: char) -> bool {
    presentation_form(c).is_some_and(|(base, _)| base.chars().all(is_arabic_mark))
}

fn fold(c: char) -> char {
    match c {
        '\u{06CC}' => 'ي',
        '\u{06A9}' => 'ك',
        c => c,
    }
}

/// Parses `(cid:N)`, `/gN`, `/uniXXXX` or `uniXXXX(.suffix)` at `i`.
fn token_at(line: &str, i: usize) -> Option<(Item, usize)> {
    let rest = &line[i..];
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    if let Some(r) = rest.strip_prefix("(cid:") {
        let n = digits(r);
        if n > 0 && n < 7 && r[n..].starts_with(')') {
            let id = r[..n].parse().ok()?;
            let len = 5 + n + 1;
            return Some((Item::Placeholder(Code::Cid(id), i..i + len), len));
        }
    }
    if let Some(r) = rest.strip_prefix("/g") {
        let n = digits(r);
        if n > 0 && n < 7 {
            let len = 2 + n;
            return Some((Item::Placeholder(Code::GlyphId(r[..n].parse().ok()?), i..i + len), len));
        }
    }
    let (r, lead) = match rest.strip_prefix("/uni") {
        Some(r) => (r, 4),
        None => (rest.strip_prefix("uni")?, 3),
    };
    let hex = r.bytes().take_while(u8::is_ascii_hexdigit).count();
    if hex != 4 && hex != 5 {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(&r[..hex], 16).ok()?)?;
    let mut letters = Vec::new();
    if !letters_of(c, |b| letters.push(b)) {
        return None;
    }
    let mut len = lead + hex;
    // A suffix such as `.init`, `.medi`, `.fina`, `.isol`, `.alt1`.
    if r[hex..].starts_with('.') {
        len += 1 + r[hex + 1..].bytes().take_while(u8::is_ascii_alphanumeric).count();
    }
    Some((Item::Named(letters, i..i + len), len))
}

/// The words of `line` that hold a placeholder or a glyph name.
pub(crate) fn scan(line: &str) -> Vec<Word> {
    let mut words = Vec::new();
    scan_all(line, |items, beside_latin| {
        if items.iter().any(|i| !matches!(i, Item::Letter(_))) {
            words.push(Word { items: items.to_vec(), beside_latin });
        }
    });
    words
}

/// Calls `f` with the items of every word of `line`, and whether a Latin
/// letter or digit touches it.
fn scan_all(line: &str, mut f: impl FnMut(&[Item], bool)) {
    let mut items: Vec<Item> = Vec::new();
    let mut starts_beside_latin = false;
    // Whether the line shows marks shifted off their letters, read once
    // if a space before a mark asks (`spacing::marks_after_space`).
    let mut shifted_marks = None;
    let mut i = 0;
    while i < line.len() {
        let b = line.as_bytes()[i];
        if matches!(b, b'(' | b'/' | b'u') {
            if let Some((item, len)) = token_at(line, i) {
                items.push(item);
                i += len;
                continue;
            }
        }
        let c = line[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c == '\u{FFFD}' {
            items.push(Item::Placeholder(Code::Replacement, i..i + len));
        } else if is_private_use(c) {
            items.push(Item::Placeholder(Code::PrivateUse(c), i..i + len));
        } else if is_arabic_mark(c) || c == TATWEEL || is_bidi_control(c) || is_zero_width(c) || is_mark_form(c) {
            // Inside a word. A madda or hamza mark composes with its letter
            // (alef + madda is آ), as in the NFC the output will have.
            if let Some(Item::Letter(b)) = items.last_mut() {
                if let Some(composed) = unicode_normalization::char::compose(byte_letter(*b), c).and_then(letter_byte) {
                    *b = composed;
                }
            }
        } else if b.is_ascii() && is_ascii_code_candidate(b) && !items.is_empty() && next_is_letter(line, i + 1) {
            items.push(Item::Placeholder(Code::Ascii(b), i..i + 1));
        } else if c == ' '
            && !items.is_empty()
            && Some(
                line[i..]
                    .trim_start_matches(|n: char| n == ' ' || n == TATWEEL || is_bidi_control(n) || is_zero_width(n)),
            )
            .is_some_and(|rest| {
                rest.starts_with(|n: char| is_arabic_mark(n) || is_mark_form(n))
                    && crate::spacing::marks_after_space(&line[..i], rest, || {
                        *shifted_marks.get_or_insert_with(|| crate::spacing::shows_shifted_marks(line))
                    }) == crate::spacing::MarksAfterSpace::Other
            })
        {
            // Spaces before a mark cut off from its letter: the spacing
            // stage puts the mark back, so the word goes on (unless the mark
            // stands before the letter it sits on: then the word after has it).
        } else if !letters_of(c, |b| items.push(Item::Letter(b))) {
            let latin = is_other_script_letter(c);
            if !items.is_empty() {
                f(&items, starts_beside_latin || latin);
                items.clear();
            }
            starts_beside_latin = latin;
        }
        i += len;
    }
    if !items.is_empty() {
        f(&items, starts_beside_latin);
    }
}

/// Whether the next letter-like character from `i` (past marks, tatweel and
/// invisible controls, which stand inside words) is a letter or placeholder.
fn next_is_letter(line: &str, i: usize) -> bool {
    line[i..]
        .chars()
        .find(|&c| !(is_arabic_mark(c) || c == TATWEEL || is_bidi_control(c) || is_zero_width(c) || is_mark_form(c)))
        .is_some_and(|c| is_arabic_letter(c) || c == '\u{FFFD}' || is_private_use(c))
}

/// Whether a line may hold placeholders: a cheap test on its bytes.
pub(crate) fn may_hold_placeholders(line: &str) -> bool {
    may_hold_codes(line) || may_hold_ascii_codes(line)
}

/// Whether a line may hold a placeholder other than a raw ASCII code.
pub(crate) fn may_hold_codes(line: &str) -> bool {
    let b = line.as_bytes();
    // The BMP private-use area is encoded from EE 80 80 to EF A3 BF, U+FFFD
    // as EF BF BD, planes 15 and 16 with lead byte 0xF3 or 0xF4. (Other
    // characters led by 0xEF are the presentation forms, which a text with
    // code-point damage holds in every word.)
    let replacement_or_private_use = |i: usize| match b.get(i + 1) {
        Some(&second) => second <= 0xA3 || (second == 0xBF && b.get(i + 2) == Some(&0xBD)),
        None => false,
    };
    memchr::memchr3(0xEE, 0xF3, 0xF4, b).is_some()
        || memchr::memchr_iter(0xEF, b).any(replacement_or_private_use)
        || memchr::memchr3_iter(b'(', b'/', b'u', b).any(|i| {
            let rest = &b[i..];
            rest.starts_with(b"(cid:") || rest.starts_with(b"/g") || rest.starts_with(b"uni")
        })
}

/// Whether a line may hold a raw ASCII code: an ASCII code candidate in a
/// line with Arabic letters (the scan decides whether it stands between
/// letters, past marks and invisible controls).
fn may_hold_ascii_codes(line: &str) -> bool {
    line.bytes().any(is_ascii_code_candidate) && crate::script::has_arabic_script(line)
}

/// A consistent code decoded: the letters it stands for and how sure.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Decoded {
    pub letters: Vec<u8>,
    pub confidence: f32,
}

/// The decision for a word with U+FFFD: one letter per placeholder.
#[derive(Clone, Debug, PartialEq)]
struct WordDecision {
    letters: Vec<u8>,
    confidence: f32,
}

/// What the document tells about its placeholders: the solved code table
/// and the decisions for the words with U+FFFD.
#[derive(Debug, Default)]
pub(crate) struct PlaceholderModel {
    codes: HashMap<Code, Decoded>,
    words: HashMap<Vec<u8>, WordDecision>,
    /// Paragraph labels with U+FFFD that the labels around them settle.
    labels: HashMap<String, &'static str>,
    /// Words made of glyph names alone read as Arabic: decode them.
    names_read_as_arabic: bool,
}

/// Words of glyph names alone needed, and the share of them that must be
/// known words, before such words are decoded: a glyph name standing alone
/// may be a font engineer's text, not an extraction.
const MIN_NAME_WORDS: usize = 5;
const MIN_NAME_WORDS_KNOWN: f32 = 0.8;

/// The byte that marks U+FFFD in a word pattern.
const HOLE: u8 = 0xFF;

/// Posterior at which the lexicon settles a word beyond doubt: such words
/// teach the document prior.
const ANCHOR_POSTERIOR: f32 = 0.99;

/// Anchored placeholders needed before a document prior is trusted.
const MIN_ANCHOR_PLACEHOLDERS: usize = 20;

/// Words with more U+FFFD than this are left alone (too many fillings).
const MAX_HOLES: usize = 4;

impl PlaceholderModel {
    /// Learns the model of a document, or `None` if it has no placeholder.
    pub fn of_document<'t>(lines: impl Iterator<Item = &'t str> + Clone, config: &Config) -> Option<PlaceholderModel> {
        let mut words: Vec<Word> = Vec::new();
        for line in lines.clone() {
            if may_hold_placeholders(line) {
                words.extend(scan(line));
            }
        }
        if words.is_empty() {
            return None;
        }
        let lexicon = Lexicon::embedded();
        let codes = substitution::solve(&words, lexicon);
        let name_words: Vec<Vec<u8>> = words
            .iter()
            .filter(|w| w.items.iter().all(|i| matches!(i, Item::Named(..))))
            .map(|w| {
                w.items.iter().flat_map(|i| if let Item::Named(l, _) = i { l.clone() } else { Vec::new() }).collect()
            })
            .collect();
        let known = name_words.iter().filter(|k| lexicon.zipf_with_clitics(k).is_some()).count();
        let names_read_as_arabic =
            name_words.len() >= MIN_NAME_WORDS && known as f32 >= MIN_NAME_WORDS_KNOWN * name_words.len() as f32;
        let labels = labels_in_sequence(lines.clone());
        let mut model = PlaceholderModel { codes, words: HashMap::new(), labels, names_read_as_arabic };
        if words.iter().any(|w| w.items.iter().any(|i| matches!(i, Item::Placeholder(Code::Replacement, _)))) {
            // The document's words as the output will have them (whole, and
            // with their consistent codes decoded), and the candidate
            // letters they show (see `Prior`).
            let mut seen = DocumentWords::default();
            let mut kept = Prior::counting(&candidate_bytes(config));
            for line in lines {
                scan_all(line, |items, beside_latin| {
                    let word = Word { items: items.to_vec(), beside_latin };
                    if let Some(key) = model.pattern(&word, config.min_confidence) {
                        kept.add_kept(&key);
                        if !key.contains(&0) && !key.contains(&HOLE) {
                            seen.add(key, 1.0);
                        }
                    }
                });
            }
            model.decide_replacement_words(&words, config, lexicon, seen, kept);
        }
        Some(model)
    }

    /// The pattern of a word with its consistent codes decoded (`HOLE` for
    /// U+FFFD), or `None` if a code in it is not decoded.
    fn pattern(&self, word: &Word, min_confidence: f32) -> Option<Vec<u8>> {
        if !self.names_read_as_arabic && word.items.iter().all(|i| matches!(i, Item::Named(..))) {
            return None;
        }
        let mut pattern = Vec::with_capacity(word.items.len());
        for item in &word.items {
            match item {
                Item::Letter(b) => pattern.push(*b),
                Item::Named(letters, _) => pattern.extend_from_slice(letters),
                Item::Placeholder(Code::Replacement, _) => pattern.push(HOLE),
                Item::Placeholder(code, _) => {
                    let d = self.codes.get(code).filter(|d| d.confidence >= min_confidence)?;
                    pattern.extend_from_slice(&d.letters);
                }
            }
        }
        Some(pattern)
    }

    /// Decides the words with U+FFFD, in rounds until nothing changes.
    ///
    /// Each word is scored by the lexicon mixed with the document's own words
    /// (a word the document writes in full elsewhere, a name above all, is
    /// likely here too). A word is restored when its best filling reaches the
    /// threshold, first with every candidate letter equally likely. Words that
    /// this alone settles beyond doubt (the *anchors*, posterior ≥ 0.99) show
    /// which letters in which glyphs this document lost, and its letters as
    /// they stand which it kept; from both a prior is learned (`Prior`), and
    /// the other words are scored again with it.
    /// Restored words join the document's words for the next round.
    ///
    /// Repairing the output again changes nothing: its words are those the
    /// last round saw, so no word left reaches the threshold with equal
    /// letters, none is an anchor, and without anchors there is no prior.
    fn decide_replacement_words(
        &mut self,
        words: &[Word],
        config: &Config,
        lexicon: &Lexicon,
        mut seen: DocumentWords,
        kept: Prior,
    ) {
        let mut counts: HashMap<Vec<u8>, usize> = HashMap::new();
        for word in words {
            if let Some(p) = self.pattern(word, config.min_confidence) {
                let holes = p.iter().filter(|&&b| b == HOLE).count();
                if holes > 0 && holes <= MAX_HOLES && p.len() > holes {
                    *counts.entry(p).or_default() += 1;
                }
            }
        }
        let candidates = candidate_bytes(config);
        let mut pending: Vec<(usize, Fillings)> =
            counts.into_iter().map(|(p, n)| (n, Fillings::score(&p, &candidates, lexicon, &seen))).collect();
        pending.sort_by(|a, b| a.1.pattern.cmp(&b.1.pattern));
        let threshold = config.min_confidence;
        let anchor_at = ANCHOR_POSTERIOR.max(threshold);
        let uniform = Prior::uniform();
        // The letters the document shows, and the anchors' as lost.
        let mut learned = kept;
        let mut anchors = 0usize;
        loop {
            let mut restored: Vec<(Vec<u8>, usize, Vec<u8>, f32)> = Vec::new();
            pending.retain(|(n, fillings)| match fillings.best(&uniform, &seen) {
                Some((key, p)) if p >= threshold => {
                    if p >= anchor_at {
                        learned.add_filling(&fillings.pattern, &key, *n as f32);
                        anchors += n;
                    }
                    restored.push((fillings.pattern.clone(), *n, key, p));
                    false
                }
                _ => true,
            });
            if anchors >= MIN_ANCHOR_PLACEHOLDERS {
                pending.retain(|(n, fillings)| match fillings.best(&learned, &seen) {
                    Some((key, p)) if p >= threshold => {
                        restored.push((fillings.pattern.clone(), *n, key, p));
                        false
                    }
                    _ => true,
                });
            }
            if restored.is_empty() {
                break;
            }
            for (pattern, n, key, p) in restored {
                let letters = holes_of(&pattern).map(|slot| key[slot]).collect();
                seen.add(key, n as f64);
                self.words.insert(pattern, WordDecision { letters, confidence: p });
            }
        }
        // What is left is reported, not applied, with the prior the last
        // round weighed it by.
        let reported = if anchors >= MIN_ANCHOR_PLACEHOLDERS { &learned } else { &uniform };
        for (_, fillings) in pending {
            if let Some((key, p)) = fillings.best(reported, &seen) {
                let letters = holes_of(&fillings.pattern).map(|slot| key[slot]).collect();
                self.words.insert(fillings.pattern, WordDecision { letters, confidence: p });
            }
        }
    }

    /// Whether a line without Arabic letters holds codes this model
    /// decodes into Arabic letters (so the line is Arabic after all).
    pub fn decodes_into_arabic(&self, line: &str, min_confidence: f32) -> bool {
        if (self.codes.is_empty() && !self.names_read_as_arabic) || !may_hold_codes(line) {
            return false;
        }
        scan(line).iter().any(|w| {
            w.items.iter().any(|i| match i {
                Item::Named(..) => self.names_read_as_arabic,
                Item::Placeholder(code, _) => self.codes.get(code).is_some_and(|d| d.confidence >= min_confidence),
                Item::Letter(_) => false,
            })
        })
    }
}

/// The candidate letters of U+FFFD as lexicon key bytes.
fn candidate_bytes(config: &Config) -> Vec<u8> {
    config.placeholder_letters.iter().filter_map(|&c| letter_byte(c)).collect()
}

fn holes_of(pattern: &[u8]) -> impl Iterator<Item = usize> + '_ {
    pattern.iter().enumerate().filter(|(_, &b)| b == HOLE).map(|(i, _)| i)
}

/// The glyph a letter of a word was drawn with, as far as the letters
/// tell: its positional form (0..4: whether the letter before joins it,
/// whether it joins the letter after) and the letter it joins after it
/// (`NO_NEXT` if none). Fonts map glyphs, not letters, to text, and an
/// Arabic font draws a letter with different glyphs before different
/// letters: in `ctoc-wg7-2021-5` an initial ب before ر or ل came through
/// and one before ا, م or ع was lost. `HOLE` before the slot counts as a
/// joining letter.
fn glyph_at(word: &[u8], slot: usize) -> (u8, u8) {
    let letter = word[slot];
    let before = slot > 0 && {
        let b = word[slot - 1];
        b == HOLE || (b != 0 && joins_both_sides(byte_letter(b)))
    };
    let after = slot + 1 < word.len() && letter != HOLE && joins_both_sides(byte_letter(letter));
    let form = u8::from(before) * 2 + u8::from(after);
    (form, if after { word[slot + 1] } else { NO_NEXT })
}

/// The letter after in `glyph_at` when the letter joins none.
const NO_NEXT: u8 = 0xFE;

/// The document prior: how likely this document's fonts lost each
/// candidate letter in each glyph (`glyph_at`), from the placeholders the
/// lexicon settles beyond doubt (the letters they stood for were *lost*)
/// and the candidate letters the document shows (*kept*). A filling of a
/// word's placeholders, known word or not, weighs its probability by the
/// rate of loss of each letter it puts in: `P(filling | placeholders) ∝
/// P(word) · Π rate(letter, glyph)`.
///
/// A glyph's rate is smoothed towards its positional form's, and that
/// towards one half: `(lost + 2·r_form) / (lost + kept + 2)`, `r_form =
/// (lost_form + 1) / (lost_form + kept_form + 2)`. So a glyph that the
/// document shows intact and never lost is all but ruled out (`بذلك` in the
/// text makes `�ذلك` likelier `كذلك`), and an unseen one counts as its form.
/// (The form's rate counts occurrences, not glyphs: a mean over glyphs,
/// each counted once, lets the few letters of a line left in visual order,
/// read in the wrong forms, count as much as a glyph lost a hundred times:
/// U+FFFD right 480 → 476 in `ctoc-wg7-2021-5`, 1,388 → 1,364 in
/// `synthetic/mixed`.)
#[derive(Clone, Debug, Default)]
struct Prior {
    /// The candidate letters; none for the uniform prior, where every
    /// filling weighs 1.
    candidates: Vec<u8>,
    /// (letter, form, letter after or `ANY_NEXT`) → (lost, kept).
    counts: HashMap<(u8, u8, u8), (f32, f32)>,
}

/// All letters after, in the counts of `Prior` by positional form alone.
const ANY_NEXT: u8 = 0xFD;

impl Prior {
    fn uniform() -> Prior {
        Prior::default()
    }

    /// An empty prior to count into.
    fn counting(candidates: &[u8]) -> Prior {
        Prior { candidates: candidates.to_vec(), ..Prior::default() }
    }

    fn is_uniform(&self) -> bool {
        self.candidates.is_empty()
    }

    fn add(&mut self, letter: u8, (form, next): (u8, u8), lost: f32, kept: f32) {
        if !self.candidates.contains(&letter) {
            return;
        }
        for next in [next, ANY_NEXT] {
            let entry = self.counts.entry((letter, form, next)).or_default();
            entry.0 += lost;
            entry.1 += kept;
        }
    }

    /// Counts the letters a filling put into the holes of `pattern` as lost.
    fn add_filling(&mut self, pattern: &[u8], key: &[u8], n: f32) {
        for slot in holes_of(pattern) {
            self.add(key[slot], glyph_at(key, slot), n, 0.0);
        }
    }

    /// Counts the candidate letters a word shows as kept (not those before
    /// a placeholder: their glyph is not known).
    fn add_kept(&mut self, pattern: &[u8]) {
        for slot in 0..pattern.len() {
            let glyph = glyph_at(pattern, slot);
            if pattern[slot] != HOLE && glyph.1 != HOLE {
                self.add(pattern[slot], glyph, 0.0, 1.0);
            }
        }
    }

    /// The rate at which the document lost a letter in a glyph.
    fn rate(&self, letter: u8, (form, next): (u8, u8)) -> f64 {
        let get = |next: u8| self.counts.get(&(letter, form, next)).copied().unwrap_or_default();
        let (lost, kept) = get(ANY_NEXT);
        let rate_form = (f64::from(lost) + 1.0) / (f64::from(lost + kept) + 2.0);
        let (lost, kept) = get(next);
        (f64::from(lost) + 2.0 * rate_form) / (f64::from(lost + kept) + 2.0)
    }

    /// The weight of a filling (`key`) of the holes of `pattern`.
    fn factor(&self, pattern: &[u8], key: &[u8]) -> f64 {
        if self.is_uniform() {
            return 1.0;
        }
        holes_of(pattern).map(|slot| self.rate(key[slot], glyph_at(key, slot))).product()
    }
}

/// The words a document writes in full, by key, with their counts: its
/// own small language model, mixed with the lexicon.
#[derive(Debug, Default)]
struct DocumentWords {
    counts: HashMap<Vec<u8>, f64>,
    total: f64,
}

impl DocumentWords {
    fn add(&mut self, key: Vec<u8>, n: f64) {
        *self.counts.entry(key).or_default() += n;
        self.total += n;
    }

    fn probability(&self, key: &[u8]) -> f64 {
        match self.counts.get(key) {
            Some(&c) if self.total > 0.0 => c / self.total,
            _ => 0.0,
        }
    }
}

/// Weight of the lexicon against the document's own words.
const LEXICON_WEIGHT: f64 = 0.9;

/// A word's probability: the lexicon's (Zipf → per word token) mixed with
/// the document's.
fn word_probability(zipf: Option<f32>, key: &[u8], seen: &DocumentWords) -> f64 {
    let lexicon = zipf.map_or(0.0, |z| 10f64.powf(f64::from(z) - 9.0));
    LEXICON_WEIGHT * lexicon + (1.0 - LEXICON_WEIGHT) * seen.probability(key)
}

/// The fillings of a word's holes that the lexicon or the document knows,
/// and how word-like the other fillings are.
struct Fillings {
    /// The word, `HOLE` for each U+FFFD.
    pattern: Vec<u8>,
    /// Key and lexicon frequency of each known filling.
    known: Vec<(Vec<u8>, Option<f32>)>,
    /// Each unknown filling (the letters of its holes) with its letter-model
    /// probability: how likely a word the lexicon lacks is spelled so.
    unknown: Vec<([u8; MAX_HOLES], f64)>,
}

impl Fillings {
    fn score(pattern: &[u8], candidates: &[u8], lexicon: &Lexicon, seen: &DocumentWords) -> Fillings {
        let holes: Vec<usize> = holes_of(pattern).collect();
        let mut known = Vec::new();
        let mut choice = vec![0usize; holes.len()];
        let mut key = pattern.to_vec();
        let mut unknown = Vec::new();
        if !candidates.is_empty() {
            loop {
                for (h, &slot) in holes.iter().enumerate() {
                    key[slot] = candidates[choice[h]];
                }
                let zipf = lexicon.zipf_listed_or_below(&key);
                if zipf.is_some() || seen.probability(&key) > 0.0 {
                    known.push((key.clone(), zipf));
                } else {
                    let p = f64::from(TRIGRAMS.score(&key)).exp();
                    let mut letters = [0u8; MAX_HOLES];
                    for (h, &slot) in holes.iter().enumerate() {
                        letters[h] = key[slot];
                    }
                    unknown.push((letters, p));
                }
                // Next combination (odometer).
                let mut h = 0;
                while h < choice.len() {
                    choice[h] += 1;
                    if choice[h] < candidates.len() {
                        break;
                    }
                    choice[h] = 0;
                    h += 1;
                }
                if h == choice.len() {
                    break;
                }
            }
        }
        Fillings { pattern: pattern.to_vec(), known, unknown }
    }

    /// The letter model's probability of the unknown fillings, each weighed
    /// by `prior`, summed.
    fn unknown_mass(&self, prior: &Prior) -> f64 {
        if prior.is_uniform() {
            return self.unknown.iter().map(|(_, p)| p).sum();
        }
        let mut key = self.pattern.clone();
        self.unknown
            .iter()
            .map(|(letters, p)| {
                for (slot, &letter) in holes_of(&self.pattern).zip(letters) {
                    key[slot] = letter;
                }
                p * prior.factor(&self.pattern, &key)
            })
            .sum()
    }

    /// The best filling (its key) and its posterior against the other known
    /// fillings and the chance that the word is none of them: the unknown
    /// fillings weighed as words the lexicon lacks (`OUT_OF_LEXICON` times
    /// their letter-model probability). A long word with one hole and one
    /// known filling is settled, since hardly any unknown word is spelled
    /// like it; a short one with word-like unknown fillings is not.
    ///
    /// Measured against the rule before (the unknown fillings as one word of
    /// Zipf 1.5 times their share of the letter model's mass): U+FFFD right
    /// 1,070 → 1,088 of 1,323 in `synthetic/fffd-joining` (wrong 2 → 2),
    /// 465 → 468 of 515 in `ctoc-wg7-2021-5` (6 → 6), 1,371 → 1,374 of
    /// 1,449 in `synthetic/mixed` (11 → 13). The same from a rate of 0.001
    /// to 0.03; fewer right from 0.1 up.
    fn best(&self, prior: &Prior, seen: &DocumentWords) -> Option<(Vec<u8>, f32)> {
        let mut total = OUT_OF_LEXICON * self.unknown_mass(prior);
        let mut best: Option<(f64, &Vec<u8>)> = None;
        for (key, zipf) in &self.known {
            let w = word_probability(*zipf, key, seen) * prior.factor(&self.pattern, key);
            total += w;
            if best.is_none_or(|(bw, _)| w > bw) {
                best = Some((w, key));
            }
        }
        let (w, key) = best?;
        (w > 0.0).then(|| (key.clone(), (w / total) as f32))
    }
}

/// Confidence of a placeholder restored from the one label word that fits
/// a paragraph label (see `label_letters`).
const LABEL_CONFIDENCE: f32 = 0.95;

/// The head of a paragraph label that starts a line (`را�عا` of
/// `را�عا- تنظيم الاجتماع`), if it may be a label word.
fn label_head(line: &str) -> Option<&str> {
    let (head, _) = line.trim_start().split_once('-')?;
    (!head.contains(' ') && crate::reading_order::is_label_word(head)).then_some(head)
}

/// A label's head as `labels_in_sequence` keys it: its letters and U+FFFD,
/// folded as the lexicon folds them (tatweel and marks dropped).
fn label_key(head: &str) -> String {
    crate::lexicon::folded_letters(head)
}

/// The labels with U+FFFD of a document's paragraphs that the labels
/// around them settle: labels count up in their series, so `�اء-` (`باء`,
/// `ياء`, `تاء` or `ثاء`) between `ألف-` and `دال-` is `باء`. Keyed by
/// `label_key`; a head whose occurrences settle differently is left out.
fn labels_in_sequence<'t>(lines: impl Iterator<Item = &'t str>) -> HashMap<String, &'static str> {
    use crate::reading_order::{label_word_place, label_words_matching};
    // The document's labels in order: a place, or a head with U+FFFD.
    let mut labels: Vec<Result<(usize, usize), &str>> = Vec::new();
    for head in lines.filter_map(label_head) {
        if head.contains('\u{FFFD}') {
            labels.push(Err(head));
        } else if let Some(place) = label_words_matching(head).next().and_then(label_word_place) {
            labels.push(Ok(place));
        }
    }
    // The nearest settled label before and after each (two passes, so a
    // document of many unsettled labels stays linear).
    let mut before = Vec::with_capacity(labels.len());
    let mut last = None;
    for label in &labels {
        before.push(last);
        last = label.ok().or(last);
    }
    let mut after = vec![None; labels.len()];
    let mut next = None;
    for (j, label) in labels.iter().enumerate().rev() {
        after[j] = next;
        next = label.ok().or(next);
    }
    let mut settled: HashMap<String, Option<&'static str>> = HashMap::new();
    for (j, label) in labels.iter().enumerate() {
        let Err(head) = label else { continue };
        let (before, after) = (before[j], after[j]);
        let fits_between = |(series, i): (usize, usize)| {
            before.is_some_and(|(s, b)| s == series && b < i) && after.is_none_or(|(s, a)| s != series || i < a)
                || before.is_none() && after.is_some_and(|(s, a)| s == series && i < a)
        };
        let mut fits = label_words_matching(head).filter(|w| label_word_place(w).is_some_and(fits_between));
        let word = fits.next().filter(|_| fits.next().is_none());
        let entry = settled.entry(label_key(head)).or_insert(word);
        if *entry != word {
            *entry = None;
        }
    }
    settled.into_iter().filter_map(|(head, word)| Some((head, word?))).collect()
}

/// The letters of the U+FFFD of a paragraph label that starts the line
/// (`را�عا- تنظيم الاجتماع`), if exactly one label word fits it, or the
/// labels around it in the document settle it (`settled`, see
/// `labels_in_sequence`).
fn label_letters(line: &str, settled: &HashMap<String, &'static str>) -> Option<WordDecision> {
    let head = label_head(line)?;
    if !head.contains('\u{FFFD}') {
        return None;
    }
    let mut fits = crate::reading_order::label_words_matching(head);
    let word = match (fits.next(), fits.next()) {
        (Some(word), None) => word,
        (Some(_), Some(_)) => settled.get(&label_key(head)).copied()?,
        _ => return None,
    };
    // The letters of the label word where the head has U+FFFD.
    let letters: Option<Vec<u8>> = label_key(head)
        .chars()
        .zip(word.chars())
        .filter(|(h, _)| *h == '\u{FFFD}')
        .map(|(_, w)| letter_byte(w))
        .collect();
    Some(WordDecision { letters: letters?, confidence: LABEL_CONFIDENCE })
}

/// Replaces the placeholders of one line that the document model decodes
/// with enough confidence.
pub(crate) fn restore_placeholders<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    let Some(model) = ctx.placeholders else {
        return Cow::Borrowed(line);
    };
    if !may_hold_placeholders(line) {
        return Cow::Borrowed(line);
    }
    let min = ctx.config.min_confidence;
    let mut out = Rewriter::new(line, edits);
    let mut buf = [0u8; 4];
    let label = label_letters(line, &model.labels);
    for (k, word) in scan(line).into_iter().enumerate() {
        let decision = model.pattern(&word, min).and_then(|p| model.words.get(&p)).filter(|d| d.confidence >= min);
        // A paragraph label the lexicon alone cannot settle (`را�عا-`:
        // `رابعا` or `رائعا`) is the one label word it can be.
        let label = label.as_ref().filter(|_| k == 0 && decision.is_none());
        let decision = decision.or(label);
        let mut hole = 0;
        for item in &word.items {
            match item {
                Item::Letter(_) => {}
                Item::Named(letters, range) => {
                    let among_letters = word.items.iter().any(|i| !matches!(i, Item::Named(..)));
                    if among_letters || model.names_read_as_arabic {
                        let text: String = letters.iter().map(|&b| byte_letter(b)).collect();
                        out.replace(range.clone(), &text, FixKind::Placeholder, 1.0);
                    }
                }
                Item::Placeholder(Code::Replacement, range) => {
                    if let Some(d) = decision {
                        let letter = byte_letter(d.letters[hole]);
                        out.replace(range.clone(), letter.encode_utf8(&mut buf), FixKind::Placeholder, d.confidence);
                    }
                    hole += 1;
                }
                Item::Placeholder(code, range) => {
                    if let Some(d) = model.codes.get(code).filter(|d| d.confidence >= min) {
                        let text: String = d.letters.iter().map(|&b| byte_letter(b)).collect();
                        out.replace(range.clone(), &text, FixKind::Placeholder, d.confidence);
                    }
                }
            }
        }
    }
    out.finish()
}

/// Counts the placeholders of a line that the diagnosis reports: U+FFFD,
/// private-use code points, `(cid:N)`, `/gN`, and ASCII codes that the
/// document model decoded.
pub(crate) fn count_placeholders(line: &str, model: Option<&PlaceholderModel>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for word in scan(line) {
        for item in word.items {
            if let Item::Placeholder(code, range) = item {
                let counted = match code {
                    Code::Ascii(_) => model.is_some_and(|m| m.codes.contains_key(&code)),
                    _ => true,
                };
                if counted {
                    found.push(range);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair_document(text: &str) -> String {
        crate::repair(text).into_owned()
    }

    #[test]
    fn scanner_finds_every_kind() {
        let words = scan("المهاجر�ن و(cid:12)(cid:7)ب /uni0628ـا فی\u{E001}ه");
        assert_eq!(words.len(), 4);
        assert!(matches!(words[1].items[1], Item::Placeholder(Code::Cid(12), _)));
        assert!(matches!(&words[2].items[0], Item::Named(l, _) if l == &vec![letter_byte('ب').unwrap()]));
        assert!(matches!(words[3].items[2], Item::Placeholder(Code::PrivateUse('\u{E001}'), _)));
        // Separators between Arabic words are not codes.
        assert!(scan("تموز/يوليه ق.م أولاً-").is_empty());
    }

    fn key(word: &str) -> Vec<u8> {
        word.chars().map(|c| if c == '\u{FFFD}' { HOLE } else { letter_byte(c).unwrap() }).collect()
    }

    #[test]
    fn a_glyph_the_document_shows_intact_was_not_lost() {
        let candidates = key("بيك");
        let mut prior = Prior::counting(&candidates);
        // Initial ب and ك lost before several letters (anchors) ...
        for word in ["بما", "بعد", "كما", "كان", "بسبب", "كثير"] {
            let k = key(word);
            let mut pattern = k.clone();
            pattern[0] = HOLE;
            prior.add_filling(&pattern, &k, 5.0);
        }
        // ... but ب before ذ shown intact, and ب before ر many times.
        for _ in 0..3 {
            prior.add_kept(&key("بذلك"));
        }
        for _ in 0..40 {
            prior.add_kept(&key("برنامج"));
        }
        let initial_before =
            |letter: char, next: char| prior.rate(letter_byte(letter).unwrap(), (1, letter_byte(next).unwrap()));
        assert!(initial_before('ب', 'ذ') < 0.5 * initial_before('ك', 'ذ'));
        assert!(initial_before('ب', 'ر') < 0.1);
        // A glyph of no word yet takes its form's rate; the form of ب, kept
        // 43 times and lost 15, is likelier kept, that of ك lost.
        assert!(initial_before('ب', 'ع') > initial_before('ب', 'ح'));
        assert!(initial_before('ك', 'ح') > 0.9 && initial_before('ب', 'ح') < 0.5);
        // Fillings are weighed by the rates: `�ذلك` is `كذلك`, surer than
        // with every letter alike.
        let seen = DocumentWords::default();
        let fillings = Fillings::score(&key("\u{FFFD}ذلك"), &candidates, Lexicon::embedded(), &seen);
        let (uniform_best, uniform_p) = fillings.best(&Prior::uniform(), &seen).unwrap();
        let (best, p) = fillings.best(&prior, &seen).unwrap();
        assert_eq!(best, key("كذلك"));
        assert!(p > uniform_p, "{p} vs {uniform_p} for {uniform_best:?}");
        // The uniform prior weighs every filling alike.
        assert_eq!(Prior::uniform().factor(&key("\u{FFFD}ذلك"), &key("بذلك")), 1.0);
    }

    #[test]
    fn replacement_in_real_lines() {
        // ctoc-wg7-2021-5.broken.txt, line 20 (spacing and tatweel aside).
        // `�ما` stays: `كما` and `بما` are both frequent words, and only the
        // next words (`بما في ذلك`) would tell.
        let line = "والممارسات الفضلى الموصى بها، �ما في ذلك �شأن استهداف المجرمين ال�ارز�ن في ش�كات التهر�ب";
        assert_eq!(
            repair_document(line),
            "والممارسات الفضلى الموصى بها، �ما في ذلك بشأن استهداف المجرمين البارزين في شبكات التهريب"
        );
    }

    #[test]
    fn codes_beside_latin_letters_stay() {
        let text = "The (cid:3)nancial report, (cid:4)rst part.\n".repeat(40);
        assert_eq!(repair_document(&text), text);
    }

    #[test]
    fn a_label_takes_the_one_label_word_that_fits() {
        // ctoc-wg7-2021-5.broken.txt, lines 72 and 84 (after the reading
        // order put the labels first): `رابعا`, not the frequent `رائعا`;
        // `�اء` may be `باء`, `ياء`, `تاء` or `ثاء`, and stays (alone; see
        // `labels_count_up_in_their_series`).
        assert_eq!(repair_document("را\u{FFFD}عا- تنظيم الاجتماع"), "رابعا- تنظيم الاجتماع");
        assert_eq!(repair_document("\u{FFFD}اء- الكلمات"), "\u{FFFD}اء- الكلمات");
        // Not at the start of the line, a word is no label.
        assert_eq!(repair_document("كان را\u{FFFD}عا- تنظيم"), "كان را\u{FFFD}عا- تنظيم");
    }

    #[test]
    fn long_words_with_one_known_filling_are_settled() {
        // ctoc-wg7-2021-5.broken.txt, lines 57 and 100: one filling is known
        // (rare as it is) and hardly any word the lexicon lacks is spelled
        // like the others.
        assert_eq!(repair_document("والبروتو\u{FFFD}ولات الملحقة"), "والبروتوكولات الملحقة");
        assert_eq!(repair_document("تكلم المراق\u{FFFD}ان عن"), "تكلم المراقبان عن");
        // A short word whose fillings are all frequent stays (`بما`/`كما`).
        assert_eq!(repair_document("\u{FFFD}ما في ذلك"), "\u{FFFD}ما في ذلك");
    }

    #[test]
    fn labels_count_up_in_their_series() {
        // ctoc-wg7-2021-5.broken.txt, lines 75, 84 and 134 (labels put first
        // by the reading order): `�اء` between `ألف` and `دال` is `باء`.
        let document = "ألف- افتتاح الاجتماع\n\u{FFFD}اء- الكلمات\nدال- الحضور\n";
        assert_eq!(repair_document(document), "ألف- افتتاح الاجتماع\nباء- الكلمات\nدال- الحضور\n");
        // Before the first label, only what comes before `دال` fits.
        let settled = labels_in_sequence(["\u{FFFD}اء- أ", "دال- ب"].into_iter());
        assert_eq!(settled.get("\u{FFFD}اء"), Some(&"باء"));
        // Tatweel in a head does not matter.
        let settled = labels_in_sequence(["ألف- أ", "\u{FFFD}ـاء- ب", "جيم- ج"].into_iter());
        assert_eq!(settled.get(&label_key("\u{FFFD}اء")), Some(&"باء"));
        // After `طاء` (9th) and before `كاف` (11th) it is `ياء`; after `باء`
        // with no label after it, `تاء`, `ثاء` and `ياء` all fit: none.
        let settled = labels_in_sequence(["طاء- أ", "\u{FFFD}اء- ب", "كاف- ج"].into_iter());
        assert_eq!(settled.get("\u{FFFD}اء"), Some(&"ياء"));
        assert!(labels_in_sequence(["باء- أ", "\u{FFFD}اء- ب"].into_iter()).is_empty());
        // Occurrences that settle differently settle nothing.
        let twice = ["ألف- أ", "\u{FFFD}اء- ب", "جيم- ج", "طاء- د", "\u{FFFD}اء- ه", "كاف- و"];
        assert!(labels_in_sequence(twice.into_iter()).is_empty());
    }

    #[test]
    fn unknown_words_keep_their_placeholders() {
        // No filling of the hole gives a word the lexicon knows.
        assert_eq!(repair_document("ققق�ققق"), "ققق�ققق");
        // A lone placeholder is no word.
        assert_eq!(repair_document("ولم � حرز"), "ولم � حرز");
    }

    #[test]
    fn glyph_names_are_decoded() {
        // Beside Arabic letters, always.
        assert_eq!(repair_document("ال/uni0628/uni0627/uni0628"), "الباب");
        // Alone, when the document reads as Arabic.
        let line = "/uni0627/uni0644/uni0628/uni0627/uni0628 /uni0641/uni064A\n";
        assert_eq!(repair_document(&line.repeat(5)), "الباب في\n".repeat(5));
        // A glyph name in an English sentence is left alone.
        let english = "The glyph /uni0628 is the letter beh.\n";
        assert_eq!(repair_document(english), english);
    }
}
