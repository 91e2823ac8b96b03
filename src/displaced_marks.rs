//! Stage: vowel marks that came out a letter off their own.
//!
//! An extractor that orders a line's glyphs by where they stand puts each
//! mark where its glyph's origin falls, and a mark drawn over a narrow
//! letter may fall over the letter beside it. PDFBox does so in vowelled
//! text from most makers: on LibreOffice's, WeasyPrint's and XeLaTeX's PDFs
//! a mark comes out a letter early, after the letter before its own
//! (`كاَن في الَقْريَةِ نَهٌْر` for `كانَ في القَرْيَةِ نَهْرٌ`); on the PDFs
//! LuaLaTeX and wkhtmltopdf make, whose lines it writes in visual order, a
//! letter late once the line is turned (`بيَنَْ` for `بَيْنَ`). Not every
//! mark moves, so no rule moves them all back (`marks_before_letters` does
//! where every mark moved).
//!
//! Text as written shows where a mark cannot stand (`misplaced`): a second
//! vowel on one letter, a vowel on a bare alef or on the article's lam,
//! tanween before a word's end, sukun on a word's first letter, a mark
//! before a line's first letter. A line's marks are put back by the fewest
//! moves of one letter, all in the document's direction, that leave no
//! such sign (`put_back`, a search over the letters whose state is the
//! marks moved onto the next); where two placements need as many moves,
//! the one that moves the mark that came out before the letter's own (a
//! turned line has them the other way round: taken the same way in both,
//! three of the four turned documents read worse). A line no such
//! placement explains is left. A shadda stays where it came (KacstBook's fatha comes out as
//! one through PyMuPDF: moved, two documents read worse), and so does a
//! mark after a space or punctuation: which letter it sits on, the stages
//! that read a line's order tell (moved, LuaLaTeX's lines without spaces
//! were cut and read again in another order). A control code a mark's
//! glyph was mapped to (Chromium's NUL, LibreOffice's `\x05`) stands where
//! it came, between letters of a word; a line with a layout control (a
//! tab, a carriage return inside it) is left.
//!
//! The damage is judged once per document (`document_displaces_marks`), on
//! its lines in reading order: `MIN_SIGNS` signs at least, two for five
//! words with a mark or more (vowelled text as written shows none but in
//! Quranic spelling, which this stage does not read), and one direction
//! that explains half the signs at least; the one that leaves fewer.

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::reading_order::ReadingMemo;
use crate::script::{has_arabic_script, is_arabic_letter, is_arabic_mark, is_tanween, is_vowel_mark, FATHATAN, SHADDA};

/// Signs of marks out of place a document must show to be judged.
const MIN_SIGNS: usize = 10;

/// Words with a mark a document is judged on at most (a page of vowelled
/// text holds about 300).
const JUDGED_WORDS: usize = 2_000;

/// Marks a letter may carry as a line comes, for the line to be read (text
/// as written puts two on a letter at most); it bounds the search's states.
const MAX_MARKS_PER_LETTER: usize = 4;

/// Sukun: no word starts with a letter without a vowel.
const SUKUN: char = '\u{0652}';

/// Which way a document's marks moved from their letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Displacement {
    /// A mark came out after the letter before its own (it belongs to the
    /// next letter).
    Early,
    /// A mark came out after the letter after its own (it belongs to the
    /// letter before).
    Late,
}

/// The marks this stage reads: the short vowels, tanween, shadda, sukun
/// and the dagger alef. A line with another mark (Quranic signs) is left.
fn is_read_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}')
}

/// Where a letter stands in its word, as far as its marks care.
#[derive(Clone, Copy)]
struct Place {
    first: bool,
    /// The letters after it in its word: none, only an alef or alef
    /// maqsura (which fathatan may stand before), or others.
    after: After,
    /// The lam of the article (`ال`, `وال`, `فال`, `بال`, `كال`).
    article_lam: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    Nothing,
    FinalAlef,
    Letters,
}

/// The marks a letter came with, kept in place (a line is read once per
/// document: no allocation per letter).
#[derive(Clone, Copy, Default)]
struct Marks {
    at: [char; MAX_MARKS_PER_LETTER],
    len: usize,
}

impl Marks {
    /// Adds a mark; false where the letter holds too many to be read.
    fn push(&mut self, mark: char) -> bool {
        if self.len == MAX_MARKS_PER_LETTER {
            return false;
        }
        self.at[self.len] = mark;
        self.len += 1;
        true
    }

    fn as_slice(&self) -> &[char] {
        &self.at[..self.len]
    }
}

/// A line's letters, each with the marks it came with, and the marks
/// before its first letter.
struct LetterMarks {
    /// Byte offset, letter, place, marks.
    letters: Vec<(usize, char, Place, Marks)>,
    leading: Marks,
    /// Byte offsets of the marks above (the marks a line's order leaves in
    /// doubt are not among them).
    attached: Vec<usize>,
    /// Words with a mark on one of their letters.
    marked_words: usize,
}

/// Reads a line's letters and their marks; none where a letter holds more
/// marks than `MAX_MARKS_PER_LETTER` or a mark this stage does not read.
fn letter_marks(line: &str) -> Option<LetterMarks> {
    let mut letters: Vec<(usize, char, Place, Marks)> = Vec::new();
    let mut leading = Marks::default();
    let mut attached = Vec::new();
    // Where each word starts in `letters`: a letter after anything but a
    // letter or a mark starts one.
    let mut word_starts = Vec::new();
    let (mut in_word, mut word_marked, mut marked_words) = (false, false, 0);
    let unplaced = Place { first: false, after: After::Letters, article_lam: false };
    for (at, c) in line.char_indices() {
        if is_arabic_letter(c) {
            if !in_word {
                word_starts.push(letters.len());
                (in_word, word_marked) = (true, false);
            }
            letters.push((at, c, unplaced, Marks::default()));
        } else if c.is_control() {
            // (The code a mark's glyph was mapped to, a NUL or `\x05`, that
            // the stages before left: it stands where it came.)
            continue;
        } else if is_arabic_mark(c) {
            if !is_read_mark(c) {
                return None;
            }
            // (A mark after a space or punctuation stays: which letter it
            // sits on, the stages that read a line's order tell.)
            if !in_word && !letters.is_empty() {
                continue;
            }
            attached.push(at);
            marked_words += usize::from(!word_marked);
            word_marked = true;
            let marks = match letters.last_mut() {
                Some(letter) => &mut letter.3,
                None => &mut leading,
            };
            if !marks.push(c) {
                return None;
            }
        } else {
            in_word = false;
        }
    }
    word_starts.push(letters.len());
    for bounds in word_starts.windows(2) {
        let word = &mut letters[bounds[0]..bounds[1]];
        let letter = |k: usize| word.get(k).map(|l| l.1);
        let article_lam = match (letter(0), letter(1), letter(2), letter(3)) {
            (Some('ا'), Some('ل'), Some(_), _) => Some(1),
            (Some('و' | 'ف' | 'ب' | 'ك'), Some('ا'), Some('ل'), Some(_)) => Some(2),
            _ => None,
        };
        let len = word.len();
        let final_alef = matches!(word[len - 1].1, 'ا' | 'ى');
        for (k, letter) in word.iter_mut().enumerate() {
            letter.2 = Place {
                first: k == 0,
                after: match len - 1 - k {
                    0 => After::Nothing,
                    1 if final_alef => After::FinalAlef,
                    _ => After::Letters,
                },
                article_lam: article_lam == Some(k),
            };
        }
    }
    Some(LetterMarks { letters, leading, attached, marked_words })
}

/// Signs that a letter's marks are not its own (see the module
/// documentation).
fn misplaced(letter: char, place: Place, marks: &[char]) -> usize {
    let vowels = marks.iter().filter(|&&m| is_vowel_mark(m)).count();
    let mut signs = vowels.saturating_sub(1);
    let has = |f: &dyn Fn(char) -> bool| marks.iter().any(|&m| f(m));
    if !place.first && letter == 'ا' && has(&|m| m != FATHATAN) {
        signs += 1;
    }
    if !place.first && letter == 'ى' && has(&|m| m != FATHATAN && m != '\u{0670}') {
        signs += 1;
    }
    if place.article_lam && has(&|m| m != SUKUN) {
        signs += 1;
    }
    if has(&is_tanween)
        && !(place.after == After::Nothing || (place.after == After::FinalAlef && marks.contains(&FATHATAN)))
    {
        signs += 1;
    }
    if place.first && has(&|m| m == SUKUN) {
        signs += 1;
    }
    signs
}

/// A control that lays text out (tabs, line and page breaks), not a
/// glyph's code.
fn is_layout_control(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{85}')
}

/// Whether a line holds a vowel mark this stage reads (U+064B..U+0650,
/// U+0652), read on its bytes (a document's every line is asked).
fn has_vowel_mark(line: &str) -> bool {
    line.as_bytes().windows(2).any(|pair| pair[0] == 0xD9 && matches!(pair[1], 0x8B..=0x90 | 0x92))
}

/// A line's letters and marks, where this stage reads the line: it holds a
/// vowel mark, and no layout control (a table's tabs, a page's carriage
/// returns inside a line, which the reading order does not read either).
fn readable_letter_marks(line: &str) -> Option<LetterMarks> {
    if !has_vowel_mark(line) || line.trim_end_matches('\r').contains(is_layout_control) {
        return None;
    }
    letter_marks(line)
}

impl LetterMarks {
    /// Signs of marks out of place (see the module documentation).
    fn signs(&self) -> usize {
        self.leading.len
            + self.letters.iter().map(|(_, c, place, m)| misplaced(*c, *place, m.as_slice())).sum::<usize>()
    }
}

/// Signs of marks out of place in a line, and its words with a mark; none
/// for a line this stage does not read.
fn signs_and_marked_words(line: &str) -> (usize, usize) {
    readable_letter_marks(line).map_or((0, 0), |marks| (marks.signs(), marks.marked_words))
}

/// Signs of marks out of place in a line.
fn signs(line: &str) -> usize {
    signs_and_marked_words(line).0
}

/// One way the marks may stand after a letter: the marks moved onto the
/// next letter (in the search's direction), the moves so far, the sum of
/// the places on their letter of the marks moved (the tie-break), the step
/// before (its index in the level before), and the marks the letter keeps
/// (its own not moved, and those moved onto it).
struct Step {
    moved: Vec<char>,
    moves: usize,
    order: usize,
    before: usize,
    kept: Vec<char>,
}

/// The line with its marks put back by the fewest moves of one letter in
/// the document's direction that leave no sign of marks out of place; none
/// where no such placement exists (or the line shows no sign).
fn put_back(line: &str, direction: Displacement) -> Option<String> {
    // (The line read once: its signs, then its placement.)
    let marks = readable_letter_marks(line).filter(|marks| marks.signs() > 0)?;
    let LetterMarks { letters, leading, attached, .. } = marks;
    if letters.is_empty() {
        return None;
    }
    let leading = leading.as_slice().to_vec();
    let order: Vec<usize> = match direction {
        // (Marks before the line's first letter came early, onto it; a
        // shadda stays, see below.)
        Displacement::Early if leading.contains(&SHADDA) => return None,
        Displacement::Early => (0..letters.len()).collect(),
        Displacement::Late if !leading.is_empty() => return None,
        Displacement::Late => (0..letters.len()).rev().collect(),
    };
    // Each level holds the ways the marks may stand after one letter, one
    // per set of marks moved onto the next.
    let mut levels: Vec<Vec<Step>> = Vec::with_capacity(order.len() + 1);
    let start = Step { moved: leading.clone(), moves: leading.len(), order: 0, before: 0, kept: Vec::new() };
    let mut previous = vec![start];
    for (k, &i) in order.iter().enumerate() {
        let (_, letter, place, own) = &letters[i];
        let own = own.as_slice();
        let last = k + 1 == order.len();
        let mut level: Vec<Step> = Vec::new();
        for (from, state) in previous.iter().enumerate() {
            for subset in 0u32..(1 << own.len()) {
                // (A shadda stays: where it came out is where the letter
                // doubled, or the font's glyph for a vowel, KacstBook's.)
                let moves_shadda = own.iter().enumerate().any(|(j, &m)| m == SHADDA && subset & (1 << j) != 0);
                if (last && subset != 0) || moves_shadda {
                    continue;
                }
                let mut kept = state.moved.clone();
                let mut moved = Vec::new();
                let mut order_sum = state.order;
                for (j, &m) in own.iter().enumerate() {
                    if subset & (1 << j) != 0 {
                        moved.push(m);
                        order_sum += if direction == Displacement::Early { j } else { own.len() - 1 - j };
                    } else {
                        kept.push(m);
                    }
                }
                if kept.len() > MAX_MARKS_PER_LETTER || misplaced(*letter, *place, &kept) > 0 {
                    continue;
                }
                let moves = state.moves + moved.len();
                let step = Step { moved, moves, order: order_sum, before: from, kept };
                match level.iter_mut().find(|s| s.moved == step.moved) {
                    Some(s) if (s.moves, s.order) <= (step.moves, step.order) => {}
                    Some(s) => *s = step,
                    None => level.push(step),
                }
            }
        }
        if level.is_empty() {
            return None;
        }
        levels.push(std::mem::replace(&mut previous, level));
    }
    levels.push(previous);
    // Back from the best last step, each letter's marks.
    let mut marks_of: Vec<Vec<char>> = vec![Vec::new(); letters.len()];
    let last = levels.last()?;
    let mut at = (0..last.len()).min_by_key(|&s| (last[s].moves, last[s].order))?;
    for (k, &i) in order.iter().enumerate().rev() {
        let step = &levels[k + 1][at];
        let mut kept = step.kept.clone();
        // (Canonical order: NFC sorts these marks by their code points.)
        kept.sort_unstable();
        marks_of[i] = kept;
        at = step.before;
    }
    let mut out = String::with_capacity(line.len());
    let mut next_letter = 0;
    for (at, c) in line.char_indices() {
        if attached.binary_search(&at).is_ok() {
            continue;
        }
        out.push(c);
        if next_letter < letters.len() && letters[next_letter].0 == at {
            out.extend(&marks_of[next_letter]);
            next_letter += 1;
        }
    }
    (out != line).then_some(out)
}

/// Whether the document's marks came out a letter off their own, and which
/// way (see the module documentation).
pub(crate) fn document_displaces_marks<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    memo: &ReadingMemo,
) -> Option<Displacement> {
    // (Most documents have no mark: nothing more is read.)
    if !lines.clone().any(has_vowel_mark) {
        return None;
    }
    // Counted on every line first (the reading of a line's order costs more
    // than its marks), then on the lines in reading order; on the lines
    // that hold the first `JUDGED_WORDS` words with a mark (a document's
    // extraction shows its damage from its first page; a line without signs
    // is never changed, so a document judged by its start loses nothing
    // later).
    let count = |lines: &mut dyn Iterator<Item = &str>| {
        let (mut signs_in, mut marked_words, mut read) = (0usize, 0usize, 0usize);
        for line in lines {
            if marked_words >= JUDGED_WORDS {
                break;
            }
            let (signs, words) = signs_and_marked_words(line);
            signs_in += signs;
            marked_words += words;
            read += 1;
        }
        (signs_in >= MIN_SIGNS && 5 * signs_in >= 2 * marked_words).then_some((signs_in, read))
    };
    let (_, read) = count(&mut lines.clone())?;
    let lines = lines.take(read);
    let (mut arabic, mut visual) = (0usize, 0usize);
    for line in lines.clone().filter(|line| has_arabic_script(line)) {
        arabic += 1;
        visual += usize::from(memo.evidence(line).visual);
    }
    if !crate::reading_order::few_lines_in_visual_order(visual, arabic) {
        return None;
    }
    let lines = lines.filter(|line| !memo.evidence(line).visual);
    let (signs_in, _) = count(&mut lines.clone())?;
    let left = |direction: Displacement| {
        lines
            .clone()
            .map(|line| put_back(line, direction).map_or_else(|| signs(line), |fixed| signs(&fixed)))
            .sum::<usize>()
    };
    let (early, late) = (left(Displacement::Early), left(Displacement::Late));
    let (direction, left) = if early <= late { (Displacement::Early, early) } else { (Displacement::Late, late) };
    (2 * left <= signs_in).then_some(direction)
}

/// In a document whose marks came out a letter off (`ctx.displaced_marks`),
/// puts each line's back where a placement explains them.
pub(crate) fn restore_displaced_marks<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    let Some(direction) = ctx.displaced_marks else { return Cow::Borrowed(line) };
    // (A line the reading order left in visual order shows marks before
    // their letters: not this damage.)
    if ctx.reading.evidence(line).visual {
        return Cow::Borrowed(line);
    }
    match put_back(line, direction) {
        Some(fixed) => rewrite_whole(line, &fixed, FixKind::DetachedMark, 0.9, edits),
        None => Cow::Borrowed(line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_a_letter_early_are_put_on_their_letters() {
        // PDFBox on LibreOffice's vowelled PDF (DejaVu Sans).
        assert_eq!(put_back("كاَن في الَقْريَةِ نَهٌْر", Displacement::Early).as_deref(), Some("كانَ في القَرْيَةِ نَهْرٌ"));
    }

    #[test]
    fn a_control_a_marks_glyph_was_mapped_to_stays_where_it_came() {
        assert_eq!(put_back("الَق\u{0}ْريَةِ", Displacement::Early).as_deref(), Some("القَ\u{0}رْيَةِ"));
        // (A tab is layout: the line is left.)
        assert_eq!(put_back("كاَن\tفي", Displacement::Early), None);
    }

    #[test]
    fn marks_a_letter_late_are_put_on_their_letters() {
        // PDFBox on wkhtmltopdf's vowelled PDF, the line turned.
        assert_eq!(put_back("بيَنَْ الحُقولِ", Displacement::Late).as_deref(), Some("بَيْنَ الحُقولِ"));
    }

    #[test]
    fn vowel_marks_are_found_on_the_bytes() {
        assert!(has_vowel_mark("كانَ"));
        assert!(has_vowel_mark("يَوْمٍ"));
        assert!(!has_vowel_mark("كان في القرية نهر"));
        assert!(!has_vowel_mark("الصّغير")); // a shadda alone
    }

    #[test]
    fn lines_as_written_show_no_sign() {
        for line in ["كانَ في القَرْيَةِ نَهْرٌ صَغيرٌ", "يَكْفي أَهْلَها جَميعاً.", "وَالنِّساءُ", "هُدًى", "الرَّحْمَٰنِ"]
        {
            assert_eq!(signs(line), 0, "{line}");
            assert_eq!(put_back(line, Displacement::Early), None);
        }
    }
}
