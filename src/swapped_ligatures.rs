//! Stage: lam-alef ligatures that came out as alef + lam.
//!
//! Arabic fonts draw lam followed by alef as one ligature glyph (`لا`, `لأ`,
//! `لإ`, `لآ`). Some fonts map that glyph to its two letters in the wrong
//! order (KacstBook through pdftotext, `corpus/in-the-wild/pdf-kacst-*`):
//! `استهلاك` comes out `استهالك`, `الأنابيب` `األنابيب`, the word `لا`
//! `ال`. A line read back from visual order shows the same thing, as the
//! reversal turns the ligature around with its line (`reading_order` fixes
//! those with `turn_ligatures`).
//!
//! An alef before a lam is also the article (`الكتاب`), so the damage is
//! judged once per document (`document_swaps_ligatures`): a document with it
//! never writes lam before alef (every such pair was a ligature), and holds
//! words the lexicon lacks that it lists once an alef + lam is turned
//! around. (A document in which another font wrote some ligatures right is
//! not repaired: the fast path could not tell it from clean text.) Then,
//! once, each word takes the spelling the lexicon ranks best among its
//! turnings (`turn_ligatures`): the article stays, as a word with it turned
//! is not listed.

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::lexicon::Lexicon;
use crate::pipeline::LineContext;
use crate::reading_order::WordScorer;
use crate::script::{is_arabic_letter, is_arabic_mark, is_tanween, joins_both_sides};

/// Whether `c` is one of the alefs that form a ligature after lam.
fn is_ligature_alef(c: char) -> bool {
    matches!(c, 'ا' | 'أ' | 'إ' | 'آ')
}

/// The letters of a token without the punctuation around it.
fn word_core(token: &str) -> &str {
    token.trim_matches(|c: char| !(is_arabic_letter(c) || is_arabic_mark(c)))
}

/// Whether a word writes a letter of `first` directly before one of
/// `second`, marks aside.
fn has_letter_pair(word: &str, first: impl Fn(char) -> bool, second: impl Fn(char) -> bool) -> bool {
    let mut previous = ' ';
    word.chars().filter(|&c| !is_arabic_mark(c)).any(|c| {
        let found = first(previous) && second(c);
        previous = c;
        found
    })
}

/// Whether a word writes lam before an alef (what the ligature is), other
/// than before another lam: `ولالستفسار` is `وللاستفسار`, a lam and then
/// the ligature turned (`ال`), and a document whose ligatures all came out
/// turned shows that shape wherever a lam comes before one.
fn has_lam_alef(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|&c| !is_arabic_mark(c)).collect();
    letters
        .windows(2)
        .enumerate()
        .any(|(i, w)| w[0] == 'ل' && is_ligature_alef(w[1]) && letters.get(i + 2) != Some(&'ل'))
}

/// Whether a word writes an alef before a lam (the article, or a turned
/// ligature).
fn has_alef_lam(word: &str) -> bool {
    has_letter_pair(word, is_ligature_alef, |c| c == 'ل')
}

/// Words the lexicon lacks that it lists once turned, needed before a
/// document is judged to turn its ligatures.
const MIN_TURNED_WORDS: usize = 3;

/// Which of a document's lam-alef ligatures came out as alef + lam.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum SwappedLigatures {
    /// None: the document writes them right, or shows no sign.
    #[default]
    None,
    /// Every one (KacstBook through pdftotext).
    All,
    /// The final forms of lam + alef, after a letter that joins the next:
    /// Noto Kufi Arabic maps that glyph to alef + lam and its isolated form
    /// right (`استهالك`, `خالل`, `الاستهالك` beside `الأجل`, `لا`), through
    /// every extractor that reads its ToUnicode map.
    AfterJoiningLetters,
}

/// Whether a word writes a letter that joins the next, then lam, then alef
/// (the lam-alef ligature's final form), marks aside.
fn has_final_lam_alef(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|&c| !is_arabic_mark(c)).collect();
    letters.windows(3).any(|w| joins_both_sides(w[0]) && w[1] == 'ل' && w[2] == 'ا')
}

/// Which of a document's lam-alef ligatures came out as alef + lam: every
/// one where it writes no lam before an alef at all (every such pair was a
/// ligature; Arabic text of a few lines writes `لا`, `الأ`, `خلال` ...;
/// a word that starts with a mark came out of order, its letters with it,
/// and its pairs tell nothing: `-ًالاثالث` for `ثالثاً-`, pdf.js on Typst's
/// PDFs);
/// the final forms where it writes no lam + alef after a letter that joins
/// it (`خلال`, `علاقة`, `استهلاك` are in most texts); and each only where
/// at least `MIN_TURNED_WORDS` of its words (distinct ones) are listed only
/// once turned.
pub(crate) fn document_swaps_ligatures<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    scorer: &WordScorer,
) -> SwappedLigatures {
    // A document without a lam has nothing to turn (one written in
    // presentation forms, say): no need to walk its words.
    if !lines.clone().any(|line| line.contains('ل')) {
        return SwappedLigatures::None;
    }
    let words = || lines.clone().flat_map(str::split_whitespace).map(word_core).filter(|w| !w.is_empty());
    // (Most documents show a lam before an alef within their first lines.)
    let in_order = |w: &&str| !w.starts_with(is_arabic_mark);
    let swapped = if !words().filter(in_order).any(has_lam_alef) {
        SwappedLigatures::All
    } else if !words().filter(in_order).any(has_final_lam_alef) {
        SwappedLigatures::AfterJoiningLetters
    } else {
        return SwappedLigatures::None;
    };
    let lexicon = Lexicon::embedded();
    // Distinct words: one word many times over (`التقر`, the piece of
    // `التقرير` cut before a kerned yeh, as `لاتقر`) is one chance.
    let mut turned: Vec<&str> = Vec::with_capacity(MIN_TURNED_WORDS);
    for w in words().filter(|w| has_alef_lam(w)) {
        if turned.len() >= MIN_TURNED_WORDS {
            break;
        }
        if !turned.contains(&w)
            && !lexicon.contains(w)
            && turn_word(scorer, w, swapped).is_some_and(|t| lexicon.contains(&t))
        {
            turned.push(w);
        }
    }
    if turned.len() >= MIN_TURNED_WORDS {
        swapped
    } else {
        SwappedLigatures::None
    }
}

/// Whether the fast path must send a text the full way for this stage: it
/// holds Arabic letters and no lam directly before an alef, or none after a
/// letter that joins it (a text with both is never judged to turn its
/// ligatures; most Arabic text has both within its first lines, found by a
/// few `memmem` steps).
pub(crate) fn may_swap_ligatures(text: &str) -> bool {
    let bytes = text.as_bytes();
    let has_arabic = memchr::memchr2(0xD8, 0xD9, bytes).is_some();
    if !has_arabic {
        return false;
    }
    // A lam + alef after a letter that joins it (its two bytes before).
    let after_joining_letter = |i: usize| {
        i >= 2
            && std::str::from_utf8(&bytes[i - 2..i]).ok().and_then(|s| s.chars().next()).is_some_and(joins_both_sides)
            && !in_word_after_a_mark(text, i)
    };
    // (A pair before another lam is none: `has_lam_alef`, nor one in a word
    // that starts with a mark. Each pair is four bytes.)
    let not_before_lam = |i: usize| !bytes[i + 4..].starts_with("ل".as_bytes()) && !in_word_after_a_mark(text, i);
    let plain = ["لا", "لأ", "لإ", "لآ"].iter().any(|p| memchr::memmem::find_iter(bytes, p.as_bytes()).any(not_before_lam))
        && memchr::memmem::find_iter(bytes, "لا".as_bytes()).any(after_joining_letter);
    // Vowelled text parts the lam from its alef with a mark (`خِلَالَ`),
    // which the judgement reads aside: the same pairs, marks skipped (a
    // walk over the characters, for the texts that lack the plain pairs).
    let writes_both = plain || (lam_alef_marks_aside(text, false) && lam_alef_marks_aside(text, true));
    !writes_both
}

/// Whether the word around byte `i` of a text (its token between
/// whitespace, as `document_swaps_ligatures` reads it: `word_core`) starts
/// with a mark: a word that came out of order, which the judgement reads
/// aside.
fn in_word_after_a_mark(text: &str, i: usize) -> bool {
    let token_start =
        text[..i].rfind(char::is_whitespace).map_or(0, |at| at + text[at..].chars().next().map_or(1, char::len_utf8));
    text[token_start..].chars().find(|&c| is_arabic_letter(c) || is_arabic_mark(c)).is_some_and(is_arabic_mark)
}

/// Whether a text writes a lam before an alef (any of the ligature's
/// alefs), or with `after_joining_letter` a lam + bare alef after a letter
/// that joins it, marks aside, as `has_lam_alef` and `has_final_lam_alef`
/// read its words (a word that starts with a mark aside).
fn lam_alef_marks_aside(text: &str, after_joining_letter: bool) -> bool {
    let (mut before, mut previous) = (' ', ' ');
    // (A lam + alef is one only if no lam follows: `has_lam_alef`.)
    let mut pending = false;
    // Whether the token being read (between whitespace) starts its word
    // with a mark (`in_word_after_a_mark`), once a letter or a mark of it
    // is read.
    let (mut after_a_mark, mut word_started) = (false, false);
    for c in text.chars() {
        if c.is_whitespace() {
            word_started = false;
        } else if !word_started && (is_arabic_letter(c) || is_arabic_mark(c)) {
            (after_a_mark, word_started) = (is_arabic_mark(c), true);
        }
        if is_arabic_mark(c) {
            continue;
        }
        if after_a_mark {
            (pending, before, previous) = (false, previous, c);
            continue;
        }
        if pending && c != 'ل' {
            return true;
        }
        pending = false;
        if after_joining_letter {
            if joins_both_sides(before) && previous == 'ل' && c == 'ا' {
                return true;
            }
        } else {
            pending = previous == 'ل' && is_ligature_alef(c);
        }
        (before, previous) = (previous, c);
    }
    pending
}

/// Turns the ligatures of one line, in a document judged to have them
/// turned (`ctx.ligatures_swapped`).
pub(crate) fn restore_swapped_ligatures<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if ctx.ligatures_swapped == SwappedLigatures::None || !line.chars().any(is_arabic_letter) {
        return Cow::Borrowed(line);
    }
    let turned = turn_ligatures_of(ctx.reading.scorer(), line, ctx.ligatures_swapped);
    rewrite_whole(line, &turned, FixKind::PresentationForm, 0.95, edits)
}

/// Each alef + lam (`ال`, `أل`, `إل`, `آل`) of each word of a line may be a
/// lam-alef ligature turned around: per word, the lexicon picks which to
/// turn back.
pub(crate) fn turn_ligatures(scorer: &WordScorer, line: &str) -> String {
    turn_ligatures_of(scorer, line, SwappedLigatures::All)
}

/// `turn_ligatures`, for the pairs that `swapped` says may be turned.
fn turn_ligatures_of(scorer: &WordScorer, line: &str, swapped: SwappedLigatures) -> String {
    let mut out = String::with_capacity(line.len());
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match turn_word(scorer, word, swapped) {
            Some(turned) => out.push_str(&turned),
            None => out.push_str(word),
        }
    }
    out
}

/// The best turning of a word's alef + lam pairs (those that `swapped` says
/// may be turned), if it is not the word as it stands.
fn turn_word(scorer: &WordScorer, word: &str, swapped: SwappedLigatures) -> Option<String> {
    // (Most words have no alef + lam: nothing to build for them.)
    if !has_alef_lam(word) {
        return None;
    }
    // Clusters: a base and the marks on it.
    let mut clusters: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if i > 0 && !is_arabic_mark(c) {
            clusters.push(&word[start..i]);
            start = i;
        }
    }
    clusters.push(&word[start..]);
    let base = |k: usize| clusters[k].chars().next().unwrap_or(' ');
    let may_turn = |k: usize| match swapped {
        SwappedLigatures::None => false,
        SwappedLigatures::All => is_ligature_alef(base(k)),
        SwappedLigatures::AfterJoiningLetters => base(k) == 'ا' && k > 0 && joins_both_sides(base(k - 1)),
    };
    let spots: Vec<usize> =
        (0..clusters.len().saturating_sub(1)).filter(|&k| may_turn(k) && base(k + 1) == 'ل').collect();
    if spots.is_empty() || spots.len() > 3 {
        return None;
    }
    // A spelling the lexicon lists whole beats one it only reads through
    // clitics (`الفعال` over ال + `فعلا`): both are the same letters, and
    // the clitic reading of a form nobody writes is a guess.
    let lexicon = Lexicon::embedded();
    let rank = |w: &str| (lexicon.contains(word_core(w)), scorer.word(w));
    let mut best: Option<((bool, f64), String)> = None;
    let as_it_stands = rank(word);
    // Turning a pair swaps its letters with their marks, but a tanween on
    // the lam goes after the alef: it only ends words, and the extraction
    // put the ligature's mark after the pair (`أوالً` is `أولاً`).
    for mask in 1u32..(1 << spots.len()) {
        let mut w = String::with_capacity(word.len());
        let mut k = 0;
        while k < clusters.len() {
            match spots.iter().position(|&p| p == k) {
                Some(s) if mask & (1 << s) != 0 => {
                    let (alef, lam) = (clusters[k], clusters[k + 1]);
                    lam.chars().filter(|&c| !is_tanween(c)).for_each(|c| w.push(c));
                    w.push_str(alef);
                    lam.chars().filter(|&c| is_tanween(c)).for_each(|c| w.push(c));
                    k += 2;
                }
                _ => {
                    w.push_str(clusters[k]);
                    k += 1;
                }
            }
        }
        let r = rank(&w);
        if r > as_it_stands && best.as_ref().is_none_or(|(b, _)| r > *b) {
            best = Some((r, w));
        }
    }
    best.map(|(_, w)| w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::read_corpus as read;

    #[test]
    fn the_prefilter_reads_lam_and_alef_marks_aside() {
        // Plain text with a final lam-alef after a joining letter: judged
        // never to swap, so the fast path may pass it; without one, not.
        assert!(!may_swap_ligatures("وقد جاء خلال العام كلام جميل"));
        assert!(may_swap_ligatures("جاء العام"));
        // Vowelled text parts the pair with a mark: read aside, as the
        // judgement reads it.
        assert!(!may_swap_ligatures("وَقَدْ جاءَ خِلالَ العامِ كَلَامٌ جَميلٌ"));
        assert!(!may_swap_ligatures("وَقَدْ جاءَ خِلَالَ العامِ لَا"));
        // Its only lam + alef before a lam (`خلال`, the shape of a lam and
        // a turned ligature, `ولالستفسار`): sent the full way.
        assert!(may_swap_ligatures("وَقَدْ جاءَ خِلَالَ العامِ"));
        assert!(!has_lam_alef("ولالستفسار") && has_lam_alef("وللاستفسار"));
        assert!(may_swap_ligatures("حِكايَةُ النَّهْرِ امْتَلَأَ"));
        let words = ["وَقَدْ", "جاءَ", "خِلَالَ", "العامِ"];
        assert!(words.iter().any(|w| has_final_lam_alef(w)));
        // A word that starts with a mark is read aside, as the judgement
        // reads it: its pairs leave the text sent the full way.
        assert!(may_swap_ligatures("خالل الرئيسية -ًالاثاني"));
        assert!(may_swap_ligatures("خالل الرئيسية ،ًالاوأخير"));
        assert!(may_swap_ligatures("خِلَال الرئيسية -ًالاثاني"));
        assert!(!may_swap_ligatures("كلام الرئيسية لا -ًالاثاني"));
        assert!(in_word_after_a_mark("أ -ًالاثاني", 8) && !in_word_after_a_mark("أ كلام", 5));
    }

    #[test]
    fn documents_that_turn_their_ligatures() {
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        let judged = |name: &str| document_swaps_ligatures(read(name).lines(), &scorer);
        for name in ["pdf-kacst-pdftotext", "pdf-kacst-pdftotext-layout"] {
            assert_eq!(judged(&format!("in-the-wild/{name}.broken.txt")), SwappedLigatures::All);
            assert_eq!(judged(&format!("in-the-wild/{name}.gold.txt")), SwappedLigatures::None);
        }
        // Noto Kufi Arabic: only the final forms (`استهالك`, `خالل`), while
        // `الأجل` and `لا` stand right.
        for name in ["pdf-notokufi-pdftotext", "pdf-chrome-notokufi-pdfbox", "pdf-weasy-notokufi-pdfium"] {
            assert_eq!(judged(&format!("in-the-wild/{name}.broken.txt")), SwappedLigatures::AfterJoiningLetters);
            assert_eq!(judged(&format!("in-the-wild/{name}.gold.txt")), SwappedLigatures::None);
        }
        // pdf.js on Typst's PDFs with DejaVu Sans: every lam-alef turned,
        // and the label words that came out of order (`-ًالاثاني`) write the
        // only lam before an alef.
        for name in ["pdf-typst-dejavu-pdfjs", "pdf-schools-typst-dejavu-pdfjs"] {
            assert_eq!(judged(&format!("in-the-wild/{name}.broken.txt")), SwappedLigatures::All);
            assert_eq!(judged(&format!("in-the-wild/{name}.gold.txt")), SwappedLigatures::None);
        }
        for name in [
            "in-the-wild/pdf-amiri-pdftotext.broken.txt",
            "in-the-wild/ctoc-wg4-2018-3.broken.txt",
            "in-the-wild/ctoc-wg7-2021-5.broken.txt",
            "synthetic/visual-order.broken.txt",
            "negative/arabic-prose-mixed.txt",
            "negative/persian.txt",
            "negative/urdu.txt",
        ] {
            assert_eq!(judged(name), SwappedLigatures::None, "{name}");
        }
    }

    #[test]
    fn words_turned_back() {
        // corpus/in-the-wild/pdf-kacst-pdftotext.broken.txt, lines 7, 8, 11
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        assert_eq!(
            turn_ligatures(&scorer, "ارتفع استهالك المياه خالل عشر سنوات."),
            "ارتفع استهلاك المياه خلال عشر سنوات."
        );
        assert_eq!(turn_ligatures(&scorer, "هذا االرتفاع إلى األنشطة الصناعية."), "هذا الارتفاع إلى الأنشطة الصناعية.");
        assert_eq!(turn_ligatures(&scorer, "ال تتوفر عدادات"), "لا تتوفر عدادات");
        // Only the final forms: the article before an alef stays.
        assert_eq!(
            turn_ligatures_of(&scorer, "بترشيد الاستهالك خالل", SwappedLigatures::AfterJoiningLetters),
            "بترشيد الاستهلاك خلال"
        );
        // A tanween on the pair's lam goes after its alef
        // (pdf-kacst-pdftotext-raw, line 2, its runs put in order).
        assert_eq!(turn_ligatures(&scorer, "أوالً مقدمة"), "أولاً مقدمة");
    }
}
