//! Character classes of the Arabic script that every stage shares.
//!
//! The ranges come from the generated tables in `tables/unicode.rs`
//! (Unicode Character Database); the block list is the Unicode block chart.

use crate::tables::{
    PositionalForm, ARABIC_DIGIT_RANGES, ARABIC_LETTER_RANGES, ARABIC_MARK_RANGES, PRESENTATION_FORMS_FB50,
    PRESENTATION_FORMS_FE70,
};

/// ARABIC TATWEEL (kashida), the joining stroke used to stretch words.
pub(crate) const TATWEEL: char = '\u{0640}';
/// REPLACEMENT CHARACTER, what extractors write for a glyph without a mapping.
pub(crate) const REPLACEMENT: char = '\u{FFFD}';
/// ZERO WIDTH NON-JOINER, needed by Persian and Urdu spelling.
pub(crate) const ZWNJ: char = '\u{200C}';

fn in_ranges(c: char, ranges: &[(char, char)]) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Any code point of the Arabic script blocks (letters, marks, digits,
/// punctuation, presentation forms). U+FEFF (the byte order mark) is not one.
pub(crate) fn is_arabic_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}'
        | '\u{10E60}'..='\u{10E7F}'
        | '\u{10EC0}'..='\u{10EFF}'
        | '\u{1EE00}'..='\u{1EEFF}')
}

/// An Arabic-script letter, presentation forms included, tatweel excluded.
pub(crate) fn is_arabic_letter(c: char) -> bool {
    // The common cases first: the basic letters, and the presentation
    // forms of U+FE76.. (the letters of a text with code-point damage).
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}')
        || (c > '\u{064A}' && (('\u{FE76}'..='\u{FEFC}').contains(&c) || in_ranges(c, &ARABIC_LETTER_RANGES)))
}

/// A combining mark of the Arabic blocks (harakat, shadda, Quranic marks).
pub(crate) fn is_arabic_mark(c: char) -> bool {
    // The common marks first; the rest of the table lies in U+06D6..U+08FF
    // (letters, which most calls ask about, take no search).
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}')
        || (('\u{06D6}'..='\u{08FF}').contains(&c) && in_ranges(c, &ARABIC_MARK_RANGES))
}

/// Whether a text ends with an Arabic letter or mark: the end of a word
/// (`الطاقة`, `جميلاً`), not of a number, a bracket or punctuation.
pub(crate) fn ends_an_arabic_word(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| is_arabic_letter(c) || is_arabic_mark(c))
}

/// Whether a word is no more than proclitics and the article (`و`, `وب`,
/// `ال`, `لل`, `وال`): what may stand glued before a number, or linked to
/// it by a tatweel (`الـ 20`).
pub(crate) fn is_clitics_only(word: &str) -> bool {
    let letters: String = word.chars().filter(|&c| is_arabic_letter(c)).collect();
    let rest = letters.trim_start_matches(['و', 'ف', 'ب', 'ك', 'ل']);
    letters.chars().count() < 2 || rest.is_empty() || rest == "ال"
}

/// A Quranic pause mark (waqf), U+06D6..U+06DC (Unicode's "small high
/// ligature" sad-lam-alef maksura .. "small high seen"). Digital Quran text
/// (Tanzil's, the King Fahd Complex's) writes each as a word of its own,
/// between spaces (`لَا رَيْبَ ۛ فِيهِ ۛ هُدًى`): such a mark was not cut off
/// its letter.
pub(crate) fn is_quranic_pause_mark(c: char) -> bool {
    ('\u{06D6}'..='\u{06DC}').contains(&c)
}

/// A mark that writers set as a word of its own, between spaces or at the
/// line's end: a Quranic pause mark, or an honorific sign, U+0610..U+0614
/// (`رضي الله عنه ؓ`, `محمد ؐ`): such a mark was not cut off its letter.
pub(crate) fn is_mark_written_as_word(c: char) -> bool {
    is_quranic_pause_mark(c) || ('\u{0610}'..='\u{0614}').contains(&c)
}

/// Fathatan, the tanween text writes on a bare alef (`جميعاً`, the ordinal
/// labels `أولاً`), the one mark a final alef carries.
pub(crate) const FATHATAN: char = '\u{064B}';

/// The code some extractors write for a glyph the PDF maps to no character
/// (the noncharacter U+FFFF: pdfminer.six, pdf.js, pypdf, PyMuPDF and PDFBox
/// on XeTeX's hyphen, period, brackets and slash in four fonts). It stands
/// for a neutral, never for a letter, so where a label's hyphen or a
/// sentence's period is looked for, it may be either; no text holds it.
pub(crate) const UNMAPPED_GLYPH: char = '\u{FFFF}';
pub(crate) const UNMAPPED_GLYPH_UTF8: &[u8] = "\u{FFFF}".as_bytes();

/// Shadda, the mark of a doubled letter, which a letter carries with its
/// vowel.
pub(crate) const SHADDA: char = '\u{0651}';

/// A tanween (nunation) mark, which only ends words: fathatan, dammatan,
/// kasratan, and their open forms of U+08F0..U+08F2.
pub(crate) fn is_tanween(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{064D}' | '\u{08F0}'..='\u{08F2}')
}

/// A vowel mark: a short vowel, sukun or tanween (not shadda, which a
/// letter carries with its vowel). A letter carries one vowel at most.
pub(crate) fn is_vowel_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0650}' | '\u{0652}' | '\u{08F0}'..='\u{08F2}')
}

/// Whether a text is vowelled: a mark for every three Arabic letters at
/// least (fully vowelled text has two for three; text vowelled only where
/// ambiguous, one for ten or fewer).
pub(crate) fn is_vowelled<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut letters, mut marks) = (0usize, 0usize);
    for c in lines.flat_map(str::chars) {
        letters += usize::from(is_arabic_letter(c));
        marks += usize::from(is_arabic_mark(c));
    }
    letters > 0 && 3 * marks >= letters
}

/// A decimal digit of the Arabic blocks (Arabic-Indic or Extended Arabic-Indic).
pub(crate) fn is_arabic_digit(c: char) -> bool {
    in_ranges(c, &ARABIC_DIGIT_RANGES)
}

/// A digit of any script the extractors write: ASCII, Arabic-Indic or
/// Extended Arabic-Indic.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || is_arabic_digit(c)
}

/// Whether `s` is a number: `is_digit` digits alone, one at least.
pub(crate) fn is_number(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_digit)
}

/// `s` cut after the `is_digit` digits it starts with: the digits (empty if
/// none) and the rest.
pub(crate) fn split_leading_digits(s: &str) -> (&str, &str) {
    s.split_at(s.find(|c: char| !is_digit(c)).unwrap_or(s.len()))
}

/// The length in bytes of the `is_digit` digit that UTF-8 `bytes` start
/// with (ASCII 1; Arabic-Indic `D9 A0..A9` and Extended `DB B0..B9` 2), 0
/// if they start with none: for scans that read bytes, not characters.
#[inline]
pub(crate) fn digit_len(bytes: &[u8]) -> usize {
    match bytes {
        [b'0'..=b'9', ..] => 1,
        [0xD9, 0xA0..=0xA9, ..] | [0xDB, 0xB0..=0xB9, ..] => 2,
        _ => 0,
    }
}

/// Whether UTF-8 `bytes` may hold a digit (`is_digit`) right after an
/// Arabic letter or mark: a number glued to a word (`تبلغ120`, `عام٢٠٢٣`).
/// Told from byte windows, without decoding (the spacing stage asks it of
/// every line it sees); an ASCII digit after any character beyond ASCII
/// counts too.
pub(crate) fn may_hold_digit_after_letter(bytes: &[u8]) -> bool {
    let arabic_digit = |lead: u8, second: u8| {
        (lead == 0xD9 && (0xA0..=0xA9).contains(&second)) || (lead == 0xDB && (0xB0..=0xB9).contains(&second))
    };
    // (No early exit: measured with callgrind, the loop without one costs
    // less, as most lines hold no such digit.)
    let mut found = false;
    for w in bytes.windows(4) {
        let (lead, second, a, b) = (w[0], w[1], w[2], w[3]);
        found |= (second >= 0x80 && a.is_ascii_digit())
            || (a >= 0x80 && b.is_ascii_digit())
            || (arabic_digit(a, b) && (0xD8..=0xDB).contains(&lead) && !arabic_digit(lead, second));
    }
    found
}

/// The base text and positional form of an Arabic presentation-form code
/// point (U+FB50..U+FDFF, U+FE70..U+FEFF), or `None` for any other character
/// and for the symbols that the table leaves alone (see the generator).
pub(crate) fn presentation_form(c: char) -> Option<(&'static str, PositionalForm)> {
    let cp = c as u32;
    match cp {
        0xFB50..=0xFDFF => PRESENTATION_FORMS_FB50[(cp - 0xFB50) as usize],
        0xFE70..=0xFEFF => PRESENTATION_FORMS_FE70[(cp - 0xFE70) as usize],
        _ => None,
    }
}

/// True for the bidirectional formatting characters that extractors wrap
/// around lines and numbers: LRM, RLM, ALM, the embeddings and overrides
/// U+202A..U+202E and the isolates U+2066..U+2069.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Zero-width characters that carry no meaning in Arabic text: zero width
/// space, word joiner, a byte order mark inside the text, and the joiner
/// controls ZWNJ and ZWJ (which Persian and Urdu do use: see `language`).
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `s` holds any Arabic-script character. Lines without one are
/// never touched by any stage.
pub(crate) fn has_arabic_script(s: &str) -> bool {
    // Every Arabic-script code point is encoded with a lead byte of
    // 0xD8..=0xDB, 0xDD, 0xE0 (U+0870..), 0xEF (U+FB50..) or 0xF0 (the
    // supplementary blocks); test the bytes first, then confirm by decoding.
    let bytes = s.as_bytes();
    if !bytes.iter().any(|&b| matches!(b, 0xD8..=0xDB | 0xDD | 0xE0 | 0xEF | 0xF0)) {
        return false;
    }
    s.chars().any(is_arabic_script)
}

/// An Arabic word character: letter, mark, tatweel or a placeholder that
/// stands for a letter.
pub(crate) fn is_arabic_word_char(c: char) -> bool {
    is_arabic_letter(c) || is_arabic_mark(c) || c == TATWEEL || c == REPLACEMENT
}

/// Whether a base letter joins on both sides (Joining_Type D in the Unicode
/// file ArabicShaping.txt), so that the letter after it is drawn joined.
/// Right-joining letters (ا د ذ ر ز و ة ى and the hamza seats آ أ إ ؤ) and
/// the hamza do not join the letter after them.
pub(crate) fn joins_both_sides(c: char) -> bool {
    matches!(
        c,
        'ب' | 'ت'
            | 'ث'
            | 'ج'
            | 'ح'
            | 'خ'
            | 'س'
            | 'ش'
            | 'ص'
            | 'ض'
            | 'ط'
            | 'ظ'
            | 'ع'
            | 'غ'
            | 'ف'
            | 'ق'
            | 'ك'
            | 'ل'
            | 'م'
            | 'ن'
            | 'ه'
            | 'ي'
            | 'ئ'
            | 'پ'
            | 'چ'
            | 'ڤ'
            | 'گ'
            | '\u{06CC}'
            | '\u{06A9}'
            | TATWEEL
    )
}

/// The whitespace-separated words of `s`, with their byte offsets.
pub(crate) fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let tail = &s[rest..];
        let start = rest + tail.find(|c: char| !c.is_whitespace())?;
        let end = s[start..].find(char::is_whitespace).map_or(s.len(), |i| start + i);
        rest = end;
        Some((start, &s[start..end]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_agree_with_the_tables() {
        // `is_arabic_letter` and `is_arabic_mark` answer common characters
        // before searching their tables: the answers must be the tables'.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_arabic_letter(c), in_ranges(c, &ARABIC_LETTER_RANGES), "{c:?}");
            assert_eq!(is_arabic_mark(c), in_ranges(c, &ARABIC_MARK_RANGES), "{c:?}");
        }
    }

    #[test]
    fn classes_of_common_characters() {
        assert!(is_arabic_letter('ب'));
        assert!(is_arabic_letter('\u{06CC}'));
        assert!(is_arabic_letter('\u{FEE3}'));
        assert!(!is_arabic_letter(TATWEEL));
        assert!(!is_arabic_letter('،'));
        assert!(is_arabic_mark('\u{0651}'));
        assert!(!is_arabic_mark('ا'));
        assert!(is_arabic_digit('٣'));
        assert!(is_arabic_digit('۳'));
        assert!(!is_arabic_digit('3'));
        assert!(has_arabic_script("abc ، def"));
        assert!(!has_arabic_script("abc \u{FEFF} é ü"));
    }

    #[test]
    fn words_with_offsets() {
        let got: Vec<(usize, &str)> = words(" أ\u{00A0}بب  ج ").collect();
        assert_eq!(got, vec![(1, "أ"), (5, "بب"), (11, "ج")]);
    }

    #[test]
    fn presentation_forms_table() {
        assert_eq!(presentation_form('\u{FEFB}'), Some(("لا", PositionalForm::Isolated)));
        assert_eq!(presentation_form('\u{FE94}'), Some(("ة", PositionalForm::Final)));
        assert_eq!(presentation_form('\u{FE70}'), Some(("\u{064B}", PositionalForm::Isolated)));
        assert_eq!(presentation_form('\u{FE71}'), Some(("\u{064B}", PositionalForm::Medial)));
        assert_eq!(presentation_form('\u{FDF2}'), None, "ALLAH ligature is a symbol");
        assert_eq!(presentation_form('\u{FEFF}'), None);
        assert_eq!(presentation_form('x'), None);
    }
}
