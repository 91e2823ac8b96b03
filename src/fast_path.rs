//! The fast path: recognizing, in one pass over the bytes, text that the
//! repair would return unchanged.
//!
//! Most text a corpus run sees is already right. Running it through the
//! stages costs a paragraph split, the document-level models and, per line,
//! each stage's own check; this scan instead walks the UTF-8 bytes once and
//! classifies every line as
//!
//! * **clean**: nothing in it any stage acts on;
//! * **dirty**: something a stage certainly acts on or that depends on the
//!   whole document (a placeholder, a bidi control, a presentation form,
//!   tatweel, a Farsi letter, a space before Arabic punctuation ...); the
//!   whole text then takes the full repair;
//! * **to check**: a pattern that is *usually* fine but can be a sign of
//!   damage. Patterns only the reading-order stage reads (a number glued to
//!   a word, `-` before a digit, a word starting with `ة`) are settled by the
//!   line's reading-order evidence alone, which is what that stage needs to
//!   act; patterns other stages read (two spaces, a space before a period,
//!   a control character) by repairing the line alone (see below).
//!
//! The scan is conservative: it may send clean text to the full repair (only
//! slower), never damaged text past it. What a line's repair depends on
//! beyond the line itself is dirty by construction: placeholders (the
//! document's code table), Farsi letters and joiners (the paragraph's
//! language); and whether the document shows reversed runs depends on lines
//! with strong evidence (and whether glue a writer types too counts, on
//! lines with a sentence's punctuation on the next word's side:
//! `Evidence::affects_the_document`), each of which makes the text go the
//! full way. So a
//! line to check that is unchanged when repaired alone and shows no such
//! evidence is unchanged in the document too. `tests` checks the claim
//! against the full repair on the corpus and on generated text.

use crate::config::{Config, DigitStyle};
use crate::script::{digit_len, is_arabic_letter};

/// Whether `text` comes out of the repair with `config` unchanged, decided
/// without running the stages on any line that shows nothing to repair.
pub(crate) fn is_clean(text: &str, config: &Config) -> bool {
    let bytes = text.as_bytes();
    let mut start = 0;
    // Lines that start with a number: whether the document's numbers came
    // out reversed is judged from them at the end (`number_order`).
    let mut numbers = crate::number_order::NumberSteps::default();
    let (mut long_lines, mut tab_lines) = (0usize, 0usize);
    // Of the lines with Arabic and three words at least, those whose first
    // word ends a sentence and those that end with punctuation: words
    // emitted from the visual left, judged at the end as
    // `word_order::LineEdges` judges them (wide gaps aside: the scan may
    // only judge more).
    let (mut sentence_end_first, mut punctuation_last) = (0usize, 0usize);
    while start <= bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        // As the repair reads lines: after a byte order mark, without `\r`.
        let from = if start == 0 { crate::pipeline::body_start(text) } else { start };
        if config.reading_order && starts_with_digit(&bytes[from..end]) {
            let line = &text[from..end];
            numbers.add(without_carriage_return(line));
        }
        // Labels whose neutrals went elsewhere: the document is judged by
        // them (`label_marks`).
        let line = &text[start..end];
        if config.reading_order
            && crate::label_marks::has_label_signs_at_its_edges(line.as_bytes())
            && crate::label_marks::gather_label(without_carriage_return(line)).is_some()
        {
            return false;
        }
        // Runs in reverse order: judged by the lines that end with their
        // label (`level_runs`).
        if config.reading_order
            && crate::level_runs::may_end_with_label(line.as_bytes())
            && crate::level_runs::ends_with_label(without_carriage_return(line))
        {
            return false;
        }
        // A label first and its hyphen last, glued to the last word: the
        // document may be judged by such lines (`word_order`).
        if config.reading_order
            && without_carriage_return(line).trim_end_matches(' ').ends_with('-')
            && crate::word_order::label_first_hyphen_last(without_carriage_return(line)).is_some()
        {
            return false;
        }
        // Runs cut where a yeh is kerned: judged by the lines that start
        // with the yeh's piece and hold a label (`level_runs`).
        if config.reading_order && crate::level_runs::reads_as_runs_cut_at_kerned_yehs(without_carriage_return(line)) {
            return false;
        }
        // A line that starts with a mark: its last letter's, drawn first
        // (`marks_before_letters`).
        if config.reading_order && crate::marks_before_letters::starts_with_marks(without_carriage_return(line)) {
            return false;
        }
        let mut signs = LineSigns::default();
        let verdict = scan_line(&text[start..end], config, &mut signs);
        if signs.three_arabic_words && config.reading_order {
            let line = without_carriage_return(line);
            let first = &line[signs.first_word.clone()];
            // (Most first words end with a letter: their last bytes tell.)
            let may_end_one = first.ends_with(crate::word_order::SENTENCE_END) || first.starts_with('.');
            sentence_end_first += usize::from(may_end_one && crate::word_order::ends_a_sentence(first));
            punctuation_last +=
                usize::from(line.trim_end_matches(' ').ends_with(crate::word_order::LINE_END_PUNCTUATION));
        }
        // Spaces lost between all words: judged by the lines with tokens
        // longer than any word (`lost_spaces`); spaces written as tabs, by
        // the lines with a tab between two words (`tab_spaces`).
        long_lines += usize::from(signs.long_token);
        tab_lines += usize::from(
            signs.tab && config.spacing && crate::tab_spaces::has_tab_between_words(without_carriage_return(line)),
        );
        if long_lines >= crate::lost_spaces::MIN_LINES || tab_lines >= crate::tab_spaces::MIN_LINES {
            return false;
        }
        match verdict {
            Verdict::Clean => {}
            Verdict::Dirty => return false,
            Verdict::CheckOrder => {
                if crate::reading_order::evidence(without_carriage_return(&text[start..end])).affects_the_document() {
                    return false;
                }
            }
            Verdict::CheckLine => {
                if !line_is_clean(&text[start..end], config) {
                    return false;
                }
            }
        }
        start = end + 1;
    }
    // Damage that only the whole document shows.
    let numbers_reversed =
        numbers.reversed() || (config.reading_order && crate::number_order::shapes_alone_read_backwards(text.lines()));
    let ligatures_swapped = config.presentation_forms && crate::swapped_ligatures::may_swap_ligatures(text);
    let words_from_the_left =
        sentence_end_first >= crate::word_order::MIN_LINES && sentence_end_first >= 3 * punctuation_last;
    !(numbers_reversed || ligatures_swapped || words_from_the_left)
}

/// Whether `s` starts with an Arabic word of more letters than any label
/// word has: the piece that starts there is no label
/// (`reading_order::is_label_word`), as a piece holds at least the word's
/// letters and marks (`split_token` cuts only at digits, Latin,
/// punctuation and brackets).
fn starts_with_longer_than_label(s: &str) -> bool {
    s.chars()
        .take_while(|&c| crate::script::is_arabic_word_char(c))
        .filter(|&c| is_arabic_letter(c))
        .nth(crate::reading_order::MAX_LABEL_WORD_LETTERS)
        .is_some()
}

/// Whether a line starts with a digit after its spaces (ASCII or the two
/// Arabic-Indic sets).
#[inline]
fn starts_with_digit(line: &[u8]) -> bool {
    let first = line.iter().position(|&b| b != b' ').map(|i| &line[i..]).unwrap_or_default();
    digit_len(first) > 0
}

/// Whether the two bytes encode a mark the scan looks out for (U+0610..
/// U+061A, U+064B..U+065F, U+0670, U+06D6..U+06ED).
#[inline]
fn is_mark_bytes(lead: u8, second: u8) -> bool {
    matches!((lead, second), (0xD8, 0x90..=0x9A) | (0xD9, 0x8B..=0x9F | 0xB0) | (0xDB, 0x96..=0xED))
}

/// What the byte scan says of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Clean,
    Dirty,
    /// A pattern only the reading order acts on, and only on a line with
    /// strong evidence: the line is clean unless it shows that evidence.
    CheckOrder,
    /// A pattern other stages may act on (two spaces, a space before a
    /// period, a control character): the line is repaired alone to see.
    CheckLine,
}

/// The exact test for a line the scan could not settle (`CheckLine`): no
/// sign that changes how other lines are read (`Evidence::affects_the_document`),
/// and unchanged when repaired alone.
#[cold]
fn line_is_clean(line: &str, config: &Config) -> bool {
    !crate::reading_order::evidence(without_carriage_return(line)).affects_the_document()
        && crate::pipeline::repair_document_fully(line, config, None) == line
}

/// A line as the repair reads it: a carriage return that ends it is the
/// line break of another system (`pipeline::paragraphs`), not part of its
/// last token (`و-لام\r` holds a label word; `لام\r` is none).
fn without_carriage_return(line: &str) -> &str {
    line.strip_suffix('\r').unwrap_or(line)
}

/// Whether the two characters that end before byte `i` are Arabic letters
/// or marks (two bytes each): a word of two letters or more, which the
/// spacing stage may set apart from a number glued after it (a proclitic,
/// `و٣`, stays).
#[inline]
fn after_arabic_letter_or_mark(line: &[u8], i: usize) -> bool {
    let letter_or_mark = |at: usize| {
        digit_len(&line[at..]) == 0 && (is_arabic_letter_at(line, at) || is_mark_bytes(line[at], line[at + 1]))
    };
    i >= 4 && letter_or_mark(i - 2) && letter_or_mark(i - 4)
}

/// Whether `b` starts the UTF-8 encoding of a character of U+0600..U+06FF.
#[inline]
fn is_arabic_lead(b: u8) -> bool {
    matches!(b, 0xD8..=0xDB)
}

/// Whether `b` is an ASCII byte the placeholder stage may read as a raw
/// glyph code when it stands between Arabic letters (as
/// `placeholders::is_ascii_code_candidate`).
#[inline]
fn is_ascii_code_candidate(b: u8) -> bool {
    b.is_ascii_graphic() && !b.is_ascii_digit() && !b".,:;/-()[]!?%\"".contains(&b)
}

/// Whether the two bytes at `i` encode an Arabic letter (not a mark, digit
/// or punctuation sign).
#[inline]
fn is_arabic_letter_at(line: &[u8], i: usize) -> bool {
    match (line.get(i), line.get(i + 1)) {
        (Some(0xD8), Some(s)) => (0xA1..=0xBA).contains(s),
        (Some(0xD9), Some(s)) => (0x80..=0x8A).contains(s) || (0xAE..=0xAF).contains(s) || *s >= 0xB1,
        (Some(0xDA | 0xDB), _) => true,
        _ => false,
    }
}

/// The Arabic letters of a token, from its start or from its end.
fn letters_from_start(token: &str) -> impl Iterator<Item = char> + '_ {
    token.chars().filter(|&c| is_arabic_letter(c))
}

fn letters_from_end(token: &str) -> impl Iterator<Item = char> + '_ {
    token.chars().rev().filter(|&c| is_arabic_letter(c))
}

/// What the scan reads from a line for the judgement of the whole document.
#[derive(Default)]
struct LineSigns {
    /// The line holds Arabic and three words at least (`word_order::LineEdges`
    /// reads such lines), and where its first word is.
    three_arabic_words: bool,
    first_word: std::ops::Range<usize>,
    /// A token longer than any word (`lost_spaces`).
    long_token: bool,
    /// A tab (`tab_spaces` judges the lines with one between two words).
    tab: bool,
}

/// Reads the signs of a space-separated token, once per token (the scan's
/// token loop is hot): a token that is one letter standing alone (a sign of
/// added spaces, `word_boundaries::signs`), and the visual-order signs as
/// `reading_order::evidence` counts them: a word (of more than one letter)
/// starting with a letter only words end with (`ة`, `ى`), or one of more
/// than three ending with the article reversed (`لا`, or `لأا` where a
/// lam-alef ligature stayed whole). The letter counts are over-estimated by
/// the token's byte length (a letter takes two bytes), which can only count
/// more.
#[inline(always)]
fn count_token_signs(token: &str, final_first: &mut usize, article_last: &mut usize, one_letter: &mut bool) {
    let bytes = token.as_bytes();
    *one_letter |= is_one_letter_token(bytes);
    let n = bytes.len();
    if n < 4 {
        return;
    }
    // Most tokens start and end with a common letter (`is_common_letter`):
    // its two bytes tell at once; others are decoded, once the ASCII before
    // (brackets, quotes) or the punctuation and marks after are skipped by
    // their bytes.
    let first_is_final = match (bytes[0], bytes[1]) {
        (0xD8, 0xA9) | (0xD9, 0x89) => true,
        (lead, second) if is_common_letter(lead, second) => false,
        _ => first_letter_is_final(token),
    };
    *final_first += usize::from(first_is_final);
    if n >= 8 {
        let reversed_article = match (bytes[n - 2], bytes[n - 1]) {
            (lead, second) if is_common_letter(lead, second) && second != 0xA7 => false,
            _ => ends_with_reversed_article(token),
        };
        *article_last += usize::from(reversed_article);
    }
}

/// Whether a token's first letter is `ة` or `ى` (as `count_token_signs`
/// asks of a token that does not start with a common letter).
fn first_letter_is_final(token: &str) -> bool {
    let bytes = token.as_bytes();
    let start = bytes.iter().position(|&b| b >= 0x80).unwrap_or(bytes.len());
    match bytes.get(start..start + 2) {
        Some([0xD8, 0xA9] | [0xD9, 0x89]) => true,
        Some(&[lead, second]) if is_common_letter(lead, second) => false,
        _ => matches!(letters_from_start(token).next(), Some('ة' | 'ى')),
    }
}

/// Whether a token's last letters are the article reversed: alef after
/// lam, or after hamza alef after lam.
fn ends_with_reversed_article(token: &str) -> bool {
    let letters = without_trailing_non_letters(token.as_bytes());
    let m = letters.len();
    match (m >= 4).then(|| (letters[m - 2], letters[m - 1])) {
        Some((0xD8, 0xA7)) if is_common_letter(letters[m - 4], letters[m - 3]) => {
            letters[m - 4..m - 2] == [0xD9, 0x84]
                || (matches!(&letters[m - 4..m - 2], [0xD8, 0xA2 | 0xA3 | 0xA5])
                    && m >= 6
                    && letters[m - 6..m - 4] == [0xD9, 0x84])
        }
        Some((lead, second)) if is_common_letter(lead, second) => false,
        _ => {
            let mut last = letters_from_end(token);
            let (c, b, a) = (last.next(), last.next(), last.next());
            c == Some('ا') && (b == Some('ل') || (matches!(b, Some('أ' | 'إ' | 'آ')) && a == Some('ل')))
        }
    }
}

/// A token's bytes without the characters after its last letter that are
/// no letters, told by their bytes: ASCII, `،` `؛` `؟` and marks.
#[inline]
fn without_trailing_non_letters(bytes: &[u8]) -> &[u8] {
    let mut end = bytes.len();
    loop {
        match bytes[..end] {
            [.., last] if last < 0x80 => end -= 1,
            [.., 0xD8, 0x8C | 0x9B | 0x9F] => end -= 2,
            [.., lead, second] if is_mark_bytes(lead, second) => end -= 2,
            _ => return &bytes[..end],
        }
    }
}

/// Whether two bytes (a character's, or a lead byte and the next) are the
/// UTF-8 of a letter of U+0620..U+067F (`PLAIN_LETTER`).
#[inline(always)]
fn is_plain_letter(lead: u8, second: u8) -> bool {
    (lead == 0xD8 || lead == 0xD9) && PLAIN_LETTER[(usize::from(lead - 0xD8) << 6) | usize::from(second & 0x3F)]
}

/// Whether two bytes are the UTF-8 of a letter of U+0620..U+063F (`D8
/// A0..BF`) or U+0641..U+064A (`D9 81..8A`), the letters most Arabic
/// words are spelled with.
#[inline(always)]
fn is_common_letter(lead: u8, second: u8) -> bool {
    (lead == 0xD8 && second >= 0xA0) || (lead == 0xD9 && matches!(second, 0x81..=0x8A))
}

/// Whether a line holds a token longer than any word
/// (`lost_spaces::holds_long_token`), out of the scan's hot loop: asked
/// only of a line with few tokens for its bytes.
#[cold]
#[inline(never)]
fn has_long_token(line: &str) -> bool {
    crate::lost_spaces::holds_long_token(line)
}

/// Whether a token is one letter with its marks, other than `و` (as
/// `word_boundaries::is_lone_letter`; the bytes rule out almost every token
/// before the exact test).
#[inline]
fn is_one_letter_token(token: &[u8]) -> bool {
    let marks_follow = token.len() == 2 || (token.len() > 3 && token.len() <= 10 && is_mark_bytes(token[2], token[3]));
    marks_follow
        && is_arabic_letter_at(token, 0)
        && std::str::from_utf8(token).is_ok_and(crate::word_boundaries::is_lone_letter)
}

/// Whether the character at `i` is a Quranic pause mark (`DB 96..9C`) or
/// an honorific sign (`D8 90..94`) standing as a word of its own, which is
/// how writers set them (`spacing`, `script::is_mark_written_as_word`).
#[cold]
fn is_pause_mark_alone(line: &[u8], i: usize) -> bool {
    matches!((line[i], line.get(i + 1)), (0xDB, Some(0x96..=0x9C)) | (0xD8, Some(0x90..=0x94)))
        && matches!(line.get(i + 2), Some(b' ') | None)
}

/// Whether the character at `i` is an Arabic mark.
#[cold]
fn starts_with_mark(text: &str, i: usize) -> bool {
    text.get(i..).and_then(|t| t.chars().next()).is_some_and(crate::script::is_arabic_mark)
}

/// Whether eight bytes of UTF-8 that start at a character boundary are four
/// letters of U+0620..U+063F (`D8 A0..BF`) or U+0641..U+064A (`D9 81..8A`),
/// tested in one word: each letter is a 16-bit lane, its lead byte low.
/// (Rarer letters fail here and are taken one by one.)
#[inline(always)]
fn four_common_letters(x: u64) -> bool {
    const ONES: u64 = 0x0001_0001_0001_0001;
    let leads = x & 0x00FF_00FF_00FF_00FF;
    let seconds = (x >> 8) & 0x00FF_00FF_00FF_00FF;
    let after_d9 = leads & ONES;
    // After D8: A0..BF, bit 5 of the continuation byte.
    let d8_letter = (seconds >> 5) & ONES;
    // After D9: 81..8A (no lane carries into the next: a lane's second byte
    // is at most FF).
    let at_least_81 = ((seconds + 0x007F * ONES) >> 8) & ONES;
    let at_least_8b = ((seconds + 0x0075 * ONES) >> 8) & ONES;
    let d9_letter = at_least_81 & !at_least_8b;
    // Every lead is D8 or D9, and every letter one of those.
    leads | ONES == 0x00D9_00D9_00D9_00D9 && ((after_d9 & d9_letter) | (!after_d9 & ONES & d8_letter)) == ONES
}

/// The letters of U+0620..U+067F by the index `(lead - 0xD8) << 6 | (second
/// & 0x3F)` of their UTF-8 encoding (tatweel, marks, digits and
/// punctuation are not among them: the scan looks at those one by one).
static PLAIN_LETTER: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < 128 {
        let c = 0x0600 + i as u32;
        table[i] = matches!(c, 0x0620..=0x063F | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x067F);
        i += 1;
    }
    table
};

/// The ASCII bytes the scan looks at; the others (letters but `u`, digits
/// unless digits are converted, most symbols) need nothing.
static ASCII_TO_LOOK_AT: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let special = b" -.:!?;,()]/u";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table[0x7F] = true;
    table
};

/// A hyphen at `i` glued after an Arabic letter or mark that the reading
/// order may read as drawn out of place: at the line's end (a label's
/// hyphen drawn last, `١. ... المياه-`), before a mark (`مقدمة-ًأولا`: a
/// heading's label, its tanween first), or before a number in a line that
/// starts with one (`٣  ويستند ... من-١٤.`: drawn before the text's
/// number). Not `كوفيد-19` or `أوكاه-دونلي` elsewhere: the evidence costs
/// more than the scan. (Out of `scan_line`, which stays small enough for
/// its helpers to be inlined: 9% more instructions on clean text inline.)
#[cold]
fn hyphen_drawn_out_of_place(line: &[u8], i: usize) -> bool {
    let at = |k: usize| line.get(k).copied().unwrap_or(0);
    let mark_follows = is_mark_bytes(at(i + 1), at(i + 2));
    let digit_follows = digit_len(&line[i + 1..]) > 0;
    i > 1
        && is_arabic_lead(line[i - 2])
        && (mark_follows || (digit_follows && starts_with_digit(line)) || line[i + 1..].iter().all(|&b| b == b' '))
}

/// Whether the closing bracket at `i` starts a token that holds a number
/// or Latin after it: the reading order cuts it before that run
/// (`)؛CTOC/...`, `)..7`: the bracket's run and the run after it, glued;
/// `reading_order::split_token`).
#[cold]
fn closing_bracket_before_a_run(line: &[u8], i: usize) -> bool {
    (i == 0 || line[i - 1] == b' ')
        && line[i + 1..].iter().take_while(|&&b| b != b' ').any(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
}

/// Scans one line (without its `\n`).
///
/// `signs_out` receives what the document is judged by beyond the line: a token
/// longer than any word (`lost_spaces`), a tab (`tab_spaces`).
fn scan_line(text: &str, config: &Config, signs_out: &mut LineSigns) -> Verdict {
    // A carriage return ending the line is the line break of another system.
    let text = without_carriage_return(text);
    let line = text.as_bytes();
    let n = line.len();
    let digits_change = config.digits != DigitStyle::Keep;
    let mut arabic = false;
    // Findings that matter only if the line has Arabic (the stages leave
    // other lines alone).
    let mut dirty_if_arabic = false;
    let mut check_if_arabic = false;
    let mut check = false;
    // Words starting with a final-only letter, words ending in a reversed
    // article: the counts `reading_order::evidence` reads visual order from
    // (over-counted here, never under-counted).
    let mut final_first = 0usize;
    let mut article_last = 0usize;
    let mut token_start = 0;
    // The line's spaces (a line with few tokens for its bytes is read for
    // tokens longer than any word: `lost_spaces`).
    let mut spaces = 0;
    // The line's words (tokens between spaces).
    let mut words = 0usize;
    // Whether the word-boundary stage is on, and whether the line has a
    // token of one letter (`word_boundaries::signs` decides at the end of
    // the line whether it is a sign).
    let boundaries = config.word_boundaries;
    let mut one_letter = false;
    let at = |i: usize| -> u8 {
        if i < n {
            line[i]
        } else {
            0
        }
    };
    let mut i = 0;
    while i < n {
        let b = line[i];
        // The common case first: a letter of U+0620..U+067F, with nothing
        // to check but what stands before it.
        if (b == 0xD8 || b == 0xD9) && i + 1 < n {
            let s = line[i + 1];
            if PLAIN_LETTER[(usize::from(b - 0xD8) << 6) | usize::from(s & 0x3F)] {
                arabic = true;
                if i > 0 {
                    let p = line[i - 1];
                    if p < 0x80 {
                        // A Latin letter or digit glued to the word (a run
                        // boundary, `2021تشرين`), a note marker glued to it
                        // (`(1)لدى`), or an ASCII code between two letters
                        // (`المهاجر'ن`).
                        if p.is_ascii_alphanumeric() || p == b')' {
                            check = true;
                        }
                        if is_ascii_code_candidate(p) && i > 1 && line[i - 2] >= 0x80 {
                            return Verdict::Dirty;
                        }
                    } else if !(i > 1 && is_arabic_lead(line[i - 2])) {
                        // After a character of another block: a letter of
                        // another script glued to the word?
                        let before = text[..i].chars().next_back().unwrap_or(' ');
                        if before.is_alphanumeric() {
                            // (A code inside a word: judged per document.)
                            if crate::stray_codes::ends_with_code_after_letter(&text[..i]) {
                                return Verdict::Dirty;
                            }
                            check = true;
                        }
                    }
                }
                // The rest of a run of such letters needs nothing at all.
                i += 2;
                while let Some(eight) = line.get(i..i + 8) {
                    if !four_common_letters(u64::from_le_bytes(eight.try_into().unwrap_or_default())) {
                        break;
                    }
                    i += 8;
                }
                i += 2 * line[i..].chunks_exact(2).take_while(|pair| is_plain_letter(pair[0], pair[1])).count();
                continue;
            }
        }
        // (A digit is looked at where digits change, or where it follows a
        // character of another script: a number glued to a word.)
        if b < 0x80
            && !ASCII_TO_LOOK_AT[usize::from(b)]
            && !(b.is_ascii_digit() && (digits_change || (i > 0 && line[i - 1] >= 0x80)))
        {
            i += 1;
            continue;
        }
        if b < 0x80 {
            match b {
                b' ' => {
                    count_token_signs(&text[token_start..i], &mut final_first, &mut article_last, &mut one_letter);
                    if i > token_start {
                        if words == 0 {
                            signs_out.first_word = token_start..i;
                        }
                        words += 1;
                    }
                    spaces += 1;
                    token_start = i + 1;
                    // `( أ)`: a letter label with a space inside its brackets.
                    if i > 0 && line[i - 1] == b'(' && is_arabic_lead(at(i + 1)) {
                        check_if_arabic = true;
                    }
                    match at(i + 1) {
                        0 => dirty_if_arabic = true,
                        b' ' => check_if_arabic = true,
                        b'.' | b':' | b'!' | b'?' | b';' | b',' => check_if_arabic = true,
                        0xD8 if matches!(at(i + 2), 0x8C | 0x9B | 0x9F) => return Verdict::Dirty,
                        0xD9 if matches!(at(i + 2), 0x8B..=0x9F | 0xB0) => return Verdict::Dirty,
                        // `فر يق`: a word cut before a kerned yeh, a sign of
                        // added spaces the lexicon reads.
                        0xD9 if at(i + 2) == 0x8A
                            && boundaries
                            && crate::word_boundaries::may_be_kerning_split(line, i)
                            && crate::word_boundaries::is_kerning_split_at(text, i) =>
                        {
                            return Verdict::Dirty
                        }
                        _ => {}
                    }
                }
                b'-' => {
                    let next = at(i + 1);
                    // `أولا -ً مقدمة`: a heading's tanween after its hyphen
                    // (`label_marks`, judged per document).
                    if crate::label_marks::is_hyphen_before_tanween(line, i) {
                        return Verdict::Dirty;
                    }
                    // `-١`, `-ثانياً`, or a hyphen alone before a number or
                    // a label word (`- 16`).
                    // Only a hyphen that starts a token: `كوفيد-19` and
                    // `أوكاه-دونلي` are words.
                    // (A hyphen between spaces before a longer word is the
                    // dash of a UN short form, `(جمهورية - البوليفارية)`.)
                    let alone = i == 0 || line[i - 1] == b' ';
                    // `تايلن-(دولة`: a hyphen between a word and a bracket
                    // is two runs glued (`reading_order::split_token`).
                    if next == b'(' && i > 1 && is_arabic_letter_at(line, i - 2) {
                        check = true;
                    }
                    if i > 1 && line[i - 1] >= 0x80 && hyphen_drawn_out_of_place(line, i) {
                        check = true;
                    }
                    if alone
                        && (next.is_ascii_digit()
                            || next >= 0x80
                            || (next == b' '
                                && (at(i + 2).is_ascii_digit()
                                    || (at(i + 2) >= 0x80 && !starts_with_longer_than_label(&text[i + 2..])))))
                    {
                        check = true;
                    }
                }
                b'.' | b':' | b'!' | b'?' | b';' | b',' => {
                    let next = at(i + 1);
                    // Glued to a word or starting a number (`.٢٠٢٣`), but
                    // not a decimal point.
                    let digit = next.is_ascii_digit() || next == 0xD9 || next == 0xDB;
                    // (`WG.7` and `3.5` are not: the point is inside a token
                    // of Latin letters or digits.)
                    let token_start = i == 0 || line[i - 1] == b' ' || line[i - 1] >= 0x80;
                    let after_arabic = i > 0 && line[i - 1] >= 0x80;
                    // After a closing bracket, before a Latin run (`).CTOC`):
                    // a bracket's run emitted before its content's.
                    let after_bracket = i > 0 && matches!(line[i - 1], b')' | b']');
                    // A period that starts the line before a bracket: the
                    // sentence's, drawn first (`.(ج) تتأخر ...`).
                    let period_first =
                        || b == b'.' && matches!(next, b'(' | b')') && line[..i].iter().all(|&b| b == b' ');
                    if is_arabic_lead(next)
                        || (digit && token_start)
                        || ((after_arabic || after_bracket) && (next.is_ascii_alphanumeric() || next >= 0x80))
                        || period_first()
                    {
                        check = true;
                    }
                }
                // A token that starts with a closing bracket is cut before
                // a left-to-right run in it (`)؛CTOC/...`, `)..7`: the
                // bracket's run and the run after it, glued;
                // `reading_order::split_token`).
                b')' | b']' if closing_bracket_before_a_run(line, i) => {
                    // `)UNEP(`: brackets mirrored around a Latin run
                    // (`mirrored_brackets`).
                    let token = line[i..].split(|&b| b == b' ').next().unwrap_or_default();
                    if token.contains(&b'(') {
                        return Verdict::Dirty;
                    }
                    check = true;
                }
                b'(' if line[i..].starts_with(b"(cid:") => return Verdict::Dirty,
                b'/' if at(i + 1) == b'g' && at(i + 2).is_ascii_digit() => return Verdict::Dirty,
                b'u' if line[i..].starts_with(b"uni")
                    && line[i + 3..].iter().take(4).filter(|c| c.is_ascii_hexdigit()).count() == 4 =>
                {
                    return Verdict::Dirty
                }
                0x00..=0x1F | 0x7F => {
                    // (A control a mark's glyph was mapped to is judged per
                    // document: `invisible_controls::mark_glyph_controls`.)
                    dirty_if_arabic |= b != 0 && crate::invisible_controls::is_glyph_control_byte(b);
                    check_if_arabic = true;
                    signs_out.tab |= b == b'\t';
                }
                b'0'..=b'9' if digits_change => dirty_if_arabic = true,
                // A number glued to the word before it (`تبلغ120`), which
                // the spacing stage may set apart.
                b'0'..=b'9' if i >= 2 && line[i - 1] >= 0x80 && after_arabic_letter_or_mark(line, i) => {
                    check_if_arabic = true
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            0xD8..=0xDB => {
                arabic = true;
                let s = at(i + 1);
                // A mark cut off its letter by a space (the common marks
                // are caught at the space; these are the rarer ones).
                if matches!((b, s), (0xD8, 0x90..=0x9A) | (0xDB, 0x96..=0xED))
                    && i > 0
                    && line[i - 1] == b' '
                    && starts_with_mark(text, i)
                    && !is_pause_mark_alone(line, i)
                {
                    return Verdict::Dirty;
                }
                // An ASCII code before a letter or before the marks of one
                // (`المهاجر'ن`); then, before a letter, a Latin letter or
                // digit glued to it (a run boundary, `2021تشرين`).
                if i > 1 && is_ascii_code_candidate(line[i - 1]) && line[i - 2] >= 0x80 {
                    return Verdict::Dirty;
                }
                if i > 0 && is_arabic_letter_at(line, i) {
                    let p = line[i - 1];
                    if p.is_ascii_alphanumeric() || p == b')' {
                        check = true;
                    }
                    if p >= 0x80 && !(i > 1 && is_arabic_lead(line[i - 2])) {
                        // After a character of another block: a letter of
                        // another script glued to the word?
                        let before = text[..i].chars().next_back().unwrap_or(' ');
                        if before.is_alphanumeric() {
                            // (A code inside a word: judged per document.)
                            if crate::stray_codes::ends_with_code_after_letter(&text[..i]) {
                                return Verdict::Dirty;
                            }
                            check = true;
                        }
                    }
                }
                match (b, s) {
                    // Tatweel, the Arabic letter mark.
                    (0xD9, 0x80) | (0xD8, 0x9C) => return Verdict::Dirty,
                    // Keheh and Farsi yeh.
                    (0xDA, 0xA9) | (0xDB, 0x8C) => return Verdict::Dirty,
                    // Arabic punctuation glued to what follows.
                    (0xD8, 0x8C | 0x9B | 0x9F) => {
                        let next = at(i + 2);
                        if next >= 0x80 || next.is_ascii_alphanumeric() {
                            check = true;
                        }
                    }
                    // Arabic-Indic digits and their separators.
                    (0xD9, 0xA0..=0xAC) | (0xDB, 0xB0..=0xB9) => {
                        if digits_change {
                            return Verdict::Dirty;
                        }
                        // A number glued to the word before it (`عام٢٠٢٣`).
                        if after_arabic_letter_or_mark(line, i) {
                            check_if_arabic = true;
                        }
                        if is_arabic_letter_at(line, i + 2) {
                            check = true;
                        }
                    }
                    // Teh marbuta or alef maksura starting a word: words in
                    // visual order (`ةيبرعلا`).
                    _ => {}
                }
                i += 2;
            }
            // Arabic Supplement, Extended-A and -B: rare, taken the full way.
            0xDD => return Verdict::Dirty,
            // `»` before an Arabic letter: a guillemet that may be mirrored,
            // judged per document (`mirrored_brackets`).
            0xC2 if at(i + 1) == 0xBB && is_arabic_lead(at(i + 2)) => return Verdict::Dirty,
            0xE0 if matches!(at(i + 1), 0xA1..=0xA3) => return Verdict::Dirty,
            // Bidi controls, zero-width characters, isolates.
            0xE2 if at(i + 1) == 0x80 && matches!(at(i + 2), 0x8B..=0x8F | 0xAA..=0xAE) => return Verdict::Dirty,
            0xE2 if at(i + 1) == 0x81 && matches!(at(i + 2), 0xA0..=0xAF) => return Verdict::Dirty,
            // Private use (U+E000..U+F8FF), presentation forms (U+FB50..U+FDFF,
            // U+FE70..U+FEFF, which holds the byte order mark), U+FFFD, and
            // U+FFFF, a noncharacter some extractors write for a glyph the
            // PDF maps to nothing (`word_order` reads it as a neutral).
            0xEE => return Verdict::Dirty,
            0xEF => {
                let s = at(i + 1);
                if matches!(s, 0x80..=0xA3 | 0xAD..=0xB7) || (s == 0xB9 && at(i + 2) >= 0xB0) || s == 0xBA || s == 0xBB
                {
                    return Verdict::Dirty;
                }
                if s == 0xBF && matches!(at(i + 2), 0xBD | 0xBF) {
                    return Verdict::Dirty;
                }
                i += 3;
            }
            // Planes 15 and 16 (private use), and the supplementary Arabic
            // blocks (U+10E60.., U+1EC70.., U+1EE00..).
            0xF3 if at(i + 1) >= 0xB0 => return Verdict::Dirty,
            0xF4 => return Verdict::Dirty,
            0xF0 if matches!((at(i + 1), at(i + 2)), (0x90, 0xB9) | (0x9E, 0xB1..=0xBB)) => return Verdict::Dirty,
            _ => i += 1,
        }
    }
    count_token_signs(&text[token_start..], &mut final_first, &mut article_last, &mut one_letter);
    signs_out.long_token = boundaries && crate::lost_spaces::has_few_tokens(n, spaces) && has_long_token(text);
    words += usize::from(token_start < n);
    signs_out.three_arabic_words = arabic && words >= 3;
    if boundaries && one_letter && crate::word_boundaries::signs(text) > 0 {
        return Verdict::Dirty;
    }
    if final_first >= 2 || article_last >= 2 || (final_first >= 1 && article_last >= 1) {
        check = true;
    }
    if arabic {
        if dirty_if_arabic {
            return Verdict::Dirty;
        }
        if check_if_arabic {
            return Verdict::CheckLine;
        }
    }
    if check {
        Verdict::CheckOrder
    } else {
        Verdict::Clean
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::pipeline::repair_document_fully as repair_document;

    /// The claim of the module: what the scan passes, the repair keeps.
    fn assert_sound(text: &str) {
        let config = Config::default();
        if is_clean(text, &config) {
            assert_eq!(repair_document(text, &config, None), text, "the fast path passed a text the repair changes");
        }
    }

    fn corpus_texts() -> Vec<(String, String)> {
        let mut out = Vec::new();
        for dir in ["corpus/negative", "corpus/in-the-wild", "corpus/synthetic"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(path).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        out
    }

    /// The four-letter test agrees with the table, letter by letter: every
    /// pair of bytes in each lane, beside common letters in the others.
    #[test]
    fn four_common_letters_agrees_with_the_letter_table() {
        let (mut passed, mut common) = (0, 0);
        for lane in 0..4 {
            for lead in 0x00..=0xFFu8 {
                for second in 0x80..=0xBFu8 {
                    // `ب` (D8 A8) and `ن` (D9 86) in the other lanes.
                    let mut bytes = [0xD8, 0xA8, 0xD9, 0x86, 0xD8, 0xA8, 0xD9, 0x86];
                    bytes[2 * lane] = lead;
                    bytes[2 * lane + 1] = second;
                    let four = four_common_letters(u64::from_le_bytes(bytes));
                    let is_common = is_common_letter(lead, second);
                    assert!(
                        !four || is_plain_letter(lead, second),
                        "{lead:02X} {second:02X} passed, no letter of the table"
                    );
                    assert_eq!(four, is_common, "{lead:02X} {second:02X} in lane {lane}");
                    passed += usize::from(four);
                    common += usize::from(is_common);
                }
            }
        }
        assert_eq!(passed, 4 * (32 + 10));
        assert_eq!(common, passed);
    }

    #[test]
    fn clean_corpus_takes_the_fast_path() {
        // Every gold text is clean Arabic prose: the scan must recognize
        // it, or the fast path is useless. (Some negative texts hold what
        // the scan sends the full way on purpose: the Hijri `هـ`, `﷼`.)
        let config = Config::default();
        let mut gold = 0;
        for (name, text) in corpus_texts() {
            // (The gold of `pdftotext -raw` holds list labels whose
            // brackets went to a line of their own, `أ تحتاج`: a letter
            // standing alone, which the scan takes for a sign of lost
            // spaces and leaves to the full repair, which keeps it.)
            // (Nor the vowelled text's, `pdf-vowelled-*`: its one lam-alef,
            // in `امْتَلَأَ`, is no final lam + alef after a letter that joins
            // it, so the ligature stage must judge it, whose prefilter
            // `swapped_ligatures::may_swap_ligatures` reads marks aside:
            // longer vowelled text takes the fast path, and the full
            // repair keeps this one, tests/negative.rs.)
            if name.ends_with(".gold.txt") && !name.ends_with("-raw.gold.txt") && !name.contains("pdf-vowelled-") {
                assert!(is_clean(&text, &config), "{name}");
                gold += 1;
            }
        }
        assert!(gold >= 2);
    }

    #[test]
    fn damaged_lines_never_pass_the_scan() {
        // Every line of every damaged document that the repair changes when
        // repaired alone is caught by the scan.
        let config = Config::default();
        for (name, text) in corpus_texts() {
            if !name.ends_with(".broken.txt") {
                continue;
            }
            if repair_document(&text, &config, None) != text {
                assert!(!is_clean(&text, &config), "{name}");
            }
            for (n, line) in text.lines().enumerate() {
                if repair_document(line, &config, None) != line {
                    assert!(!is_clean(line, &config), "{name}:{}: {line}", n + 1);
                }
            }
        }
    }

    fn scan_line_str(line: &str, config: &Config) -> Verdict {
        scan_line(line, config, &mut LineSigns::default())
    }

    #[test]
    fn examples_of_each_verdict() {
        let c = Config::default();
        assert_eq!(scan_line_str("أقرَّ مؤتمر الأطراف في اتفاقية الأمم المتحدة", &c), Verdict::Clean);
        assert_eq!(scan_line_str("١- أقرَّ مؤتمر الأطراف (CTOC/COP/2018/3)، في", &c), Verdict::Clean);
        assert_eq!(scan_line_str("العضـــــوية", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("المهاجر\u{FFFD}ن", &c), Verdict::Dirty);
        // The code some extractors write for an unmapped neutral.
        assert_eq!(scan_line_str("إدارة المياه\u{FFFF}", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("المهاجر'ن", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("الأطراف ، في", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("الأطراف ", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("english text ", &c), Verdict::Clean);
        assert_eq!(scan_line_str("( أ) تحتاج", &c), Verdict::CheckLine);
        assert_eq!(scan_line_str("التوصيات  -ثانياً", &c), Verdict::CheckLine);
        assert_eq!(scan_line_str("التوصيات -ثانياً", &c), Verdict::CheckOrder);
        // A hyphen between spaces: before a label word or a number it may be
        // a label's; before a longer word it is a UN short form's dash.
        assert_eq!(scan_line_str("التوصيات - ثانياً", &c), Verdict::CheckOrder);
        assert_eq!(scan_line_str("التوصيات - 16", &c), Verdict::CheckOrder);
        assert_eq!(scan_line_str("فنزويلا (جمهورية - البوليفارية)، كندا", &c), Verdict::Clean);
        assert_eq!(scan_line_str("(دولة - المتعددة القوميات)، تايلند", &c), Verdict::Clean);
        assert_eq!(scan_line_str("٤/٤مقرَّره", &c), Verdict::CheckOrder);
        // A hyphen between a word and a bracket: two runs glued.
        assert_eq!(scan_line_str("د، سري لانكا.المتعددة القوميات)، تايلن-(دولة", &c), Verdict::CheckOrder);
        assert_eq!(scan_line_str("ال-(لا", &c), Verdict::CheckOrder);
        // A note marker glued to the word after it.
        assert_eq!(scan_line_str("(١)ال بىلاى", &c), Verdict::CheckOrder);
        // Neutrals drawn out of place (PyMuPDF on LibreOffice's PDFs): a
        // hyphen glued to the line's last word, a period starting the line
        // before a bracket, a heading's label glued after its title.
        assert_eq!(scan_line_str("١. يتناول هذا التقرير التحديات-", &c), Verdict::CheckOrder);
        assert_eq!(scan_line_str(".(ج) تتأخر الاستثمارات", &c), Verdict::CheckOrder);
        // (A hyphen before a tanween is a heading's label whose neutrals
        // went elsewhere, which `label_marks` judges per document: the
        // full way.)
        assert_eq!(scan_line_str(" مقدمة-ًأولا", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("أولا -ً مقدمة", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("١- يتناول هذا التقرير التحديات.", &c), Verdict::Clean);
        // A token that starts with a closing bracket and holds a number or
        // Latin: two runs glued (found by the property test: `لا )..0`).
        assert_eq!(scan_line_str("لا )..0", &c), Verdict::CheckOrder);
        assert_eq!(scan_line_str("لا ).", &c), Verdict::Clean);
        assert_eq!(scan_line_str("ةيبرعلا ةغللا", &c), Verdict::CheckOrder);
        assert_eq!(scan_line_str("ملاعلا ناكسلا", &c), Verdict::CheckOrder);
        // Letters standing alone: signs of added spaces.
        assert_eq!(scan_line_str("الجريمة ا لمنظمة", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("الجريمة ب\u{0610} لمنظمة", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("وم ن", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("الصلةوأشار", &c), Verdict::Clean);
        assert_eq!(scan_line_str("عام ٢٠٢١ م في ص ١٢", &c), Verdict::Clean);
        assert_eq!(scan_line_str("مرةً واحدة و قمع", &c), Verdict::Clean);
        assert_eq!(scan_line_str("الجريمة ا لمنظمة", &Config::new().word_boundaries(false)), Verdict::Clean);
        // A rarer mark cut off its letter by a space.
        assert_eq!(scan_line_str("نسألأ \u{0610}(ع", &c), Verdict::Dirty);
        assert_eq!(scan_line_str("٣ ويستند", &Config::new().digits(DigitStyle::Ascii)), Verdict::Dirty);
    }

    /// Arabic-like text: words of letters, marks, digits, Latin and the
    /// punctuation and spacing the damage patterns are made of.
    fn arabic_like() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "ال", "ب", "ي", "ك", "ة", "ى", "لا", "لأ", "ا", "م", "ن", "و", "ت", "ه", "ع", "ر", "س", "\u{064E}",
            "\u{0651}", "\u{0650}", "\u{064B}", " ", " ", " ", "  ", "-", "(", ")", ".", "،", "؛", ":", "١", "٢", "0",
            "7", "/", "a", "Z", "'", "\n", "ـ", "\u{FFFD}", "ی", "ﻻ", "\u{202B}", "\t", "\r",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    /// Lines of words with only what clean Arabic is made of (letters,
    /// marks, digits, Latin, punctuation), one space between words, so that
    /// most cases pass the scan and reach the repair.
    fn clean_like() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "ال", "ب", "ي", "ك", "ة", "ى", "لا", "لأ", "ا", "أ", "م", "ن", "و", "ت", "ه", "ع", "ر", "س", "\u{064E}",
            "\u{0651}", "\u{0610}", "-", "(", ")", ".", "،", "؛", "١", "٢", "0", "7", "/", "a", "Z", "C",
        ]);
        let word = prop::collection::vec(atoms, 1..6).prop_map(|v| v.concat());
        let line = prop::collection::vec(word, 1..8).prop_map(|v| v.join(" "));
        prop::collection::vec(line, 1..4).prop_map(|v| v.join("\n"))
    }

    /// Lines whose words are joined by nothing, by tabs or by spaces (the
    /// damage `lost_spaces` and `tab_spaces` judge per document, by lines
    /// the scan must count).
    fn glued_or_tabbed() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "ال", "ب", "ي", "ك", "ة", "م", "ن", "و", "ت", "ه", "ع", "ر", "س", "في", "من", "على", "\u{064E}", ".", "١",
            "0", "-",
        ]);
        let word = prop::collection::vec(atoms, 1..5).prop_map(|v| v.concat());
        let joint = prop::sample::select(vec!["", "", "\t", " "]);
        let line = (prop::collection::vec(word, 1..12), joint).prop_map(|(v, j)| v.join(j));
        prop::collection::vec(line, 1..7).prop_map(|v| v.join("\n"))
    }

    #[test]
    fn the_scan_sends_documents_that_lost_or_tabbed_their_spaces_the_full_way() {
        let glued = "وقدأعدالتقريرفريقمنالخبراءبناءعلىطلباللجنة";
        let text = format!("{glued}\n{glued}\n{glued}\n");
        assert!(!is_clean(&text, &Config::default()));
        assert_sound(&text);
        let tabbed = "وقد\tأعد\tالتقرير\tفريق\tمن\tالخبراء";
        let text = format!("{tabbed}\n{tabbed}\n{tabbed}\n");
        assert!(!is_clean(&text, &Config::default()));
        assert_sound(&text);
        assert_sound(&format!("{glued}\n{tabbed}\n"));
    }

    /// Words emitted from the visual left without labels (`word_order`):
    /// judged by the lines' edges, which the scan counts as the judgement
    /// does, a first word `.٢٠٢٣` too.
    #[test]
    fn the_scan_sends_words_emitted_from_the_left_the_full_way() {
        let lines = [
            "السعودية. العربية والمملكة الأردن تليها الجهود، هذه",
            "الأولى. مرحلته في بلدان خمسة يغطي أن على",
            ".٢٠٣٠ لعام المعلنة الأهداف لبلوغ أساسيان شرطان",
            "التقنية التحديات",
        ];
        let text = lines.join("\n");
        assert!(!is_clean(&text, &Config::default()));
        assert_sound(&text);
        // Beside as many lines that end with their punctuation, as text is
        // written: not judged, and what the scan passes the repair keeps.
        let written = "شهدت المنطقة العربية تحولاً ملحوظاً.\n".repeat(3) + &text;
        assert_sound(&written);
        assert!(!crate::word_order::document_emits_words_from_the_left(written.lines(), false));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000)
        ))]

        #[test]
        fn what_the_scan_passes_the_repair_keeps(text in arabic_like()) {
            assert_sound(&text);
        }

        #[test]
        fn what_the_scan_passes_the_repair_keeps_on_clean_like_text(text in clean_like()) {
            assert_sound(&text);
        }

        #[test]
        fn what_the_scan_passes_the_repair_keeps_on_glued_and_tabbed_text(text in glued_or_tabbed()) {
            assert_sound(&text);
        }
    }

    #[test]
    fn the_scan_is_sound_on_brackets_closed_before_their_content() {
        // `reading_order::split_token` cuts a bracket and the punctuation
        // after it from a Latin run (ctoc-wg7-2021-5, line 191).
        for line in [
            "الطلب على تهريب المهاجرين ).CTOC/COP/WG.7/2021/2 (",
            "الطلب على تهريب المهاجرين )؛CTOC/COP/WG.7/2021/2 (",
            "الطلب على تهريب ]:CTOC المهاجرين [",
            "فنزويلا (جمهورية -البوليفارية)، كندا",
        ] {
            assert_sound(line);
        }
    }

    #[test]
    fn the_scan_is_sound_on_the_corpus_lines() {
        for (_, text) in corpus_texts() {
            for line in text.lines() {
                assert_sound(line);
            }
        }
    }
}

#[cfg(test)]
mod stats {
    #[test]
    #[ignore]
    fn verdict_counts() {
        let c = crate::Config::default();
        for f in [
            "corpus/in-the-wild/ctoc-wg4-2018-3.gold.txt",
            "corpus/in-the-wild/ctoc-wg7-2021-5.gold.txt",
            "corpus/negative/arabic-prose-mixed.txt",
        ] {
            let t = std::fs::read_to_string(f).unwrap();
            let mut n = [0; 4];
            for l in t.lines() {
                let v = super::scan_line(l, &c, &mut super::LineSigns::default());
                n[v as usize] += 1;
                if matches!(v, super::Verdict::CheckOrder | super::Verdict::CheckLine) {
                    // The shortest prefix that is to check.
                    let end = l
                        .char_indices()
                        .map(|(i, c)| i + c.len_utf8())
                        .find(|&e| {
                            super::scan_line(&l[..e], &c, &mut super::LineSigns::default()) != super::Verdict::Clean
                        })
                        .unwrap();
                    eprintln!("{}", &l[..end]);
                }
            }
            eprintln!("{f}: clean {} dirty {} check order {} check line {}", n[0], n[1], n[2], n[3]);
        }
    }
}
