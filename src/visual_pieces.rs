//! Stage: lines in visual order whose words came out cut into pieces.
//!
//! pdf-extract on vowelled PDFs writes each line in visual order (its
//! characters reversed) and cuts its words where a mark is drawn:
//! `ِريغ َّصلا ِرْه َّنلا ُة َياك ِح` for `حِكايَةُ النَّهْرِ الصَّغيرِ`. The reading
//! order reads visual order from a line's words: words that start with a
//! letter that only ends words, words that end in the article reversed
//! (`reading_order::evidence`). Pieces of two or three letters rarely show
//! either, so no line did, and the stage that moves marks written before
//! their letters read the reversed marks as that damage.
//!
//! So the damage is judged once per document, in vowelled text
//! (`script::is_vowelled`), from all its pieces
//! (`document_in_visual_order`): `MIN_ARTICLES` at least end in the
//! article reversed (`َقلا`, `ْهَّنلا`; a frequent word aside: `ولا`, `إلا`),
//! `ARTICLE_SIDES` times as many as start with it. Text as written starts
//! many words with the article and ends few with `لا`: no gold or negative
//! file of the corpus comes near. In such a document each line with Arabic
//! is read backwards (`reading_order::read_backwards`, its lam-alef
//! ligatures turned by the lexicon) where that reads better by the unigram
//! model. The pieces stay apart (`حِ كايَةُ`) unless the document's words
//! came cut at their marks throughout (`marks_before_letters` joins them
//! then): joined here into known words, three documents came out far worse
//! (Amiri's pieces end with their marks). Unvowelled documents are left to
//! the reading order, which reads their lines one by one (DESIGN.md, stop
//! 32).

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::reading_order::WordScorer;
use crate::script::{has_arabic_script, is_arabic_letter};

/// Pieces ending in the article reversed a document must show.
const MIN_ARTICLES: usize = 5;

/// How many times as many pieces end in the article reversed as start with
/// it, at least.
const ARTICLE_SIDES: usize = 4;

/// Whether a piece ends in the article reversed (`َقلا`: its letters, marks
/// aside, three or more, the last two lam and alef of any form), and whether
/// it starts with the article.
fn article_sides(token: &str) -> (bool, bool) {
    let letters: Vec<char> = token.chars().filter(|&c| is_arabic_letter(c)).map(fold_alef).collect();
    if letters.len() < 3 {
        return (false, false);
    }
    let last = letters[letters.len() - 2..] == ['ل', 'ا'];
    (last && !crate::reading_order::is_frequent_word(token), letters[..2] == ['ا', 'ل'])
}

/// An alef with hamza or madda as a bare alef.
fn fold_alef(c: char) -> char {
    if matches!(c, 'أ' | 'إ' | 'آ') {
        'ا'
    } else {
        c
    }
}

/// Whether the document's lines are in visual order, as its pieces show
/// (see the module documentation).
pub(crate) fn document_in_visual_order<'l>(lines: impl Iterator<Item = &'l str> + Clone) -> bool {
    if !crate::script::is_vowelled(lines.clone()) {
        return false;
    }
    let (mut reversed, mut forward) = (0usize, 0usize);
    for token in lines.flat_map(|line| line.split(' ')) {
        let (last, first) = article_sides(token);
        reversed += usize::from(last);
        forward += usize::from(first);
    }
    reversed >= MIN_ARTICLES && reversed >= ARTICLE_SIDES * forward
}

/// The score of a line as the unigram model reads its tokens.
fn line_score(scorer: &WordScorer, line: &str) -> f64 {
    line.split(' ').filter(|t| !t.is_empty()).map(|t| scorer.word(t)).sum()
}

/// A line read backwards, in a document judged in visual order
/// (`ctx.visual_pieces`), where it reads better so.
pub(crate) fn restore_visual_line<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.visual_pieces || !has_arabic_script(line) || line.chars().any(char::is_control) {
        return Cow::Borrowed(line);
    }
    let scorer = ctx.reading.scorer();
    let turned = crate::reading_order::read_backwards(scorer, line, true);
    if line_score(scorer, &turned) <= line_score(scorer, line) {
        return Cow::Borrowed(line);
    }
    rewrite_whole(line, &turned, FixKind::ReadingOrder, 0.9, edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::read_corpus;

    #[test]
    fn pieces_show_the_article_reversed() {
        assert_eq!(article_sides("َقلا"), (true, false));
        assert_eq!(article_sides("ْهَّنلا"), (true, false));
        assert_eq!(article_sides("الأَطْفالُ"), (false, true));
        // Frequent words in `-لا` (`َألا`, `الأ` turned, reads as `ألا`, and
        // as the article first, alefs folded), and pieces too short to tell.
        assert_eq!(article_sides("َألا"), (false, true));
        assert_eq!(article_sides("ولا"), (false, false));
        assert!(!article_sides("إلا").0);
        assert_eq!(article_sides("لا"), (false, false));
    }

    #[test]
    fn documents_in_visual_order_are_judged_by_their_pieces() {
        for name in ["weasy-noto", "xelatex-amiri", "amiri", "notokufi"] {
            let broken = read_corpus(&format!("in-the-wild/pdf-vowelled-{name}-pdf-extract.broken.txt"));
            assert!(document_in_visual_order(broken.lines()), "{name}");
            let gold = read_corpus(&format!("in-the-wild/pdf-vowelled-{name}-pdf-extract.gold.txt"));
            assert!(!document_in_visual_order(gold.lines()), "{name}");
        }
        // Text as written: the article starts words.
        for name in ["arabic-poetry-diacritics.txt", "quran-and-hadith.txt", "long-words-and-sentence-ends.txt"] {
            assert!(!document_in_visual_order(read_corpus(&format!("negative/{name}")).lines()), "{name}");
        }
    }
}
