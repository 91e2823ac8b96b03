//! The embedded Arabic lexicon: words with their frequencies.
//!
//! The word list is derived from the Arabic list of the `wordfreq` package
//! (CC BY-SA 4.0, see `data/README.md` and `NOTICE`): 583,550 words written
//! only with Arabic letters, each with its frequency in centibels. It is
//! stored as an [`fst::Map`] over a one-byte letter alphabet and embedded
//! in the binary (`data/lexicon.fst`), loaded on first use without copying.
//! `scripts/make_lexicon.sh` regenerates it; the build never does.
//!
//! # Lookup normalization
//!
//! Every lookup, and the generator, go through [`normalize`]: combining marks
//! and tatweel are removed, presentation forms become base letters, Farsi
//! yeh and keheh become Arabic yeh and kaf, and the result is in NFC. Hamza
//! and alef forms, alef maksura and teh marbuta are **not** folded: they are
//! letters a placeholder can stand for, and the list keeps them apart.
//!
//! ```
//! use arabic_repair::lexicon::{normalize, Lexicon, Slot};
//!
//! let lexicon = Lexicon::embedded();
//! assert_eq!(normalize("المهاجرـــین"), "المهاجرين");
//! assert!(lexicon.zipf("المهاجرين").unwrap() > 3.0);
//! // A word with unknown letters, each from a set.
//! let found = lexicon.matches(&[Slot::Letter('ك'), Slot::OneOf(vec!['ب', 'ي', 'ا']), Slot::Letter('ن')]);
//! assert!(found.iter().any(|(w, _)| w == "كان"));
//! // A word known through its clitics.
//! let analysis = lexicon.analyze("وبالمهاجرين").unwrap();
//! assert!(analysis.stem.ends_with("مهاجرين"));
//! ```

use std::sync::LazyLock;

use fst::{Automaton, IntoStreamer, Streamer};
use unicode_normalization::UnicodeNormalization;

use crate::script::{is_arabic_mark, presentation_form, TATWEEL};

/// The letters of the key alphabet; a key byte is the letter's index + 1.
/// The order is code-point order, so keys sort as the words do.
#[rustfmt::skip]
const ALPHABET: [char; 42] = [
    'ء', 'آ', 'أ', 'ؤ', 'إ', 'ئ', 'ا', 'ب', 'ة', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص',
    'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ى', 'ي', 'ٱ', 'پ', 'چ', 'ژ', 'ڤ', 'گ',
];

/// The key byte of a letter of the alphabet.
pub(crate) fn letter_byte(c: char) -> Option<u8> {
    let offset = (c as u32).checked_sub(FIRST_LETTER as u32)?;
    match LETTER_BYTES.get(offset as usize) {
        Some(&b) if b != 0 => Some(b),
        _ => None,
    }
}

/// The first letter of the alphabet; `LETTER_BYTES` starts there.
const FIRST_LETTER: char = ALPHABET[0];

/// Key bytes by code point from `FIRST_LETTER` (0: not a letter of the
/// alphabet): a table, since every lookup of the search encodes its word.
static LETTER_BYTES: [u8; 0x06B0 - 0x0621] = {
    let mut table = [0u8; 0x06B0 - 0x0621];
    let mut i = 0;
    while i < ALPHABET.len() {
        table[ALPHABET[i] as usize - FIRST_LETTER as usize] = i as u8 + 1;
        i += 1;
    }
    table
};

/// The letter of a key byte (U+FFFD for a byte that is none).
pub(crate) fn byte_letter(b: u8) -> char {
    ALPHABET.get(usize::from(b.wrapping_sub(1))).copied().unwrap_or('\u{FFFD}')
}

/// The lookup normalization (see the module documentation): marks and
/// tatweel removed, presentation forms to base letters, Farsi yeh and keheh
/// to Arabic yeh and kaf, NFC. Characters that are not Arabic letters are
/// kept, so a word holding one is simply not found.
///
/// ```
/// use arabic_repair::lexicon::normalize;
/// assert_eq!(normalize("ﺍﻟﻌﻀـــﻮﻳّﺔ"), "العضوية");
/// assert_eq!(normalize("الذین"), "الذين");
/// assert_eq!(normalize("إلى"), "إلى");
/// ```
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for_each_folded(word, |c| out.push(c));
    out
}

/// The characters of [`normalize`]`(word)`, one by one, without building
/// the string (the reading-order search folds millions of words).
pub(crate) fn for_each_folded(word: &str, mut f: impl FnMut(char)) {
    let mut fold = |c: char| match presentation_form(c) {
        Some((base, _)) => base.chars().for_each(|b| push_folded(b, &mut f)),
        None => push_folded(c, &mut f),
    };
    if nfc_changes_only_marks(word) {
        word.chars().for_each(&mut fold);
    } else {
        word.nfc().for_each(&mut fold);
    }
}

/// The letters and placeholders of [`normalize`]`(word)`, its punctuation,
/// digits and other characters dropped: how a label or a word of a pair is
/// keyed.
pub(crate) fn folded_letters(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for_each_folded(word, |c| {
        if crate::script::is_arabic_letter(c) || c == '\u{FFFD}' {
            out.push(c);
        }
    });
    out
}

/// Whether NFC would change nothing in `word` but the order of marks that
/// the folding removes anyway, decided from its code points alone: ASCII,
/// the Arabic block, the Arabic presentation forms (whose decompositions are
/// compatibility ones, which NFC leaves) and U+FFFD are stable one by one,
/// and in them only the hamza and madda marks U+0653..U+0655 compose with a
/// letter before them (`ا` + U+0654 is `أ`). The test
/// `folding_skips_nfc_only_where_it_changes_nothing` checks the claim
/// against the Unicode data of `unicode-normalization`.
pub(crate) fn nfc_changes_only_marks(word: &str) -> bool {
    word.chars().all(|c| {
        c.is_ascii()
            || matches!(c, '\u{0600}'..='\u{0652}' | '\u{0656}'..='\u{06FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{FFFD}')
    })
}

fn push_folded(c: char, out: &mut impl FnMut(char)) {
    match c {
        TATWEEL => {}
        '\u{06CC}' => out('ي'),
        '\u{06A9}' => out('ك'),
        c if is_arabic_mark(c) => {}
        c => out(c),
    }
}

/// The key of a normalized word, or `None` if it holds a character outside
/// the alphabet.
pub(crate) fn key_of_normalized(word: &str) -> Option<Vec<u8>> {
    word.chars().map(letter_byte).collect()
}

/// `key.starts_with(prefix)` for the short keys of clitics, without a call
/// to `memcmp` (the analysis tests dozens of clitics per lookup).
#[inline]
fn starts_with(key: &[u8], prefix: &[u8]) -> bool {
    key.len() >= prefix.len() && key.iter().zip(prefix).all(|(a, b)| a == b)
}

/// `key.ends_with(suffix)`, as [`starts_with`].
#[inline]
fn ends_with(key: &[u8], suffix: &[u8]) -> bool {
    key.len() >= suffix.len() && key.iter().rev().zip(suffix.iter().rev()).all(|(a, b)| a == b)
}

/// Enclitics a key can end with at most (the empty one, and suffixes of
/// one another: `ه`, `ها`, `تها` ...).
const MAX_CLITICS: usize = 16;

/// A clitic as a key, with its cost.
struct CliticKey {
    key: Vec<u8>,
    cost: f32,
    /// The article (`ال`, `لل` after a proclitic): takes no pronoun suffix.
    is_article: bool,
}

/// The clitics encoded once, each list led by the empty clitic.
struct CliticKeys {
    proclitics: Vec<CliticKey>,
    enclitics: Vec<CliticKey>,
    /// `ل` and `ال`, as keys.
    lam: Vec<u8>,
    article: Vec<u8>,
    /// `ي` and `ا`, as keys.
    yeh: Vec<u8>,
    alef: Vec<u8>,
}

static CLITIC_KEYS: LazyLock<CliticKeys> = LazyLock::new(|| {
    let encode = |list: &[(&str, f32)]| -> Vec<CliticKey> {
        std::iter::once(&("", 0.0))
            .chain(list)
            .filter_map(|&(text, cost)| {
                Some(CliticKey {
                    key: key_of_normalized(text)?,
                    cost,
                    is_article: text.ends_with("ال") || text.ends_with("لل"),
                })
            })
            .collect()
    };
    CliticKeys {
        proclitics: encode(PROCLITICS),
        enclitics: encode(ENCLITICS),
        lam: key_of_normalized("ل").unwrap_or_default(),
        article: key_of_normalized("ال").unwrap_or_default(),
        yeh: key_of_normalized("ي").unwrap_or_default(),
        alef: key_of_normalized("ا").unwrap_or_default(),
    }
});

/// The key of any word: [`normalize`], then encode.
pub fn key(word: &str) -> Option<Vec<u8>> {
    key_of_normalized(&normalize(word))
}

/// One position of a [`Lexicon::matches`] pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// This letter.
    Letter(char),
    /// Any one of these letters.
    OneOf(Vec<char>),
}

/// A word read as proclitics + stem + enclitics.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Conjunction, preposition and article before the stem (`وبال`), or empty.
    pub proclitic: String,
    /// The word found in the lexicon.
    pub stem: String,
    /// Pronoun after the stem (`ها`), or empty.
    pub enclitic: String,
    /// Zipf frequency of the word if the list holds it; else estimated: the
    /// stem's, lowered by the measured cost of each clitic.
    pub zipf: f32,
}

/// The proclitic sequences tried, longest first: conjunction (و ف), then
/// preposition (ب ك ل), then the article (`ل` + `ال` is written `لل`), each
/// with how much less frequent (in Zipf units) a word with it is than the
/// bare stem, measured on the wordfreq list by `scripts/measure_clitics.py`
/// (rounded; rare combinations measured noisily are set to the sum of their
/// parts).
#[rustfmt::skip]
const PROCLITICS: &[(&str, f32)] = &[
    ("وبال", 2.4), ("فبال", 2.8), ("وكال", 3.4), ("فكال", 4.0), ("ولل", 3.2), ("فلل", 3.7),
    ("بال", 1.7), ("كال", 3.0), ("وال", 1.6), ("فال", 2.9), ("لل", 1.6),
    ("وب", 2.2), ("فب", 2.5), ("وك", 2.0), ("فك", 2.4), ("ول", 2.0), ("فل", 2.6),
    ("ال", 0.4), ("و", 1.15), ("ف", 1.6), ("ب", 1.2), ("ك", 1.4), ("ل", 1.2),
];

/// Pronoun suffixes tried, longest first, with their cost measured the same
/// way.
#[rustfmt::skip]
const ENCLITICS: &[(&str, f32)] = &[
    ("هما", 2.7), ("كما", 3.8), ("ها", 1.5), ("هم", 1.8), ("هن", 3.0), ("كم", 2.2), ("كن", 2.5),
    ("نا", 1.8), ("ني", 1.6), ("ه", 1.2), ("ك", 1.4), ("ي", 1.0),
];

/// The Zipf frequency of the rarest words of the list (wordfreq stops at one
/// occurrence per 100 million words).
const LIST_FLOOR_ZIPF: f32 = 1.0;

/// The embedded lexicon; see the module documentation.
pub struct Lexicon {
    map: fst::Map<&'static [u8]>,
}

static EMBEDDED: &[u8] = include_bytes!("../data/lexicon.fst");

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon { map: fst::Map::new(EMBEDDED).expect("data/lexicon.fst is a valid fst map") });

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("words", &self.map.len()).finish()
    }
}

/// Zipf frequency (log10 of occurrences per billion words) from a stored
/// value (centibels + 900).
fn zipf_of_value(v: u64) -> f32 {
    v as f32 / 100.0
}

impl Lexicon {
    /// The lexicon embedded in the crate, loaded on first use.
    ///
    /// ```
    /// assert!(arabic_repair::lexicon::Lexicon::embedded().len() > 500_000);
    /// ```
    pub fn embedded() -> &'static Lexicon {
        &LEXICON
    }

    /// Number of words.
    ///
    /// ```
    /// assert!(!arabic_repair::lexicon::Lexicon::embedded().is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the lexicon has no word (never true of the embedded one).
    ///
    /// ```
    /// assert!(!arabic_repair::lexicon::Lexicon::embedded().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The Zipf frequency of `word` (log10 of its occurrences per billion
    /// words: 7 for `في`, 1 for the rarest words), after [`normalize`].
    ///
    /// ```
    /// use arabic_repair::lexicon::Lexicon;
    /// let lexicon = Lexicon::embedded();
    /// assert!(lexicon.zipf("في").unwrap() > 7.0);
    /// assert_eq!(lexicon.zipf("ققققق"), None);
    /// ```
    pub fn zipf(&self, word: &str) -> Option<f32> {
        self.zipf_of_key(&key(word)?)
    }

    pub(crate) fn zipf_of_key(&self, key: &[u8]) -> Option<f32> {
        self.map.get(key).map(zipf_of_value)
    }

    /// Whether `word` is in the lexicon (after [`normalize`]).
    ///
    /// ```
    /// assert!(arabic_repair::lexicon::Lexicon::embedded().contains("الجريمة"));
    /// ```
    pub fn contains(&self, word: &str) -> bool {
        self.zipf(word).is_some()
    }

    /// The words that match a pattern, with their Zipf frequencies, most
    /// frequent first.
    ///
    /// ```
    /// use arabic_repair::lexicon::{Lexicon, Slot};
    /// let tooth = vec!['ب', 'ت', 'ث', 'ن', 'ي'];
    /// let found = Lexicon::embedded().matches(&[
    ///     Slot::Letter('ت'), Slot::Letter('ه'), Slot::Letter('ر'), Slot::OneOf(tooth), Slot::Letter('ب'),
    /// ]);
    /// assert_eq!(found[0].0, "تهريب");
    /// ```
    pub fn matches(&self, pattern: &[Slot]) -> Vec<(String, f32)> {
        let sets: Vec<u64> = pattern
            .iter()
            .map(|slot| match slot {
                Slot::Letter(c) => letter_byte(*c).map_or(0, |b| 1u64 << b),
                Slot::OneOf(cs) => cs.iter().filter_map(|c| letter_byte(*c)).fold(0, |m, b| m | 1u64 << b),
            })
            .collect();
        let mut out = Vec::new();
        let mut stream = self.map.search(PatternAutomaton { sets: &sets }).into_stream();
        while let Some((k, v)) = stream.next() {
            out.push((k.iter().map(|&b| byte_letter(b)).collect(), zipf_of_value(v)));
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out
    }

    /// The reading of `word`: as it is if the lexicon holds it, else the best
    /// reading as proclitics + stem + enclitic, with its estimated
    /// frequency; `None` if no reading finds a stem in the lexicon.
    ///
    /// ```
    /// use arabic_repair::lexicon::Lexicon;
    /// let lexicon = Lexicon::embedded();
    /// let a = lexicon.analyze("في").unwrap();
    /// assert_eq!((a.proclitic.as_str(), a.stem.as_str(), a.enclitic.as_str()), ("", "في", ""));
    /// // A form the list does not hold, read through its clitics.
    /// let a = lexicon.analyze("فبمدرستهم").unwrap();
    /// assert_eq!((a.proclitic.as_str(), a.stem.as_str(), a.enclitic.as_str()), ("فب", "مدرسة", "هم"));
    /// ```
    pub fn analyze(&self, word: &str) -> Option<Analysis> {
        let word = normalize(word);
        let key = key_of_normalized(&word)?;
        self.analyze_key(&key).map(|(p, s, e, zipf)| {
            let text = |bytes: &[u8]| bytes.iter().map(|&b| byte_letter(b)).collect::<String>();
            let stem = if s.is_empty() { text(&key[p..key.len() - e]) } else { text(&s) };
            Analysis { proclitic: text(&key[..p]), stem, enclitic: text(&key[key.len() - e..]), zipf }
        })
    }

    /// The best analysis of a key: (proclitic length, stem if it is not the
    /// middle of the key as it stands, enclitic length, zipf).
    fn analyze_key(&self, key: &[u8]) -> Option<(usize, Vec<u8>, usize, f32)> {
        if !is_well_formed(key) {
            return None;
        }
        // A word the list holds is judged by its own frequency.
        if let Some(z) = self.zipf_of_key(key) {
            return Some((0, Vec::new(), 0, z));
        }
        let mut best: Option<(usize, Vec<u8>, usize, f32)> = None;
        let clitics = &*CLITIC_KEYS;
        // The clitics the key starts and ends with, found once (a handful of
        // the dozens listed).
        let mut enclitics = [None; MAX_CLITICS];
        let mut n_enclitics = 0;
        for enc in &clitics.enclitics {
            if ends_with(key, &enc.key) && n_enclitics < MAX_CLITICS {
                enclitics[n_enclitics] = Some(enc);
                n_enclitics += 1;
            }
        }
        for pro in clitics.proclitics.iter().filter(|p| starts_with(key, &p.key)) {
            for enc in enclitics[..n_enclitics].iter().flatten() {
                if pro.key.is_empty() && enc.key.is_empty() {
                    continue;
                }
                // The article takes no pronoun suffix.
                if pro.is_article && !enc.key.is_empty() {
                    continue;
                }
                if key.len() < pro.key.len() + enc.key.len() + 2 {
                    continue;
                }
                let stem = &key[pro.key.len()..key.len() - enc.key.len()];
                // The pronoun `ي` after a stem ending in alef is all but
                // unwritten (particles take none: `كماي` is no `كما` + ي).
                if enc.key == clitics.yeh && stem.last() == clitics.alef.first() {
                    continue;
                }
                // The preposition ل before the article is written لل (the
                // article's alef drops): `لالتجار` is no ل + `التجار`.
                if ends_with(&pro.key, &clitics.lam) && starts_with(stem, &clitics.article) {
                    continue;
                }
                let penalty = pro.cost + enc.cost;
                let mut consider = |stem_key: &[u8], rewritten: bool| {
                    if let Some(z) = self.zipf_of_key(stem_key) {
                        let z = z - penalty;
                        if best.as_ref().is_none_or(|b| z > b.3) {
                            let stem = if rewritten { stem_key.to_vec() } else { Vec::new() };
                            best = Some((pro.key.len(), stem, enc.key.len(), z));
                        }
                    }
                };
                consider(stem, false);
                // Before a pronoun, teh marbuta is written teh (مدرستها) and
                // alef maksura yeh (عليه).
                if !enc.key.is_empty() {
                    for (written, base) in [('ت', 'ة'), ('ي', 'ى')] {
                        if stem.last() == letter_byte(written).as_ref() {
                            let mut s = stem.to_vec();
                            *s.last_mut().unwrap() = letter_byte(base).unwrap();
                            consider(&s, true);
                        }
                    }
                }
            }
        }
        best
    }

    /// The Zipf frequency of a key as it is or through its clitics.
    pub(crate) fn zipf_with_clitics(&self, key: &[u8]) -> Option<f32> {
        self.analyze_key(key).map(|a| a.3)
    }

    /// As `zipf_with_clitics`, but a word the list lacks is no more frequent
    /// than its rarest word (`LIST_FLOOR_ZIPF`): the list holds every word of
    /// its corpus down to that frequency, so a form it lacks is rarer,
    /// whatever its stem and clitics suggest (`ك` + `يعلق`, `قضائي` + `كن`).
    pub(crate) fn zipf_listed_or_below(&self, key: &[u8]) -> Option<f32> {
        self.analyze_key(key).map(|(p, _, e, z)| if p == 0 && e == 0 { z } else { z.min(LIST_FLOOR_ZIPF) })
    }

    /// Every word of the lexicon with its Zipf frequency, in key order.
    pub(crate) fn for_each(&self, mut f: impl FnMut(&[u8], f32)) {
        let mut stream = self.map.stream();
        while let Some((k, v)) = stream.next() {
            f(k, zipf_of_value(v));
        }
    }
}

/// Whether a key is spelled as Arabic can be: alef maksura and teh marbuta
/// only end a word (before a suffix they are written yeh and teh). Guards
/// the clitic analysis against readings like `على` + `ه` for `علىه`.
fn is_well_formed(key: &[u8]) -> bool {
    let (Some(maksura), Some(marbuta)) = (letter_byte('ى'), letter_byte('ة')) else { return true };
    match key.split_last() {
        Some((_, body)) => !body.iter().any(|&b| b == maksura || b == marbuta),
        None => true,
    }
}

/// Matches keys of exactly the pattern's length whose byte at each position
/// is in that position's set.
struct PatternAutomaton<'p> {
    sets: &'p [u64],
}

impl Automaton for PatternAutomaton<'_> {
    /// Position in the pattern, or `None` once the key left it.
    type State = Option<usize>;

    fn start(&self) -> Option<usize> {
        Some(0)
    }

    fn is_match(&self, state: &Option<usize>) -> bool {
        *state == Some(self.sets.len())
    }

    fn can_match(&self, state: &Option<usize>) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Option<usize>, byte: u8) -> Option<usize> {
        let pos = (*state)?;
        let set = *self.sets.get(pos)?;
        (byte < 64 && set & (1u64 << byte) != 0).then_some(pos + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The claim of `nfc_changes_only_marks`: every code point it lets
    /// through is NFC-stable, every one with a combining class other than
    /// zero is a mark the folding removes (so NFC's reordering of marks
    /// changes nothing folded), and no pair of them composes unless the
    /// second is one of U+0653..U+0655, which it does not let through.
    #[test]
    fn folding_skips_nfc_only_where_it_changes_nothing() {
        use unicode_normalization::char::canonical_combining_class;
        let stable: Vec<char> = (0u32..0x80)
            .chain(0x0600..0x0700)
            .chain(0xFB50..0xFE00)
            .chain(0xFE70..0xFF00)
            .chain([0xFFFD])
            .filter_map(char::from_u32)
            .filter(|&c| nfc_changes_only_marks(&c.to_string()))
            .collect();
        assert!(!nfc_changes_only_marks("\u{0627}\u{0654}"));
        for &c in &stable {
            assert_eq!(c.to_string().nfc().collect::<String>(), c.to_string(), "{:04X}", c as u32);
            assert!(canonical_combining_class(c) == 0 || is_arabic_mark(c), "{:04X}", c as u32);
        }
        for &a in stable.iter().filter(|&&c| canonical_combining_class(c) == 0) {
            for &b in &stable {
                let pair: String = [a, b].into_iter().collect();
                assert_eq!(pair.nfc().collect::<String>(), pair, "{:04X} {:04X}", a as u32, b as u32);
            }
        }
        // And the folding is the same either way: on words, and on random
        // strings of letters, marks (the composing ones too), presentation
        // forms, tatweel, placeholders, Latin with its combining accents.
        let always_nfc = |word: &str| {
            let mut folded = String::new();
            word.nfc().for_each(|c| match presentation_form(c) {
                Some((base, _)) => base.chars().for_each(|b| push_folded(b, &mut |x| folded.push(x))),
                None => push_folded(c, &mut |x| folded.push(x)),
            });
            folded
        };
        for word in ["المهاجرـــین", "ﺍﻟﻌﻀـــﻮﻳّﺔ", "أقرَّ", "ٱلْحَمْدُ", "الموقِّعة", "المهاجر\u{FFFD}ن"]
        {
            assert_eq!(normalize(word), always_nfc(word));
        }
        let pool: Vec<char> = "اأإآءؤئبتةيىوهكلمن ـ\u{064B}\u{064E}\u{0650}\u{0651}\u{0652}\u{0653}\u{0654}\u{0655}\u{0670}\u{FFFD}\u{FEFB}\u{FE8D}\u{FB8E}\u{06CC}\u{06C1}\u{06D2}\u{06D5}e\u{0301}\u{0327}A1."
            .chars()
            .collect();
        let mut rng = crate::rng::Rng::new(7);
        for _ in 0..20_000 {
            let len = 1 + rng.below(8);
            let word: String = (0..len).map(|_| pool[rng.below(pool.len())]).collect();
            assert_eq!(normalize(&word), always_nfc(&word), "{word:?}");
        }
        assert_eq!(normalize("\u{0627}\u{0654}\u{064E}"), "أ");
    }

    #[test]
    fn alphabet_is_sorted_so_keys_sort_like_words() {
        assert!(ALPHABET.windows(2).all(|w| w[0] < w[1]));
        assert!(ALPHABET.len() < 63, "key bytes must fit a u64 bit set");
    }

    #[test]
    fn clitic_analysis() {
        let lexicon = Lexicon::embedded();
        // The preposition ل before the article is written لل: `لالتجار` is
        // not ل + `التجار`.
        assert!(lexicon.analyze("لالتجار").is_none_or(|a| a.stem != "التجار"));
        // Either reading is fine; the stem carries the word.
        let a = lexicon.analyze("وللمهاجرين").unwrap();
        assert!(a.stem.ends_with("مهاجرين") && a.proclitic.starts_with('و'), "{a:?}");
        assert!(lexicon.analyze("فبمدرستهم").is_none_or(|a| a.stem == "مدرسة"));
        assert!(lexicon.analyze("ققققق").is_none());
        // No pronoun `ي` after a stem ending in alef (`كماي` is no `كما` +
        // ي); after other stems it stays (`وبتقريري`).
        assert!(lexicon.analyze("كماي").is_none_or(|a| a.stem != "كما"));
        assert!(lexicon.analyze("وبتقريري").is_some_and(|a| a.stem == "تقرير" && a.enclitic == "ي"));
    }

    #[test]
    fn a_word_the_list_lacks_is_rarer_than_its_floor() {
        let lexicon = Lexicon::embedded();
        let k = |w: &str| key(w).unwrap();
        // `قضائي` + `كن`: estimated above the floor, capped at it.
        assert!(lexicon.zipf_with_clitics(&k("قضائيكن")).unwrap() > LIST_FLOOR_ZIPF);
        assert_eq!(lexicon.zipf_listed_or_below(&k("قضائيكن")), Some(LIST_FLOOR_ZIPF));
        // A listed word keeps its frequency, rare or not.
        for w in ["قضائيين", "البند"] {
            assert_eq!(lexicon.zipf_listed_or_below(&k(w)), lexicon.zipf_of_key(&k(w)));
        }
    }

    #[test]
    fn frequencies_are_ordered_sensibly() {
        let lexicon = Lexicon::embedded();
        assert!(lexicon.zipf("كان").unwrap() > lexicon.zipf("بان").unwrap());
        assert!(lexicon.zipf("الجريمة").unwrap() > lexicon.zipf("الجر").unwrap_or(0.0));
    }
}
