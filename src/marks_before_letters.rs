//! Stage: vowel marks written before the letter they sit on.
//!
//! A mark is drawn over or under its letter, at the same place on the line;
//! an extractor that orders a line's glyphs by where they stand may put it
//! on either side. PDFBox on the PDFs LibreOffice, Chromium and WeasyPrint
//! make, and pdftotext on Chromium's, put each mark before its letter in
//! fully vowelled text: `كاَن في الَقْرَيِة َنْهٌر` for `كانَ في القَرْيَةِ
//! نَهْرٌ` (pdftotext also cuts the words at their marks: `الَق ْر َي ِة`).
//! Every later stage reads the letters through their marks, so the marks
//! are put back first: each run of marks goes after the letter that
//! follows it (`move_marks_after_their_letters`). Then, where most words
//! came out cut at their marks (`document_cuts_words_at_marks`), the pieces
//! of each line are joined into words by the lexicon (`join_pieces`).
//!
//! PyMuPDF, on the PDFs LibreOffice makes, puts the marks of a line's last
//! letter (and the punctuation after it) first, where they are drawn at the
//! line's left edge: `ِحِكايَةُ النَّهْرِ الصَّغير` for `حِكايَةُ النَّهْرِ
//! الصَّغيرِ`, `،ِكانَ ... الحُقول` for `كانَ ... الحُقولِ،`. No line starts
//! with a mark, so a line that does, and ends with a bare letter, has them
//! put back at its end (`marks_drawn_first`), on lines without signs of
//! visual order, in a document with few such lines
//! (`document_may_draw_marks_first`).
//!
//! pdf.js and PyMuPDF, on the PDFs XeLaTeX makes, draw the marks of each
//! word's last letter after the space, at the start of the next word:
//! `كان َفي القَرْيَة ِنَهْر ٌصَغير` for `كانَ في القَرْيَةِ نَهْرٌ صَغيرٌ`. In
//! a document whose words start so far more often than they end with their
//! marks (`document_draws_final_marks_after_spaces`), they go back before
//! the space (`restore_final_marks`), before the other repairs of this
//! stage read the lines.
//!
//! Text as written never puts a short vowel on a bare alef (`ا`; fathatan
//! is written on it, `جميعاً`) and never starts a word with a mark; a line
//! whose marks came before their letters shows both. The damage is judged
//! once per document (`document_writes_marks_before_letters`), on its lines
//! without signs of visual order (reversed whole, a line shows both too,
//! and the reading order turns it with its marks), in a document with one
//! such line in ten at most: `MIN_SIGNS` bare
//! alefs with a short vowel at least, as many words that start with a
//! mark, and more of those than words that end with one.

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::label_marks::is_end_punctuation;
use crate::pipeline::LineContext;
use crate::reading_order::ReadingMemo;
use crate::script::{has_arabic_script, is_arabic_letter, is_arabic_mark, FATHATAN};

/// Bare alefs with a short vowel, and words that start with a mark, a
/// document must show to be judged.
const MIN_SIGNS: usize = 3;

/// What a line shows of its marks: bare alefs (or their presentation
/// forms: the stage runs before they are read) with a short vowel after
/// them, words that start with a mark (before a letter), words that end with
/// one (after a letter, but for fathatan, which a spelling puts before the
/// alef: `جميعًا`).
#[derive(Default)]
struct MarkSides {
    alef_vowels: usize,
    words_starting: usize,
    words_ending: usize,
}

fn mark_sides(line: &str) -> MarkSides {
    let mut sides = MarkSides::default();
    let mut previous = ' ';
    for c in line.chars() {
        if matches!(previous, 'ا' | '\u{FE8D}' | '\u{FE8E}') && is_arabic_mark(c) && c != FATHATAN {
            sides.alef_vowels += 1;
        }
        previous = c;
    }
    for token in line.split(' ') {
        let word = token.trim_end_matches(['.', '،', '؛', ':', '!', '؟']);
        let mut chars = word.chars();
        if let (Some(first), Some(second)) = (chars.next(), chars.next()) {
            if is_arabic_mark(first) && (is_arabic_letter(second) || is_arabic_mark(second)) {
                sides.words_starting += 1;
            }
        }
        let mut back = word.chars().rev().skip_while(|&c| is_arabic_mark(c) && c != FATHATAN);
        let ends_with_mark = word.chars().next_back().is_some_and(|c| is_arabic_mark(c) && c != FATHATAN);
        if ends_with_mark && back.next().is_some_and(is_arabic_letter) {
            sides.words_ending += 1;
        }
    }
    sides
}

/// Whether the document writes its marks before their letters (see the
/// module documentation).
pub(crate) fn document_writes_marks_before_letters<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    memo: &ReadingMemo,
) -> bool {
    // (Most documents have no bare alef with a vowel: nothing more is read.)
    let alef_vowels = |line: &&str| line.contains(['ا', '\u{FE8D}', '\u{FE8E}']) && mark_sides(line).alef_vowels > 0;
    if lines.clone().filter(alef_vowels).take(MIN_SIGNS).count() < MIN_SIGNS {
        return false;
    }
    let total = document_marks(lines, memo);
    total.sides.alef_vowels >= MIN_SIGNS
        && total.sides.words_starting >= MIN_SIGNS
        && total.sides.words_starting > total.sides.words_ending
        && crate::reading_order::few_lines_in_visual_order(total.visual, total.arabic)
}

/// What a document's lines without signs of visual order (nor control
/// characters) show of their marks, summed; and how many lines hold Arabic,
/// how many of those show visual order.
#[derive(Default)]
struct DocumentMarks {
    sides: MarkSides,
    final_sides: FinalMarkSides,
    arabic: usize,
    visual: usize,
}

/// Reads `DocumentMarks`.
fn document_marks<'l>(lines: impl Iterator<Item = &'l str>, memo: &ReadingMemo) -> DocumentMarks {
    let mut total = DocumentMarks::default();
    for line in lines.filter(|line| has_arabic_script(line)) {
        total.arabic += 1;
        if memo.evidence(line).visual {
            total.visual += 1;
            continue;
        }
        if has_controls(line) || !line.chars().any(is_arabic_mark) {
            continue;
        }
        let sides = mark_sides(line);
        total.sides.alef_vowels += sides.alef_vowels;
        total.sides.words_starting += sides.words_starting;
        total.sides.words_ending += sides.words_ending;
        let final_sides = final_mark_sides(line);
        total.final_sides.cut_off += final_sides.cut_off;
        total.final_sides.kept += final_sides.kept;
    }
    total
}

/// What a line shows of the marks that end its words: words whose last
/// letter's marks were drawn after the space, starting the next word
/// (`القَرْيَة ِنَهْرٌ`, a bare letter before the space, and after it the
/// marks and a vowelled word of two letters or more, its marks after its
/// letters), and words that end with their marks before a space, as text
/// writes them.
#[derive(Default)]
struct FinalMarkSides {
    cut_off: usize,
    kept: usize,
}

fn final_mark_sides(line: &str) -> FinalMarkSides {
    let mut sides = FinalMarkSides::default();
    let mut tokens = line.split(' ').filter(|token| !token.is_empty()).peekable();
    while let Some(token) = tokens.next() {
        let Some(next) = tokens.peek() else { break };
        let Some(last) = token.chars().next_back() else { continue };
        if is_arabic_mark(last) && next.starts_with(is_arabic_letter) {
            sides.kept += 1;
        } else if is_arabic_letter(last) && next.starts_with(is_arabic_mark) {
            let word = next.trim_start_matches(is_arabic_mark);
            let letters = word.chars().filter(|&c| is_arabic_letter(c)).count();
            let mut chars = word.chars().peekable();
            let mut vowelled_inside = false;
            while let Some(c) = chars.next() {
                vowelled_inside |= is_arabic_letter(c) && chars.peek().is_some_and(|&m| is_arabic_mark(m));
            }
            if letters >= 2 && vowelled_inside {
                sides.cut_off += 1;
            }
        }
    }
    sides
}

/// Whether the document draws the marks of its words' last letters after
/// the space (pdf.js and PyMuPDF on XeLaTeX's vowelled PDFs: `كان َفي
/// القَرْيَة ِنَهْر ٌصَغير` for `كانَ في القَرْيَةِ نَهْرٌ صَغيرٌ`): on its lines
/// without signs of visual order, `MIN_SIGNS` such words at least and more
/// than twice as many as words that end with their marks, and more than
/// half the words that start with a mark (words cut at their marks,
/// `كا َن في ال َق ْر َي ِة`, start with one too, but are pieces), fewer bare
/// alefs with a short vowel than `MIN_SIGNS` (those are signs of marks
/// written before their letters, which moves every mark), and one line in
/// ten at most in visual order (reversed whole, a line's words start with
/// their marks).
pub(crate) fn document_draws_final_marks_after_spaces<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    memo: &ReadingMemo,
) -> bool {
    // (Most documents have no mark: nothing more is read.)
    if !lines.clone().any(|line| line.contains(is_arabic_mark)) {
        return false;
    }
    let total = document_marks(lines, memo);
    let (cut_off, kept) = (total.final_sides.cut_off, total.final_sides.kept);
    cut_off >= MIN_SIGNS
        && cut_off > 2 * kept
        && 2 * cut_off > total.sides.words_starting
        && total.sides.alef_vowels < MIN_SIGNS
        && crate::reading_order::few_lines_in_visual_order(total.visual, total.arabic)
}

/// A line with the marks that start a word after a bare letter and a space
/// put back on that letter, before the space (`القَرْيَة ِنَهْرٌ` →
/// `القَرْيَةِ نَهْرٌ`).
fn move_final_marks_before_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(space) = rest.find(' ') {
        let (before, after) = rest.split_at(space);
        out.push_str(before);
        let spaces_len = after.len() - after.trim_start_matches(' ').len();
        let (spaces, after) = after.split_at(spaces_len);
        let marks_len = after.find(|c: char| !is_arabic_mark(c)).unwrap_or(after.len());
        let cut_off =
            marks_len > 0 && before.ends_with(is_arabic_letter) && after[marks_len..].starts_with(is_arabic_letter);
        if cut_off {
            out.push_str(&after[..marks_len]);
            out.push_str(spaces);
            rest = &after[marks_len..];
        } else {
            out.push_str(spaces);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Whether the document's lines may start with their last letter's marks
/// (`marks_drawn_first`): one line at least starts with a mark, and one
/// line in ten at most shows signs of visual order (a line
/// reversed whole starts with its last letter's marks too, and one whose
/// signs are too few to tell would be turned the wrong way).
pub(crate) fn document_may_draw_marks_first<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    memo: &ReadingMemo,
) -> bool {
    if !lines.clone().any(starts_with_marks) {
        return false;
    }
    let (mut arabic, mut visual) = (0usize, 0usize);
    for line in lines.filter(|line| has_arabic_script(line)) {
        arabic += 1;
        visual += usize::from(memo.evidence(line).visual);
    }
    crate::reading_order::few_lines_in_visual_order(visual, arabic)
}

/// A line with each run of marks that stands before a letter put after it.
/// A run of marks before a space and the punctuation glued to a letter
/// (`ِ :إ`, `َ ،ف`: pdftotext writes the punctuation between two words in a
/// left-to-right embedding, with the next letter's mark) goes after that
/// letter, the punctuation before the space (`: إِ`, `، فَ`).
pub(crate) fn move_marks_after_their_letters(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut reordered: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let marks_end = chars[i..].iter().position(|&c| !is_arabic_mark(c)).map_or(chars.len(), |k| i + k);
        let before_punctuation = marks_end > i
            && chars.get(marks_end) == Some(&' ')
            && chars.get(marks_end + 1).is_some_and(|&c| is_end_punctuation(c))
            && chars.get(marks_end + 2).is_some_and(|&c| is_arabic_letter(c));
        if before_punctuation {
            reordered.push(chars[marks_end + 1]);
            reordered.push(' ');
            reordered.extend_from_slice(&chars[i..marks_end]);
            i = marks_end + 2;
            continue;
        }
        reordered.push(chars[i]);
        i += 1;
    }
    let mut out = String::with_capacity(line.len());
    let mut marks = String::new();
    for c in reordered {
        if is_arabic_mark(c) {
            marks.push(c);
        } else if is_arabic_letter(c) {
            out.push(c);
            out.push_str(&marks);
            marks.clear();
        } else {
            // (Marks before a space or punctuation stay where they are:
            // which letter they sit on, nothing tells.)
            out.push_str(&marks);
            marks.clear();
            out.push(c);
        }
    }
    out.push_str(&marks);
    out
}

/// A line that starts with the marks of its last letter, and the
/// punctuation after them, drawn at its left edge (`،ِكانَ ... الحُقول`):
/// the line with them at its end (`كانَ ... الحُقولِ،`). The line must end
/// with a letter without marks, hold `MIN_SPACES` spaces, and more of its
/// words must end with a mark than start with one.
fn marks_drawn_first(line: &str) -> Option<String> {
    let body = line.trim_matches(' ');
    let first_letter = body.find(|c: char| !(is_arabic_mark(c) || is_end_punctuation(c)))?;
    let (edge, rest) = body.split_at(first_letter);
    // (Fathatan alone, without the sentence's punctuation, is a heading's
    // label's, drawn before its word, `ًأولا- مقدمة`: `label_marks`.)
    let marks = || edge.chars().filter(|&c| is_arabic_mark(c));
    if marks().next().is_none()
        || edge.chars().all(|c| c == FATHATAN)
        || !rest.starts_with(is_arabic_letter)
        || !rest.ends_with(is_arabic_letter)
        || rest.matches(' ').count() < MIN_SPACES
    {
        return None;
    }
    // Its other words end with their marks, as text writes them; reversed
    // whole, they would start with them (`ُةَياكِح`).
    let sides = mark_sides(rest);
    if sides.words_ending <= sides.words_starting {
        return None;
    }
    let lead = &line[..line.len() - line.trim_start_matches(' ').len()];
    let trail = &line[line.trim_end_matches(' ').len()..];
    Some(format!("{lead}{rest}{}{trail}", edge.chars().rev().collect::<String>()))
}

/// Spaces a line must hold for its leading marks to be moved: one that
/// lost them (a line reversed whole, LuaTeX's) shows too little of its
/// order.
const MIN_SPACES: usize = 2;

/// In a document that writes its marks before their letters
/// (`ctx.marks_before_letters`), puts them after, on lines without signs of
/// visual order.
/// Elsewhere, in a document that may draw them so
/// (`ctx.marks_drawn_first`), puts the marks a line starts with at its end
/// (`marks_drawn_first`).
pub(crate) fn restore_marks_after_letters<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !line.chars().any(is_arabic_mark) {
        return Cow::Borrowed(line);
    }
    let fixed = if ctx.marks_before_letters {
        move_marks_after_their_letters(line)
    } else if ctx.marks_drawn_first && starts_with_marks(line) {
        match marks_drawn_first(line) {
            Some(fixed) => fixed,
            None => return Cow::Borrowed(line),
        }
    } else {
        return Cow::Borrowed(line);
    };
    if has_controls(line) || ctx.reading.evidence(line).visual {
        return Cow::Borrowed(line);
    }
    rewrite_whole(line, &fixed, FixKind::ReadingOrder, 0.95, edits)
}

/// In a document that draws its words' last marks after the space
/// (`ctx.final_marks_after_spaces`), puts them back before it, on lines
/// without signs of visual order.
pub(crate) fn restore_final_marks<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.final_marks_after_spaces || !line.chars().any(is_arabic_mark) {
        return Cow::Borrowed(line);
    }
    let fixed = move_final_marks_before_spaces(line);
    if fixed == line || has_controls(line) || ctx.reading.evidence(line).visual {
        return Cow::Borrowed(line);
    }
    rewrite_whole(line, &fixed, FixKind::DetachedMark, 0.95, edits)
}

/// Whether a line holds control characters: the layout of a table, or an
/// extractor's garbage, which this stage does not read (as the reading
/// order does not).
fn has_controls(line: &str) -> bool {
    line.trim_end_matches('\r').chars().any(char::is_control)
}

/// Whether a line starts with a mark, after its spaces and sentence
/// punctuation (the fast path sends such a line the full way).
pub(crate) fn starts_with_marks(line: &str) -> bool {
    line.trim_start_matches(|c: char| c == ' ' || is_end_punctuation(c)).starts_with(is_arabic_mark)
}

/// Whether the document's words came out cut at their marks (pdftotext on
/// Chromium's PDFs: `الَق ْر َي ِة`, once the marks are moved `القَ رْ يَ
/// ةِ`): `MIN_PIECES` tokens at least, and a quarter of its Arabic tokens
/// or more, are one letter with its marks, which text never writes alone
/// but for a few particles.
pub(crate) fn document_cuts_words_at_marks<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut tokens, mut pieces) = (0usize, 0usize);
    for token in lines.flat_map(|line| line.split(' ')) {
        let letters = token.chars().filter(|&c| is_arabic_letter(c)).count();
        if letters > 0 {
            tokens += 1;
            pieces += usize::from(letters == 1);
        }
    }
    pieces >= MIN_PIECES && 4 * pieces >= tokens
}

/// One-letter tokens a document whose words were cut at their marks shows
/// at least.
const MIN_PIECES: usize = 10;

/// Pieces a word is made of at most.
const MAX_PIECES_PER_WORD: usize = 6;

/// What a word of one letter costs (natural log): text does not write a
/// letter alone, so a piece of one letter joins a neighbour unless both
/// read far worse so.
const LONE_LETTER_COST: f64 = 10.0;

/// A line whose words were cut at their marks with its pieces joined into
/// words: a dynamic program over the spaces between pieces (a space is
/// kept or dropped; a word is at most `MAX_PIECES_PER_WORD` pieces, and
/// none spans punctuation, a number or Latin) by the unigram model the
/// reading order uses. A space is dropped where the best reading without
/// it beats the best with it by a confidence (`lost_spaces::cut_confidence`)
/// of `min_confidence` at least. With `known_words_only`, pieces join only
/// into a word the lexicon knows (in a line of whole words with a few cut,
/// two words glued into a word it does not know may still read better by
/// the letter model than apart: `وَإِنَّ ماءَهُ`).
fn join_pieces(
    scorer: &crate::reading_order::WordScorer,
    line: &str,
    min_confidence: f32,
    known_words_only: bool,
) -> String {
    let pieces: Vec<&str> = line.split(' ').collect();
    let n = pieces.len();
    let is_word_char = |c: char| is_arabic_letter(c) || is_arabic_mark(c);
    // Whether a word may run from piece i into piece i + 1.
    let joinable: Vec<bool> = (0..n.saturating_sub(1))
        .map(|i| {
            let (a, b) = (pieces[i], pieces[i + 1]);
            a.ends_with(is_word_char) && b.starts_with(is_arabic_letter) && !a.is_empty() && !b.is_empty()
        })
        .collect();
    let word = |from: usize, to: usize| -> f64 {
        let text: String = pieces[from..to].concat();
        if known_words_only && to - from > 1 && scorer.unknown(&text) > 0 {
            return f64::NEG_INFINITY;
        }
        let letters = text.chars().filter(|&c| is_arabic_letter(c)).count();
        scorer.word(&text) - if letters == 1 { LONE_LETTER_COST } else { 0.0 }
    };
    // Whether pieces[from..to] may form one word: every join inside it
    // allowed. (A span that may not, widened, may not either.)
    let one_word = |from: usize, to: usize| joinable[from..to - 1].iter().all(|&j| j);
    // forward[i]: the best reading of pieces[..i] with a word ending at i;
    // backward[i]: of pieces[i..] with a word starting at i.
    let mut forward = vec![f64::NEG_INFINITY; n + 1];
    forward[0] = 0.0;
    for to in 1..=n {
        for from in (to.saturating_sub(MAX_PIECES_PER_WORD)..to).rev() {
            if !one_word(from, to) {
                break;
            }
            forward[to] = forward[to].max(forward[from] + word(from, to));
        }
    }
    let mut backward = vec![f64::NEG_INFINITY; n + 1];
    backward[n] = 0.0;
    for from in (0..n).rev() {
        for to in from + 1..=(from + MAX_PIECES_PER_WORD).min(n) {
            if !one_word(from, to) {
                break;
            }
            backward[from] = backward[from].max(word(from, to) + backward[to]);
        }
    }
    let mut out = String::with_capacity(line.len());
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            // The space before piece i: kept, or dropped for a word across it.
            let with = forward[i] + backward[i];
            let mut without = f64::NEG_INFINITY;
            for from in (i.saturating_sub(MAX_PIECES_PER_WORD - 1)..i).rev() {
                if !one_word(from, i + 1) {
                    break;
                }
                // (`to` bounds a word, and indexes the readings after it.)
                #[allow(clippy::needless_range_loop)]
                for to in i + 1..=(from + MAX_PIECES_PER_WORD).min(n) {
                    if !one_word(from, to) {
                        break;
                    }
                    without = without.max(forward[from] + word(from, to) + backward[to]);
                }
            }
            if crate::lost_spaces::cut_confidence(without - with) < min_confidence {
                out.push(' ');
            }
        }
        out.push_str(piece);
    }
    out
}

/// In a document whose words came out cut at their marks
/// (`ctx.words_cut_at_marks`), joins a line's pieces into words
/// (`join_pieces`).
pub(crate) fn restore_words_cut_at_marks<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.words_cut_at_marks || !has_arabic_script(line) || has_controls(line) {
        return Cow::Borrowed(line);
    }
    let joined = join_pieces(ctx.reading.scorer(), line, ctx.config.min_confidence, false);
    rewrite_whole(line, &joined, FixKind::WordBoundary, ctx.config.min_confidence, edits)
}

/// In a document whose words were emitted from the left with their marks
/// drawn out of place (`ctx.words_from_the_left`; PDFBox on XeLaTeX's
/// vowelled PDFs), a line turned with the pieces of a word cut after a
/// shadda joined (`النَّ هْرِ` → `النَّهْرِ`): its words are whole but for
/// these, so pieces join only into words the lexicon knows.
pub(crate) fn restore_words_cut_in_turned_lines<'a>(
    line: &'a str,
    ctx: &LineContext<'_>,
    edits: &mut Edits,
) -> Cow<'a, str> {
    if !ctx.words_from_the_left || !has_arabic_script(line) || has_controls(line) {
        return Cow::Borrowed(line);
    }
    let joined = join_pieces(ctx.reading.scorer(), line, ctx.config.min_confidence, true);
    rewrite_whole(line, &joined, FixKind::WordBoundary, ctx.config.min_confidence, edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::read_corpus;

    #[test]
    fn marks_go_after_the_letter_they_came_before() {
        assert_eq!(move_marks_after_their_letters("كاَن في الَقْرَيِة َنْهٌر"), "كانَ في القَرْيَةِ نَهْرٌ");
        assert_eq!(move_marks_after_their_letters("الَّن ْه ِر"), "النَّ هْ رِ");
        assert_eq!(move_marks_after_their_letters("َج ميعًا."), "جَ ميعاً.");
        // A mark before a space stays; before a space and punctuation glued
        // to a letter, it is that letter's.
        assert_eq!(move_marks_after_their_letters("عملا ً"), "عملا ً");
        assert_eq!(move_marks_after_their_letters("الَج ُّد ِ :إ َّن"), "الجَ دُّ : إِ نَّ");
    }

    #[test]
    fn pieces_cut_at_marks_are_joined_into_words() {
        let scorer = crate::reading_order::WordScorer::new(&crate::Config::default().placeholder_letters);
        // pdf-vowelled-chrome-noto-pdftotext.broken.txt, lines 1 and 2, marks moved.
        assert_eq!(join_pieces(&scorer, "حِ كايَةُ النَّهْرِ الصَّ غيرِ", 0.9, false), "حِكايَةُ النَّهْرِ الصَّغيرِ");
        assert_eq!(
            join_pieces(&scorer, "كانَ في القَ رْ يَ ةِ نَهْ رٌ صَ غيرٌ يَ جْ ري بَ يْ نَ الحُ قولِ،", 0.9, false),
            "كانَ في القَرْيَةِ نَهْرٌ صَغيرٌ يَجْري بَيْنَ الحُقولِ،"
        );
        // No word spans punctuation, however many pieces it would join.
        assert_eq!(join_pieces(&scorer, "جاءَتْ سَ نَةٌ، قَ ليلَةُ المَ طَرِ", 0.9, false), "جاءَتْ سَنَةٌ، قَليلَةُ المَطَرِ");
        // Into known words only: pdf-vowelled-xelatex-noto-pdfbox.broken.txt,
        // lines 5 and 8 turned, marks moved.
        assert_eq!(join_pieces(&scorer, "وَإِنَّ ماءَهُ كانَ", 0.9, false), "وَإِنَّماءَهُ كانَ");
        assert_eq!(join_pieces(&scorer, "وَإِنَّ ماءَهُ كانَ", 0.9, true), "وَإِنَّ ماءَهُ كانَ");
        assert_eq!(join_pieces(&scorer, "فَاجْتَمَعَ الرِّ جالُ وَالنِّ ساءُ وَحَفَروا", 0.9, true), "فَاجْتَمَعَ الرِّجالُ وَالنِّساءُ وَحَفَروا");
    }

    #[test]
    fn marks_drawn_first_go_to_the_end_of_the_line() {
        // pdf-vowelled-noto-pymupdf.broken.txt, lines 1 and 2.
        assert_eq!(marks_drawn_first("ِحِكايَةُ النَّهْرِ الصَّغير").as_deref(), Some("حِكايَةُ النَّهْرِ الصَّغيرِ"));
        assert_eq!(marks_drawn_first("،ِكانَ في القَرْيَةِ الحُقول ").as_deref(), Some("كانَ في القَرْيَةِ الحُقولِ، "));
        // The last letter has its marks, or the line starts with a letter.
        assert_eq!(marks_drawn_first("ِحِكايَةُ النَّهْرِ الصَّغيرِ"), None);
        assert_eq!(marks_drawn_first("حِكايَةُ النَّهْرِ الصَّغير"), None);
        // A label word's tanween drawn before it is the label's; with the
        // sentence's period, it is the last word's.
        assert_eq!(marks_drawn_first("ًأولا- مقدمة"), None);
        assert_eq!(
            marks_drawn_first(".ًوَإِنَّ ماءَهُ كانَ يَكْفي أَهْلَها جَميعا").as_deref(),
            Some("وَإِنَّ ماءَهُ كانَ يَكْفي أَهْلَها جَميعاً.")
        );
    }

    #[test]
    fn final_marks_drawn_after_the_space_go_back_before_it() {
        // pdf-vowelled-xelatex-noto-pdfjs.broken.txt, line 2.
        assert_eq!(
            move_final_marks_before_spaces("كان َفي القَرْيَة ِنَهْر ٌصَغير ٌيَجْري بَيْن َالحُقولِ،"),
            "كانَ في القَرْيَةِ نَهْرٌ صَغيرٌ يَجْري بَيْنَ الحُقولِ،"
        );
        // Not after punctuation or a mark; a line's last mark stays.
        assert_eq!(move_final_marks_before_spaces("الجَدُّ: ِنَّ"), "الجَدُّ: ِنَّ");
        assert_eq!(move_final_marks_before_spaces("قالَ َالجَدُّ"), "قالَ َالجَدُّ");
        assert_eq!(move_final_marks_before_spaces("الصَّغيرِ"), "الصَّغيرِ");
    }

    #[test]
    fn documents_are_judged_by_words_that_start_with_the_last_marks_of_the_word_before() {
        let memo = ReadingMemo::new(&crate::Config::default());
        for name in ["pdf-vowelled-xelatex-noto-pdfjs", "pdf-vowelled-xelatex-kacst-pymupdf"] {
            let broken = read_corpus(&format!("in-the-wild/{name}.broken.txt"));
            assert!(document_draws_final_marks_after_spaces(broken.lines(), &memo), "{name}");
            let gold = read_corpus(&format!("in-the-wild/{name}.gold.txt"));
            assert!(!document_draws_final_marks_after_spaces(gold.lines(), &memo), "{name}");
        }
        // Words cut at their marks (PyMuPDF on Chromium's PDFs), marks
        // before their letters (PDFBox), vowelled text as written.
        for name in [
            "in-the-wild/pdf-vowelled-chrome-amiri-pymupdf.broken.txt",
            "in-the-wild/pdf-vowelled-noto-pdfbox.broken.txt",
            "negative/arabic-poetry-diacritics.txt",
            "negative/arabic-quran-fatiha.txt",
        ] {
            assert!(!document_draws_final_marks_after_spaces(read_corpus(name).lines(), &memo), "{name}");
        }
    }

    #[test]
    fn documents_are_judged_by_vowels_on_alef_and_words_starting_with_marks() {
        let memo = ReadingMemo::new(&crate::Config::default());
        // (pdf.js on wkhtmltopdf's KacstBook PDF writes its alefs as
        // presentation forms, `ﻛﺎَﻥ`.)
        for name in
            ["pdf-vowelled-chrome-noto-pdftotext", "pdf-vowelled-noto-pdfbox", "pdf-vowelled-wkhtml-kacst-pdfjs"]
        {
            let broken = read_corpus(&format!("in-the-wild/{name}.broken.txt"));
            assert!(document_writes_marks_before_letters(broken.lines(), &memo), "{name}");
            let gold = read_corpus(&format!("in-the-wild/{name}.gold.txt"));
            assert!(!document_writes_marks_before_letters(gold.lines(), &memo), "{name}");
        }
        // Vowelled text as written, and words whose last mark a space cut off.
        for name in ["negative/arabic-poetry-diacritics.txt", "negative/arabic-quran-fatiha.txt"] {
            assert!(!document_writes_marks_before_letters(read_corpus(name).lines(), &memo), "{name}");
        }
        let detached = ["كان َ في القَرْيَة ِ نَهْر ٌ", "وَكان َ الأَطْفال ُ يَجْلِسون َ", "قال َ الجَد ُّ"];
        assert!(!document_writes_marks_before_letters(detached.into_iter(), &memo));
    }
}
