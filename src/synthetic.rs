//! Synthetic damage: clean Arabic text damaged the way PDF extractors damage
//! it, deterministically from a seed (feature `eval`).
//!
//! Each damage is switched on separately, with a rate; [`Damage::apply`]
//! returns the damaged text and its gold (the clean text, line for line).
//! Tests, property tests and benchmarks use it to make any amount of damaged
//! text whose truth is known.
//!
//! | damage | what an extractor does |
//! |---|---|
//! | [`placeholders`](Damage::placeholders) | a glyph without a Unicode mapping becomes U+FFFD (the same for several letters), or a code of its own: a private-use code point or `(cid:N)`, consistent per glyph (letter and positional form) |
//! | [`farsi_letters`](Damage::farsi_letters) | yeh and kaf come out as Farsi yeh U+06CC and keheh U+06A9 |
//! | [`kashida`](Damage::kashida) | justification tatweel at a join inside a word |
//! | [`presentation_forms`](Damage::presentation_forms) | shaped forms (U+FB50..U+FEFF), lam-alef as one ligature |
//! | [`visual_order`](Damage::visual_order) | the whole line in visual order: right-to-left runs reversed (marks stay after their letter, lam + alef stays a unit), numbers and Latin left to right, brackets mirrored |
//! | [`run_reversal`](Damage::run_reversal) | the line cut into runs at spaces and inside words, and around every number and Latin word (bidi makes each a run), runs emitted left to right, each run logical (the `ctoc-wg4-2018-3` pattern); cuts inside words fall in a kashida where the word has one |
//! | [`stray_spaces`](Damage::stray_spaces), [`glued_words`](Damage::glued_words) | a space inside a word, a space between words lost |
//! | [`paragraph_numbers`](Damage::paragraph_numbers) | a paragraph number `12-` at the line start written `-12` at the line end |
//!
//! ```
//! use arabic_repair::synthetic::{Damage, PlaceholderStyle};
//!
//! let clean = "وعرض السيد بريتو جهود الشرطة في البرازيل\n";
//! let damaged = Damage::new(7).farsi_letters(1.0).kashida(1.0).apply(clean);
//! assert_eq!(damaged.gold, clean);
//! assert!(damaged.broken.contains('\u{06CC}') && damaged.broken.contains('\u{0640}'));
//! // The same seed gives the same damage.
//! assert_eq!(Damage::new(7).farsi_letters(1.0).kashida(1.0).apply(clean).broken, damaged.broken);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_bidi::{BidiInfo, Level};

use crate::rng::Rng;
use crate::script::{is_arabic_letter, is_arabic_mark, TATWEEL};
use crate::tables::{PositionalForm, PRESENTATION_FORMS_FB50, PRESENTATION_FORMS_FE70};

/// How a glyph without a Unicode mapping comes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceholderStyle {
    /// U+FFFD for every such glyph, whatever letter it was.
    Replacement,
    /// A private-use code point (U+E000..), one per glyph.
    PrivateUse,
    /// `(cid:N)` as pdfminer writes it, one number per glyph.
    Cid,
}

/// Which glyphs lack a mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Placeholders {
    /// The style of the placeholder.
    pub style: PlaceholderStyle,
    /// The letters whose glyphs are unmapped; empty for every letter.
    pub letters: Vec<char>,
    /// Only the initial and medial forms (the usual case: a font's final
    /// forms are often mapped while its joining forms are not).
    pub joining_forms_only: bool,
    /// Share of the occurrences of an unmapped glyph that are damaged (1.0:
    /// all, as a font does).
    pub rate: f64,
}

/// A damaged text and its gold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    /// What the extractor would have written.
    pub broken: String,
    /// The truth: the clean text.
    pub gold: String,
}

/// The damage to apply; every damage is off until switched on.
#[derive(Clone, Debug, PartialEq)]
pub struct Damage {
    seed: u64,
    placeholders: Option<Placeholders>,
    farsi_letters: f64,
    kashida: f64,
    presentation_forms: bool,
    visual_order: f64,
    run_reversal: f64,
    stray_spaces: f64,
    glued_words: f64,
    paragraph_numbers: bool,
}

impl Damage {
    /// No damage yet, with the given seed.
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// let d = Damage::new(1).apply("نص سليم\n");
    /// assert_eq!(d.broken, d.gold);
    /// ```
    pub fn new(seed: u64) -> Damage {
        Damage {
            seed,
            placeholders: None,
            farsi_letters: 0.0,
            kashida: 0.0,
            presentation_forms: false,
            visual_order: 0.0,
            run_reversal: 0.0,
            stray_spaces: 0.0,
            glued_words: 0.0,
            paragraph_numbers: false,
        }
    }

    /// Unmapped glyphs written as placeholders.
    ///
    /// ```
    /// use arabic_repair::synthetic::{Damage, PlaceholderStyle};
    /// let d = Damage::new(1).placeholders(PlaceholderStyle::Replacement, "بيك", true, 1.0).apply("المهاجرين بكثرة\n");
    /// assert_eq!(d.broken, "المهاجر\u{FFFD}ن \u{FFFD}\u{FFFD}ثرة\n");
    /// let d = Damage::new(1).placeholders(PlaceholderStyle::Cid, "", false, 1.0).apply("لا\n");
    /// assert!(d.broken.starts_with("(cid:"));
    /// ```
    pub fn placeholders(
        mut self,
        style: PlaceholderStyle,
        letters: &str,
        joining_forms_only: bool,
        rate: f64,
    ) -> Damage {
        self.placeholders = Some(Placeholders { style, letters: letters.chars().collect(), joining_forms_only, rate });
        self
    }

    /// Yeh and kaf as Farsi yeh and keheh, each occurrence with probability
    /// `rate`.
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// assert_eq!(Damage::new(1).farsi_letters(1.0).apply("الذين\n").broken, "الذین\n");
    /// ```
    pub fn farsi_letters(mut self, rate: f64) -> Damage {
        self.farsi_letters = rate;
        self
    }

    /// A run of 1 to 8 tatweel at one join of a word, per word with
    /// probability `rate`.
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// assert!(Damage::new(1).kashida(1.0).apply("العضوية\n").broken.contains('\u{0640}'));
    /// ```
    pub fn kashida(mut self, rate: f64) -> Damage {
        self.kashida = rate;
        self
    }

    /// Letters as presentation forms.
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// assert_eq!(Damage::new(1).presentation_forms(true).apply("السلام\n").broken, "\u{FE8D}\u{FEDF}\u{FEB4}\u{FEFC}\u{FEE1}\n");
    /// ```
    pub fn presentation_forms(mut self, yes: bool) -> Damage {
        self.presentation_forms = yes;
        self
    }

    /// Whole lines in visual order, per line with probability `rate`.
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// assert_eq!(Damage::new(1).visual_order(1.0).apply("في عام 2018 (تقريباً)\n").broken, "(اًبيرقت) 2018 ماع يف\n");
    /// ```
    pub fn visual_order(mut self, rate: f64) -> Damage {
        self.visual_order = rate;
        self
    }

    /// Lines cut into runs emitted in reverse order, per line with
    /// probability `rate` (a line gets either this or visual order).
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// let d = Damage::new(3).run_reversal(1.0).apply("أقر مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة\n");
    /// assert_ne!(d.broken, d.gold);
    /// let mut broken: Vec<char> = d.broken.chars().filter(|c| !c.is_whitespace()).collect();
    /// let mut gold: Vec<char> = d.gold.chars().filter(|c| !c.is_whitespace()).collect();
    /// broken.sort();
    /// gold.sort();
    /// assert_eq!(broken, gold, "the same letters, in another order");
    /// ```
    pub fn run_reversal(mut self, rate: f64) -> Damage {
        self.run_reversal = rate;
        self
    }

    /// A space inside a word, per word with probability `rate`.
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// assert_eq!(Damage::new(1).stray_spaces(1.0).apply("العضوية\n").broken.split(' ').count(), 2);
    /// ```
    pub fn stray_spaces(mut self, rate: f64) -> Damage {
        self.stray_spaces = rate;
        self
    }

    /// The space between two Arabic words lost, per space with probability
    /// `rate`.
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// assert_eq!(Damage::new(1).glued_words(1.0).apply("الصلة وأشار\n").broken, "الصلةوأشار\n");
    /// ```
    pub fn glued_words(mut self, rate: f64) -> Damage {
        self.glued_words = rate;
        self
    }

    /// A paragraph number at the line start (`12- `, `(أ) `) moved to the
    /// line end, flipped (`-12`).
    ///
    /// ```
    /// use arabic_repair::synthetic::Damage;
    /// assert_eq!(Damage::new(1).paragraph_numbers(true).apply("١٢- نص الفقرة\n").broken, "نص الفقرة   -١٢\n");
    /// ```
    pub fn paragraph_numbers(mut self, yes: bool) -> Damage {
        self.paragraph_numbers = yes;
        self
    }

    /// Damages `clean`, line by line; lines without Arabic letters pass
    /// through.
    pub fn apply(&self, clean: &str) -> Damaged {
        let mut rng = Rng::new(self.seed);
        let mut glyph_codes: HashMap<(char, PositionalForm), usize> = HashMap::new();
        let mut broken = String::with_capacity(clean.len() + clean.len() / 4);
        for (i, line) in clean.split('\n').enumerate() {
            if i > 0 {
                broken.push('\n');
            }
            let (content, cr) = match line.strip_suffix('\r') {
                Some(c) => (c, "\r"),
                None => (line, ""),
            };
            if content.chars().any(is_arabic_letter) {
                broken.push_str(&self.damage_line(content, &mut rng, &mut glyph_codes));
            } else {
                broken.push_str(content);
            }
            broken.push_str(cr);
        }
        Damaged { broken, gold: clean.to_string() }
    }

    fn damage_line(&self, line: &str, rng: &mut Rng, codes: &mut HashMap<(char, PositionalForm), usize>) -> String {
        // 1. Where the paragraph number goes.
        let (number, body) = if self.paragraph_numbers { split_paragraph_number(line) } else { (None, line) };
        // 2. Word-level damage on logical text: stray spaces and glued words.
        let mut text: Vec<char> = body.chars().collect();
        if self.glued_words > 0.0 {
            text = glue_words(&text, self.glued_words, rng);
        }
        if self.stray_spaces > 0.0 {
            text = split_words(&text, self.stray_spaces, rng);
        }
        // 3. Kashida at joins.
        if self.kashida > 0.0 {
            text = insert_kashida(&text, self.kashida, rng);
        }
        // 4. Glyph-level damage: each letter is a glyph with a positional form.
        let mut units = glyphs(&text);
        for u in &mut units {
            if let Glyph::Letter { letter, .. } = u {
                if self.farsi_letters > 0.0 && matches!(*letter, 'ي' | 'ك') && rng.chance(self.farsi_letters) {
                    *letter = if *letter == 'ي' { '\u{06CC}' } else { '\u{06A9}' };
                }
            }
        }
        let rendered: Vec<String> = units.iter().map(|u| self.render(u, rng, codes)).collect();
        // 5. Order.
        let order_roll = rng.next_u64();
        let line_out =
            if self.visual_order > 0.0 && (order_roll >> 11) as f64 / (1u64 << 53) as f64 <= self.visual_order {
                visual_order(&rendered)
            } else if self.run_reversal > 0.0 && rng.chance(self.run_reversal) {
                reverse_runs(&units, &rendered, rng)
            } else {
                rendered.concat()
            };
        match number {
            Some(n) => format!("{line_out}   -{n}"),
            None => line_out,
        }
    }

    /// The text an extractor writes for one glyph.
    fn render(&self, g: &Glyph, rng: &mut Rng, codes: &mut HashMap<(char, PositionalForm), usize>) -> String {
        let Glyph::Letter { letter, form, marks, ligature } = g else {
            let Glyph::Other(s) = g else { unreachable!() };
            return s.clone();
        };
        let mut out = String::new();
        let unmapped = self.placeholders.as_ref().filter(|p| {
            (p.letters.is_empty() || p.letters.contains(letter) || (*letter == '\u{06CC}' && p.letters.contains(&'ي')))
                && (!p.joining_forms_only || matches!(form, PositionalForm::Initial | PositionalForm::Medial))
        });
        match unmapped {
            Some(p) if rng.chance(p.rate) => {
                // A lam-alef ligature is one glyph with a code of its own.
                let key = match ligature {
                    Some(alef) => lam_alef_ligature(*alef, *form),
                    None => *letter,
                };
                let next = codes.len();
                let code = *codes.entry((key, *form)).or_insert(next);
                match p.style {
                    PlaceholderStyle::Replacement => out.push('\u{FFFD}'),
                    PlaceholderStyle::PrivateUse => {
                        out.push(char::from_u32(0xE000 + code as u32).unwrap_or('\u{FFFD}'))
                    }
                    PlaceholderStyle::Cid => out.push_str(&format!("(cid:{})", 3 + code)),
                }
            }
            _ => match (self.presentation_forms, ligature) {
                (true, Some(alef)) => out.push(lam_alef_ligature(*alef, *form)),
                (false, Some(alef)) => {
                    out.push(*letter);
                    out.push(*alef);
                }
                (true, None) => out.push(shaped(*letter, *form)),
                (false, None) => out.push(*letter),
            },
        }
        out.push_str(marks);
        out
    }
}

/// One unit of a line: a letter glyph (with the marks on it, and the alef
/// of a lam-alef ligature) or anything else.
#[derive(Clone, Debug)]
enum Glyph {
    Letter { letter: char, form: PositionalForm, marks: String, ligature: Option<char> },
    Other(String),
}

impl Glyph {
    fn is_space(&self) -> bool {
        matches!(self, Glyph::Other(s) if s == " ")
    }
}

/// How a letter joins: both sides, only to the previous letter, or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joining {
    Dual,
    Right,
    None,
}

/// Joining types and shaped forms of the base letters, read off the
/// presentation-form table (a letter with a medial form joins both sides).
struct ShapingTable {
    joining: HashMap<char, Joining>,
    forms: HashMap<(char, PositionalForm), char>,
}

static SHAPING: LazyLock<ShapingTable> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    type Block<'a> = (u32, &'a [Option<(&'static str, PositionalForm)>]);
    let blocks: [Block; 2] = [(0xFB50, &PRESENTATION_FORMS_FB50[..]), (0xFE70, &PRESENTATION_FORMS_FE70[..])];
    for (base_cp, table) in blocks {
        for (i, entry) in table.iter().enumerate() {
            if let Some((base, form)) = entry {
                let mut chars = base.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    if is_arabic_letter(c) {
                        // The first entry wins: Presentation Forms-B holds the
                        // forms fonts for Arabic use.
                        let cp = char::from_u32(base_cp + i as u32).unwrap();
                        forms
                            .entry((c, *form))
                            .and_modify(|e| {
                                if base_cp == 0xFE70 {
                                    *e = cp
                                }
                            })
                            .or_insert(cp);
                    }
                }
            }
        }
    }
    let mut joining = HashMap::new();
    for &(c, form) in forms.keys() {
        let j = joining.entry(c).or_insert(Joining::None);
        match form {
            PositionalForm::Medial | PositionalForm::Initial => *j = Joining::Dual,
            PositionalForm::Final if *j == Joining::None => *j = Joining::Right,
            _ => {}
        }
    }
    // Alef maksura has medial forms only for Uighur; in Arabic it joins
    // to the right only.
    joining.insert('ى', Joining::Right);
    ShapingTable { joining, forms }
});

fn joining(c: char) -> Joining {
    if c == TATWEEL {
        return Joining::Dual;
    }
    SHAPING.joining.get(&c).copied().unwrap_or(Joining::None)
}

fn shaped(letter: char, form: PositionalForm) -> char {
    let f = &SHAPING.forms;
    f.get(&(letter, form))
        .or_else(|| match form {
            PositionalForm::Medial => f.get(&(letter, PositionalForm::Final)),
            PositionalForm::Initial => f.get(&(letter, PositionalForm::Isolated)),
            _ => None,
        })
        .or_else(|| f.get(&(letter, PositionalForm::Isolated)))
        .copied()
        .unwrap_or(letter)
}

fn lam_alef_ligature(alef: char, form: PositionalForm) -> char {
    let joined = matches!(form, PositionalForm::Final | PositionalForm::Medial);
    let isolated = match alef {
        'آ' => 0xFEF5,
        'أ' => 0xFEF7,
        'إ' => 0xFEF9,
        _ => 0xFEFB,
    };
    char::from_u32(isolated + u32::from(joined)).unwrap()
}

/// Splits a line into glyphs, with positional forms. Lam + alef is one
/// glyph when the text would be shaped with ligatures (always, in fonts for
/// Arabic) — the form then says whether the lam joins the letter before it.
fn glyphs(text: &[char]) -> Vec<Glyph> {
    let mut units: Vec<Glyph> = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if is_arabic_letter(c) || c == TATWEEL {
            let mut j = i + 1;
            let mut marks = String::new();
            while j < text.len() && is_arabic_mark(text[j]) {
                marks.push(text[j]);
                j += 1;
            }
            let mut ligature = None;
            if c == 'ل' && j < text.len() && matches!(text[j], 'ا' | 'أ' | 'إ' | 'آ') {
                ligature = Some(text[j]);
                j += 1;
                while j < text.len() && is_arabic_mark(text[j]) {
                    marks.push(text[j]);
                    j += 1;
                }
            }
            if c == TATWEEL {
                units.push(Glyph::Other(std::iter::once(c).chain(marks.chars()).collect()));
            } else {
                units.push(Glyph::Letter { letter: c, form: PositionalForm::Isolated, marks, ligature });
            }
            i = j;
        } else {
            units.push(Glyph::Other(c.to_string()));
            i += 1;
        }
    }
    // Positional forms from the neighbours' joining.
    let joins_next = |u: &Glyph| match u {
        Glyph::Letter { letter, ligature: None, .. } => joining(*letter) == Joining::Dual,
        Glyph::Other(s) => s.starts_with(TATWEEL),
        _ => false, // lam-alef ends with alef, which joins no further
    };
    let joins_prev = |u: &Glyph| match u {
        Glyph::Letter { letter, .. } => joining(*letter) != Joining::None,
        Glyph::Other(s) => s.starts_with(TATWEEL),
    };
    for k in 0..units.len() {
        let prev = k > 0 && joins_next(&units[k - 1]) && joins_prev(&units[k]);
        let next = k + 1 < units.len() && joins_next(&units[k]) && joins_prev(&units[k + 1]);
        if let Glyph::Letter { form, .. } = &mut units[k] {
            *form = match (prev, next) {
                (false, false) => PositionalForm::Isolated,
                (true, false) => PositionalForm::Final,
                (false, true) => PositionalForm::Initial,
                (true, true) => PositionalForm::Medial,
            };
        }
    }
    units
}

/// `12- text` or `(أ) text` → (`12`, `text`).
fn split_paragraph_number(line: &str) -> (Option<String>, &str) {
    let digits: String = line.chars().take_while(|c| c.is_numeric()).collect();
    if !digits.is_empty() {
        let rest = &line[digits.len()..];
        if let Some(body) = rest.strip_prefix("- ") {
            return (Some(digits), body);
        }
    }
    (None, line)
}

fn is_word_letter(c: char) -> bool {
    is_arabic_letter(c) || is_arabic_mark(c)
}

fn glue_words(text: &[char], rate: f64, rng: &mut Rng) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    for (i, &c) in text.iter().enumerate() {
        let between_words =
            c == ' ' && i > 0 && i + 1 < text.len() && is_word_letter(text[i - 1]) && is_arabic_letter(text[i + 1]);
        if between_words && rng.chance(rate) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Word spans: maximal runs of Arabic letters and marks.
fn word_spans(text: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if is_arabic_letter(text[i]) {
            let start = i;
            while i < text.len() && (is_word_letter(text[i]) || text[i] == TATWEEL) {
                i += 1;
            }
            spans.push((start, i));
        } else {
            i += 1;
        }
    }
    spans
}

/// Positions inside a word where a cut leaves letters on both sides.
fn inner_cuts(text: &[char], (start, end): (usize, usize)) -> Vec<usize> {
    (start + 1..end)
        .filter(|&k| is_arabic_letter(text[k]) && (is_arabic_letter(text[k - 1]) || is_arabic_mark(text[k - 1])))
        .collect()
}

fn split_words(text: &[char], rate: f64, rng: &mut Rng) -> Vec<char> {
    let mut cuts = Vec::new();
    for span in word_spans(text) {
        let inner = inner_cuts(text, span);
        if !inner.is_empty() && rng.chance(rate) {
            cuts.push(inner[rng.below(inner.len())]);
        }
    }
    insert_at(text, &cuts, &[' '])
}

fn insert_kashida(text: &[char], rate: f64, rng: &mut Rng) -> Vec<char> {
    let mut cuts = Vec::new();
    let mut lengths = Vec::new();
    for span in word_spans(text) {
        // A kashida goes after a letter that joins forward, never inside a
        // lam-alef ligature.
        let joins: Vec<usize> = inner_cuts(text, span)
            .into_iter()
            .filter(|&k| {
                let before = text[..k].iter().rev().find(|c| !is_arabic_mark(**c)).copied().unwrap_or(' ');
                let lam_alef = before == 'ل' && matches!(text[k], 'ا' | 'أ' | 'إ' | 'آ');
                joining(before) == Joining::Dual && joining(text[k]) != Joining::None && !lam_alef
            })
            .collect();
        if !joins.is_empty() && rng.chance(rate) {
            cuts.push(joins[rng.below(joins.len())]);
            lengths.push(1 + rng.below(8));
        }
    }
    let mut out = Vec::with_capacity(text.len() + cuts.len() * 4);
    let mut next = 0;
    for (i, &c) in text.iter().enumerate() {
        if next < cuts.len() && cuts[next] == i {
            out.extend(std::iter::repeat_n(TATWEEL, lengths[next]));
            next += 1;
        }
        out.push(c);
    }
    out
}

fn insert_at(text: &[char], positions: &[usize], what: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len() + positions.len() * what.len());
    let mut next = 0;
    for (i, &c) in text.iter().enumerate() {
        if next < positions.len() && positions[next] == i {
            out.extend_from_slice(what);
            next += 1;
        }
        out.push(c);
    }
    out
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

/// The line in visual order: the bidi algorithm's visual runs, each
/// right-to-left run reversed glyph by glyph (a glyph keeps its marks and a
/// lam-alef its order), brackets in right-to-left runs mirrored.
fn visual_order(rendered: &[String]) -> String {
    // Lay the rendered glyphs out as one string, remembering where each
    // glyph starts, and let the bidi algorithm find the runs.
    let mut text = String::new();
    let mut starts = Vec::with_capacity(rendered.len());
    for r in rendered.iter() {
        starts.push(text.len());
        text.push_str(r);
    }
    let bidi = BidiInfo::new(&text, Some(Level::rtl()));
    let Some(para) = bidi.paragraphs.first() else {
        return text;
    };
    let (levels, runs) = bidi.visual_runs(para, para.range.clone());
    let mut out = String::with_capacity(text.len());
    for run in runs {
        let glyph_range: Vec<usize> =
            (0..starts.len()).filter(|&g| starts[g] >= run.start && starts[g] < run.end).collect();
        if levels[run.start].is_rtl() {
            for &g in glyph_range.iter().rev() {
                for c in rendered[g].chars() {
                    out.push(mirror(c));
                }
            }
        } else {
            for &g in &glyph_range {
                out.push_str(&rendered[g]);
            }
        }
    }
    out
}

/// Where the left-to-right stretches of a line (digits and Latin letters,
/// with the separators between them: `٤/٤`, `WG.7`) start and end, inside
/// the line.
fn left_to_right_edges(units: &[Glyph]) -> Vec<usize> {
    let ltr = |g: &Glyph| matches!(g, Glyph::Other(s) if s.chars().all(|c| c.is_ascii_alphanumeric() || crate::script::is_arabic_digit(c)));
    let separator =
        |g: &Glyph| matches!(g, Glyph::Other(s) if matches!(s.as_str(), "/" | "." | "," | ":" | "-" | "٫" | "٬"));
    let n = units.len();
    let mut edges = Vec::new();
    let mut p = 0;
    while p < n {
        if !ltr(&units[p]) {
            p += 1;
            continue;
        }
        let start = p;
        let mut end = p + 1;
        loop {
            if end < n && ltr(&units[end]) {
                end += 1;
            } else if end + 1 < n && separator(&units[end]) && ltr(&units[end + 1]) {
                end += 2;
            } else {
                break;
            }
        }
        edges.extend([start, end].into_iter().filter(|&e| e > 0 && e < n));
        p = end;
    }
    edges
}

/// The line cut into runs (at spaces, inside words: in a kashida where the
/// word has one, and around numbers and Latin words), the runs written in
/// reverse order, each run as it was. Runs are separated by one space,
/// sometimes two, sometimes none.
fn reverse_runs(units: &[Glyph], rendered: &[String], rng: &mut Rng) -> String {
    let n = units.len();
    if n < 4 {
        return rendered.concat();
    }
    let runs_wanted = 2 + rng.below(6.min(n / 3).max(1));
    // Candidate cut positions: before a glyph.
    let mut cuts: Vec<usize> = Vec::new();
    for _ in 0..runs_wanted - 1 {
        let mut k = 1 + rng.below(n - 1);
        // Prefer spaces: move to a nearby space two times out of three.
        if rng.below(3) < 2 {
            if let Some(s) = (k..n).chain((1..k).rev()).find(|&p| units[p].is_space()) {
                k = s;
            }
        }
        cuts.push(k);
    }
    // A number or a Latin word is a run of its own: the bidi algorithm
    // lays it out left to right inside the right-to-left line, so it is
    // emitted apart (`٢٠١٨تموز/يوليه  ٣و ٢يومي`).
    cuts.extend(left_to_right_edges(units));
    cuts.sort_unstable();
    cuts.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut start = 0;
    for &cut in cuts.iter().chain(std::iter::once(&n)) {
        let mut s: String = rendered[start..cut].concat();
        // A cut at a space consumes it.
        if s.ends_with(' ') {
            s.pop();
        }
        let s = s.strip_prefix(' ').map(str::to_string).unwrap_or(s);
        if !s.is_empty() {
            runs.push(s);
        }
        start = cut;
    }
    let mut out = String::new();
    for (i, run) in runs.iter().rev().enumerate() {
        if i > 0 {
            match rng.below(20) {
                0 => {}
                1 | 2 => out.push_str("  "),
                _ => out.push(' '),
            }
        }
        out.push_str(run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shaping_forms() {
        let g = glyphs(&"بيت".chars().collect::<Vec<_>>());
        let forms: Vec<PositionalForm> =
            g.iter().filter_map(|u| if let Glyph::Letter { form, .. } = u { Some(*form) } else { None }).collect();
        assert_eq!(forms, [PositionalForm::Initial, PositionalForm::Medial, PositionalForm::Final]);
        let g = glyphs(&"دار".chars().collect::<Vec<_>>());
        let forms: Vec<PositionalForm> =
            g.iter().filter_map(|u| if let Glyph::Letter { form, .. } = u { Some(*form) } else { None }).collect();
        assert_eq!(forms, [PositionalForm::Isolated, PositionalForm::Isolated, PositionalForm::Isolated]);
    }

    #[test]
    fn presentation_forms_round_trip_through_the_repair() {
        let clean = "أقرَّ مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\n";
        let d = Damage::new(5).presentation_forms(true).apply(clean);
        assert_ne!(d.broken, clean);
        assert_eq!(crate::repair(&d.broken), clean);
    }

    #[test]
    fn consistent_codes_per_glyph() {
        let d = Damage::new(1).placeholders(PlaceholderStyle::PrivateUse, "", false, 1.0).apply("بيت بيت\n");
        let words: Vec<&str> = d.broken.trim_end().split(' ').collect();
        assert_eq!(words[0], words[1]);
        assert!(words[0].chars().all(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)));
        assert_eq!(words[0].chars().count(), 3);
    }

    #[test]
    fn visual_order_keeps_marks_and_lam_alef() {
        let d = Damage::new(1).visual_order(1.0).apply("السلامُ عليكم\n");
        assert_eq!(d.broken, "مكيلع مُلاسلا\n");
    }
}
