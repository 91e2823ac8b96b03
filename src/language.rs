//! Telling Arabic paragraphs from Persian, Urdu and other Arabic-script
//! languages, so that the letters and joiners those languages need are left
//! alone.
//!
//! The unit of detection is the paragraph: the lines between two blank
//! lines (see `pipeline`). One line is too little evidence (a line of a
//! Persian text may hold no letter that Arabic lacks), a whole document too
//! much (an Arabic report may quote a Persian paragraph). A paragraph
//! without any evidence (a heading, a name) takes the language of the
//! document. One line is enough to spare a line, though: a line of an
//! Arabic paragraph whose own evidence says another language (a Persian
//! verse quoted without a blank line around it) keeps its letters
//! (`pipeline::line_languages`).
//!
//! Evidence for another language: letters Arabic does not use (پ چ ژ گ ۀ and
//! the Urdu letters ٹ ڈ ڑ ں ھ ہ ے), ZWNJ, the ezafe typed as heh and
//! hamza above (`خانهٔ`), and frequent Persian and Urdu words. Evidence for
//! Arabic: ة, the article ال and frequent Arabic function words, counted
//! also in the spellings that Farsi-yeh damage gives them (`فی`, `الذی`). Digits are not evidence: the digit stage may convert
//! them, and the decision must not change when the text is repaired again
//! (idempotence).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use crate::script::{
    is_arabic_letter, is_arabic_mark, is_bidi_control, is_zero_width, presentation_form, REPLACEMENT, TATWEEL, ZWNJ,
};

/// The language of a paragraph, as far as the letter repairs care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Language {
    /// Clearly Arabic: Farsi letters in it are damage.
    Arabic,
    /// Persian, Urdu or another language that needs its own letters.
    Other,
    /// Too little evidence either way: leave the letters alone.
    Unknown,
}

/// Letters of the Arabic script that Arabic itself does not use; their
/// presence marks Persian, Urdu, Pashto, Kurdish, Malay in Jawi, Sindhi,
/// Uyghur and the like (Unicode's names of U+0600..U+06FF and U+0750..U+077F
/// say which language each is for). Farsi yeh and keheh are not here: they
/// are the damage being repaired; nor are the letters Arabic writes foreign
/// sounds and Maghrebi spelling with (ڤ ڨ ڭ ڢ ڧ).
fn is_other_language_letter(c: char) -> bool {
    matches!(
        c,
        '\u{067E}' // peh
        | '\u{0686}' // tcheh
        | '\u{0698}' // jeh
        | '\u{06AF}' // gaf
        | '\u{06C0}' // heh with yeh above
        | '\u{0679}' | '\u{0688}' | '\u{0691}' // tteh, ddal, rreh
        | '\u{06BA}' | '\u{06BE}' | '\u{06C1}' | '\u{06C2}' | '\u{06C3}' // noon ghunna, heh doachashmee, heh goal
        | '\u{06D2}' | '\u{06D3}' // yeh barree
        | '\u{0695}' | '\u{06B5}' | '\u{06C6}' | '\u{06CE}' | '\u{06D5}' // Kurdish
        | '\u{067C}' | '\u{0681}' | '\u{0685}' | '\u{0689}' | '\u{0693}' | '\u{0696}' | '\u{069A}' | '\u{06BC}' | '\u{06CD}' | '\u{06D0}' // Pashto
        | '\u{06A0}' | '\u{06BD}' | '\u{0762}' | '\u{06CF}' // Jawi (Malay): nga, nya, ga, va
        | '\u{067A}' | '\u{067B}' | '\u{067D}' | '\u{067F}' | '\u{0680}' | '\u{0683}' | '\u{0684}' | '\u{0687}' // Sindhi
        | '\u{068A}' | '\u{068C}' | '\u{068D}' | '\u{068F}' | '\u{0699}' | '\u{06A6}' | '\u{06B1}' | '\u{06B3}' | '\u{06BB}' // Sindhi
        | '\u{06C5}' | '\u{06C7}' | '\u{06C8}' | '\u{06C9}' | '\u{06CB}' // Uyghur, Kazakh, Kyrgyz
    )
}

/// Frequent words of Persian and Urdu that are not Arabic words, in the
/// spellings of those languages (with Farsi yeh and keheh).
#[rustfmt::skip]
const OTHER_LANGUAGE_WORDS: &[&str] = &[
    // Persian
    "است", "این", "آن", "را", "که", "برای", "از", "یک", "شده", "شد", "کرد", "کند", "بود", "باشد", "خود",
    "می", "نمی", "های", "هایی", "تا", "نیز", "وی", "اند", "هستند", "دارد", "البته", "خیلی", "ولی", "اگر",
    "همه", "باید", "نیست", "هست", "شود", "کنند", "حتی", "روی", "زیر", "دیگر", "بسیار", "میان",
    // Urdu
    "کے", "کی", "ہے", "میں", "اور", "سے", "کو", "نے", "ہیں", "کا", "یہ", "وہ",
];

/// Frequent Arabic function words, with the spellings that Farsi-yeh and
/// keheh damage produce.
#[rustfmt::skip]
const ARABIC_WORDS: &[&str] = &[
    "في", "فی", "على", "إلى", "إلی", "التي", "التی", "الذي", "الذی", "الذين", "الذین", "هذا", "هذه", "ذلك",
    "ذلک", "تلك", "تلک", "عن", "أن", "إن", "قد", "كان", "کان", "كانت", "کانت", "لم", "لن", "ليس", "لیس",
    "أو", "ولا", "وفي", "وفی", "مع", "بين", "بین", "حيث", "حیث", "كما", "کما", "أي", "أی", "إلا", "ثم",
];

/// What a word of the lists says: `OTHER_LANGUAGE_WORDS` first, as the
/// lists were read before they were one table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Listed {
    Arabic,
    Other,
}

/// `ARABIC_WORDS` and `OTHER_LANGUAGE_WORDS` in one table (each word of a
/// paragraph is looked up: a hundred comparisons cost more than a hash).
static LISTED_WORDS: LazyLock<FxHashMap<&'static str, Listed>> = LazyLock::new(|| {
    let arabic = ARABIC_WORDS.iter().map(|&w| (w, Listed::Arabic));
    // (Inserted last, a word of both lists is Other.)
    arabic.chain(OTHER_LANGUAGE_WORDS.iter().map(|&w| (w, Listed::Other))).collect()
});

/// Counts the evidence in `text` and decides its language.
#[cfg(test)]
pub(crate) fn detect(text: &str) -> Language {
    Evidence::of(text).decide()
}

/// The evidence for Arabic and for another language found in a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    arabic: usize,
    other: usize,
}

impl std::ops::AddAssign for Evidence {
    fn add_assign(&mut self, rhs: Evidence) {
        self.arabic += rhs.arabic;
        self.other += rhs.other;
    }
}

impl Evidence {
    /// Counts the evidence in `text`.
    pub fn of(text: &str) -> Evidence {
        let mut evidence = Evidence::default();
        let mut word = String::new();
        for c in text.chars() {
            // Presentation forms are judged by the letters they stand for.
            match presentation_form(c) {
                Some((base, _)) => base.chars().for_each(|l| evidence.letter(l, &mut word)),
                None => evidence.letter(c, &mut word),
            }
        }
        evidence.word(&mut word);
        evidence
    }

    fn letter(&mut self, c: char, word: &mut String) {
        // The common case first: a basic letter other than `ة`, which only
        // joins the word.
        if matches!(c, '\u{0621}'..='\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
            word.push(c);
            return;
        }
        // Invisible controls are ignored, not word breaks: the repair
        // removes them, and its decision must not change when it runs again.
        if is_bidi_control(c) || (is_zero_width(c) && c != ZWNJ) {
            return;
        }
        match c {
            'ة' => self.arabic += 2,
            ZWNJ => self.other += 3,
            c if is_other_language_letter(c) => self.other += 3,
            // A hamza above heh is Persian's ezafe (`خانهٔ`, the spelling of
            // `ۀ` that most keyboards type); Arabic never writes it.
            '\u{0654}' if word.ends_with('ه') => self.other += 3,
            _ => {}
        }
        // A placeholder stands for a letter: `ال�را` is one word, not the
        // article and the Persian `را`.
        if is_arabic_letter(c) || is_arabic_mark(c) || c == REPLACEMENT {
            word.push(c);
        } else if c != TATWEEL {
            self.word(word);
        }
    }

    fn word(&mut self, word: &mut String) {
        if word.is_empty() {
            return;
        }
        // Judge the letters of the composed form (the repair may compose
        // alef + madda into آ), without marks.
        if word.chars().any(is_arabic_mark) {
            let letters: String = word.nfc().filter(|&c| !is_arabic_mark(c)).collect();
            *word = letters;
        }
        let listed = LISTED_WORDS.get(word.as_str()).copied();
        if listed == Some(Listed::Other) {
            self.other += 3;
        } else if listed == Some(Listed::Arabic) {
            self.arabic += 3;
        } else if word.starts_with("ال") && word.chars().count() > 3 {
            self.arabic += 1;
        }
        word.clear();
    }

    /// Whether the text is surely of another language: two signs of one or
    /// more and none of Arabic.
    pub fn is_clearly_other(&self) -> bool {
        self.other >= 6 && self.arabic == 0
    }

    /// Arabic when there is evidence for it and it outweighs the evidence
    /// for another language three to one.
    pub fn decide(&self) -> Language {
        if self.arabic >= 1 && self.arabic >= 3 * self.other {
            Language::Arabic
        } else if self.other > 0 {
            Language::Other
        } else {
            Language::Unknown
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_with_farsi_yeh_damage_is_arabic() {
        // ctoc-wg7-2021-5.broken.txt, line 1
        let line = "ــر�اء الأجانب  ــتخ�ار�ة، وتعمل فرقة العمل عن �ثب مع الشـــــــ ــقون جمع المعلومات الاســـــــ موظفي الدعم الذین ینســـــــ";
        assert_eq!(detect(line), Language::Arabic);
    }

    #[test]
    fn persian_and_urdu_are_other() {
        assert_eq!(detect("این کتاب برای دانشجویان نوشته شده است."), Language::Other);
        assert_eq!(detect("کتاب"), Language::Unknown);
        assert_eq!(detect("البته خیلی خوب"), Language::Other);
        assert_eq!(detect("یہ کتاب بہت اچھی ہے اور میں اسے پڑھتا ہوں۔"), Language::Other);
        assert_eq!(detect("من به مدرسه می\u{200C}روم"), Language::Other);
        // The ezafe typed as heh and hamza above (`corpus/negative/persian.txt`).
        assert!(Evidence::of("کتابخانه\u{0654} ملی ایران در تهران قرار دارد.").is_clearly_other());
        assert!(!Evidence::of("مكتبة المدينة").is_clearly_other());
    }

    #[test]
    fn a_placeholder_does_not_cut_a_word() {
        // Generated sample-like damage, after phase 1: `ال�را` is no `را`.
        let line = "سويسرا، ز\u{FFFD}ل، الجزائر،، ال\u{FFFD}را إيطاليا إندونيسيا، أذربيجان، أستراليا، إکوادور، المهاجرين: الاتحاد الأوروبي،";
        assert_eq!(detect(line), Language::Arabic);
    }

    #[test]
    fn malay_in_jawi_is_other() {
        // `corpus/negative/jawi-sindhi-uyghur.txt`: a hadith's translation in a
        // paragraph of its own, with no word of the lists.
        let jawi = "ارتيڽ: سسوڠݢوهڽ سݢالا عمل ايت دڠن نيت، دان بݢي ستياڤ اورڠ اڤ يڠ دنيتکنڽ.";
        assert_eq!(detect(jawi), Language::Other);
    }

    #[test]
    fn a_persian_word_in_arabic_prose_does_not_flip_it() {
        let text = "زار الوفد مدينة گرگان في إيران، والتقى بممثلي الحكومة المحلية في المحافظة التي تقع على بحر قزوين.";
        assert_eq!(detect(text), Language::Arabic);
    }
}
