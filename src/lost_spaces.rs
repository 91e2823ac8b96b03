//! Stage: the spaces between words lost, all of them.
//!
//! Some PDFs draw no space glyphs: LuaTeX (LuaLaTeX) moves the pen instead,
//! and extractors that find words by the gaps between glyphs measure those
//! gaps left to right, so in right-to-left text they find none. pdfminer.six,
//! pdfplumber, pdf.js, pypdf, PDFBox and PDFium then write whole lines
//! without a space: `٢-وقدأعدالتقريرفريقمنالخبراء`, `للبيئة(UNEP)قدم`.
//! XeLaTeX's PDFs lose them through pypdf, PyMuPDF and pdfplumber.
//!
//! `word_boundaries` cuts a glued pair where a sign shows (`الصلةوأشار`);
//! here every boundary is lost, and only the lexicon can put them back.
//! The damage is judged once per document (`document_lost_spaces`): half
//! its lines with Arabic, and three at least, hold a token longer than any
//! word (`LONG_TOKEN_LETTERS`) and have few tokens for their bytes. Correct
//! text never shows this, so the stage needs no sign per line.
//!
//! Then every stretch of Arabic letters is cut into words by a dynamic
//! program over the lexicon's word scores (a unigram model: the reading
//! whose words' log-probabilities sum highest; clitics through the
//! lexicon's analysis, a U+FFFD as a wildcard, the letter model for words
//! the lexicon lacks). A stretch is cut only between letters (a letter's
//! marks and tatweel stay with it), never into a single letter, a bare
//! article or a bare suffix. Each cut has its own confidence: what the best
//! reading with it gains over the best reading without it (`cut_gains`), so
//! a cut the lexicon is unsure of is reported and not made.
//!
//! The other boundaries need no lexicon and are put back by their form:
//! between a word and a number or a Latin word (a one-letter proclitic on a
//! number, `و١٥`, and an era's letter after one, `٢٠٢٣م`, stay glued), after
//! the punctuation that ends a clause (`الأجل،يدعو`), around brackets
//! (`للبيئة(UNEP)قدم`), after the hyphen of a paragraph label that starts
//! the line (`٧-وأشار`, `أولاً-مقدمة`).
//!
//! A line in visual order is read backwards where its words read far
//! better so. LuaLaTeX draws some glyphs apart from their run with some
//! fonts (hamzas with DejaVu and Noto, shaddas with KacstBook), and pypdf
//! cuts the line there and emits the pieces in reverse order: such a line
//! is read with its pieces put back where that reads better still, by the
//! same unigram model (`pieces_drawn_apart_reversed`). PDFium draws a
//! fathatan apart so too, a token of its own between whole words, which
//! read the same in any order: those pieces are put back where the
//! fathatans then end more words that take one
//! (`pieces_around_tanweens_reversed`). And PDFium's punctuation after a
//! number, drawn on the number's other side, goes back after it
//! (`punctuation_after_numbers`).

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::reading_order::{is_label_number, is_label_word, reverse_visual_with, WordScorer};
use crate::script::{
    has_arabic_script, is_arabic_letter, is_arabic_mark, is_arabic_word_char, is_digit, is_tanween, SHADDA, TATWEEL,
};
use crate::word_boundaries::{is_bare_prefix, is_bare_suffix};

/// Letters from which a token is longer than any word: Arabic words with
/// their clitics rarely pass 12 letters (`والبروتوكولات` is 13, in the
/// reports' every other page; `وباستراتيجياتهم` 15).
pub(crate) const LONG_TOKEN_LETTERS: usize = 16;

/// The share of a document's lines with Arabic that must hold a long token.
const LONG_SHARE: f64 = 0.5;

/// Lines with a long token needed before a document is judged.
pub(crate) const MIN_LINES: usize = 3;

/// The most letters a word cut from a stretch may have.
const MAX_WORD_LETTERS: usize = 16;

/// Whether a character counts as a letter of a stretch (a placeholder
/// stands for one).
fn is_letter(c: char) -> bool {
    is_arabic_letter(c) || c == '\u{FFFD}'
}

/// Arabic letters of a token.
fn letters(token: &str) -> usize {
    token.chars().filter(|&c| is_letter(c)).count()
}

/// Whether a token holds a stretch of more Arabic letters than any word
/// has (`LONG_TOKEN_LETTERS`), with nothing but marks, tatweel and
/// placeholders between them (`#تقرير_عن_التعليم` is words): what the
/// document is judged by, and what the fast path counts.
pub(crate) fn is_long_token(token: &str) -> bool {
    token.split(|c: char| !is_arabic_word_char(c)).any(|stretch| letters(stretch) >= LONG_TOKEN_LETTERS)
}

/// Whether one of a line's tokens (between single spaces) is long
/// (`is_long_token`); read on the bytes first: a letter takes two, and is a
/// character that does not start with an ASCII byte (a URL is passed over).
pub(crate) fn holds_long_token(line: &str) -> bool {
    let characters_enough = |token: &str| token.bytes().filter(|&b| b >= 0xC0).count() >= LONG_TOKEN_LETTERS;
    line.split(' ')
        .any(|token| token.len() >= 2 * LONG_TOKEN_LETTERS && characters_enough(token) && is_long_token(token))
}

/// Bytes per token (the pieces of a line between single spaces) from which
/// a line's long tokens count: a line that lost its spaces has few tokens
/// for its bytes (18 and more on the LaTeX extractions, where a number or a
/// slash kept its spaces; 16 in `synthetic/lost-spaces`), prose about 11
/// bytes a token (8% of the reports' lines reach 16). (The fast path counts
/// a line's spaces as it scans; only such a line is read for long tokens.)
const MIN_BYTES_PER_TOKEN: usize = 16;

/// Whether a line of `bytes` bytes and `spaces` spaces has few enough
/// tokens for its bytes to have lost its spaces (`MIN_BYTES_PER_TOKEN`).
pub(crate) fn has_few_tokens(bytes: usize, spaces: usize) -> bool {
    bytes >= MIN_BYTES_PER_TOKEN * (spaces + 1)
}

/// Whether a document lost the spaces between its words (see the module
/// documentation): read on the bytes where it can, as every document the
/// fast path does not pass is judged.
pub(crate) fn document_lost_spaces<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut arabic_lines, mut long_lines) = (0usize, 0usize);
    for line in lines {
        if !has_arabic_script(line) {
            continue;
        }
        arabic_lines += 1;
        if has_few_tokens(line.len(), memchr::memchr_iter(b' ', line.as_bytes()).count()) && holds_long_token(line) {
            long_lines += 1;
        }
    }
    long_lines >= MIN_LINES && long_lines as f64 >= LONG_SHARE * arabic_lines as f64
}

/// The byte offsets at which a stretch of Arabic word characters may be cut:
/// before each letter but the first (a letter's marks and tatweel stay with
/// it), with the stretch's end last.
fn unit_bounds(stretch: &str) -> Vec<usize> {
    let mut bounds: Vec<usize> =
        stretch.char_indices().filter(|&(i, c)| i > 0 && is_letter(c)).map(|(i, _)| i).collect();
    bounds.insert(0, 0);
    bounds.push(stretch.len());
    bounds
}

/// The best cuts of a stretch into words, each with what the best reading
/// with it gains over the best reading without it (natural log), and the
/// best reading's score.
///
/// `f[j]` is the best score of the stretch's first `j` letters read as
/// words, `g[i]` of the letters from `i` on; a cut at `p` is in the best
/// reading when `f[p] + g[p]` is the best total, and the best reading
/// without it takes a word over `p`. Words are `MAX_WORD_LETTERS` long at
/// most (a longer stretch is no word, and the scorer's log-probability of
/// a letter string stops falling at about -690, so a long line would score
/// better whole than as its words), so the cost is linear in the stretch.
fn cut_gains(scorer: &WordScorer, stretch: &str) -> (f64, Vec<(usize, f64)>) {
    let bounds = unit_bounds(stretch);
    let n = bounds.len() - 1;
    if n < 4 {
        return (scorer.word(stretch), Vec::new());
    }
    // The score of letters i..j as one word, if it may be one: a word of two
    // letters or more that is no bare article or suffix (the whole stretch,
    // if it is no longer than a word, may be anything).
    let longest = |i: usize| (n - i).min(MAX_WORD_LETTERS);
    let scores: Vec<Vec<Option<f64>>> = (0..n)
        .map(|i| {
            (1..=longest(i))
                .map(|len| {
                    let word = &stretch[bounds[i]..bounds[i + len]];
                    let whole = i == 0 && len == n;
                    (whole || !(len < 2 || is_bare_prefix(word) || is_bare_suffix(word))).then(|| scorer.word(word))
                })
                .collect()
        })
        .collect();
    let at = |i: usize, j: usize| scores[i][j - i - 1];
    let mut f = vec![f64::NEG_INFINITY; n + 1];
    f[0] = 0.0;
    for j in 1..=n {
        for i in j.saturating_sub(MAX_WORD_LETTERS)..j {
            if let Some(s) = at(i, j) {
                f[j] = f[j].max(f[i] + s);
            }
        }
    }
    let mut g = vec![f64::NEG_INFINITY; n + 1];
    g[n] = 0.0;
    for i in (0..n).rev() {
        for j in i + 1..=i + longest(i) {
            if let Some(s) = at(i, j) {
                g[i] = g[i].max(s + g[j]);
            }
        }
    }
    // (A stretch no reading covers, as it needs a word of one letter: as it
    // stands.)
    let best = if f[n].is_finite() { f[n] } else { scorer.word(stretch) };
    let mut cuts = Vec::new();
    for p in 1..n {
        let with = f[p] + g[p];
        // Within a rounding error of the best: the cut is the best reading's.
        if with < best - 1e-9 || !with.is_finite() {
            continue;
        }
        // The best reading with a word over `p`.
        let over_p =
            (p.saturating_sub(MAX_WORD_LETTERS)..p).flat_map(|i| (p + 1..=i + longest(i)).map(move |j| (i, j)));
        let without = over_p.filter_map(|(i, j)| at(i, j).map(|s| f[i] + s + g[j])).fold(f64::NEG_INFINITY, f64::max);
        cuts.push((bounds[p], with - without));
    }
    (best, cuts)
}

/// The confidence of a cut that the best reading with it wins by `gain`
/// (natural log) over the best reading without it: the probability of the
/// one against the other, as a unigram model gives them. (Measured on the
/// reports' text with every space between words lost: of the cuts this
/// puts at 0.9 or more, 99.65% are right; from 0.8 to 0.9, 85%.)
pub(crate) fn cut_confidence(gain: f64) -> f32 {
    (1.0 / (1.0 + (-gain).exp())) as f32
}

/// Whether `c` ends a clause or a sentence, and is followed by a space.
fn ends_clause(c: char) -> bool {
    matches!(c, '،' | '؛' | ':' | '.' | '؟' | '!' | ',' | ';')
}

/// What kind of text a character belongs to, for the boundaries that need
/// no lexicon.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Arabic,
    Digit,
    Latin,
    Other,
}

fn class(c: char) -> Class {
    if is_arabic_word_char(c) {
        Class::Arabic
    } else if is_digit(c) {
        Class::Digit
    } else if c.is_alphabetic() {
        Class::Latin
    } else {
        Class::Other
    }
}

/// Whether a one-letter stretch belongs to the number next to it: a
/// proclitic before it (`و١٥`, `ب19`) or an era's letter after it (`٢٠٢٣م`).
fn glued_to_number(stretch: &str, before_number: bool) -> bool {
    let base: String = stretch.chars().filter(|&c| is_letter(c)).collect();
    if before_number {
        matches!(base.as_str(), "و" | "ب" | "ل" | "ك" | "ف")
    } else {
        matches!(base.as_str(), "م" | "ه")
    }
}

/// Where a line's spaces were, with the confidence of each (byte offsets
/// at which a space goes), and the score of the line's best reading as
/// words (the sum of its Arabic stretches' best readings).
fn lost_spaces(scorer: &WordScorer, line: &str) -> (Vec<(usize, f32)>, f64) {
    let mut total = 0.0;
    let mut spaces: Vec<(usize, f32)> = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    // The label that starts the line, with its hyphen glued to the word
    // after it: `٧-وأشار`, `أولاً-مقدمة`.
    // (A label word is not cut: `أو لاً` reads as two frequent words.)
    let trimmed = line.trim_start_matches(' ');
    let mut label_word_end = None;
    if let Some(hyphen) = trimmed.find('-') {
        let (label, after) = (&trimmed[..hyphen], &trimmed[hyphen + 1..]);
        let word: String = label.chars().filter(|&c| !is_arabic_mark(c) && c != TATWEEL).collect();
        let at = line.len() - trimmed.len() + hyphen;
        if is_label_word(&word) {
            label_word_end = Some(at);
        }
        if (is_label_number(label) || is_label_word(&word)) && after.starts_with(|c: char| is_letter(c)) {
            spaces.push((at + 1, 1.0));
        }
    }
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if class(c) == Class::Arabic {
            // A stretch of Arabic word characters: cut by the lexicon.
            let end = chars[k..].iter().find(|&&(_, c)| class(c) != Class::Arabic).map_or(line.len(), |&(j, _)| j);
            let stretch = &line[i..end];
            let (best, cuts) = if label_word_end == Some(end) {
                (scorer.word(stretch), Vec::new())
            } else {
                cut_gains(scorer, stretch)
            };
            total += best;
            for (at, gain) in cuts {
                spaces.push((i + at, cut_confidence(gain)));
            }
            // Against a number or a Latin word.
            let before = line[..i].chars().next_back();
            let after = line[end..].chars().next();
            if before.is_some_and(|b| class(b) == Class::Latin)
                || before.is_some_and(|b| class(b) == Class::Digit) && !glued_to_number(stretch, false)
            {
                spaces.push((i, 1.0));
            }
            if after.is_some_and(|a| class(a) == Class::Latin)
                || after.is_some_and(|a| class(a) == Class::Digit) && !glued_to_number(stretch, true)
            {
                spaces.push((end, 1.0));
            }
            k += line[i..end].chars().count();
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let after_word = prev.is_some_and(|p| matches!(class(p), Class::Arabic | Class::Latin | Class::Digit));
        // Punctuation glued to the word after it (`الأجل،يدعو`), brackets
        // glued to the words around them (`للبيئة(UNEP)قدم`).
        if ends_clause(c) && after_word && next.is_some_and(is_letter) {
            spaces.push((i + c.len_utf8(), 1.0));
        }
        if matches!(c, '(' | '[') && after_word {
            spaces.push((i, 1.0));
        }
        if matches!(c, ')' | ']') && next.is_some_and(|n| class(n) == Class::Arabic) {
            spaces.push((i + c.len_utf8(), 1.0));
        }
        k += 1;
    }
    spaces.sort_by_key(|&(at, _)| at);
    spaces.dedup_by_key(|&mut (at, _)| at);
    (spaces, total)
}

/// How much better (natural log) a line's words must read in visual order
/// than as it stands for the line to be read so: a whole line's letters
/// read the other way make chance words only (on the LaTeX extractions,
/// every line differs by 17 or more either way).
const ORDER_MARGIN: f64 = 10.0;

/// How much better (natural log) a line must read with its runs cut where
/// glyphs are drawn apart put in reverse order than as turned.
const DRAWN_APART_MARGIN: f64 = 3.0;

/// The glyphs that LuaLaTeX, with some fonts, draws apart from their run,
/// where pypdf cuts a line.
#[derive(Clone, Copy)]
enum DrawnApart {
    /// A hamza on alef, waw or yeh, a lam-alef with hamza, their
    /// presentation forms, or the placeholder of an unmapped glyph (DejaVu
    /// and the Noto fonts: `لأ`, `أ`, `إ`, `ئ`).
    Hamzas,
    /// A shadda with the marks beside it (KacstBook: `َّ`).
    Shaddas,
}

impl DrawnApart {
    /// Whether the character at `at` of the line starts a glyph drawn apart.
    fn starts_at(self, line: &str, at: usize, c: char) -> bool {
        match self {
            DrawnApart::Hamzas => {
                matches!(c, 'أ' | 'إ' | 'ؤ' | 'ئ' | '\u{FE83}'..='\u{FE8C}' | '\u{FEF7}'..='\u{FEFA}' | '\u{FFFD}')
            }
            DrawnApart::Shaddas => {
                is_arabic_mark(c)
                    && !line[..at].ends_with(is_arabic_mark)
                    && line[at..].split(|m: char| !is_arabic_mark(m)).next().is_some_and(|marks| marks.contains(SHADDA))
            }
        }
    }
}

/// pypdf emits a line of LuaLaTeX's vowelled PDFs, read backwards, as its
/// runs cut where a glyph is drawn apart, in reverse order (its spaces
/// lost): `طْفالُ...مَساءٍ.` `لأَ` `وَكانَا` for `وَكانَا` `لأَ` `طْفالُ...مَساءٍ.`.
/// The line (read backwards) with those pieces, and each such glyph with
/// its marks, in reverse order; `None` without such a glyph.
fn pieces_drawn_apart_reversed(line: &str, cut_at: DrawnApart) -> Option<String> {
    let mut pieces: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !cut_at.starts_at(line, at, c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next, m)) = chars.peek().filter(|&&(_, m)| is_arabic_mark(m)) {
            end = next + m.len_utf8();
            chars.next();
        }
        pieces.push(&line[start..at]);
        pieces.push(&line[at..end]);
        start = end;
    }
    if pieces.is_empty() {
        return None;
    }
    pieces.push(&line[start..]);
    Some(pieces.iter().rev().copied().collect())
}

/// PDFium and pdftext emit a line of LuaLaTeX's PDFs, read backwards, as
/// its runs cut where a fathatan is drawn apart, in reverse order, the
/// fathatan a token of its own: `في ً ملحوظا ً شهدت...تحولا` for
/// `شهدت...تحولاً ملحوظاً في`. The line with its pieces in reverse order,
/// each fathatan on the end of the piece before it; none without one.
fn pieces_around_tanweens_reversed(line: &str) -> Option<String> {
    let standalone = |token: &str| !token.is_empty() && token.chars().all(is_arabic_mark) && token.contains(is_tanween);
    let tokens: Vec<&str> = line.split(' ').collect();
    if !tokens.iter().any(|t| standalone(t)) {
        return None;
    }
    // The pieces, each with the tanween that follows it in the line.
    let mut pieces: Vec<(Vec<&str>, Option<&str>)> = vec![(Vec::new(), None)];
    for token in tokens {
        if standalone(token) {
            pieces.push((Vec::new(), Some(token)));
        } else if !token.is_empty() {
            if let Some(piece) = pieces.last_mut() {
                piece.0.push(token);
            }
        }
    }
    // Reversed, a piece's tanween (drawn between it and the piece before it
    // in the line) ends the piece that now comes before it.
    let mut out = String::with_capacity(line.len());
    for (words, tanween) in pieces.iter().rev() {
        if !out.is_empty() && !words.is_empty() {
            out.push(' ');
        }
        out.push_str(&words.join(" "));
        if let Some(tanween) = tanween {
            out.push_str(tanween);
        }
    }
    Some(out)
}

/// How well a line's tanweens sit on the words before them: two for one
/// after a final alef (most indefinite words write fathatan so,
/// `تحولاً`), one after a taa marbuta, hamza or alef maqsura (`حصةً`),
/// none after any other letter; glued or a token of their own.
fn words_taking_tanween(line: &str) -> usize {
    let mut count = 0;
    // (The last character before, but for marks and spaces: a tanween of
    // its own sits on the end of the token before.)
    let mut last = ' ';
    for c in line.chars().filter(|&c| c != ' ') {
        if is_tanween(c) {
            count += match last {
                'ا' => 2,
                'ة' | 'ء' | 'ى' => 1,
                _ => 0,
            };
        } else if !is_arabic_mark(c) {
            last = c;
        }
    }
    count
}

/// In a document that lost the spaces between its words
/// (`ctx.spaces_lost`), puts a line's spaces back, and reads a line that
/// came in visual order (pypdf, PDFium, PDFBox and pdfplumber write the
/// LaTeX PDFs' lines so) the other way when its words read far better so
/// (its runs cut where glyphs are drawn apart put in order, where that
/// reads better still: `pieces_drawn_apart_reversed`).
pub(crate) fn restore_lost_spaces<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.spaces_lost {
        return Cow::Borrowed(line);
    }
    let min = ctx.config.min_confidence;
    let scorer = ctx.reading.scorer();
    let (spaces, as_it_stands) = lost_spaces(scorer, line);
    if ctx.config.reading_order && has_arabic_script(line) {
        let mut turned = reverse_visual_with(line, true);
        let (mut turned_spaces, mut turned_score) = lost_spaces(scorer, &turned);
        // (A line whose words read better turned, if not yet far better:
        // its runs may be cut where glyphs are drawn apart, in reverse
        // order. The hamzas first, then the shaddas on what that left: a
        // font draws one kind apart, Amiri both; cut at both in one pass,
        // four documents read worse.)
        let as_turned = turned_score;
        if as_turned > as_it_stands {
            // (Fathatan drawn apart cuts between words, which read the same
            // in any order: its pieces are put back where it then ends more
            // words that take it.)
            if let Some(pieces) = pieces_around_tanweens_reversed(&turned) {
                let (pieces_spaces, pieces_score) = lost_spaces(scorer, &pieces);
                if words_taking_tanween(&pieces) > words_taking_tanween(&turned)
                    && pieces_score >= turned_score - DRAWN_APART_MARGIN
                {
                    (turned, turned_spaces, turned_score) = (pieces, pieces_spaces, pieces_score);
                }
            }
            for cut_at in [DrawnApart::Hamzas, DrawnApart::Shaddas] {
                let Some(pieces) = pieces_drawn_apart_reversed(&turned, cut_at) else {
                    continue;
                };
                let (pieces_spaces, pieces_score) = lost_spaces(scorer, &pieces);
                if pieces_score > turned_score && cut_confidence(pieces_score - as_turned - DRAWN_APART_MARGIN) >= min {
                    (turned, turned_spaces, turned_score) = (pieces, pieces_spaces, pieces_score);
                }
            }
        }
        let order_confidence = cut_confidence(turned_score - as_it_stands - ORDER_MARGIN);
        if order_confidence >= min {
            if let Some(numbers_first) = punctuation_after_numbers(&turned) {
                (turned, turned_spaces) = (numbers_first.clone(), lost_spaces(scorer, &numbers_first).0);
            }
            let with_spaces = spaced(&turned, &turned_spaces, min);
            // (A piece's space may come to a line's edge, where the line
            // had none: `ربلغة ِّ لتصنيف` turned at its shadda.)
            let mut with_spaces = with_spaces.as_str();
            if !line.starts_with(' ') {
                with_spaces = with_spaces.trim_start_matches(' ');
            }
            if !line.ends_with(' ') {
                with_spaces = with_spaces.trim_end_matches(' ');
            }
            return rewrite_whole(line, with_spaces, FixKind::ReadingOrder, order_confidence, edits);
        }
    }
    let mut rw = Rewriter::new(line, edits);
    for (at, confidence) in applied(line, &spaces, min) {
        rw.replace(at..at, " ", FixKind::WordBoundary, confidence);
    }
    rw.finish()
}

/// PDFium reads a right-to-left line's glyphs from the right as units, and
/// draws the punctuation after a number on the number's other side
/// (`punctuation_before_numbers`); in LuaLaTeX's lines, read backwards, it
/// stands between the word and the number, glued (`عام،٢٠٢٢مقابل` for
/// `عام ٢٠٢٢، مقابل`, `لعام.٢٠٣٠` for `لعام ٢٠٣٠.`), where a line in
/// visual order read backwards never puts it (PDFBox's: `عام٢٠٢٢،مقابل`).
/// The line with each such mark put after its number, where a word or
/// the line's end follows the number (a year, after a period); none
/// without one.
fn punctuation_after_numbers(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut changed = false;
    while let Some(at) = rest.find(['،', '.', '؛', ':']) {
        let (before, after) = rest.split_at(at);
        let mark = after.chars().next().unwrap_or('.');
        let after = &after[mark.len_utf8()..];
        let number_len = number_run_len(after);
        let after_word = before.ends_with(|c: char| is_arabic_letter(c) || is_arabic_mark(c));
        // (After a period, a year: a short number there is a list's label
        // drawn last, `تشغيل.1`, or the next sentence's, `دقائق.3نحو`.)
        let year = after[..number_len].chars().filter(|&c| is_digit(c)).count() >= 3;
        let ends_well = after[number_len..].chars().next().is_none_or(is_arabic_letter) && (mark != '.' || year);
        out.push_str(before);
        if number_len > 0 && after_word && ends_well {
            out.push_str(&after[..number_len]);
            out.push(mark);
            changed = true;
        } else {
            out.push(mark);
            out.push_str(&after[..number_len]);
        }
        rest = &after[number_len..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// The length of the number a text starts with: digits, and the
/// separators between two of them (`15/03/2024`, `3.2.1`).
fn number_run_len(text: &str) -> usize {
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let joins = crate::level_runs::is_number_separator(c)
            && end > 0
            && chars.peek().is_some_and(|&(_, next)| is_digit(next));
        if !(is_digit(c) || joins) {
            break;
        }
        end = at + c.len_utf8();
    }
    end
}

/// The places of `spaces` where a space goes: confident enough, and never
/// beside a space or at an end of the line (an extractor that kept some
/// spaces kept them).
fn applied<'s>(line: &'s str, spaces: &'s [(usize, f32)], min: f32) -> impl Iterator<Item = (usize, f32)> + 's {
    let has_space_at =
        move |at: usize| at == 0 || at == line.len() || line[..at].ends_with(' ') || line[at..].starts_with(' ');
    spaces.iter().copied().filter(move |&(at, confidence)| confidence >= min && !has_space_at(at))
}

/// A line with a space put at each place of `spaces` confident enough.
fn spaced(line: &str, spaces: &[(usize, f32)], min: f32) -> String {
    let mut out = String::with_capacity(line.len() + spaces.len());
    let mut last = 0;
    for (at, _) in applied(line, spaces, min) {
        out.push_str(&line[last..at]);
        out.push(' ');
        last = at;
    }
    out.push_str(&line[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::{run_stage_in_document, run_stage_judged};
    use crate::Config;

    fn fix(line: &str) -> String {
        run_stage_judged(restore_lost_spaces, line, |ctx| ctx.spaces_lost = true)
    }

    #[test]
    fn words_are_cut_by_the_lexicon() {
        assert_eq!(
            fix("١-يتناولهذاالتقريرالتحدياتالتيتواجههاالمدنفيإدارةالمياه."),
            "١- يتناول هذا التقرير التحديات التي تواجهها المدن في إدارة المياه."
        );
        // A placeholder stands for a letter.
        assert_eq!(fix("قضايامكافحةتهريبالمهاجر\u{FFFD}نعبرالحدود"), "قضايا مكافحة تهريب المهاجر\u{FFFD}ن عبر الحدود");
        // Words stay whole: a word that reads as two frequent ones
        // (`بينما`), a label word (`أولاً` is not `أو لاً`).
        assert_eq!(fix("بينما"), "بينما");
        assert_eq!(fix("أولاً-مقدمة"), "أولاً- مقدمة");
    }

    #[test]
    fn boundaries_of_numbers_latin_and_punctuation_need_no_lexicon() {
        assert_eq!(
            fix("٧-وأشارالخبراءإلىأنبرنامجالأممالمتحدةللبيئة(UNEP)قدم"),
            "٧- وأشار الخبراء إلى أن برنامج الأمم المتحدة للبيئة (UNEP) قدم"
        );
        assert_eq!(fix("جمعتهاالوزارةمن١٤مدينةرئيسية"), "جمعتها الوزارة من ١٤ مدينة رئيسية");
        assert_eq!(fix("وأخيراً،يدعوالفريق"), "وأخيراً، يدعو الفريق");
        // A proclitic on a number and an era's letter after one stay.
        assert_eq!(fix("الفترةمنعام٢٠٢٠و١٥عاماً"), "الفترة من عام ٢٠٢٠ و١٥ عاماً");
        assert_eq!(fix("فيعام٢٠٢٣م"), "في عام ٢٠٢٣م");
    }

    #[test]
    fn lines_in_visual_order_are_turned_and_cut() {
        assert_eq!(
            fix(".هايملاةرادإيفندملااههجاوتيتلاتايدحتلاريرقتلااذهلوانتي-١"),
            "١- يتناول هذا التقرير التحديات التي تواجهها المدن في إدارة المياه."
        );
    }

    #[test]
    fn runs_cut_at_hamzas_and_shaddas_drawn_apart_are_put_in_order() {
        // pypdf on LuaLaTeX's vowelled PDFs (`corpus/in-the-wild/pdf-vowelled-lualatex-*-pypdf`):
        // DejaVu's hamzas drawn apart, KacstBook's shaddas.
        // (Compared with the marks in canonical order: the stage keeps them
        // as the extractor wrote them, `mark_order` puts them in order.)
        use crate::pipeline::tests::canonical;
        let fixed = |line: &str| canonical(&fix(line));
        assert_eq!(fixed("َوِإيفْكَيَناكُهَءامَّنَأ.ًاعيمَجاهَلْه").replace(' ', ""), canonical("وَإِنَّماءَهُكانَيَكْفيأَهْلَهاجَميعاً."));
        assert_eq!(
            fixed(":ُّدَجلاَلاقِإَرْهَّنلااذهَّنَأ،اهِسْفَنِةَيْرَقلاَنِمُمَدْق"),
            canonical("قالَ الجَدُّ: إِنَّ هذا النَّهْرَ أَقْدَمُ مِنَ القَرْيَةِ نَفْسِها،")
        );
        assert_eq!(fixed("رلاَعَمَتْجاَفِّنلاَوُلاجِّ،ًةَقيمَعًارْئِباورَفَحَوُءاس"), canonical("فَاجْتَمَعَ الرِّجالُ وَالنِّساءُ وَحَفَروا بِئْراً عَميقَةً،"));
        // The pieces as they stand between hamzas, or shaddas, turned.
        assert_eq!(pieces_drawn_apart_reversed("بأجإد", DrawnApart::Hamzas).as_deref(), Some("دإجأب"));
        assert_eq!(pieces_drawn_apart_reversed("بَّجُّد", DrawnApart::Shaddas).as_deref(), Some("دُّجَّب"));
        assert_eq!(pieces_drawn_apart_reversed("بجد", DrawnApart::Hamzas), None);
        // A vowelled line as written, its spaces lost, is cut and not turned.
        let mut lines = 0;
        for (name, text) in crate::pipeline::tests::texts_as_written() {
            if !crate::script::is_vowelled(text.lines()) {
                continue;
            }
            for line in text.lines().filter(|l| l.contains(['أ', 'إ', 'ئ', crate::script::SHADDA])).take(20) {
                let glued = line.replace(' ', "");
                assert_eq!(fix(&glued).replace(' ', ""), glued, "{name}");
                lines += 1;
            }
        }
        assert!(lines > 200, "{lines}");
    }

    #[test]
    fn only_documents_that_lost_their_spaces() {
        let lost = [
            "تقريرعنإدارةالمواردالمائيةفيالمناطقالحضرية",
            "أولاً-مقدمة",
            "١-يتناولهذاالتقريرالتحدياتالتيتواجههاالمدنفيإدارةالمياه.",
            "٢-وقدأعدالتقريرفريقمنالخبراءبناءعلىطلباللجنةفيعام٢٠٢٣.",
        ];
        assert!(document_lost_spaces(lost.into_iter()));
        assert!(!document_lost_spaces(lost[..2].iter().copied()));
        // Long words, and hashtags whose words are joined by underscores.
        let written = [
            "وباستراتيجياتهم الجديدة وبالبروتوكولات الملحقة وللاستراتيجيات الإقليمية",
            "#تقرير_عن_التعليم_في_المناطق_الريفية",
            "#الأمم_المتحدة_لمكافحة_الجريمة_المنظمة_عبر_الوطنية",
            "#حماية_الأطفال_من_العنف_والاستغلال_في_مناطق_النزاع",
        ];
        assert!(!document_lost_spaces(written.into_iter()));
    }

    #[test]
    fn a_cut_the_lexicon_is_unsure_of_is_reported_not_made() {
        // `قدمالدعم` reads as `قدم الدعم` and as `قدما لدعم`; `اتخذهالاجتماع`
        // as `اتخذه الاجتماع` and as `اتخذها لاجتماع`. Only the second wins
        // by enough for the default confidence.
        assert_eq!(fix("قدمالدعمالفني"), "قدمالدعم الفني");
        let scorer = WordScorer::new(&Config::default().placeholder_letters);
        let (cuts, _) = lost_spaces(&scorer, "اتخذهالاجتماع");
        assert_eq!(cuts.len(), 1);
        assert!((0.9..0.95).contains(&cuts[0].1), "{cuts:?}");
        assert_eq!(fix("اتخذهالاجتماع"), "اتخذه الاجتماع");
        let strict = Config::new().min_confidence(0.95);
        let out = run_stage_in_document(restore_lost_spaces, "اتخذهالاجتماع", &strict, |ctx| {
            ctx.spaces_lost = true
        });
        assert_eq!(out, "اتخذهالاجتماع");
    }

    #[test]
    fn a_line_turned_at_its_pieces_keeps_its_edges() {
        // PDFium on LuaLaTeX's Amiri PDF: the shadda drawn apart cuts the
        // line, and a piece's space came to its start.
        let out = fix("وُطدقو،ةيبرعلاصوصنلافينصتل ِّ .Pythonةغلبر");
        assert!(out.starts_with("لتصنيف النصوص العربية"), "{out}");
    }

    #[test]
    fn punctuation_pdfium_drew_before_a_number_goes_after_it() {
        // PDFium's LuaLaTeX lines, read backwards.
        assert_eq!(punctuation_after_numbers("عام،٢٠٢٢مقابل").as_deref(), Some("عام٢٠٢٢،مقابل"));
        assert_eq!(punctuation_after_numbers("المعلنةلعام.٢٠٣٠").as_deref(), Some("المعلنةلعام٢٠٣٠."));
        assert_eq!(punctuation_after_numbers("الموقع:15/03/2024").as_deref(), Some("الموقع15/03/2024:"));
        // A list's label, the next sentence's number, a number as written.
        assert_eq!(punctuation_after_numbers("نظامتشغيل.1"), None);
        assert_eq!(punctuation_after_numbers("دقائق.3نحو"), None);
        assert_eq!(punctuation_after_numbers("عام٢٠٢٢،مقابل"), None);
        assert_eq!(punctuation_after_numbers("عام ٢٠٢٢، مقابل"), None);
    }

    #[test]
    fn pieces_cut_where_fathatan_is_drawn_apart_are_turned() {
        let turned = "في ً ملحوظا ً شهدتالمنطقة تحولا";
        let pieces = pieces_around_tanweens_reversed(turned).unwrap();
        assert_eq!(pieces, "شهدتالمنطقة تحولاً ملحوظاً في");
        assert!(words_taking_tanween(&pieces) > words_taking_tanween(turned));
        assert_eq!(words_taking_tanween("حصة ً"), 1);
        assert_eq!(words_taking_tanween("المشاريع، ً"), 0);
        assert_eq!(pieces_around_tanweens_reversed("تحولاً ملحوظاً في"), None);
    }
}
