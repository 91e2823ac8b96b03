//! Stage: word boundaries — a space lost between two words
//! (`بروتوكولمنع` for `بروتوكول منع`), a space put inside a word (`ا لمنظمة`
//! for `المنظمة`, `تع زيز` for `تعزيز`).
//!
//! Extractors decide where words end from the gaps between glyphs: a tight
//! gap loses a space, a wide one (justification, kerning) adds one. Whether
//! two tokens are one word, or one token two words, is a question for the
//! lexicon, and a dangerous one: `عبد الله` and `عبدالله` are both right,
//! and a name the lexicon lacks must not be cut into two words it knows.
//! So the stage acts only
//! - in a document that shows this damage by a sign that needs no lexicon
//!   (see [`signs`]): letters standing alone (`وم ن`, `ا لمنظمة`), at least
//!   [`DAMAGE_SIGNS`] of them and one per [`LINES_PER_SIGN`] lines with
//!   Arabic. Correct text has none, and the fast path sends every line with
//!   one to the full repair, so a document without them is untouched;
//! - on tokens that are not words: two tokens are joined only if one of
//!   them is a piece (a single letter, the bare article, or far rarer than
//!   the word they make) and together they make a frequent word; a token is
//!   cut only if the lexicon does not know it and both halves are frequent
//!   words;
//! - when the words gained clearly outweigh what they replace (unigram
//!   log-probabilities, as the reading-order search scores them): the
//!   confidence is a logistic function of that gain, less demanding where a
//!   sign backs the fix (a teh marbuta before the cut, `الصلةوأشار`; the
//!   article after it, `هوالصك`; a letter alone), applied from
//!   `Config::min_confidence` on.

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::lexicon::Lexicon;
use crate::pipeline::LineContext;
use crate::reading_order::{WordScorer, KNOWN_AT};
use crate::script::{is_arabic_letter, is_arabic_mark, is_arabic_word_char, is_digit};

/// Signs from which on a document counts as showing this damage.
pub(crate) const DAMAGE_SIGNS: usize = 3;

/// Lines with Arabic per sign at most for a document to count as damaged.
pub(crate) const LINES_PER_SIGN: usize = 50;

/// The log-probability from which a word counts as frequent (Zipf 3, one in
/// a million running words).
const FREQUENT_AT: f64 = -13.8;
/// The same, as the lexicon's Zipf frequency.
pub(crate) const FREQUENT_ZIPF: f32 = 3.0;

/// How much rarer than the word it would join into a token must be to count
/// as a piece of it.
const FRAGMENT_RATIO: f64 = 30.0;

/// What a word may lose in log-probability to a proclitic joined to it.
const PROCLITIC_COST: f64 = 3.0;

/// Gain (in log-probability) at which the confidence of a fix is one half,
/// with a sign that needs no lexicon and without; the default
/// `min_confidence` of 0.9 asks for 2.2 more. Without a sign the lexicon
/// alone must be sure: names it lacks are cut into words it knows at gains
/// up to 8 (`غيرمينا` 5.5; OOV words of Tesseract's Arabic list: up to 7.8).
const EVEN_GAIN_SIGNED: f64 = 1.0;
const EVEN_GAIN: f64 = 8.0;

/// The gain given to joining the conjunction to a listed word after a
/// kerned yeh: a confidence of 0.95 (`confidence`, with a sign: the
/// logistic at ln 19 = 2.944 past its centre).
const CONJUNCTION_BEFORE_KERNED_YEH_GAIN: f64 = EVEN_GAIN_SIGNED + 2.944;

/// Letters that only end words (teh marbuta, alef maksura).
fn ends_words_only(c: char) -> bool {
    matches!(c, 'ة' | 'ى')
}

/// Whether a token is one Arabic letter with its marks, other than the
/// conjunction `و` (written apart by some, and a word by itself).
pub(crate) fn is_lone_letter(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(|c| is_arabic_letter(c) && c != 'و') && chars.all(is_arabic_mark)
}

/// Signs of added spaces in a line that need no lexicon: letters standing
/// alone (not the abbreviations beside a number, `٢٠٢١ م`, `ص ١٢`). (A
/// teh marbuta inside a token, `الصلةوأشار`, would be a sign of lost ones,
/// but looking for it costs the fast path a fifth of its speed; extractors
/// that lose spaces add them too.)
pub(crate) fn signs(line: &str) -> usize {
    // (Most lines hold no letter alone: one pass tells, without the tokens
    // gathered.)
    if !line.split(' ').any(is_lone_letter) {
        return 0;
    }
    let tokens: Vec<&str> = line.split(' ').filter(|t| !t.is_empty()).collect();
    let spelled = spelled_out_letters(&tokens);
    let mut n = 0;
    for (k, t) in tokens.iter().enumerate() {
        if is_lone_letter(t) && !spelled[k] {
            let after_number = k > 0 && tokens[k - 1].chars().next_back().is_some_and(is_digit);
            let before_number = tokens.get(k + 1).and_then(|next| next.chars().next()).is_some_and(is_digit);
            if !(after_number || before_number) {
                n += 1;
            }
        }
    }
    n
}

/// The fewest letters standing alone side by side that spell something out
/// rather than show added spaces: between brackets or punctuation, and
/// anywhere.
const SPELLED_OUT_RUN: usize = 3;
const SPELLED_OUT_RUN_ANYWHERE: usize = 5;

/// Which of a line's tokens are letters spelled out one by one: a run of
/// tokens whose word is one letter, [`SPELLED_OUT_RUN`] or more set off by
/// brackets or punctuation (a root, `(ك ت ب)`, `الجذر: ف ع ل.`) or
/// [`SPELLED_OUT_RUN_ANYWHERE`] or more (the alphabet). Writers spell so;
/// the added spaces of a letter-spaced extraction leave letters alone
/// between pieces of words, three side by side where two words are cut
/// (`نجح ت ف ي إدانة`), but rarely at a bracket or a sentence's end and
/// never five.
pub(crate) fn spelled_out_letters(tokens: &[&str]) -> Vec<bool> {
    // (A letter of the basic block: presentation forms are code-point
    // damage, `ﻲ ﻓ ﻲ`.)
    let one_letter = |t: &&&str| {
        let mut chars = word_of(t).map(|(_, w)| w.chars()).into_iter().flatten();
        chars.next().is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c)) && chars.next().is_none()
    };
    let mut spelled = vec![false; tokens.len()];
    let mut k = 0;
    while k < tokens.len() {
        let mut run = tokens[k..].iter().take_while(one_letter).count();
        // The conjunction starts no run: `و م ن` is `ومن` cut twice (inside
        // one, `أ و ب` is A and B).
        if run > 0 && word_of(tokens[k]).is_some_and(|(_, w)| w == "و") {
            k += 1;
            run -= 1;
        }
        // A lam beside an alef is the lam-alef ligature cut in two (`ب ل ا
        // تتوفر`, pdf.js, after a list's letter; `ا ل (ب)` in visual
        // order), no letters spelled out.
        let lam_alef = tokens[k..k + run].windows(2).any(|pair| {
            let letter = |t: &str| word_of(t).and_then(|(_, w)| w.chars().next());
            let alef = |c: Option<char>| c.is_some_and(|c| matches!(c, 'ا' | 'أ' | 'إ' | 'آ'));
            let (a, b) = (letter(pair[0]), letter(pair[1]));
            (a == Some('ل') && alef(b)) || (alef(a) && b == Some('ل'))
        });
        // Set off: an opening bracket or a colon before the first letter, a
        // closing bracket or punctuation after the last; or two letters
        // with the conjunction between them (`أ و ب`, A and B).
        let set_off = run > 0
            && (tokens[k].starts_with(['(', '[', '«'])
                || k > 0 && tokens[k - 1].ends_with(':')
                || tokens[k + run - 1].ends_with([')', ']', '»', '.', '،', '؛', ':'])
                || run == 3 && word_of(tokens[k + 1]).is_some_and(|(_, w)| w == "و"));
        let spelled_out = run >= SPELLED_OUT_RUN_ANYWHERE || (run >= SPELLED_OUT_RUN && set_off);
        if spelled_out && !lam_alef {
            spelled[k..k + run].fill(true);
        }
        k += run.max(1);
    }
    spelled
}

/// Whether a document (its lines) shows lost and added spaces: signs that
/// need no lexicon, and words cut before a kerned yeh (`kerning_splits`).
pub(crate) fn document_shows_damage<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut arabic, mut signs_seen) = (0usize, 0usize);
    for line in lines {
        if crate::script::has_arabic_script(line) {
            arabic += 1;
            signs_seen += signs(line) + kerning_splits(line);
        }
    }
    signs_seen >= DAMAGE_SIGNS && signs_seen * LINES_PER_SIGN >= arabic
}

/// Whether a letter is one after which fonts drawn in the Naskh style
/// (Amiri) kern an initial yeh back under it (`فريق`, `التوزيع`, `طويلة`):
/// the yeh starts left of where the letter ends, and extractors that cut
/// words where a glyph goes back against the line's direction (pdftotext,
/// pdf.js, PDFium) put a space there (`فر يق`, `التوز يع`, `طو يلة`;
/// `corpus/in-the-wild/pdf-*amiri-*` from WeasyPrint, Typst, Chromium and
/// fpdf2).
fn kerns_a_yeh_under_it(c: char) -> bool {
    matches!(c, 'ر' | 'ز' | 'و')
}

/// Whether `a` and `b`, one space apart, are one word cut before a kerned
/// yeh: `a`'s word (two letters or more) ends with a letter that kerns one
/// under it, `b`'s starts with yeh, together they make a word the lexicon
/// lists as frequent (Zipf 3), and one of the two is a piece: unlisted, or
/// listed far rarer than the join (word lists hold the pieces of this very
/// damage: `يق` Zipf 2.3 beside `فريق` 5.4, `ية` beside `الحضرية`). The
/// lexicon's own frequencies, not the scorer's: its letter model rates
/// short pieces as likely words. `تقرير يعرض` is two words; `و يعزى` is
/// joined once the document shows the damage (a conjunction alone), but is
/// no sign of it.
fn is_kerning_split(a: &str, b: &str) -> bool {
    // (After a slash, the second name of a month: `آذار/مارس`.)
    let a = a.rsplit('/').next().unwrap_or(a);
    let (Some((_, wa)), Some((start_b, wb))) = (word_of(a), word_of(b)) else {
        return false;
    };
    if !a.ends_with(wa) || start_b != 0 || !wb.starts_with('ي') || letters(wa) < 2 {
        return false;
    }
    if !wa.chars().rev().find(|&c| is_arabic_letter(c)).is_some_and(kerns_a_yeh_under_it) {
        return false;
    }
    let lexicon = Lexicon::embedded();
    let Some(joined) = lexicon.zipf(&format!("{wa}{wb}")).filter(|&z| z >= FREQUENT_ZIPF) else {
        return false;
    };
    let piece = |w: &str| lexicon.zipf(w).is_none_or(|z| joined - z >= FRAGMENT_RATIO.log10() as f32);
    piece(wa) || piece(wb)
}

/// Whether two tokens are one word cut before a kerned yeh: a word of two
/// letters or more (`is_kerning_split`), or the conjunction before a word
/// it makes a listed one with (`و` + `يعزى`).
pub(crate) fn joins_across_kerned_yeh(a: &str, b: &str) -> bool {
    let Some((0, wb)) = word_of(b).filter(|(_, w)| w.starts_with('ي')) else {
        return false;
    };
    // The conjunction, or a reh or zain alone (`ز` + `يادة`), before a word
    // they make a listed one with.
    let one_letter = match a {
        "ر" | "ز" => Lexicon::embedded().zipf(&format!("{a}{wb}")).is_some_and(|z| z >= FREQUENT_ZIPF),
        _ => conjunction_before_kerned_yeh(a, wb),
    };
    one_letter || is_kerning_split(a, b)
}

/// Whether a word is the conjunction alone before a word starting with a
/// kerned yeh that it makes a listed word with (`و` + `يعزى`).
fn conjunction_before_kerned_yeh(wa: &str, wb: &str) -> bool {
    wa == "و" && wb.starts_with('ي') && Lexicon::embedded().contains(&format!("و{wb}"))
}

/// The words of a line cut before a kerned yeh (`is_kerning_split`). A
/// pair of bytes rules out almost every space before the lexicon is asked.
pub(crate) fn kerning_splits(line: &str) -> usize {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b' ', bytes)
        .filter(|&i| may_be_kerning_split(bytes, i))
        .filter(|&i| {
            let (a, b) = tokens_around(line, i);
            is_kerning_split(a, b)
        })
        .count()
}

/// The tokens before and after the space at byte `i`.
fn tokens_around(line: &str, i: usize) -> (&str, &str) {
    (line[..i].rsplit(' ').next().unwrap_or_default(), line[i + 1..].split(' ').next().unwrap_or_default())
}

/// Whether the space at byte `i` stands between `ر`, `ز` or `و` and a yeh
/// (their UTF-8 bytes): the test the fast path makes at every space.
#[inline]
pub(crate) fn may_be_kerning_split(line: &[u8], i: usize) -> bool {
    i >= 2
        && matches!((line[i - 2], line[i - 1]), (0xD8, 0xB1 | 0xB2) | (0xD9, 0x88))
        && line.get(i + 1..i + 3) == Some(&[0xD9, 0x8A][..])
}

/// Whether the space at byte `i` of `line` cuts a word before a kerned yeh
/// (the fast path's exact test, after `may_be_kerning_split`).
#[cold]
pub(crate) fn is_kerning_split_at(line: &str, i: usize) -> bool {
    let (a, b) = tokens_around(line, i);
    is_kerning_split(a, b)
}

/// The word of a token: the token without the punctuation at its ends, if
/// what is left is word characters only (letters, marks, tatweel, and a
/// U+FFFD the placeholder stage left: the lexicon reads it as a wildcard, so
/// that `المهاجر�نتحليل` is cut and its placeholder restored after).
fn word_of(token: &str) -> Option<(usize, &str)> {
    let start = token.len() - token.trim_start_matches(|c: char| !is_arabic_word_char(c)).len();
    let core = token[start..].trim_end_matches(|c: char| !is_arabic_word_char(c));
    (!core.is_empty() && core.chars().all(is_arabic_word_char)).then_some((start, core))
}

fn letters(word: &str) -> usize {
    word.chars().filter(|&c| is_arabic_letter(c)).count()
}

/// The confidence of a fix that gains `gain` in log-probability, with or
/// without a sign that needs no lexicon.
fn confidence(gain: f64, signed: bool) -> f32 {
    let even = if signed { EVEN_GAIN_SIGNED } else { EVEN_GAIN };
    (1.0 / (1.0 + (-(gain - even)).exp())) as f32
}

/// Whether a word is the article or a proclitic alone, never a word of its
/// own (`ال صلة`, `وال مراقبة`).
pub(crate) fn is_bare_prefix(word: &str) -> bool {
    matches!(crate::lexicon::normalize(word).as_str(), "ال" | "وال" | "بال" | "فال" | "كال" | "لل" | "ول" | "وب")
}

/// Whether a word is a suffix alone (the dual, the plurals, the pronouns):
/// cutting it off a word the lexicon lacks (`المناظران`) is no fix.
pub(crate) fn is_bare_suffix(word: &str) -> bool {
    matches!(
        crate::lexicon::normalize(word).as_str(),
        "ان" | "ين"
            | "ون"
            | "ات"
            | "ية"
            | "يات"
            | "يون"
            | "يين"
            | "ها"
            | "هم"
            | "هن"
            | "هما"
            | "كم"
            | "كما"
            | "نا"
            | "ني"
            | "تم"
            | "تن"
            | "وا"
            | "يه"
            | "يا"
    )
}

/// The gain of joining `a` (which must end with a word) and `b` (which must
/// start with one) into one word, and whether a sign backs it, if that is a
/// fix at all.
fn join_gain(scorer: &WordScorer, a: &str, b: &str) -> Option<(f64, bool)> {
    // (A kerned yeh may follow a slash: `ونيسان/أبر يل`.)
    let kerned = is_kerning_split(a, b);
    let a = if kerned { a.rsplit('/').next().unwrap_or(a) } else { a };
    let (_, wa) = word_of(a)?;
    let (start_b, wb) = word_of(b)?;
    // The two must meet with their words: `(أ) ب` is not `(أ)ب`.
    if !a.ends_with(wa) || start_b != 0 {
        return None;
    }
    // `و يعزى`: the conjunction cut off a verb by a kerned yeh, in a
    // document that shows added spaces. The scores would weigh the verb
    // with the conjunction against the verb alone, and say nothing: no one
    // writes the conjunction apart.
    if conjunction_before_kerned_yeh(wa, wb) {
        return Some((CONJUNCTION_BEFORE_KERNED_YEH_GAIN, true));
    }
    // The word must be one the lexicon knows well: the letter model alone
    // rates short strings above `KNOWN_AT`.
    let joined = scorer.word(&format!("{wa}{wb}"));
    if joined < FREQUENT_AT {
        return None;
    }
    // A single letter (the conjunction too: no one writes `و قمع` apart) or
    // the article alone is a piece of a word by its form.
    let piece_a = letters(wa) == 1 || is_bare_prefix(wa);
    let piece_b = letters(wb) == 1;
    let signed = piece_a || piece_b || kerned;
    // Otherwise a piece must be far rarer than the word (word lists hold
    // pieces too, from text with this very damage: `زيز` of `تعزيز`); two
    // words each about as frequent as their join stay apart (`كل ما`,
    // `عبد الله`).
    let (sa, sb) = (scorer.word(wa), scorer.word(wb));
    // With a sign, the word must be about as frequent as the other piece
    // (a proclitic costs a little: `و قمع`); a letter left over from a cut
    // run does not make a frequent word rarer (`أ غير` is not `أغير`). How
    // frequent the letter or the article is as a token says nothing.
    let other = match (piece_a, piece_b) {
        (true, false) => sb,
        (false, true) => sa,
        _ => sa.max(sb),
    };
    let as_frequent = joined >= other - PROCLITIC_COST;
    let rare = |s: f64| s < joined - FRAGMENT_RATIO.ln();
    if !((signed && as_frequent) || rare(sa) || rare(sb)) {
        return None;
    }
    Some((joined - sa - sb, signed))
}

/// The best place to cut an unknown token into two frequent words, with
/// its gain and whether a sign backs it: a byte offset into `word`.
///
/// A sign is a letter that only ends words before the cut (`الصلةوأشار`,
/// also after its marks) or the article after it (`هوالصك`).
fn best_split(scorer: &WordScorer, word: &str) -> Option<(usize, f64, bool)> {
    best_split_of(scorer, word, false)
}

/// `best_split`; where `surely_glued` (a token the layout glued, as
/// `word_order::words_with_spaces_before` reads it), a token the letter
/// model or the lexicon rates a word may be cut too (`أنعلى`), if the two
/// words score better than it.
fn best_split_of(scorer: &WordScorer, word: &str, surely_glued: bool) -> Option<(usize, f64, bool)> {
    if letters(word) < 4 {
        return None;
    }
    let whole = scorer.word(word);
    if whole >= KNOWN_AT && !surely_glued {
        return None;
    }
    let mut best: Option<(usize, f64, bool)> = None;
    let mut seen_letters = 0;
    let mut last_letter = ' ';
    for (i, c) in word.char_indices() {
        if !is_arabic_letter(c) {
            continue;
        }
        // Cut before this letter: every letter before it has its marks.
        if seen_letters >= 2 && letters(&word[i..]) >= 2 {
            let (left, right) = (&word[..i], &word[i..]);
            let (a, b) = (scorer.word(left), scorer.word(right));
            if a >= FREQUENT_AT && b >= FREQUENT_AT && !is_bare_prefix(left) && !is_bare_suffix(right) {
                let signed = ends_words_only(last_letter) || right.starts_with("ال");
                let gain = a + b - whole;
                // (A token rated a word is cut only where the two words
                // score better.)
                let gains = !surely_glued || gain > 0.0;
                let better = gains
                    && match best {
                        None => true,
                        Some((_, g, s)) => (signed, gain) > (s, g),
                    };
                if better {
                    best = Some((i, gain, signed));
                }
            }
        }
        seen_letters += 1;
        last_letter = c;
    }
    best
}

/// Whether a word holds more than one U+FFFD: as wildcards they let the
/// lexicon find chance words in it (`أو��را��ا`), so the reading-order
/// search does not cut it.
fn many_placeholders(word: &str) -> bool {
    word.chars().filter(|&c| c == '\u{FFFD}').count() > 1
}

/// Whether the first letter of a word bears a shadda (`تِّالا`).
fn starts_with_doubled_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(is_arabic_letter)
        && chars.take_while(|&c| crate::script::is_arabic_mark(c)).any(|c| c == crate::script::SHADDA)
}

/// Where a token may be two words glued, in a line known to glue two
/// (`word_order::words_with_spaces_before`): after the punctuation between
/// two Arabic words (`الطاقة،سياسات`), or where the lexicon finds two
/// frequent words, however little it gains; where `surely_glued`, in a
/// token it rates a word too (`أنعلى`). A byte offset into `token`.
pub(crate) fn likely_cut(scorer: &WordScorer, token: &str, surely_glued: bool) -> Option<usize> {
    if let Some(cut) = cut_after_punctuation(token) {
        return Some(cut);
    }
    let (offset, word) = word_of(token)?;
    if offset != 0 || many_placeholders(word) || starts_with_doubled_letter(word) {
        return None;
    }
    best_split_of(scorer, word, surely_glued).map(|(cut, _, _)| cut)
}

/// Where a token holds a clause's punctuation between two Arabic words
/// (`الطاقة،سياسات`): the offset after it.
pub(crate) fn cut_after_punctuation(token: &str) -> Option<usize> {
    let at = token.find(['،', '؛', '.', ':'])?;
    let after = at + token[at..].chars().next()?.len_utf8();
    let before_ok = token[..at].chars().next_back().is_some_and(is_arabic_letter);
    let after_ok = token[after..].starts_with(is_arabic_letter) && token[after..].chars().all(is_arabic_word_char);
    (before_ok && after_ok && token[..at].chars().all(is_arabic_word_char)).then_some(after)
}

/// Where the reading-order search may cut a token it would otherwise take
/// whole: a byte offset into `token`, where the token is two words glued
/// as surely as this stage would cut them (`بسببالضحايا`, two runs glued).
pub(crate) fn sure_cut(scorer: &WordScorer, token: &str) -> Option<usize> {
    // Punctuation may end the token (`قرببالأشخاص،`), not start it. A
    // token whose first letter bears a shadda starts with the piece of a
    // word, not with a word (`تِّبالأشخاص؛` is no `تِّب` + `الأشخاص؛`): it
    // is `word_at_edge`'s.
    let (offset, word) = word_of(token)?;
    if offset != 0 || many_placeholders(word) || starts_with_doubled_letter(word) {
        return None;
    }
    let (cut, gain, signed) = best_split(scorer, word)?;
    (confidence(gain, signed) >= SURE_CUT).then_some(cut)
}

/// Where the reading-order search may cut a token the lexicon does not know
/// into a frequent word of three letters or more and what is left of a word
/// cut by the extractor (`تِّالاإجراء`: `تِّالا` + `إجراء`, then `تِّ` + `الا`,
/// the pieces of `الاتِّجار` glued to the next run): the longest such word
/// at the end, else at the start, where the cut shows a sign that needs no
/// lexicon (a word starts after it with `إ` or the article, or one ends
/// before it with `ة` or `ى`): names and forms the lexicon lacks are not
/// cut into chance words (`غيرمينا`, `المناظران`). A byte offset into
/// `token`, and whether the word is the part after it. `rest` says that the
/// token is what such a cut left: a piece of a word, which the letter model
/// may rate a word when it is short.
pub(crate) fn word_at_edge(scorer: &WordScorer, token: &str, rest: bool) -> Option<(usize, bool)> {
    let (offset, word) = word_of(token)?;
    if offset != 0 || letters(word) < 4 || many_placeholders(word) || (!rest && scorer.word(word) >= KNOWN_AT) {
        return None;
    }
    // Cut points with a sign: before each letter but the first.
    let mut cuts: Vec<usize> = Vec::new();
    let mut before = ' ';
    for (i, c) in word.char_indices() {
        if !is_arabic_letter(c) {
            continue;
        }
        if i > 0 && (c == 'إ' || word[i..].starts_with("ال") || ends_words_only(before)) {
            cuts.push(i);
        }
        before = c;
    }
    // A token whose first letter bears a shadda starts with the piece of a
    // word (no word starts with a doubled letter but after the article):
    // the word glued after it may be short (`تِّالاعن`: `تِّالا` + `عن`)
    // and need no sign at the cut.
    let piece_first = starts_with_doubled_letter(word);
    if piece_first {
        cuts = word.char_indices().filter(|&(i, c)| i > 0 && is_arabic_letter(c)).map(|(i, _)| i).collect();
    }
    let min_letters = if piece_first { 2 } else { 3 };
    let frequent = |w: &str| letters(w) >= min_letters && scorer.word(w) >= FREQUENT_AT;
    cuts.iter()
        .copied()
        .find(|&i| frequent(&word[i..]))
        .map(|i| (i, true))
        .or_else(|| cuts.iter().rev().copied().find(|&i| frequent(&word[..i])).map(|i| (i, false)))
}

/// The confidence from which the reading-order search takes a cut as a
/// candidate (the default `min_confidence`).
const SURE_CUT: f32 = 0.9;

/// Joins the pieces of words split by a space and cuts words glued
/// together, in a document that shows this damage.
pub(crate) fn restore_word_boundaries<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    // A line that still shows reversed runs is the reading-order stage's:
    // its tokens are pieces of runs, whose letters belong to words elsewhere
    // in the line (`وتبادل أ غير`, with `أ` of `أفضل`).
    if !ctx.boundary_damage || (ctx.config.reading_order && ctx.reading.evidence(line).is_strong()) {
        return Cow::Borrowed(line);
    }
    let scorer = ctx.reading.scorer();
    let min = ctx.config.min_confidence;
    // Tokens and their byte ranges.
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for t in line.split(' ') {
        if !t.is_empty() {
            tokens.push((pos, t));
        }
        pos += t.len() + 1;
    }
    let spelled = spelled_out_letters(&tokens.iter().map(|&(_, t)| t).collect::<Vec<_>>());
    // A line of another language (a Persian quotation) is not for an Arabic
    // lexicon to cut or join. (Asked once a fix is found: most lines have
    // none.)
    let mut other_language: Option<bool> = None;
    let mut is_other_language =
        || *other_language.get_or_insert_with(|| crate::language::Evidence::of(line).is_clearly_other());
    let mut rw = Rewriter::new(line, edits);
    let mut k = 0;
    while k < tokens.len() {
        let (start, token) = tokens[k];
        let end = start + token.len();
        if let Some(&(next_start, next)) = tokens.get(k + 1) {
            // One space between: wider gaps are layout. A letter that starts
            // the line may be a list label that lost its brackets (`ب لا
            // تتوفر`), not a piece of the next word. Letters spelled out
            // stay apart.
            let label = k == 0 && is_lone_letter(token);
            if next_start == end + 1 && !label && !spelled[k] && !spelled[k + 1] {
                if let Some((gain, signed)) = join_gain(scorer, token, next) {
                    let c = confidence(gain, signed);
                    if c >= min && !is_other_language() {
                        rw.replace(end..next_start, "", FixKind::WordBoundary, c);
                        k += 2;
                        continue;
                    }
                }
            }
        }
        if let Some((offset, word)) = word_of(token) {
            if let Some((cut, gain, signed)) = best_split(scorer, word) {
                let c = confidence(gain, signed);
                if c >= min && !is_other_language() {
                    let at = start + offset + cut;
                    rw.replace(at..at, " ", FixKind::WordBoundary, c);
                }
            }
        }
        k += 1;
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::run_stage_with_boundary_damage;
    use crate::Config;

    #[test]
    fn likely_cuts_of_two_words_glued() {
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        assert_eq!(cut_after_punctuation("الطاقة،سياسات"), Some("الطاقة،".len()));
        assert_eq!(cut_after_punctuation("الطاقة،"), None);
        assert_eq!(cut_after_punctuation("3.5"), None);
        assert_eq!(likely_cut(&scorer, "المتجددةالطاقة", false), Some("المتجددة".len()));
        assert_eq!(likely_cut(&scorer, "أنعلى", true), Some("أن".len()));
        // A word the lexicon knows is no two words.
        assert_eq!(likely_cut(&scorer, "المتجددة", false), None);
    }

    fn fix(line: &str) -> String {
        run_stage_with_boundary_damage(restore_word_boundaries, line, &Config::default()).into_owned()
    }

    #[test]
    fn signs_need_no_lexicon() {
        assert_eq!(signs("وم ن تع زيز"), 1);
        assert_eq!(signs("عام ٢٠٢١ م في ص ١٢"), 0);
        assert_eq!(signs("بأنَّ بروتوكولمنع و قمع الصلةوأشار"), 0);
        assert_eq!(signs("الجريمة ا لمنظمة، هوالصك ب\u{0650} لا"), 2);
        // Letters spelled out are no sign; a lam-alef cut in two after a
        // list's letter is.
        assert_eq!(signs("الميزان الصرفي: ف ع ل."), 0);
        assert_eq!(signs("أ ب ت ث ج ح خ د ذ ر ز س ش"), 0);
        // Three letters cut out of two words are a sign (letter-spaced
        // text: `نجحت في`).
        assert_eq!(signs("المملكة نجح ت ف ي إدانة"), 3);
        assert_eq!(signs("الجذر (ك ت ب) يدل على الجمع"), 0);
        assert_eq!(signs("ب ل ا تتوفر عدادات"), 3);
        assert_eq!(signs("النقطتان أ و ب على المستقيم"), 0);
        assert_eq!(signs("الضلع أ ب يساوي"), 2);
    }

    #[test]
    fn letters_spelled_out_stay_apart() {
        fn words(line: &str) -> Vec<&str> {
            line.split(' ').collect()
        }
        assert_eq!(spelled_out_letters(&words("الجذر ف ع ل.")), [false, true, true, true]);
        assert_eq!(spelled_out_letters(&words("وم ن تع زيز")), [false; 4]);
        // Presentation forms are code-point damage, not letters spelled out.
        assert_eq!(spelled_out_letters(&words("\u{FEF2} \u{FED3} \u{FEF2}")), [false; 3]);
        for line in
            ["الميزان الصرفي: ف ع ل.", "من الجذر ش ل م.", "أ ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي"]
        {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn only_documents_that_show_the_damage() {
        // Two signs (`ا` and `ت` alone): not enough, nothing moves.
        let text = "الجريمة ا لمنظمة\nقرار بروتوكولمنع\nالصلةوأشار ت دابير";
        assert!(matches!(crate::repair(text), Cow::Borrowed(_)));
        // Two more (`م`, `ن` alone): every line is repaired.
        let damaged = format!("{text}\nوم ن");
        assert_eq!(crate::repair(&damaged), "الجريمة المنظمة\nقرار بروتوكول منع\nالصلة وأشار تدابير\nومن");
        assert!(matches!(
            crate::Repairer::new(Config::new().word_boundaries(false)).repair(&damaged),
            Cow::Borrowed(_)
        ));
        // A glued word with a placeholder is cut, then its placeholder
        // restored (the glued token is no word the placeholder stage knows).
        let glued = format!("{damaged}\nتهريب المهاجر{}نتحليل أثر", char::REPLACEMENT_CHARACTER);
        assert!(crate::repair(&glued).ends_with("\nتهريب المهاجرين تحليل أثر"));
    }

    #[test]
    fn split_words_are_joined() {
        assert_eq!(fix("لمكافحة الجريمة ا لمنظمة عبر الوطنية"), "لمكافحة الجريمة المنظمة عبر الوطنية");
        assert_eq!(fix("المعنون \"تع زيز تنفيذ اتفاقية"), "المعنون \"تعزيز تنفيذ اتفاقية");
    }

    #[test]
    fn glued_words_are_cut() {
        assert_eq!(fix("بأنَّ بروتوكولمنع وقمع"), "بأنَّ بروتوكول منع وقمع");
        // With a sign: the article after the cut, a letter that ends words
        // before it.
        assert_eq!(fix("الوطنية، هوالصك العالمي"), "الوطنية، هو الصك العالمي");
        assert_eq!(fix("المنظمة الصلةوأشار بعض"), "المنظمة الصلة وأشار بعض");
        // Without: only when the lexicon is sure (`المؤتمرأيضاً` is not cut).
        assert_eq!(fix("قرَّر المؤتمرأيضاً، في ذلك"), "قرَّر المؤتمرأيضاً، في ذلك");
    }

    #[test]
    fn words_stay() {
        // ctoc-wg7-2021-5: a name the lexicon lacks (`غير مينا` are two
        // frequent words), a dual it lacks (`المناظر` + `ان`).
        for line in [
            "عبد الله",
            "عبدالله",
            "كل ما",
            "في ذلك المقرَّر، إنشاء فريق عامل",
            "(أ) الثني عن",
            "٢٠٢١ م",
            "وقادتها المناظرة غيرمينا بنيتو",
            "وقادها المناظران التاليان:",
            "ب لا تتوفر عدادات دقيقة",
        ] {
            assert_eq!(fix(line), line);
        }
    }

    #[test]
    fn words_cut_before_a_kerned_yeh() {
        // Pieces the word list holds (`يق`, `ية`) or lacks (`التوز`).
        for (a, b) in [("فر", "يق"), ("الحضر", "ية"), ("التوز", "يع"), ("طو", "يلة"), ("ونيسان/أبر", "يل")]
        {
            assert!(is_kerning_split(a, b), "{a} {b}");
        }
        // Two words, a join no word, a yeh after a letter that joins it (no
        // kerning), the conjunction (joined, but no sign), a piece of one
        // letter.
        for (a, b) in
            [("تقرير", "يعرض"), ("الوزير", "يقول"), ("عمرو", "يعقوب"), ("من", "يوم"), ("و", "يعزى"), ("ر", "يق")]
        {
            assert!(!is_kerning_split(a, b), "{a} {b}");
        }
        assert_eq!(kerning_splits("وقد أعد التقرير فر يق من الخبراء، وتقرير يعرض التوز يع"), 2);
    }

    #[test]
    fn documents_with_words_cut_before_a_kerned_yeh() {
        // Two signs: not enough, nothing moves.
        let text = "وقد أعد التقرير فر يق من الخبراء\nوتفقد شبكات التوز يع القديمة\nو يعزى هذا الارتفاع";
        assert!(matches!(crate::repair(text), Cow::Borrowed(_)));
        // A third: every cut is joined, the conjunction's too; two words
        // stay apart.
        let damaged = format!("{text}\nأن تضع خططا طو يلة الأجل وتقرير يعرض");
        assert_eq!(
            crate::repair(&damaged),
            "وقد أعد التقرير فريق من الخبراء\nوتفقد شبكات التوزيع القديمة\nويعزى هذا الارتفاع\nأن تضع خططا طويلة الأجل وتقرير يعرض"
        );
    }
}
