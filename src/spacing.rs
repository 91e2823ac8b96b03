//! Stage: spacing inside lines with Arabic text.
//!
//! Extractors turn the gaps of justified lines into runs of spaces, leave a
//! space before punctuation, cut a combining mark off its letter
//! (`عملا ً`) and pad line ends. On a line with Arabic text, for each run of
//! spaces after the first visible character:
//! - at the end of the line: removed;
//! - before a combining mark that follows an Arabic letter or mark: removed,
//!   so the mark sits on its letter again — unless marks other than tanween
//!   stand before a letter (`عن ُ�عد`): emitted before the letter they sit
//!   on, they go after it and the space stays; a tanween glued to the word
//!   after (`خططا ًطويلة`) goes back to the word before, with the space
//!   after it; a Quranic pause mark or an honorific sign standing as a
//!   word of its own (`رَيْبَ ۛ فِيهِ`, `عنه ؓ`) is written so, and stays;
//! - before `،` `؛` `؟`, or before `.` `:` that follow an Arabic word (and
//!   do not start a number, a name such as `.NET`, an ellipsis or a smiley
//!   `:)`): removed;
//! - inside the brackets of a letter label (`( أ)`): removed;
//! - any other run of two or more spaces: one space.
//!
//! A fathatan that starts the line, set off by a space (`ً شهدت ... تحولا
//! ملحوظاً في`: drawn first), goes to the line's one word that can carry it
//! (`fathatan_drawn_first`).
//!
//! And a number glued to the Arabic word before it (`تبلغ120`,
//! `الفريق٣٥مدرسة`: pdf.js joins a line's text items without the spaces
//! between runs) is set apart from it, and from a word glued after it.
//!
//! Leading indentation is kept. Only U+0020 is touched: tabs and no-break
//! spaces are layout a writer may have chosen.

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::script::{
    is_arabic_letter, is_arabic_mark, is_arabic_word_char, is_clitics_only, is_digit, is_mark_written_as_word,
    is_tanween, is_vowel_mark, FATHATAN, TATWEEL,
};

/// What to do with one run of spaces.
fn decide(prev: char, next: Option<char>, after_next: Option<char>, len: usize) -> Option<(&'static str, FixKind)> {
    let Some(next) = next else {
        return Some(("", FixKind::Spacing));
    };
    // (A pause mark or an honorific standing as a word of its own is
    // written so.)
    let pause_mark_alone = is_mark_written_as_word(next) && after_next.is_none_or(|c| c == ' ');
    if is_arabic_mark(next) && (is_arabic_letter(prev) || is_arabic_mark(prev)) && !pause_mark_alone {
        return Some(("", FixKind::DetachedMark));
    }
    // A letter label with a space inside its brackets (`( أ)`, pdftotext).
    if prev == '(' && is_arabic_letter(next) && after_next == Some(')') {
        return Some(("", FixKind::Spacing));
    }
    let starts_number = after_next.is_some_and(is_digit);
    // `.NET`, `.htaccess`: a name that starts with a point, not a sentence's;
    // `... بسقط اللوى`, `مقدمة ..... 5`: an ellipsis or a leader (a verse's
    // hemistichs, a table of contents), set apart on both sides.
    // `:)`, `:(`, `:-)`: a smiley, not a clause's colon.
    let no_sentence_period = after_next.is_some_and(|c| {
        c.is_ascii_alphabetic()
            || (next == '.' && c == '.')
            || (next == ':' && matches!(c, ')' | '(' | '-' | '/' | '|'))
    });
    match next {
        // (Not before a number glued after it, `عام ،٢٠٢٢ مقابل`: the
        // comma is the number's, drawn before it, and a space removed
        // would glue the three into one token.)
        '،' | '؛' | '؟' if !starts_number => return Some(("", FixKind::Spacing)),
        '.' | ':' if is_arabic_word_char(prev) && !starts_number && !no_sentence_period => {
            return Some(("", FixKind::Spacing))
        }
        _ => {}
    }
    (len > 1).then_some((" ", FixKind::Spacing))
}

/// What becomes of the marks that start the word after a space.
#[derive(Debug, PartialEq)]
pub(crate) enum MarksAfterSpace {
    /// `ُ�عد`: marks emitted before the letter they sit on (an extractor
    /// sorting glyphs by position put the mark first): the marks and the
    /// letter in logical order (`�ُ`), to replace as many bytes at the
    /// start of the word.
    BeforeTheirLetter(String),
    /// `: ِنَّ`, `النَّهْرَ َقْدَمُ`: a vowel before a letter that carries a
    /// vowel of its own (a letter carries one), in vowelled text. The letter
    /// it sat on (a hamza's alef) was lost, or it was cut off the word
    /// before; which, the line does not tell, so the marks and the space
    /// stay as they came (a document that cuts its words' last marks off
    /// has them put back by `marks_before_letters`).
    Left,
    /// Not marks before a letter: tanween, which only ends words (cut off
    /// by a space, it belongs to the word before, `عملا ً`, which `decide`
    /// handles), or no marks.
    Other,
}

/// Reads the marks at the start of `rest`, the text after a space, with
/// `before` the text before that space; `line_shows_shifted_marks` tells
/// whether their line shows marks shifted off their letters
/// (`shows_shifted_marks`), asked only where it matters (so that a caller
/// reads each line once for it, not once per space).
pub(crate) fn marks_after_space(
    before: &str,
    rest: &str,
    line_shows_shifted_marks: impl FnOnce() -> bool,
) -> MarksAfterSpace {
    let marks_len = rest.find(|c: char| !is_arabic_mark(c)).unwrap_or(rest.len());
    let marks = &rest[..marks_len];
    if marks.is_empty() || marks.chars().any(is_tanween) {
        return MarksAfterSpace::Other;
    }
    let Some(letter) = rest[marks_len..].chars().next().filter(|&c| is_arabic_letter(c) || c == '\u{FFFD}') else {
        return MarksAfterSpace::Other;
    };
    // After a word without marks (text vowelled only where a word is
    // ambiguous), the vowel is this word's, its marks shifted by a letter
    // (`وقد ُطِّور` for `وقد طُوِّر`); so are the marks of a line that shows
    // them shifted elsewhere.
    let word_before = before.rsplit(' ').next().unwrap_or(before);
    let vowelled_text = word_before.chars().any(is_arabic_mark) || !word_before.chars().any(is_arabic_letter);
    // A vowel before a letter that carries a vowel of its own (`ِنَّ`,
    // `َقْدَمُ`).
    let mut own_marks = rest[marks_len + letter.len_utf8()..].chars().take_while(|&c| is_arabic_mark(c));
    let vowel_before_a_vowelled_letter =
        is_arabic_letter(letter) && marks.chars().any(is_vowel_mark) && own_marks.any(is_vowel_mark);
    if vowelled_text && vowel_before_a_vowelled_letter && !line_shows_shifted_marks() {
        return MarksAfterSpace::Left;
    }
    MarksAfterSpace::BeforeTheirLetter(format!("{letter}{marks}"))
}

/// Whether a text shows marks shifted off their letters: a bare alef with
/// a short vowel (text writes fathatan on it, nothing else; a letter with
/// two vowels is no such sign: the letter between them may have been lost,
/// `وَِنَّ` for `وَإِنَّ`).
pub(crate) fn shows_shifted_marks(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'ا' && chars.peek().is_some_and(|&m| is_vowel_mark(m) && m != FATHATAN) {
            return true;
        }
    }
    false
}

/// `ً` + `طويلة` after a space that follows `خططا`: marks starting with
/// tanween, cut off the word before and glued to the word after (an
/// extractor that emitted the mark as a glyph of its own, between the
/// words). Returns the marks. Tanween only ends words, so it cannot be the
/// next word's; but it may be the end of a word cut in two, whose last
/// letters follow (`أو ًال`, `أولاً` with its lam-alef emitted after the
/// mark): fathatan, written on alef, teh marbuta, alef maksura or hamza,
/// is moved only after one of those.
fn tanween_glued_to_next_word(prev: char, rest: &str) -> Option<&str> {
    let first = rest.chars().next().filter(|&c| is_tanween(c))?;
    let sits_on_prev = match first {
        FATHATAN => carries_fathatan(prev),
        _ => is_arabic_letter(prev),
    };
    if !sits_on_prev {
        return None;
    }
    let marks_len = rest.find(|c: char| !is_arabic_mark(c)).unwrap_or(rest.len());
    rest[marks_len..].starts_with(is_arabic_letter).then_some(&rest[..marks_len])
}

/// The letters fathatan is written on at a word's end: alef, teh marbuta,
/// alef maksura, hamza.
fn carries_fathatan(c: char) -> bool {
    matches!(c, 'ا' | 'ة' | 'ى' | 'ء')
}

/// `سابقا .ً` at a line's end or before a space: fathatan drawn after the
/// sentence's punctuation, which a space cut off the word it ends (PDFium
/// on running text). Returns the bytes of `rest` the punctuation and the
/// mark take, and them in logical order (`ً.`), to replace the space and
/// them. No text writes a mark after punctuation; the word before must end
/// with a letter fathatan is written on.
fn tanween_after_punctuation(prev: char, rest: &str) -> Option<(usize, String)> {
    let mut chars = rest.chars();
    let punctuation = chars.next().filter(|&c| matches!(c, '.' | '،' | '؛' | ':'))?;
    let mark = chars.next().filter(|&c| c == FATHATAN)?;
    let ends = chars.next().is_none_or(|c| c == ' ');
    (ends && carries_fathatan(prev)).then(|| (punctuation.len_utf8() + mark.len_utf8(), format!("{mark}{punctuation}")))
}

/// Normalizes the spacing of one line.
pub(crate) fn normalize_spacing<'a>(line: &'a str, _ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    let bytes = line.as_bytes();
    // Spaces that go between a number and the words glued to it, in order,
    // inserted as the walk over the runs of spaces passes them.
    let mut number_edges = glued_number_edges(line).into_iter().peekable();
    // Where the visible line ends; a stray carriage return there is kept
    // but does not protect the spaces before it.
    let visible_end = line.trim_end_matches([' ', '\r']).len();
    let mut out = Rewriter::new(line, edits);
    let mut search_from = 0;
    // Whether the line shows marks shifted off their letters, read once
    // if a space before a mark asks.
    let mut shifted_marks = None;
    // A fathatan drawn first goes to its word, as the walk passes it.
    let mut fathatan_to = None;
    if let Some((drawn, to)) = fathatan_drawn_first(line) {
        out.replace(drawn.clone(), "", FixKind::DetachedMark, 1.0);
        search_from = drawn.end;
        fathatan_to = Some(to);
    }
    while let Some(found) = memchr::memchr(b' ', &bytes[search_from..]) {
        let start = search_from + found;
        while let Some(at) = number_edges.next_if(|&at| at <= start) {
            out.replace(at..at, " ", FixKind::Spacing, 1.0);
        }
        if let Some(to) = fathatan_to.filter(|&to| to <= start) {
            out.replace(to..to, FATHATAN.encode_utf8(&mut [0; 4]), FixKind::DetachedMark, 1.0);
            fathatan_to = None;
        }
        let end = start + bytes[start..].iter().take_while(|&&b| b == b' ').count();
        search_from = end;
        let Some(prev) = line[..start].chars().next_back() else {
            continue; // indentation
        };
        let line_shows_shifted_marks = || *shifted_marks.get_or_insert_with(|| shows_shifted_marks(line));
        match marks_after_space(&line[..start], &line[end..], line_shows_shifted_marks) {
            MarksAfterSpace::BeforeTheirLetter(moved) => {
                // The space stays: it ends the word before.
                out.replace(end..end + moved.len(), &moved, FixKind::DetachedMark, 1.0);
                search_from = end + moved.len();
                continue;
            }
            MarksAfterSpace::Left => {
                if end - start > 1 {
                    out.replace(start..end, " ", FixKind::Spacing, 1.0);
                }
                continue;
            }
            MarksAfterSpace::Other => {}
        }
        if let Some((taken, moved)) = tanween_after_punctuation(prev, &line[end..]) {
            out.replace(start..end + taken, &moved, FixKind::DetachedMark, 1.0);
            search_from = end + taken;
            continue;
        }
        if let Some(tanween) = tanween_glued_to_next_word(prev, &line[end..]) {
            // `خططا ًطويلة`: the tanween ends the word before; the space
            // goes after it.
            out.replace(start..end + tanween.len(), &format!("{tanween} "), FixKind::DetachedMark, 1.0);
            search_from = end + tanween.len();
            continue;
        }
        let mut following = line[end..].chars();
        let next = if start >= visible_end { None } else { following.next() };
        if let Some((with, kind)) = decide(prev, next, following.next(), end - start) {
            out.replace(start..end, with, kind, 1.0);
        }
    }
    for at in number_edges {
        out.replace(at..at, " ", FixKind::Spacing, 1.0);
    }
    if let Some(to) = fathatan_to {
        out.replace(to..to, FATHATAN.encode_utf8(&mut [0; 4]), FixKind::DetachedMark, 1.0);
    }
    out.finish()
}

/// `ً شهدت ... العقد الماضي تحولا ملحوظاً في`: a fathatan that starts a
/// line, set off by a space, is drawn first (PDFium and pdftext, on the
/// PDFs that XeLaTeX, WeasyPrint and LibreOffice make in KacstBook,
/// KacstOffice and Noto Kufi); no text starts a line with a mark. It goes
/// to the line's one word that can carry it: a word that ends in a bare
/// alef, not definite (the article takes no tanween), and not before a
/// tanween cut off by a space, which is that word's. Returns the mark and
/// the spaces after it, and where the mark goes (after that alef); `None`
/// where no word or more than one could carry it.
fn fathatan_drawn_first(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let mut lead = line.len() - line.trim_start_matches(' ').len();
    // (After a paragraph's number, `٨- ً ينبغي`, PDFium draws it so too.)
    let number = line[lead..].trim_start_matches(is_digit);
    if number.len() < line.len() - lead {
        let label = number.strip_prefix(['-', '.', ')']).unwrap_or(number);
        let after = label.trim_start_matches(' ');
        if after.len() < label.len() {
            lead = line.len() - after.len();
        }
    }
    let rest = line[lead..].strip_prefix(FATHATAN)?;
    let body = rest.trim_start_matches(' ');
    if body.len() == rest.len() || body.is_empty() {
        return None;
    }
    // A grammar lesson shows the mark alone before its name (`ً تنوين
    // الفتح`, `ً فتحتان`): no damage.
    if ["تنوين", "فتحت"].iter().any(|name| body.contains(name)) {
        return None;
    }
    let drawn = lead..line.len() - body.len();
    let mut carrier = None;
    let mut tokens = line[drawn.end..].split(' ').peekable();
    let mut at = drawn.end;
    while let Some(token) = tokens.next() {
        let word = token.trim_end_matches(['.', '،', '؛', ':', '!', '؟', ')', ']', '»', '"']);
        let mut back = word.chars().rev();
        let bare_alef = back.next() == Some('ا') && back.next().is_some_and(is_arabic_letter);
        let definite = crate::word_order::is_definite(word);
        let tanween_after = tokens.peek().is_some_and(|next| next.starts_with(is_arabic_mark));
        if bare_alef && !definite && !tanween_after {
            if carrier.is_some() {
                return None;
            }
            carrier = Some(at + word.len());
        }
        at += token.len() + 1;
    }
    Some((drawn, carrier?))
}

/// Where spaces go around numbers glued to the Arabic word before them:
/// before the number, and after it where an Arabic letter follows. No
/// spelling glues a word of two letters or more to a number; a proclitic
/// or the article does (`و١٥`, `ب19`, `الـ75`, `لل2021`), and so does a
/// suffix after it (`٢٠٢٣م`: one letter). A number glued before a word
/// alone (`٢٩إلى`) is a sign of runs out of order, left to the reading
/// order.
fn glued_number_edges(line: &str) -> Vec<usize> {
    let mut edges = Vec::new();
    // Most lines hold no digit glued after a letter: told from the bytes.
    if !crate::script::may_hold_digit_after_letter(line.as_bytes()) {
        return edges;
    }
    // In two lines merged glyph by glyph (`عام٢،م٢ق٠اب٢ل`), digits between
    // letters are no numbers glued to words (`reading_order::interleaves_letters`).
    if crate::reading_order::interleaves_letters(line) {
        return edges;
    }
    let mut word_start = 0;
    let mut chars = line.char_indices().peekable();
    let mut prev = ' ';
    while let Some((i, c)) = chars.next() {
        if is_digit(c) && (is_arabic_letter(prev) || is_arabic_mark(prev)) && !is_clitics_only(&line[word_start..i]) {
            let start = edges.len();
            edges.push(i);
            // The number: digits, and the separators between them (`٧/١`, `3.5`).
            let mut end = line.len();
            let mut last = c;
            while let Some(&(j, d)) = chars.peek() {
                let separator = matches!(d, '/' | '.' | ',' | ':' | '٫' | '٬') && is_digit(last);
                let continues = is_digit(d) || (separator && line[j + d.len_utf8()..].starts_with(is_digit));
                if !continues {
                    end = j;
                    break;
                }
                last = d;
                chars.next();
            }
            if line[end..].starts_with(is_arabic_mark) {
                // `الن2َّهْرِ`: a mark sits on a letter, never on a digit; the
                // digit is the code of a glyph the extractor could not map
                // (KacstBook's shadda through PyMuPDF), inside the word.
                edges.truncate(start);
            } else if line[end..].starts_with(is_arabic_letter) && !is_suffix_letter(&line[end..]) {
                edges.push(end);
            }
            prev = last;
            word_start = end;
            continue;
        }
        if !is_arabic_word_char(c) || c == TATWEEL {
            word_start = i + c.len_utf8();
        }
        prev = c;
    }
    edges
}

/// Whether a piece of a token is an Arabic word with a number glued after
/// it (`الفريق٣٥`), which the spacing stage sets apart: the extractor lost
/// the spaces around a run it emitted in its place, not the run's place.
pub(crate) fn is_word_glued_to_number(piece: &str) -> bool {
    let word = &piece[..piece.find(is_digit).unwrap_or(0)];
    !word.is_empty() && word.chars().all(is_arabic_word_char) && !word.ends_with(TATWEEL) && !is_clitics_only(word)
}

/// Whether the text after a number starts with a one-letter suffix (`م`,
/// `هـ`, `ق`): a word of one letter, glued as the date's era is.
fn is_suffix_letter(after: &str) -> bool {
    after.chars().nth(1).is_none_or(|c| !is_arabic_letter(c))
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage;

    use super::*;

    #[test]
    fn a_tanween_glued_to_the_next_word_goes_back() {
        // pdf-amiri-pdftotext-raw.broken.txt, line 34, its runs reversed
        assert_eq!(run_stage(normalize_spacing, "أن تضع خططا ًطويلة الأجل"), "أن تضع خططاً طويلة الأجل");
        // Cut off but not glued: only the space goes.
        assert_eq!(run_stage(normalize_spacing, "عملا ً بالقرار"), "عملاً بالقرار");
        // Not after a word, or before no letter: left to the other rules.
        assert_eq!(run_stage(normalize_spacing, "١٢ ًطويلة"), "١٢ ًطويلة");
        // Fathatan after a letter it is not written on ends a word cut in
        // two (pdf-kacst-pdftotext, line 2: `أو ًلا` is `أولاً`): not moved.
        assert_eq!(run_stage(normalize_spacing, "أو ًلا"), "أوًلا");
    }

    #[test]
    fn a_comma_drawn_before_its_number_keeps_the_space_before_it() {
        // pdf-prose-xelatex-kacst-pdfium.broken.txt, line 6: removed, the
        // space would glue word, comma and number into one token.
        let line = "في نهاية عام ،٢٠٢٢ مقابل";
        assert_eq!(run_stage(normalize_spacing, line), line);
        assert_eq!(run_stage(normalize_spacing, "في نهاية العام ، مقابل"), "في نهاية العام، مقابل");
    }

    #[test]
    fn a_fathatan_drawn_first_goes_to_the_one_word_that_carries_it() {
        // pdf-prose-notokufi-pdfium.broken.txt, lines 3 and 2 (in the second,
        // the tanween cut off by a space is `تحولا`'s, the first `ملحوظا`'s).
        assert_eq!(
            run_stage(normalize_spacing, "ً سياسات الطاقة، إذ تبنت حكومات كثيرة خططا وطنية لزيادة حصة"),
            "سياسات الطاقة، إذ تبنت حكومات كثيرة خططاً وطنية لزيادة حصة"
        );
        assert_eq!(
            run_stage(normalize_spacing, "ً شهدت المنطقة العربية خلال العقد الماضي تحولا ً ملحوظا في"),
            "شهدت المنطقة العربية خلال العقد الماضي تحولاً ملحوظاً في"
        );
        // pdf-xelatex-notokufi-pdfium.broken.txt, line 36: before punctuation.
        assert_eq!(
            run_stage(normalize_spacing, "ً ١٢ وأخيرا، يدعو الفريق إلى تعزيز التعاون"),
            "١٢ وأخيراً، يدعو الفريق إلى تعزيز التعاون"
        );
        // pdf-notokufi-pdfium.broken.txt, line 15, its label gathered.
        assert_eq!(
            run_stage(normalize_spacing, "٨- ً ينبغي للسلطات المحلية أن تضع خططا طويلة الأجل"),
            "٨- ينبغي للسلطات المحلية أن تضع خططاً طويلة الأجل"
        );
        // Two words could carry it, or none (the article takes no
        // tanween): the line stays as it is.
        // Nor where the line names the mark: a lesson shows it alone.
        for line in [
            "ً كتب درسا وحفظ نصا",
            "ً ذهب إلى الدنيا",
            "ًكتب درسا",
            "كتب ً درسا",
            "١٢ب ً درسا",
            "ً تنوين الفتح، ويكتب غالبا على ألف",
        ] {
            assert_eq!(fathatan_drawn_first(line), None, "{line}");
        }
    }

    #[test]
    fn runs_of_spaces_and_line_ends() {
        // ctoc-wg4-2018-3.broken.txt, line 8
        let line = "قرَّر المؤتمر أيضاً، في ذلك المقرَّر، إنشاء فريق عامل والملزم قانوناً لمكافحة الاتِّجار بالأشخاص.  ";
        assert_eq!(
            run_stage(normalize_spacing, line),
            "قرَّر المؤتمر أيضاً، في ذلك المقرَّر، إنشاء فريق عامل والملزم قانوناً لمكافحة الاتِّجار بالأشخاص."
        );
        // ctoc-wg4-2018-3.broken.txt, line 2: indentation stays
        assert_eq!(run_stage(normalize_spacing, "  ٢٠١٨تموز/يوليه  ٣و ٢يومي "), "  ٢٠١٨تموز/يوليه ٣و ٢يومي");
    }

    #[test]
    fn numbers_glued_to_the_word_before_them() {
        // pdf-schools-dejavu-pdfjs.broken.txt, lines 4 and 7: pdf.js joined
        // the runs without their spaces.
        assert_eq!(
            run_stage(normalize_spacing, "وقد زار الفريق٣٥مدرسة خلال شهري آذار/مارس ونيسان/أبريل٢٠٢٢."),
            "وقد زار الفريق ٣٥ مدرسة خلال شهري آذار/مارس ونيسان/أبريل ٢٠٢٢."
        );
        assert_eq!(
            run_stage(normalize_spacing, "تبلغ120 دولارا، أي بنسبة٣٫٥في المائة"),
            "تبلغ 120 دولارا، أي بنسبة ٣٫٥ في المائة"
        );
        // A digit alone that ends the line.
        assert_eq!(run_stage(normalize_spacing, "في عام5"), "في عام 5");
        assert_eq!(run_stage(normalize_spacing, "في عام٥"), "في عام ٥");
        // A proclitic, the article, an era's letter, a stroke, a number
        // glued before a word alone (a run out of order: the reading
        // order's), Latin: as written.
        // A digit before a mark is an unmapped glyph's code inside its word
        // (pdf-vowelled-weasy-kacst-pymupdf.broken.txt, line 4).
        for kept in [
            "يومي ١٤ و١٥ نيسان",
            "ب19 صوتا",
            "الـ75",
            "لل2021",
            "وال٣",
            "عام ٢٠٢٣م",
            "٢٠١٠ناير",
            "CTOC/COP/WG.7",
            "إِن2َّ هذا الن2َّهْرَّ",
        ] {
            assert_eq!(run_stage(normalize_spacing, kept), kept);
        }
        // The word goes apart, the era's letter stays on its number.
        assert_eq!(run_stage(normalize_spacing, "عام٢٠٢٣م"), "عام ٢٠٢٣م");
    }

    #[test]
    fn no_space_before_punctuation() {
        assert_eq!(run_stage(normalize_spacing, "الأطراف ، في قراره ؛ هل ؟"), "الأطراف، في قراره؛ هل؟");
        assert_eq!(run_stage(normalize_spacing, "في المنطقة . وعلاوة على ذلك :"), "في المنطقة. وعلاوة على ذلك:");
        // a period that starts a number, and a period after a number, stay
        assert_eq!(run_stage(normalize_spacing, "بنسبة .5 في المائة"), "بنسبة .5 في المائة");
        assert_eq!(run_stage(normalize_spacing, "العدد 5 ."), "العدد 5 .");
    }

    #[test]
    fn a_name_that_starts_with_a_point_keeps_its_space() {
        // corpus/negative/technical-mixed-scripts.txt, line 1: without the
        // space, `العمل.NET` reads as a sentence's period glued to the next
        // run, and the reading order moved the line's halves.
        for kept in ["إطار العمل .NET وملفات", "مثل .htaccess و", "الملف :Config"] {
            assert_eq!(run_stage(normalize_spacing, kept), kept);
        }
    }

    #[test]
    fn a_smiley_keeps_its_space() {
        // `corpus/negative/web-text-without-spaces-after-punctuation.txt`
        for line in ["شكراً لك يا صديقي :)", "والله زعلت منك :(", "مرحبا :-) كيف الحال"]
        {
            assert_eq!(run_stage(normalize_spacing, line), line);
        }
        assert_eq!(run_stage(normalize_spacing, "قال الرجل : نعم"), "قال الرجل: نعم");
    }

    #[test]
    fn an_ellipsis_or_a_leader_keeps_its_space() {
        // corpus/negative/poetry-contents-and-code.txt, lines 2 and 6.
        for kept in ["الفصل الأول: مقدمة .......... 5", "حَبيبٍ وَمَنزِلِ ... بِسِقطِ اللِوى"]
        {
            assert_eq!(run_stage(normalize_spacing, kept), kept);
        }
        // A period alone still goes on its word.
        assert_eq!(run_stage(normalize_spacing, "في المنطقة . وعلاوة"), "في المنطقة. وعلاوة");
    }

    #[test]
    fn fathatan_drawn_after_the_sentences_punctuation() {
        // corpus/in-the-wild/pdf-tech-amiri-pdfium.broken.txt, line 4
        assert_eq!(run_stage(normalize_spacing, "مقابل 81% سابقا .ً"), "مقابل 81% سابقاً.");
        assert_eq!(run_stage(normalize_spacing, "قال أيضا ،ً ثم"), "قال أيضاً، ثم");
        // After a letter fathatan is not written on (the mark is the next
        // word's, `مجاناً`, in a line whose words came out of order), or
        // with a letter after it: only the space before the period goes.
        assert_eq!(run_stage(normalize_spacing, "وللاستفسار .ً مجانا"), "وللاستفسار.ً مجانا");
        assert_eq!(run_stage(normalize_spacing, "أيضا .ًمجانا"), "أيضا.ًمجانا");
    }

    #[test]
    fn no_space_inside_a_letter_label() {
        // corpus/in-the-wild/pdf-kacst-pdftotext.broken.txt, line 10
        assert_eq!(run_stage(normalize_spacing, "( أ) تحتاج الأنابيب"), "(أ) تحتاج الأنابيب");
        assert_eq!(run_stage(normalize_spacing, "( انظر أدناه)"), "( انظر أدناه)");
    }

    #[test]
    fn detached_mark_back_on_its_letter() {
        assert_eq!(run_stage(normalize_spacing, "عملا ً بالقرار"), "عملاً بالقرار");
        assert_eq!(run_stage(normalize_spacing, "x \u{064B}"), "x \u{064B}");
        // ctoc-wg7-2021-5.broken.txt, line 126: a damma before the letter it
        // sits on (here a placeholder) goes after it; the space stays.
        assert_eq!(run_stage(normalize_spacing, "الآخرين عن ُ\u{FFFD}عد باستخدام"), "الآخرين عن \u{FFFD}ُعد باستخدام");
        assert_eq!(run_stage(normalize_spacing, "عن ُّبعد"), "عن بُّعد");
    }

    #[test]
    fn a_vowel_before_a_letter_with_its_own_vowel_stays() {
        // pdf-vowelled-weasy-dejavu-pypdf.broken.txt, line 4: the hamza's
        // alefs were lost, their vowels left before the next letter, which
        // has a vowel of its own; the stop-30 code put both on it (`نَِّ`).
        let line = "قالَ الجَدُّ: ِنَّ هذا النَّهْرَ َقْدَمُ مِنَ القَرْيَةِ نَفْسِها،";
        assert_eq!(run_stage(normalize_spacing, line), line);
        assert_eq!(marks_after_space("النَّهْرَ", "َقْدَمُ مِنَ", || false), MarksAfterSpace::Left);
        // After a word without marks, the vowel is the next word's, its
        // marks shifted by a letter (pdftotext on the technical text).
        assert_eq!(marks_after_space("وقد", "ُطِّور بلغة", || false), MarksAfterSpace::BeforeTheirLetter("طُ".to_string()));
        // So it is in a line whose marks show shifted elsewhere (a bare
        // alef with a short vowel, `كاَن`).
        assert_eq!(
            marks_after_space("كاَن", "َقْرَيِة", || shows_shifted_marks("كاَن َقْرَيِة")),
            MarksAfterSpace::BeforeTheirLetter("قَ".to_string())
        );
        // Tanween only ends words: not marks before a letter.
        assert_eq!(marks_after_space("خططا", "ًطويلة", || false), MarksAfterSpace::Other);
        // The space run still comes to one space.
        assert_eq!(run_stage(normalize_spacing, "النَّهْرَ   َقْدَمُ"), "النَّهْرَ َقْدَمُ");
    }

    #[test]
    fn a_pause_mark_or_an_honorific_standing_as_a_word_stays() {
        // Al-Baqarah 2:2 and 2:5 as Tanzil's text writes them
        // (corpus/negative/quran-and-hadith.txt).
        let verse = "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ";
        assert_eq!(run_stage(normalize_spacing, verse), verse);
        let verse_end = "مِّن رَّبِّهِمْ ۖ";
        assert_eq!(run_stage(normalize_spacing, verse_end), verse_end);
        // So does an honorific sign after a name (U+0613, U+0610).
        for line in ["رضي الله عنه \u{0613}", "قال محمد \u{0610} لأصحابه"] {
            assert_eq!(run_stage(normalize_spacing, line), line);
        }
        // Other marks cut off their letter still go back to it.
        assert_eq!(run_stage(normalize_spacing, "رَيْبَ \u{06E1} فِيهِ"), "رَيْبَ\u{06E1} فِيهِ");
    }
}
