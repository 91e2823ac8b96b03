//! Stage: a line's words emitted from its visual left, each as it reads.
//!
//! XeTeX (XeLaTeX) draws every word of a line as a text chunk of its own,
//! and Apache PDFBox (what Apache Tika runs) takes each chunk for a run of
//! its own and emits a line's runs from the visual left, each as it reads:
//! `المياه. إدارة في ... يتناول -١` for `١- يتناول ... إدارة المياه.`. The
//! words are right, their order is the reverse, and the paragraph label
//! ends the line as it is drawn (`-١`).
//!
//! Turning the words needs no lexicon, but a correct line must never be
//! turned, so the damage is judged once per document
//! (`document_emits_words_from_the_left`): lines that end with a label
//! drawn as `-N` one space after a word (a list's `N.` as `.N`: PDFBox on
//! XeLaTeX's technical text), two in a row counting up, of which
//! three at least, and most, start with a word that ends a sentence or a
//! clause (`المياه.`, `عاجلة؛`). Where a line's runs came out in reverse
//! order (`reading_order`), few lines start so: a run is rarely one word.
//! And more lines start with a sentence's end than end with one: text as
//! written, even wrapped anywhere, ends its paragraphs with them.
//! A document without labels (running text) is judged by its lines' edges
//! alone (`LineEdges`): three lines at least start with a word that ends a
//! sentence (its last, emitted first), three times as many as end with
//! punctuation, and one line in ten at most holds a wide gap.
//! Running text whose lines' edges show nothing (pdf.js draws a line's
//! neutrals at its visual end) is judged by its clauses' ends
//! (`ClauseEnds`): a word that opens a clause (`وتشير`, `إذ`) stands before
//! the end of the one before (`وتشير الكهرباء.`) three times at least, and
//! four times as often as after it, the order text as written has.
//! Then every line with Arabic has its words turned (`turn_words`): the
//! label is put first as `N-`, and a run of Latin words keeps its order.
//! pdf.js emits a line as its runs in reading order, each run's words from
//! the left, and glues a number or a Latin word to the runs beside it
//! (`بلغت الشمسية الطاقة١٨عام`): such a line has each run's words turned in
//! place (`turn_words_of_each_run`).
//!
//! pypdf on Typst's PDFs draws a labelled line's label first, its hyphen
//! last and the words between from the left (`٥ الصناعية. ... ويعزى-`),
//! while its other lines come out in other shapes: such a document
//! (`document_emits_words_after_their_labels`) has only the lines of that
//! shape turned, and two more of the same layout: a labelled line whose
//! sentence holds a number (`٣ من ... ويستند-٤١ رئيسية. مدينة`), and a
//! list's line with a bracket label drawn last (`العامة؛ النقل وسائل
//! نقص(أ)`). pdf.js draws the same lines with the label glued to the first
//! word (`١المياه. ... يتناول -`, `١.المياه ...`).
//!
//! pypdf on Typst's running text emits each line's words from the left,
//! each with the space before it: the line starts with a space, and its
//! first two words, emitted last, are glued (` العربية المنطقة في
//! المتجددةالطاقة`). Where most lines that start with a space end so, with
//! two words the lexicon knows glued (`document_emits_words_with_spaces_before`),
//! every line that starts with one space has its words turned, its last
//! token cut where two words are likely glued; in a document judged by its
//! labels' shapes (pypdf on Typst's reports), the lines of this shape.
//! A line whose runs are glued to numbers or Latin words between them
//! (` بلغت  الشمسيةالطاقة٨١ عام ...`) has each run so cut and turned in
//! place (`turn_words_of_each_run`, `last_two_words_cut`), and counts for
//! the judgement where one of its runs ends so (`run_ends_glued`: technical
//! text, whose lines end with Latin words and numbers).

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::label_marks::{is_end_punctuation, CountingUp};
use crate::pipeline::LineContext;
use crate::reading_order::{is_label_number, WordScorer};
use crate::script::{has_arabic_script, split_leading_digits, UNMAPPED_GLYPH, UNMAPPED_GLYPH_UTF8};

/// Lines that read as words emitted from the visual left, needed before a
/// document is judged.
pub(crate) const MIN_LINES: usize = 3;

/// The label number a line ends with, drawn as `-N` one space after a word,
/// and whether the line starts with a word that ends a sentence or a clause
/// (`المياه. ... يتناول -١`), or a number drawn with the sentence's period
/// on its left (`.٢٠٢٣ عام ... -٢`).
fn label_drawn_last(line: &str) -> Option<(u64, bool)> {
    let line = line.trim_end_matches(' ');
    let (rest, last) = line.rsplit_once(' ')?;
    // (A list's label `N.` comes out `.N`, its period on the left.)
    let digits = last.strip_prefix(LABEL_HYPHENS).or_else(|| last.strip_prefix('.'))?;
    let (number, after) = split_leading_digits(digits);
    if !(is_label_number(number) && after.is_empty()) {
        return None;
    }
    let first = rest.split(' ').find(|t| !t.is_empty())?;
    Some((crate::number_order::value(number, false), ends_sentence(first)))
}

/// Whether a token ends a sentence or a clause: a word with the punctuation
/// after it, or a number drawn with it on its left (`.٢٠٢٣ عام ...`).
fn ends_sentence(token: &str) -> bool {
    // (A word: the period alone is a neutral drawn at the line's edge, as
    // pdf.js leaves it, `. يتناول ... المياه -١`.)
    (token.ends_with(is_end_punctuation_or_unmapped)
        && token.chars().any(|c| crate::script::is_arabic_letter(c) || c.is_ascii_alphabetic()))
        || number_after_its_period(token).is_some()
}

/// A line's end as text as written has it: a sentence's or a clause's
/// punctuation, or the code of an unmapped glyph (`المياه￿`).
fn is_line_end_punctuation_or_unmapped(c: char) -> bool {
    LINE_END_PUNCTUATION.contains(&c) || c == UNMAPPED_GLYPH
}

/// The hyphen of a label drawn `-N`, or the code of an unmapped glyph in
/// its place (`￿١`).
const LABEL_HYPHENS: [char; 2] = ['-', UNMAPPED_GLYPH];

/// A sentence's or a clause's punctuation, or the code of an unmapped glyph
/// (`المياه￿`).
fn is_end_punctuation_or_unmapped(c: char) -> bool {
    is_end_punctuation(c) || c == UNMAPPED_GLYPH
}

/// A number drawn with the sentence's period on its left (`.٢٠٢٣`): the
/// number, and the period.
fn number_after_its_period(token: &str) -> Option<(&str, char)> {
    let period = token.chars().next().filter(|&c| is_end_punctuation_or_unmapped(c))?;
    let number = &token[period.len_utf8()..];
    (!number.is_empty() && number.chars().all(crate::script::is_digit)).then_some((number, period))
}

/// A word drawn with the sentence's or clause's punctuation after it on
/// its left, as a chunk (`.الكهرباء`): the word and the punctuation.
fn word_after_its_period(token: &str) -> Option<(&str, char)> {
    let period = token.chars().next().filter(|c| CLAUSE_END.contains(c))?;
    let word = &token[period.len_utf8()..];
    (word.chars().next().is_some_and(crate::script::is_arabic_letter) && crate::script::ends_an_arabic_word(word))
        .then_some((word, period))
}

/// Whether the document's lines came out as words emitted from the visual
/// left (see the module documentation). `marks_out_of_place`: a stage before
/// judged the document's vowel marks drawn out of place
/// (`marks_before_letters`), a sign of a damaged extraction (see
/// `LineEdges::show_words_from_the_left`).
pub(crate) fn document_emits_words_from_the_left<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    marks_out_of_place: bool,
) -> bool {
    let (mut labelled, mut found, mut numbers) = (0usize, 0usize, CountingUp::default());
    // (Most lines end with no digit: their bytes tell at once.)
    let may_end_with_label = |l: &&str| {
        crate::level_runs::may_end_with_label(l.as_bytes())
            || memchr::memmem::find(l.as_bytes(), UNMAPPED_GLYPH_UTF8).is_some()
    };
    for line in lines.clone().filter(may_end_with_label) {
        if let Some((number, after_sentence)) = label_drawn_last(line) {
            labelled += 1;
            numbers.add(number);
            found += usize::from(after_sentence);
        }
    }
    // A document without labels is judged by its lines' edges alone.
    if labelled == 0 {
        return LineEdges::of(lines).show_words_from_the_left(marks_out_of_place);
    }
    // Most lines that end with a label start with a sentence's end: where
    // a line's runs came out in reverse order (`reading_order`), the first
    // run starts with a sentence's last word only where it is a word alone.
    if !(found >= MIN_LINES && 2 * found > labelled && numbers.counts_up()) {
        return false;
    }
    // And more lines start with a sentence's end than end with one.
    starts_more_than_ends_sentences(lines)
}

/// A line whose paragraph label came out first and its hyphen last, glued
/// to the line's last word, with the words between emitted from the visual
/// left (pypdf on Typst's PDFs: `٥ الصناعية. الأنشطة ... هذا ويعزى-` for
/// `٥- ويعزى هذا ... الأنشطة الصناعية.`): the label's number and the words.
/// (The number may come glued to the first word, `٠١ستهلاك.اً ال ... كما-`,
/// or with the sentence's period, `٥. الصناعية الأنشطة ... ويعزى-`: the
/// period goes back on the first word, the sentence's last.)
pub(crate) fn label_first_hyphen_last(line: &str) -> Option<(&str, Cow<'_, str>)> {
    let line = line.trim_matches(' ');
    let (number, rest) = split_leading_digits(line);
    // (`٥. الصناعية`, pypdf; `١.المياه`, pdf.js.)
    let (period, rest) = match rest.strip_prefix(". ").or_else(|| rest.strip_prefix('.')) {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let body = rest.trim_start_matches(' ').strip_suffix('-')?.trim_end_matches(' ');
    if !(is_label_number(number)
        && body.starts_with(crate::script::is_arabic_letter)
        && body.ends_with(crate::script::is_arabic_letter)
        && body.contains(' '))
    {
        return None;
    }
    Some((
        number,
        match body.split_once(' ').filter(|_| period) {
            Some((first, others)) => Cow::Owned(format!("{first}. {others}")),
            None => Cow::Borrowed(body),
        },
    ))
}

/// A labelled line of the same layout whose sentence holds a number or a
/// Latin word: the words before it come first, turned, then the hyphen, the
/// number with the sentence's period, and the words after it, turned
/// (`٤ بنسبة المدن في المياه استهلاك ارتفع-٨١. سنوات عشر خلال المائة في`
/// for `٤- ارتفع استهلاك المياه في المدن بنسبة ١٨ في المائة خلال عشر
/// سنوات.`, the digits' order `number_order`'s); a second number, the
/// sentence's last, glued to the last word emitted (`مدرسة٢٠٢٢.`), ends
/// the line. The line as it reads.
fn label_first_run_after_hyphen(line: &str) -> Option<String> {
    let line = line.trim_matches(' ');
    let (number, rest) = split_leading_digits(line);
    // (Every line of a document is asked: most have no label.)
    if !is_label_number(number) {
        return None;
    }
    // (The number glued to the first word, `٢عام ... وقد -٢٠٢٣.`: pdf.js.)
    let glued = rest.starts_with(crate::script::is_arabic_letter);
    let (before, after) = if glued { rest } else { rest.strip_prefix(' ')? }.split_once('-')?;
    // The sentence's period follows the run or the first word after it,
    // the sentence's last (`ويستند-٤١. رئيسية مدينة`, `ويستند-٤١ رئيسية.
    // مدينة`): one period, wherever it stands, ends the line as it reads.
    if after.matches('.').count() != 1 {
        return None;
    }
    let after = after.replacen('.', " ", 1);
    // (The run may come glued to the word after it, `-١٤رئيسية. مدينة`:
    // pdf.js.)
    let run_end = after.find(|c: char| !(crate::script::is_digit(c) || c.is_ascii_alphabetic())).unwrap_or(after.len());
    let (run, words_after) = after.split_at(run_end);
    // (A second number, the sentence's last, comes glued to the last word
    // emitted: `خلال مدرسة٢٠٢٢.`, pdf.js.)
    let words_after = words_after.trim_end_matches(' ');
    let last_number_len =
        words_after.chars().rev().take_while(|&c| crate::script::is_digit(c)).map(char::len_utf8).sum::<usize>();
    let (words_after, last_number) = words_after.split_at(words_after.len() - last_number_len);
    let (before, words_after) = (arabic_words_only(before)?, arabic_words_only(words_after)?);
    let run_is_one = run.chars().all(crate::script::is_digit) || run.chars().all(|c| c.is_ascii_alphabetic());
    if before.is_empty() || run.is_empty() || !run_is_one {
        return None;
    }
    let mut out = format!("{number}-");
    let last_number = (!last_number.is_empty()).then_some(last_number);
    for word in before.iter().rev().chain(&[run]).chain(words_after.iter().rev()).chain(last_number.iter()) {
        out.push(' ');
        out.push_str(word);
    }
    out.push('.');
    Some(out)
}

/// A line of the same layout with a bracket label: the label drawn last,
/// its brackets mirrored or not, the words from the left, the first a
/// clause's or a sentence's end (`العامة؛ النقل وسائل نقص)أ(`, `.الحديثة
/// ... قلة )ج(`, pypdf and pdf.js). The line as it reads.
fn bracket_label_last(line: &str) -> Option<String> {
    let line = line.trim_matches(' ');
    let close = line.chars().next_back().filter(|&c| c == ')' || c == '(')?;
    let open = if close == ')' { '(' } else { ')' };
    let rest = &line[..line.len() - 1];
    let at = rest.rfind(open)?;
    let inner = &rest[at + 1..];
    // (A sentence's period drawn at the line's visual left, alone or on
    // its last word: `. الحديثة`, `.الحديثة`.)
    let body = rest[..at].trim_end_matches(' ');
    let period_first = body.starts_with('.');
    let body = body.strip_prefix('.').unwrap_or(body).trim_start_matches(' ');
    let (first, others) = body.split_once(' ')?;
    let first_word = first.strip_suffix(['؛', '.', '،', ':']);
    let clause_end_first = period_first || first_word.is_some();
    let words_only = |w: &str| !w.is_empty() && w.chars().all(crate::script::is_arabic_word_char);
    if !(crate::reading_order::is_bracket_label(inner)
        && clause_end_first
        && words_only(first_word.unwrap_or(first))
        && arabic_words_only(others).is_some_and(|w| !w.is_empty()))
    {
        return None;
    }
    Some(format!("({inner}) {}{}", turn_words(body), if period_first { "." } else { "" }))
}

/// The words of a text, if each is Arabic letters (and marks) only, or
/// two such words with a slash between (`آذار/مارس`).
fn arabic_words_only(text: &str) -> Option<Vec<&str>> {
    let words = words_kept_whole(text);
    let arabic = |w: &str| !w.is_empty() && w.chars().all(crate::script::is_arabic_word_char);
    let arabic_word = |w: &str| w.split(' ').all(arabic);
    words
        .iter()
        .all(|w| w.split_once('/').map_or(arabic_word(w), |(a, b)| arabic_word(a) && arabic_word(b)))
        .then_some(words)
}

/// Whether the document's labelled lines came out as
/// `label_first_hyphen_last` shows them: three lines at least, and most of
/// them, start with a word that ends a sentence (the sentence's last word,
/// emitted first: `٥ الصناعية. ...`), two labels in a row count up, and
/// more lines of the document start with a sentence's end than end with
/// one. (A report's numbered paragraph may start with a title of one word,
/// `٣- المياه. تعاني ...`, but as written its hyphen follows the number,
/// and its lines end with their sentences.)
pub(crate) fn document_emits_words_after_their_labels<'l>(lines: impl Iterator<Item = &'l str> + Clone) -> bool {
    let (mut labelled, mut found, mut numbers) = (0usize, 0usize, CountingUp::default());
    for line in lines.clone() {
        if let Some((number, body)) = label_first_hyphen_last(line) {
            labelled += 1;
            numbers.add(crate::number_order::value(number, false));
            found += usize::from(body.split(' ').find(|t| !t.is_empty()).is_some_and(ends_a_sentence));
        } else if label_first_run_after_hyphen(line).is_some() {
            // (A line of the other shape counts its label too.)
            let (number, _) = split_leading_digits(line.trim_start_matches(' '));
            numbers.add(crate::number_order::value(number, false));
        }
    }
    // (A labelled line's sentence's end follows its label.)
    found >= MIN_LINES
        && 2 * found > labelled
        && numbers.counts_up()
        && starts_more_than_ends_sentences(
            lines.map(|l| label_first_hyphen_last(l).map_or(Cow::Borrowed(l), |(_, body)| body)),
        )
}

/// ` العربية المنطقة في المتجددةالطاقة` (pypdf on Typst's running text):
/// a line's words emitted from the visual left, each with the space before
/// it, so that the line starts with a space and its first two words,
/// emitted last, are glued. Returns the line's words as they were emitted,
/// the glued pair cut where the lexicon finds two words in a token it does
/// not know (`word_boundaries::likely_cut`), to be turned: `العربية المنطقة
/// في المتجددة الطاقة`.
fn words_with_spaces_before(scorer: &WordScorer, line: &str) -> Option<String> {
    let (rest, last) = spaced_line_and_last_token(line)?;
    let cut = crate::word_boundaries::likely_cut(scorer, last, false)?;
    Some(format!("{rest} {} {}", &last[..cut], &last[cut..]))
}

/// A line that starts with one space, without it: the words before its
/// last token, and that token (of three tokens at least).
fn spaced_line_and_last_token(line: &str) -> Option<(&str, &str)> {
    let body = line.strip_prefix(' ')?;
    let (rest, last) = body.rsplit_once(' ')?;
    let enough = rest.split(' ').filter(|t| !t.is_empty()).count() >= 2;
    (!body.starts_with(' ') && !last.is_empty() && enough).then_some((rest, last))
}

/// In a document judged to emit its words so, any line that starts with
/// one space: its last token cut where two words are likely glued
/// (`word_boundaries::likely_cut`), or left whole.
/// A line of one token (a title, ` التقنيةالتحديات`) is two words glued,
/// or left.
fn words_with_spaces_before_in_such_a_document(scorer: &WordScorer, line: &str) -> Option<String> {
    if let Some(token) = line.strip_prefix(' ').filter(|t| !t.is_empty() && !t.contains(' ')) {
        let cut = crate::word_boundaries::likely_cut(scorer, token, true)?;
        return Some(format!("{} {}", &token[..cut], &token[cut..]));
    }
    let (rest, last) = spaced_line_and_last_token(line)?;
    Some(match crate::word_boundaries::likely_cut(scorer, last, true) {
        Some(cut) => format!("{rest} {} {}", &last[..cut], &last[cut..]),
        None => format!("{rest} {last}"),
    })
}

/// Whether a line's runs are glued to numbers or Latin words between them
/// (`glued_runs`), and a run of two words at least ends with two words the
/// lexicon knows glued (` العنوان  على الدعممراسلةsupport@example.org أو`):
/// the shape of `words_with_spaces_before`, run by run.
fn run_ends_glued(scorer: &WordScorer, line: &str) -> bool {
    glued_runs(line).is_some_and(|runs| {
        runs.into_iter().any(|run| {
            let run = run.trim_matches(' ');
            run.rsplit_once(' ').is_some_and(|(rest, last)| {
                !rest.trim_matches(' ').is_empty() && crate::word_boundaries::likely_cut(scorer, last, false).is_some()
            })
        })
    })
}

/// A run of words emitted from the visual left with the space before each,
/// its last token cut where two words are likely glued (`word_boundaries::
/// likely_cut`): ` بلغت  الشمسيةالطاقة` is `بلغت الشمسية الطاقة`.
fn last_two_words_cut<'r>(scorer: &WordScorer, run: &'r str) -> Cow<'r, str> {
    let run = run.trim_matches(' ');
    let (rest, last) = run.rsplit_once(' ').unwrap_or(("", run));
    match crate::word_boundaries::likely_cut(scorer, last, true) {
        Some(cut) => Cow::Owned(format!("{rest} {} {}", &last[..cut], &last[cut..])),
        None => Cow::Borrowed(run),
    }
}

/// Whether the document's lines came out as words emitted from the visual
/// left with the space before each (`words_with_spaces_before`, or run by
/// run, `run_ends_glued`): `MIN_LINES` lines of that shape at least, and
/// more than half the lines with Arabic that start with a space. (Text as written starts no line
/// with one space, and glues no two words at a line's end.)
pub(crate) fn document_emits_words_with_spaces_before<'l>(
    lines: impl Iterator<Item = &'l str>,
    scorer: &WordScorer,
) -> bool {
    let (mut spaced, mut found) = (0usize, 0usize);
    for line in lines.filter(|line| line.starts_with(' ') && has_arabic_script(line)) {
        spaced += 1;
        found += usize::from(words_with_spaces_before(scorer, line).is_some() || run_ends_glued(scorer, line));
    }
    found >= MIN_LINES && 2 * found > spaced
}

/// Particles that open a clause or a sentence (`إذ`, `لأن`, `ثم`, ...):
/// after a comma or a period in text as written, before it where a line's
/// words came out from the left.
const CLAUSE_OPENERS: [&str; 14] =
    ["إذ", "لأن", "حيث", "كما", "إن", "أن", "لكن", "ثم", "بل", "أو", "هل", "إلا", "لذلك", "لذا"];

/// Whether a word opens a clause: one of `CLAUSE_OPENERS`, or the
/// conjunction و or ف before a verb (`وتشير`, `ويرى`, `وأشار`: the letters
/// that start a verb's tenses) or a particle (`وقد`, `ولا`, `فإن`). (A noun
/// after the conjunction, `ودول أخرى؛`, is a list's item, as often before
/// a clause's end as after it.)
fn opens_a_clause(token: &str) -> bool {
    // (Its letters alone: a kashida may stretch it still, `فــــارامون`.)
    let word: String = token.chars().filter(|&c| crate::script::is_arabic_letter(c)).collect();
    if CLAUSE_OPENERS.contains(&word.as_str()) {
        return true;
    }
    let Some(after) = word.strip_prefix(['و', 'ف']) else { return false };
    after.chars().count() >= 2
        && (after.starts_with(['ي', 'ت', 'ن', 'أ'])
            || ["قد", "لا", "لم", "لن", "إن", "كان"].iter().any(|particle| after.starts_with(particle)))
}

/// How a document's clause ends stand between its words: how many are
/// followed by a word that opens a clause (`الكهرباء. وتشير`, text as
/// written), and how many follow one (`وتشير الكهرباء.`, the words of a
/// line emitted from the visual left).
#[derive(Default, Debug)]
pub(crate) struct ClauseEnds {
    opener_after: usize,
    opener_before: usize,
    /// Clause ends between two words.
    ends: usize,
}

impl ClauseEnds {
    pub(crate) fn of<'l>(lines: impl Iterator<Item = &'l str>) -> ClauseEnds {
        let mut ends = ClauseEnds::default();
        for line in lines {
            // (Every line of a damaged document: three tokens at a time, no
            // allocation.)
            let (mut before, mut token) = ("", "");
            for after in line.split(' ').filter(|t| !t.is_empty()) {
                let word = token.trim_end_matches(CLAUSE_END);
                if !before.is_empty() && word.len() < token.len() && crate::script::ends_an_arabic_word(word) {
                    ends.ends += 1;
                    ends.opener_after += usize::from(opens_a_clause(after));
                    ends.opener_before += usize::from(opens_a_clause(before));
                }
                (before, token) = (token, after);
            }
        }
        ends
    }

    /// Three clause ends at least, and half of them, follow a word that
    /// opens a clause, four times as many as are followed by one. (Text as
    /// written shows the opposite; a sentence that opens with its verb may
    /// end a clause after the verb's subject, `وتُعدّ الاتفاقية، التي`, but
    /// a clause in eight so at most: the corpus's gold and negative files,
    /// in every window of 3 to 40 lines, never show even two in two.)
    pub(crate) fn show_words_from_the_left(&self) -> bool {
        self.opener_before >= MIN_LINES
            && 4 * self.opener_after <= self.opener_before
            && 2 * self.opener_before >= self.ends
    }
}

/// The punctuation that ends a clause or a sentence, counted by
/// `ClauseEnds` (a colon aside: `وقال:` opens a quotation).
const CLAUSE_END: [char; 5] = ['.', '،', '؛', '؟', '!'];

/// Whether more of the lines start with a sentence's end than end with
/// one: text as written, even wrapped anywhere, ends its paragraphs with
/// them.
fn starts_more_than_ends_sentences<S: AsRef<str>>(lines: impl Iterator<Item = S>) -> bool {
    let (first, last) = sentence_ends_first_and_last(lines);
    first > last
}

/// How many lines start with a word that ends a sentence or a clause, and
/// how many end with one's punctuation.
fn sentence_ends_first_and_last<S: AsRef<str>>(lines: impl Iterator<Item = S>) -> (usize, usize) {
    let (mut sentence_end_first, mut sentence_end_last) = (0usize, 0usize);
    for line in lines {
        let line = line.as_ref();
        sentence_end_first += usize::from(line.split(' ').find(|t| !t.is_empty()).is_some_and(ends_sentence));
        sentence_end_last += usize::from(line.trim_end_matches(' ').ends_with(is_end_punctuation_or_unmapped));
    }
    (sentence_end_first, sentence_end_last)
}

/// Whether a document's lines end their sentences as text as written does:
/// `MIN_LINES` lines at least end with a sentence's or a clause's
/// punctuation, and more than three times as many as start with a word
/// that ends one (where runs or words came out from the visual left, the
/// line's last, emitted first).
pub(crate) fn lines_end_their_sentences<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (first, last) = sentence_ends_first_and_last(lines);
    last >= MIN_LINES && last > 3 * first
}

/// What the edges of a document's lines of three words or more show, for
/// a document without labels: how many start with a word that ends a
/// sentence (`سابقاً. 81% مقابل ...`: its last word, emitted first), how
/// many end with a sentence's or a clause's punctuation, and how many hold
/// a wide gap between two words (runs, not words, emitted apart).
#[derive(Default, Debug)]
pub(crate) struct LineEdges {
    sentence_end_first: usize,
    /// Lines that start with a word with tanween that ends a sentence
    /// (`مَساءٍ.`): counted only where marks come as tokens of their own.
    indefinite_end_first: usize,
    /// Lines holding a token that starts with a vowel mark (`ٌ نَهْر`).
    lines_with_marks_first: usize,
    punctuation_last: usize,
    wide_gaps: usize,
    lines: usize,
}

impl LineEdges {
    pub(crate) fn of<'l>(lines: impl Iterator<Item = &'l str>) -> LineEdges {
        let mut edges = LineEdges::default();
        // (The fast path reads every line of a long text here: bytes, no
        // splitting.)
        for line in lines {
            let line = line.trim_matches(' ');
            // Three words or more: a space after the first, and one after
            // the second (the line ends with a word).
            let Some(first_end) = memchr::memchr(b' ', line.as_bytes()) else { continue };
            let rest = line[first_end..].trim_start_matches(' ');
            if memchr::memchr(b' ', rest.as_bytes()).is_none() || !has_arabic_script(line) {
                continue;
            }
            edges.lines += 1;
            // (A paragraph's label after the sentence's end, `الصناعية. ٦-
            // وتفقد`, is text as written, wrapped: emitted from the left,
            // the label would end the line, drawn `-٦`.)
            let second = rest.split(' ').next().unwrap_or_default();
            let first = &line[..first_end];
            if !crate::reading_order::is_logical_label(second) {
                edges.sentence_end_first += usize::from(ends_a_sentence(first));
                edges.indefinite_end_first += usize::from(ends_a_sentence_indefinite(first));
            }
            edges.lines_with_marks_first += usize::from(line.split(' ').any(starts_with_a_mark));
            edges.punctuation_last += usize::from(line.ends_with(is_line_end_punctuation_or_unmapped));
            edges.wide_gaps += usize::from(memchr::memmem::find(line.as_bytes(), b"  ").is_some());
        }
        edges
    }

    /// Three lines at least start with a sentence's end, and one in eight
    /// (`SENTENCE_END_FIRST_SHARE`), three times as many as end with
    /// punctuation (text as written, wrapped anywhere, ends its paragraphs
    /// and most of its lines' sentences there: the corpus's gold has 1
    /// against 5 to 51), and one line in ten at most holds a wide gap
    /// (PyMuPDF's runs out of order start lines with `.٤١ مدينة`, their
    /// runs set apart).
    ///
    /// Vowelled running text (a story) ends most sentences with an
    /// indefinite word (`مَساءٍ.`, `جَميعاً.`), and so does dialogue, which
    /// starts lines with a one-word answer (`حسناً. إلى اللقاء`). Such a word
    /// counts where the marks show a damaged extraction: three lines at
    /// least hold a token that starts with a vowel mark (`ٌ نَهْر`: marks
    /// drawn as glyphs of their own and emitted as runs), or the document's
    /// marks were judged written before their letters (`marks_out_of_place`;
    /// PDFBox on XeLaTeX's vowelled PDFs does both), which text as written
    /// never shows.
    pub(crate) fn show_words_from_the_left(&self, marks_out_of_place: bool) -> bool {
        let marks_damaged = marks_out_of_place || self.lines_with_marks_first >= MIN_LINES;
        let first = self.sentence_end_first + if marks_damaged { self.indefinite_end_first } else { 0 };
        first >= MIN_LINES
            && first >= 3 * self.punctuation_last
            && first * SENTENCE_END_FIRST_SHARE >= self.lines
            && self.wide_gaps * 10 <= self.lines
    }
}

/// One line in this many at least starts with a sentence's end where words
/// were emitted from the left: each paragraph's last line does, and the
/// damaged corpus shows one in six to three in four. Text as written starts
/// a line so about once a sentence's length in words (one in fourteen to
/// twenty of a paragraph of prose wrapped at 25 characters, whose lines
/// rarely end with punctuation either).
const SENTENCE_END_FIRST_SHARE: usize = 8;

/// The punctuation that ends a sentence (a clause's comma or colon aside).
pub(crate) const SENTENCE_END: [char; 3] = ['.', '؟', '!'];

/// The punctuation a line of text as written ends with: a sentence's or a
/// clause's.
pub(crate) const LINE_END_PUNCTUATION: [char; 6] = ['.', '؟', '!', ':', '؛', '،'];

/// Whether a token ends a sentence as its last word: a definite noun (the
/// article, after a proclitic or none) with a period, a question or an
/// exclamation mark after it (not a clause's comma or colon: `س: ما ...`
/// starts lines as written), or a number drawn with the period on its left
/// (`.٢٠٢٣`).
///
/// A line that starts with a one-word sentence is how dialogue and
/// subtitles are written (`نعم. سأحضر في الموعد`, `حسناً. إلى اللقاء`): such
/// a word is an answer or an interjection, never definite. The last word of
/// a sentence of running text mostly is (`السعودية.`, `المائة.`,
/// `التحديثات.`), and with its words emitted from the left, it starts the
/// line.
pub(crate) fn ends_a_sentence(token: &str) -> bool {
    sentence_last_word(token).is_some_and(is_definite)
        || number_after_its_period(token).is_some_and(|(number, period)| {
            // (The code of an unmapped glyph before a number that may be a
            // label is the label's hyphen as pdf.js draws it: `￿١ يتناول`.)
            period == '.' || (period == UNMAPPED_GLYPH && !is_label_number(number))
        })
}

/// Whether a token ends a sentence as an indefinite word with tanween
/// (`مَساءٍ.`, `جَميعاً.`; a tanween only ends a word, but PDFBox's runs may
/// move it a letter, `يَوٍْم.`), not counted by `ends_a_sentence`.
fn ends_a_sentence_indefinite(token: &str) -> bool {
    sentence_last_word(token).is_some_and(|word| !is_definite(word) && word.chars().any(crate::script::is_tanween))
}

/// The Arabic word of a token that ends with a sentence's period, question
/// or exclamation mark (or the code of an unmapped glyph after it), without
/// them.
fn sentence_last_word(token: &str) -> Option<&str> {
    let word = token.trim_end_matches(SENTENCE_END).trim_end_matches(UNMAPPED_GLYPH);
    (word.len() < token.len() && crate::script::ends_an_arabic_word(word)).then_some(word)
}

/// Whether a token starts with a vowel mark or shadda (`ٌ`, `َصغيٌر`): marks
/// emitted as a run of their own, or before their letters.
fn starts_with_a_mark(token: &str) -> bool {
    token.chars().next().is_some_and(|c| crate::script::is_vowel_mark(c) || c == crate::script::SHADDA)
}

/// Whether a word starts with the article, after one proclitic or none
/// (`ال`, `وال`, `بال`, `فال`, `كال`, `لل`, `ولل`, `فلل`), marks aside.
pub(crate) fn is_definite(word: &str) -> bool {
    let letters: String = word.chars().filter(|&c| crate::script::is_arabic_letter(c)).take(4).collect();
    let rest = letters.strip_prefix(['و', 'ف', 'ب', 'ك']).unwrap_or(&letters);
    rest.starts_with("ال") || letters.starts_with("لل") || rest.starts_with("لل")
}

/// Whether a token is Latin text (a Latin run keeps its words' order).
fn is_latin(token: &str) -> bool {
    token.chars().any(|c| c.is_ascii_alphabetic()) && !has_arabic_script(token)
}

/// A line's tokens, a word that pdf.js, pdftotext or PDFium cut before a
/// kerned yeh kept whole with the space in it (`الر يفية`: the word's
/// pieces stand as they read; `word_boundaries` joins them).
fn words_kept_whole(line: &str) -> Vec<&str> {
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for piece in line.split(' ') {
        let end = start + piece.len();
        if !piece.is_empty() {
            match tokens.last_mut() {
                Some(last) if crate::word_boundaries::joins_across_kerned_yeh(&line[last.0..last.1], piece) => {
                    last.1 = end
                }
                _ => tokens.push((start, end)),
            }
        }
        start = end + 1;
    }
    tokens.into_iter().map(|(start, end)| &line[start..end]).collect()
}

/// A line's words in the opposite order, a run of Latin words kept in its
/// order, and a label drawn as `-N` put first as `N-`.
fn turn_words(line: &str) -> String {
    let mut tokens = words_kept_whole(line);
    tokens.reverse();
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let latin = tokens[i..].iter().take_while(|t| is_latin(t)).count();
        // (A run of Latin words keeps its order, but where that would close
        // a bracket before opening it: XeTeX drew those words one by one,
        // from the right, `Learning) (Machine`.)
        if latin > 1 && !brackets_close_first(tokens[i..i + latin].iter().rev().copied()) {
            out.extend(tokens[i..i + latin].iter().rev().map(|&t| Cow::Borrowed(t)));
            i += latin;
            continue;
        }
        let token = tokens[i];
        match token.strip_prefix(LABEL_HYPHENS) {
            Some(number) if i == 0 && is_label_number(number) => {
                let hyphen = &token[..token.len() - number.len()];
                out.push(Cow::Owned(format!("{number}{hyphen}")))
            }
            _ => out.push(Cow::Borrowed(token)),
        }
        i += 1;
    }
    // A number drawn with the punctuation after it on its left (`.٢٠٢٣ عام`,
    // `مقابل ،٢٠٢٢ عام`): a word's chunk is emitted as it is drawn, and the
    // digits run left to right; a word so drawn too (`.الكهرباء`).
    for token in &mut out {
        if let Some((body, period)) = number_after_its_period(token).or_else(|| word_after_its_period(token)) {
            *token = Cow::Owned(format!("{body}{period}"));
        }
    }
    out.join(" ")
}

/// Whether words, in this order, close a bracket before they open one
/// (`Learning) (Machine`).
fn brackets_close_first<'t>(words: impl Iterator<Item = &'t str>) -> bool {
    let mut open = 0usize;
    for c in words.flat_map(str::chars) {
        match c {
            '(' | '[' => open += 1,
            ')' | ']' if open == 0 => return true,
            ')' | ']' => open -= 1,
            _ => {}
        }
    }
    false
}

/// Whether a character stands in a left-to-right run: a digit or a Latin
/// letter.
fn runs_left_to_right(c: char) -> bool {
    crate::script::is_digit(c) || c.is_ascii_alphabetic()
}

/// A line's runs, cut where its Arabic meets a digit or a Latin letter,
/// each cut before the second run's first letter or digit (the neutrals
/// between stay with the run before: the period ends `الريفية.`, the dots
/// of `3.2.1` are the number's), if one cut at least falls in a token,
/// with nothing or only neutrals between (`الطاقة١٨عام`, `الريفية.٢٠٢٣`):
/// the runs pdf.js and pypdf emit a line as, glued. None where no two runs
/// are glued.
fn glued_runs(line: &str) -> Option<Vec<&str>> {
    let is_arabic = |c: char| crate::script::is_arabic_letter(c) || crate::script::is_arabic_mark(c);
    let (mut runs, mut start, mut glued) = (Vec::new(), 0, false);
    // (Whether the last letter or digit so far is Arabic, and whether a
    // space followed it.)
    let (mut last_strong, mut spaced): (Option<bool>, bool) = (None, false);
    for (at, c) in line.char_indices() {
        if c == ' ' {
            spaced = true;
        } else if is_arabic(c) || runs_left_to_right(c) {
            let arabic = is_arabic(c);
            if last_strong == Some(!arabic) {
                runs.push(&line[start..at]);
                start = at;
                glued |= !spaced;
            }
            (last_strong, spaced) = (Some(arabic), false);
        }
    }
    runs.push(&line[start..]);
    glued.then_some(runs)
}

/// pdf.js on Typst's PDFs: a line emitted as its runs in reading order,
/// each run of Arabic words emitted from the visual left, a number or a
/// Latin run glued to the runs beside it (`بلغت الشمسية الطاقة١٨عام نهاية
/// في غيغاواط٢٠٢٢مقابل ،`). Each run with Arabic has its words turned, and
/// the neutral a run then starts with (a comma, a period, a closing
/// bracket, a label's hyphen) goes back after the run before, an opening
/// bracket a run ends with before the run after: `الطاقة الشمسية بلغت ١٨
/// غيغاواط في نهاية عام ٢٠٢٢، مقابل`. None where no run is glued.
fn turn_words_of_each_run(line: &str, turn: impl Fn(&str) -> String) -> Option<String> {
    let runs = glued_runs(line)?;
    let mut out = String::with_capacity(line.len() + runs.len());
    for run in runs {
        let turned = if has_arabic_script(run) { Cow::Owned(turn(run)) } else { Cow::Borrowed(run.trim()) };
        let mut turned: &str = &turned;
        // (The neutral between two runs is drawn on the side of the run
        // before it.)
        let leading = turned.split(' ').next().unwrap_or_default();
        if !out.is_empty() && !leading.is_empty() && leading.chars().all(|c| ".،؛:)]-".contains(c)) {
            out.push_str(leading);
            turned = turned[leading.len()..].trim_start();
        }
        // (pypdf glues it to the run's first word: a word that opens a
        // clause ends none, `٢٠١٥ وتتصدر.` is `٢٠١٥. وتتصدر`; a bracket the
        // runs before opened closes there, `(IRENA إلى)` is `(IRENA) إلى`.)
        let first_word;
        let open = out.matches('(').count() > out.matches(')').count();
        let moved = leading
            .strip_suffix(CLAUSE_END)
            .filter(|w| !out.is_empty() && opens_a_clause(w))
            .or_else(|| leading.strip_suffix(')').filter(|_| open));
        if let Some(word) = moved.filter(|w| !w.is_empty()) {
            out.push_str(&leading[word.len()..]);
            first_word = format!("{word}{}", &turned[leading.len()..]);
            turned = &first_word;
        }
        if !out.is_empty() && !out.ends_with('(') && !turned.is_empty() {
            out.push(' ');
        }
        let (body, opening) = match turned.rsplit_once(' ') {
            Some((body, "(" | "[")) => (body, &turned[body.len() + 1..]),
            _ => (turned, ""),
        };
        out.push_str(body);
        if !opening.is_empty() {
            out.push(' ');
            out.push_str(opening);
        }
    }
    Some(out)
}

/// In a document whose lines came out as words emitted from the visual left
/// (`ctx.words_from_the_left`), turns a line's words back; in one whose
/// labelled lines came out with the label first and its hyphen last
/// (`ctx.words_after_their_labels`), those lines only. A document may show
/// both (pdf.js on Typst's PDFs: lines' edges and labels): a labelled line
/// whose sentence holds a number is then read as the labels show it
/// (`٢عام ... وقد -٢٠٢٣.`), not turned whole.
pub(crate) fn restore_word_order<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !has_arabic_script(line) {
        return Cow::Borrowed(line);
    }
    // A line with its label first and its hyphen last (`١المياه. ...
    // يتناول -`) is turned as if the label were drawn last.
    let turned = match label_first_hyphen_last(line) {
        Some((number, body)) if ctx.words_from_the_left || ctx.words_after_their_labels => {
            turn_words(&format!("{body} -{number}"))
        }
        _ => match ctx
            .words_after_their_labels
            .then(|| label_first_run_after_hyphen(line).or_else(|| bracket_label_last(line)))
            .flatten()
        {
            Some(turned) => turned,
            None if ctx.words_with_spaces_before => {
                let scorer = ctx.reading.scorer();
                // (A line of runs glued, numbers or Latin words between: each
                // run as such a line.)
                match turn_words_of_each_run(line, |run| turn_words(&last_two_words_cut(scorer, run))) {
                    Some(turned) => turned,
                    None => match words_with_spaces_before_in_such_a_document(scorer, line) {
                        Some(emitted) => turn_words(&emitted),
                        None => return Cow::Borrowed(line),
                    },
                }
            }
            None if ctx.words_from_the_left => {
                turn_words_of_each_run(line, turn_words).unwrap_or_else(|| turn_words(line))
            }
            // (pypdf lays out a labelled document's other lines so too.)
            None if ctx.words_after_their_labels => match words_with_spaces_before(ctx.reading.scorer(), line) {
                Some(emitted) => turn_words(&emitted),
                None => return Cow::Borrowed(line),
            },
            None => return Cow::Borrowed(line),
        },
    };
    rewrite_whole(line, &turned, FixKind::ReadingOrder, 0.95, edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::read_corpus;

    #[test]
    fn words_emitted_with_the_space_before_each_are_cut_and_turned() {
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        // pdf-prose-typst-dejavu-pypdf.broken.txt, lines 1 and 3.
        let emitted = words_with_spaces_before(&scorer, " العربية المنطقة في المتجددةالطاقة");
        assert_eq!(emitted.as_deref(), Some("العربية المنطقة في المتجددة الطاقة"));
        assert_eq!(turn_words(&emitted.unwrap()), "الطاقة المتجددة في المنطقة العربية");
        let emitted = words_with_spaces_before(&scorer, " حصة لزيادة إذ الطاقة،سياسات").unwrap();
        assert_eq!(turn_words(&emitted), "سياسات الطاقة، إذ لزيادة حصة");
        // No such line: no space first, two, a last word the lexicon knows.
        for line in
            ["العربية المنطقة في المتجددةالطاقة", "  العربية المنطقة في المتجددةالطاقة", " العربية المنطقة في الطاقة"]
        {
            assert_eq!(words_with_spaces_before(&scorer, line), None, "{line}");
        }
        // In a document judged so, a title of two words glued is cut; a
        // line whose last token cuts into no two words is turned whole.
        assert_eq!(
            words_with_spaces_before_in_such_a_document(&scorer, " التقنيةالتحديات").as_deref(),
            Some("التقنية التحديات")
        );
        assert_eq!(
            words_with_spaces_before_in_such_a_document(&scorer, " في المنطقة العربية").as_deref(),
            Some("في المنطقة العربية")
        );
    }

    #[test]
    fn runs_glued_to_numbers_and_latin_words_have_their_words_turned_in_place() {
        // pdf-prose-typst-noto-pdfjs.broken.txt, lines 6, 17, 5 and 11.
        let turned = |line| turn_words_of_each_run(line, turn_words).unwrap();
        assert_eq!(
            turned("بلغت الشمسية الطاقة١٨عام نهاية في غيغاواط٢٠٢٢مقابل ،"),
            "الطاقة الشمسية بلغت ١٨ غيغاواط في نهاية عام ٢٠٢٢، مقابل"
        );
        assert_eq!(
            turned("بنحو والتوزيع النقل في الفاقد نسبة١٤الخبراء ويرى المائة. في"),
            "نسبة الفاقد في النقل والتوزيع بنحو ١٤ في المائة. ويرى الخبراء"
        );
        // (A bracket goes with the Latin run it stands beside.)
        assert_eq!(
            turned("( المتجددة للطاقة الدوليةIRENAمن المركبة القدرة أن إلى )"),
            "الدولية للطاقة المتجددة (IRENA) إلى أن القدرة المركبة من"
        );
        // (The period between a word and a number is the word's.)
        assert_eq!(
            turned("يناير/الثاني كانون في الدولي البنك أطلق وقد الريفية.٢٠٢٣"),
            "الريفية. وقد أطلق البنك الدولي في كانون يناير/الثاني ٢٠٢٣"
        );
        // A list's number glued to the first word run (pdf-tech-typst-noto-pdfjs, line 8).
        assert_eq!(turned("3التحديثات. لتنزيل بالإنترنت اتصال ."), "3. اتصال بالإنترنت لتنزيل التحديثات.");
        // No run glued: the line is left to `turn_words`.
        assert_eq!(turn_words_of_each_run("العربية المنطقة في المتجددة الطاقة", turn_words), None);
        assert_eq!(turn_words_of_each_run("عام 2023 في", turn_words), None);
        // A word cut before a kerned yeh stays whole, its pieces as they read
        // (pdf-schools-typst-amiri-pdfjs, line 1).
        assert_eq!(turn_words("الر يفية المناطق في التعليم عن تقرير"), "تقرير عن التعليم في المناطق الر يفية");
        // A word drawn with its period on its left (KacstBook, line 4).
        assert_eq!(
            turn_words("الوكالة تقديرات وتشير .الكهرباء مزيج في المتجددة المصادر"),
            "المصادر المتجددة في مزيج الكهرباء. وتشير تقديرات الوكالة"
        );
    }

    #[test]
    fn runs_of_words_emitted_with_the_space_before_each_are_cut_and_turned_in_place() {
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        let turned = |line| turn_words_of_each_run(line, |run| turn_words(&last_two_words_cut(&scorer, run))).unwrap();
        // pdf-prose-typst-noto-pypdf.broken.txt, lines 6, 7 and 5 (the
        // digits as pypdf reverses them, for `number_order`).
        assert_eq!(
            turned(" بلغت  الشمسيةالطاقة٨١ عام  نهاية في غيغاواط٢٢٠٢ مقابل،"),
            "الطاقة الشمسية بلغت ٨١ غيغاواط في نهاية عام ٢٢٠٢ مقابل،"
        );
        // (The period glued to the word that opens the next clause is the
        // number's.)
        assert_eq!(
            turned(" من أقل٣ عام  في غيغاواط٥١٠٢ والإمارات ومصر المغرب وتتصدر."),
            "أقل من ٣ غيغاواط في عام ٥١٠٢. وتتصدر المغرب ومصر والإمارات"
        );
        // (The bracket glued to the run after a Latin word closes it.)
        assert_eq!(
            turned("( المتجددة  للطاقةالدوليةIRENA من المركبة القدرة أن إلى)"),
            "الدولية للطاقة المتجددة (IRENA) إلى أن القدرة المركبة من"
        );
    }

    #[test]
    fn documents_are_judged_by_the_words_that_open_their_clauses() {
        for font in ["dejavu", "kacst", "kacstoffice", "noto", "notokufi"] {
            let broken = read_corpus(&format!("in-the-wild/pdf-prose-typst-{font}-pdfjs.broken.txt"));
            let ends = ClauseEnds::of(broken.lines());
            assert!(ends.show_words_from_the_left(), "{font}: {ends:?}");
        }
        // A list of names (four lines of ctoc-wg4-2018-3's gold, which a
        // property test saw turned): a noun after `و` opens no clause.
        let list = "الداخلية بالمملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية، نيابة عن مجموعة دول أوروبا\n\
                    الغربية ودول أخرى؛ جولي أوكاه-دونلي، المديرة العامة للوكالة الوطنية لحظر الاتجار\n\
                    بالأشخاص في نيجيريا، نيابة عن مجموعة الدول الأفريقية؛ سيمونا راغاتسي، القاضية في محكمة\n\
                    كاتانيا في إيطاليا، نيابة عن مجموعة دول أوروبا الغربية ودول أخرى؛ فارامون رامانغورا،";
        assert!(!ClauseEnds::of(list.lines()).show_words_from_the_left());
        // A sentence that opens with its verb ends a clause after the verb's
        // subject (`وتُعدّ الاتفاقية، التي`): once in eight clause ends here,
        // however long the text.
        let prose = read_corpus("negative/arabic-prose-mixed.txt").repeat(4);
        assert!(!ClauseEnds::of(prose.lines()).show_words_from_the_left());
        // No text as written: every gold and negative file of the corpus
        // (a list's commas stand before and after `و` alike).
        for (name, text) in crate::pipeline::tests::texts_as_written() {
            let ends = ClauseEnds::of(text.lines());
            assert!(!ends.show_words_from_the_left(), "{name}: {ends:?}");
        }
    }

    #[test]
    fn documents_are_judged_by_lines_that_start_with_a_space_and_end_with_two_words_glued() {
        let scorer = WordScorer::new(&crate::Config::default().placeholder_letters);
        let broken = read_corpus("in-the-wild/pdf-prose-typst-noto-pypdf.broken.txt");
        assert!(document_emits_words_with_spaces_before(broken.lines(), &scorer));
        let gold = read_corpus("in-the-wild/pdf-prose-typst-noto-pypdf.gold.txt");
        assert!(!document_emits_words_with_spaces_before(gold.lines(), &scorer));
        // pypdf on WeasyPrint's PDFs starts lines with a space too (its
        // runs from the left), but glues no two words at their ends.
        let runs = read_corpus("in-the-wild/pdf-weasy-noto-pypdf.broken.txt");
        assert!(!document_emits_words_with_spaces_before(runs.lines(), &scorer));
        for name in ["negative/prose-wrapped-narrow.txt", "negative/web-text-without-spaces-after-punctuation.txt"] {
            let text = read_corpus(name);
            let spaced: Vec<String> = text.lines().map(|l| format!(" {l}")).collect();
            assert!(!document_emits_words_with_spaces_before(spaced.iter().map(String::as_str), &scorer), "{name}");
        }
        // Technical text: two words glued end a run before a Latin word.
        assert!(run_ends_glued(&scorer, " العنوان  على الدعممراسلةsupport@example.org أو"));
        assert!(!run_ends_glued(&scorer, " مراسلة الدعم على العنوانsupport@example.org أو"));
        assert!(!run_ends_glued(&scorer, " العنوان  على الدعممراسلة support@example.org أو"));
        let broken = read_corpus("in-the-wild/pdf-tech-typst-noto-pypdf.broken.txt");
        assert!(document_emits_words_with_spaces_before(broken.lines(), &scorer));
        let gold = read_corpus("in-the-wild/pdf-tech-typst-noto-pypdf.gold.txt");
        let spaced: Vec<String> = gold.lines().map(|l| format!(" {l}")).collect();
        assert!(!document_emits_words_with_spaces_before(spaced.iter().map(String::as_str), &scorer));
    }

    #[test]
    fn words_are_turned() {
        assert_eq!(
            turn_words("المياه. إدارة في المدن تواجهها التي التحديات التقرير هذا يتناول -١"),
            "١- يتناول هذا التقرير التحديات التي تواجهها المدن في إدارة المياه."
        );
        assert_eq!(turn_words("مقدمة أولاً-"), "أولاً- مقدمة");
        // Lines that end their sentences, and lines emitted from the left.
        let in_order =
            ["شهدت المنطقة تحولاً.", "سياسات الطاقة، إذ", "في مزيج الكهرباء.", "أقل من ٣ غيغاواط.", "هذه الجهود"];
        assert!(lines_end_their_sentences(in_order.iter().copied()));
        let from_the_left = ["تحولاً. المنطقة شهدت", "إذ الطاقة، سياسات", "الكهرباء. مزيج في", "غيغاواط. ٣ من أقل"];
        assert!(!lines_end_their_sentences(from_the_left.iter().copied()));
        // A run of Latin words keeps its order, but where XeTeX drew each
        // word apart from the right (its brackets close first so).
        assert_eq!(turn_words("Learning) (Machine الآلة تعلم"), "تعلم الآلة (Machine Learning)");
        assert_eq!(turn_words("(Machine Learning) الآلة تعلم"), "تعلم الآلة (Machine Learning)");
        assert_eq!(turn_words(".٢٠٢٣ عام في اللجنة طلب -٢"), "٢- طلب اللجنة في عام ٢٠٢٣.");
        assert_eq!(turn_words("عاجلة؛ صيانة إلى تحتاج (أ)"), "(أ) تحتاج إلى صيانة عاجلة؛");
        assert_eq!(
            turn_words("الفني. الدعم قدم (UNEP) للبيئة المتحدة الأمم برنامج -٧"),
            "٧- برنامج الأمم المتحدة للبيئة (UNEP) قدم الدعم الفني."
        );
        // A Latin run keeps its order.
        assert_eq!(turn_words("الخبراء. (United Nations) أشار -٣"), "٣- أشار (United Nations) الخبراء.");
        // A number's punctuation drawn on its left inside the line.
        assert_eq!(turn_words("مقابل ،٢٠٢٢ عام نهاية في غيغاواط ١٨ بلغت"), "بلغت ١٨ غيغاواط في نهاية عام ٢٠٢٢، مقابل");
        // The code of an unmapped glyph (U+FFFF) in a label's hyphen's place
        // goes with the number, as it came.
        assert_eq!(turn_words("المياه\u{FFFF} إدارة في يتناول \u{FFFF}١"), "١\u{FFFF} يتناول في إدارة المياه\u{FFFF}");
    }

    /// PDFBox on XeLaTeX's vowelled story: its sentences end with indefinite
    /// words (`مَساءٍ.`), counted where the marks show a damaged extraction:
    /// tokens of marks alone, or marks judged drawn before their letters.
    #[test]
    fn vowelled_lines_that_start_with_an_indefinite_sentence_end_are_judged_by_their_marks() {
        assert!(ends_a_sentence_indefinite("مَساءٍ.") && ends_a_sentence_indefinite("َشديداً\u{FFFF}"));
        assert!(ends_a_sentence_indefinite("يَوٍْم."));
        assert!(!ends_a_sentence_indefinite("جميعاً،") && !ends_a_sentence_indefinite("المَساءِ."));
        assert!(!ends_a_sentence_indefinite("نعم."));
        // Tokens of marks alone on most lines: judged as they came.
        let amiri = read_corpus("in-the-wild/pdf-vowelled-xelatex-amiri-pdfbox.broken.txt");
        assert!(document_emits_words_from_the_left(amiri.lines(), false));
        // Once the marks are moved after their letters (as the stage before
        // leaves them), none: judged where they were judged moved.
        let kacst = read_corpus("in-the-wild/pdf-vowelled-xelatex-kacst-pdfbox.broken.txt");
        let moved: Vec<String> =
            kacst.lines().map(crate::marks_before_letters::move_marks_after_their_letters).collect();
        assert!(!document_emits_words_from_the_left(moved.iter().map(String::as_str), false));
        assert!(document_emits_words_from_the_left(moved.iter().map(String::as_str), true));
        // Their gold, written: lines end with their sentences.
        for name in ["amiri", "kacst"] {
            let gold = read_corpus(&format!("in-the-wild/pdf-vowelled-xelatex-{name}-pdfbox.gold.txt"));
            assert!(!document_emits_words_from_the_left(gold.lines(), true), "{name}");
        }
        // Dialogue starts its lines with one-word answers with tanween
        // (`شكراً.`, `حسناً.`): with them it would be judged, but it shows no
        // marks out of place.
        let dialogue = read_corpus("negative/dialogue-and-subtitles.txt");
        assert!(document_emits_words_from_the_left(dialogue.lines(), true));
        assert!(!document_emits_words_from_the_left(dialogue.lines(), false));
    }

    /// Running text without labels (PDFBox on XeLaTeX's PDFs of the prose,
    /// technical and vowelled texts): judged by the lines' edges.
    #[test]
    fn documents_without_labels_are_judged_by_their_lines_edges() {
        // corpus/in-the-wild/pdf-prose-xelatex-amiri-pdfbox.broken.txt,
        // lines 6 to 13 and 19.
        let turned = [
            "مقابل ،٢٠٢٢ عام نهاية في غيغاواط ١٨ بلغت الشمسية الطاقة",
            "والإمارات ومصر المغرب وتتصدر .٢٠١٥ عام في غيغاواط ٣ من أقل",
            "السعودية. العربية والمملـكة الأردن تليها الجهود، هذه",
            "لأن الصغيرة، يع المشار أمام الرئيسية العقبة يل التمو يزال ولا",
            "والتعاونيات البلديات عليها تقدر لا ضمانات تطلب المحلية المصارف",
            "٢٠٢٣ الثاني/يناير كانون في الدولي البنك أطلق وقد يفية. الر",
            "يع، المشار من الفئة هذه لدعم دولار مليون ٢٥٠ بقيمة ً برنامجا",
            "الأولى. مرحلته في بلدان خمسة يغطي أن على",
            ".٢٠٣٠ لعام المعلنة الأهداف لبلوغ أساسيان شرطان",
        ];
        assert!(document_emits_words_from_the_left(turned.into_iter(), false));
        assert_eq!(turn_words(turned[8]), "شرطان أساسيان لبلوغ الأهداف المعلنة لعام ٢٠٣٠.");
        // Its lines turned, as written: more lines end with punctuation
        // than start with a sentence's end.
        let written: Vec<String> = turned.iter().map(|l| turn_words(l)).collect();
        assert!(!document_emits_words_from_the_left(written.iter().map(String::as_str), false));
        // Lines that start with a clause (`س: ...`, `نعم، ...`), or with a
        // one-word sentence (an answer, an interjection: never definite), as
        // dialogue and subtitles write them, are no sign
        // (`corpus/negative/dialogue-and-subtitles.txt`).
        let dialogue =
            ["س: ما هو الحل المقترح للمشكلة", "ج: هو إنشاء محطة جديدة للتحلية", "نعم، فقد وافقت الوزارة عليه"];
        assert!(!document_emits_words_from_the_left(dialogue.into_iter(), false));
        let subtitles = [
            "نعم. سأحضر في الموعد المحدد",
            "ممتاز. سأرسل لك جدول الأعمال الليلة",
            "شكراً. سأراجعه قبل النوم إن شاء الله",
            "حسناً. إلى اللقاء غداً في المكتب",
        ];
        assert!(!document_emits_words_from_the_left(subtitles.into_iter(), false));
        // A report's numbered paragraphs run together and wrapped narrow: the
        // label after the sentence's end is text as written
        // (`corpus/negative/reports-wrapped-narrow.txt`).
        let wrapped = [
            "الصناعية. ٦- وتفقد شبكات التوزيع القديمة",
            "المقررة. ٧- وأشار الخبراء إلى أن برنامج",
            "الفني. ثالثاً- التوصيات ٨- ينبغي للسلطات",
            "القطاعات. ١٢- وأخيراً، يدعو الفريق إلى",
        ];
        assert!(!document_emits_words_from_the_left(wrapped.into_iter(), false));
        // A paragraph of prose wrapped at 25 characters: its lines rarely
        // end with punctuation, and one in fifteen starts with a sentence's
        // end (the prose of `pdf-prose-*`, its paragraphs run together).
        let mut prose = vec!["شهدت المنطقة العربية خلال"; 36];
        prose.extend(["الكهرباء. وتشير تقديرات", "السعودية. ولا يزال التمويل", "الريفية. وقد أطلق البنك"]);
        assert!(!document_emits_words_from_the_left(prose.iter().copied(), false));
        assert!(ends_a_sentence("السعودية.") && ends_a_sentence("وللطاقة؟") && ends_a_sentence(".٢٠٣٠"));
        assert!(!ends_a_sentence("نعم.") && !ends_a_sentence("سابقاً.") && !ends_a_sentence("الطاقة،"));
        // Runs set apart by wide gaps (PyMuPDF's runs out of order,
        // `pdf-chrome-kacst-pymupdf`): no words emitted one by one.
        let runs = [
            ".٤١ مدينة رئيسية  ويستند التقرير إلى بيانات",
            "المياه. إدارة  في المدن تواجهها",
            "الخبراء. من فريق  التقرير أعد",
        ];
        assert!(!document_emits_words_from_the_left(runs.into_iter(), false));
        assert!(document_emits_words_from_the_left(
            runs.iter().map(|l| l.replace("  ", " ")).collect::<Vec<_>>().iter().map(String::as_str),
            false
        ));
    }

    /// pypdf on Typst's PDFs: the label first, its hyphen last, the words
    /// between emitted from the left
    /// (`corpus/in-the-wild/pdf-typst-amiri-pypdf.broken.txt`).
    #[test]
    fn documents_are_judged_by_labels_first_and_hyphens_last() {
        let turned = [
            "١ المياه. إدارة في المدن تواجهها التي التحديات التقرير هذا يتناول-",
            "٢براء بناء على طلب اللجنة في عام خخ- وقد أعد التقرير فريق من ال٣٢٠٢.",
            "٥ الصناعية. الأنشطة وتوسع السكاني النمو إلى الارتفاع هذا ويعزى-",
            "٦ التسرب. بسبب المياه من كبيرة كميات القديمة التوزيع شبكات وتفقد-",
            " عاجلة؛ صيانة إلى القديمة الأحياء في الأنابيب تحتاج(أ)",
            "٩ والصناعة. الزراعة في المعالجة المياه استخدام إعادة بتشجيع الفريق ويوصي-",
        ];
        assert!(document_emits_words_after_their_labels(turned.into_iter()));
        assert!(!document_emits_words_from_the_left(turned.into_iter(), false));
        // Labels count up across both shapes: three lines of the first
        // (labels 1, 4 and 8) and two of the other (6 and 7), as pypdf
        // writes the schools' report
        // (`corpus/in-the-wild/pdf-schools-typst-dejavu-pypdf.broken.txt`).
        let schools = [
            "١ النائية. القرى في المدارس حالة التقرير هذا يعرض-",
            "٤ البعيدة. المدارس إلى الوصول في صعوبات المعلمون يواجه-",
            "٦ بنسبة  التعليم على الإنفاق زيادة ينبغي-٢١ الأقل. على المائة في",
            "٧ بتدريب  الفريق ويوصي-٠٠٤ المقبلة. السنة في جديد معلم",
            "٨ المدارس. إدارة في الأسر إشراك إلى التقرير يدعو،لاًا وأخير-",
        ];
        assert!(document_emits_words_after_their_labels(schools.into_iter()));
        let without_the_others = [schools[0], schools[1], schools[4]];
        assert!(!document_emits_words_after_their_labels(without_the_others.into_iter()));
        assert_eq!(label_first_hyphen_last(turned[2]).map(|(n, _)| n), Some("٥"));
        assert_eq!(label_first_hyphen_last(turned[1]), None);
        // KacstBook's: the sentence's period comes with the label.
        assert_eq!(
            label_first_hyphen_last("٥. الصناعية الأنشطة وتوسع ويعزى-"),
            Some(("٥", Cow::Borrowed("الصناعية. الأنشطة وتوسع ويعزى")))
        );
        assert_eq!(
            label_first_hyphen_last("٠١ستهلاك.اً ال بترشيد التوعية كما-"),
            Some(("٠١", Cow::Borrowed("ستهلاك.اً ال بترشيد التوعية كما")))
        );
        // pdf.js with KacstBook, KacstOffice and Noto Kufi glues the period
        // between them (`corpus/in-the-wild/pdf-typst-kacst-pdfjs.broken.txt`).
        assert_eq!(
            label_first_hyphen_last("١.المياه إدارة في يتناول -"),
            Some(("١", Cow::Borrowed("المياه. إدارة في يتناول")))
        );
        // pdf.js glues the label to the first word and leaves the hyphen
        // alone (`corpus/in-the-wild/pdf-typst-dejavu-pdfjs.broken.txt`).
        let line = "٦التسرب. بسبب المياه من كبيرة كميات القديمة التوزيع شبكات وتفقد -";
        let (number, body) = label_first_hyphen_last(line).unwrap();
        assert_eq!(
            turn_words(&format!("{body} -{number}")),
            "٦- وتفقد شبكات التوزيع القديمة كميات كبيرة من المياه بسبب التسرب."
        );
        assert_eq!(label_first_hyphen_last(turned[4]), None);
        // A line whose sentence holds a number: the hyphen before it, the
        // period after it or after the sentence's last word
        // (`corpus/in-the-wild/pdf-typst-{kacst,dejavu}-pypdf.broken.txt`).
        assert_eq!(
            label_first_run_after_hyphen("٤ بنسبة  المدن في المياه استهلاك ارتفع-٨١. سنوات عشر خلال المائة في")
                .as_deref(),
            Some("٤- ارتفع استهلاك المياه في المدن بنسبة ٨١ في المائة خلال عشر سنوات.")
        );
        assert_eq!(
            label_first_run_after_hyphen("٣ من  الوزارة جمعتها بيانات إلى التقرير ويستند-٤١ رئيسية. مدينة").as_deref(),
            Some("٣- ويستند التقرير إلى بيانات جمعتها الوزارة من ٤١ مدينة رئيسية.")
        );
        // pdf.js glues the label to the first word, and the number to the
        // word after it (`corpus/in-the-wild/pdf-typst-noto-pdfjs.broken.txt`).
        assert_eq!(
            label_first_run_after_hyphen("٢عام في اللجنة طلب على بناء الخبراء من فريق التقرير أعد وقد -٢٠٢٣.")
                .as_deref(),
            Some("٢- وقد أعد التقرير فريق من الخبراء بناء على طلب اللجنة في عام ٢٠٢٣.")
        );
        assert_eq!(
            label_first_run_after_hyphen("٣من الوزارة جمعتها بيانات إلى التقرير ويستند -١٤رئيسية. مدينة").as_deref(),
            Some("٣- ويستند التقرير إلى بيانات جمعتها الوزارة من ١٤ مدينة رئيسية.")
        );
        // A second number glued to the last word emitted ends the line;
        // words with a slash are words (`pdf-schools-typst-dejavu-pdfjs`).
        assert_eq!(
            label_first_run_after_hyphen("٢الفريق زار وقد -٣٥ونيسان/أبريل آذار/مارس شهري خلال مدرسة٢٠٢٢.").as_deref(),
            Some("٢- وقد زار الفريق ٣٥ مدرسة خلال شهري آذار/مارس ونيسان/أبريل ٢٠٢٢.")
        );
        assert_eq!(arabic_words_only("آذار/مارس ونيسان"), Some(vec!["آذار/مارس", "ونيسان"]));
        assert_eq!(arabic_words_only("آذار/ مارس"), None);
        // Pieces of a ligature that came apart keep their marks
        // (`corpus/in-the-wild/pdf-schools-typst-kacst-pypdf.broken.txt`).
        assert_eq!(
            label_first_run_after_hyphen("٣ بلغت لتحاقلاً ا نسبة أن وتبين-٧٨.بتدائيةلاً ا المرحلة في").as_deref(),
            Some("٣- وتبين أن نسبة ا لتحاقلاً بلغت ٧٨ في المرحلة ا بتدائيةلاً.")
        );
        // A bracket label drawn last, its brackets mirrored or not, the
        // first word a clause's end or the period drawn first.
        assert_eq!(bracket_label_last(" العامة؛ النقل وسائل نقص)أ(").as_deref(), Some("(أ) نقص وسائل النقل العامة؛"));
        assert_eq!(
            bracket_label_last(".الحديثة التعليمية والمواد الكتب قلة )ج(").as_deref(),
            Some("(ج) قلة الكتب والمواد التعليمية الحديثة.")
        );
        assert_eq!(
            bracket_label_last(". الحديثة التعليمية والمواد قلة)ج(").as_deref(),
            Some("(ج) قلة والمواد التعليمية الحديثة.")
        );
        // Not a line as written, nor one whose first word ends no clause.
        assert_eq!(bracket_label_last("(أ) نقص وسائل النقل العامة؛"), None);
        assert_eq!(bracket_label_last("العامة النقل وسائل نقص (أ)"), None);
        assert_eq!(bracket_label_last("وقد وصل العدد إلى مئة (انظر)"), None);
        // Brackets, or two periods, are not read.
        assert_eq!(label_first_run_after_hyphen("٧ ( للبيئة المتحدة وأشار-UNEP. الفني الدعم قدم)"), None);
        assert_eq!(label_first_run_after_hyphen("٢ عام في وقد-٣٢٠٢. أيضاً."), None);
        // The same lines as written: the hyphen follows the number.
        let written = [
            "١- يتناول هذا التقرير التحديات التي تواجهها المدن في إدارة المياه.",
            "٥- ويعزى هذا الارتفاع إلى النمو السكاني وتوسع الأنشطة الصناعية.",
            "٦- وتفقد شبكات التوزيع القديمة كميات كبيرة من المياه بسبب التسرب.",
            "٩- ويوصي الفريق بتشجيع إعادة استخدام المياه المعالجة في الزراعة والصناعة.",
        ];
        assert!(!document_emits_words_after_their_labels(written.into_iter()));
        // A report whose numbered paragraphs start with a title of one word
        // and end their first line with a dash before a list, wrapped: its
        // lines end with their sentences as often as they start so.
        let titled = [
            "١ المياه. تعاني المنطقة من شح الموارد وأسبابه -",
            "قلة الأمطار وكثرة الاستهلاك.",
            "٢ الزراعة. تستهلك أكثر المياه ومنها -",
            "الري بالغمر والقنوات المكشوفة.",
            "٣ الصناعة. تلوث الأنهار ومصادرها -",
            "المصانع والمدابغ.",
        ];
        assert!(!document_emits_words_after_their_labels(titled.into_iter()));
        // (Its labelled lines alone would be judged so.)
        assert!(document_emits_words_after_their_labels(titled.into_iter().step_by(2)));
    }

    #[test]
    fn documents_are_judged_by_labels_last_after_a_sentence() {
        let turned = [
            "المياه. إدارة في المدن تواجهها التي التحديات التقرير هذا يتناول -١",
            "مقدمة أولاً-",
            ".٢٠٢٣ عام في اللجنة طلب على بناء الخبراء من فريق التقرير أعد وقد -٢",
            "رئيسية. مدينة ١٤ من الوزارة جمعتها بيانات إلى التقرير ويستند -٣",
        ];
        assert!(document_emits_words_from_the_left(turned.into_iter(), false));
        // One line is not enough; labels that do not count up are none.
        assert!(!document_emits_words_from_the_left(turned[..2].iter().copied(), false));
        let unordered = [turned[0], "رئيسية. مدينة من الوزارة -٥"];
        assert!(!document_emits_words_from_the_left(unordered.into_iter(), false));
        // A period alone before words in reading order (pdf.js): no word
        // ends a sentence there.
        let neutrals = [
            ". يتناول هذا التقرير التحديات -١",
            ". ويستند التقرير إلى بيانات -٣",
            ". ارتفع استهلاك المياه في المدن -٤",
            ". ويعزى هذا الارتفاع -٥",
        ];
        assert!(!document_emits_words_from_the_left(neutrals.into_iter(), false));
        // Runs in reverse order: few lines start with a sentence's end.
        let runs = [
            turned[0],
            turned[3],
            "الوطنية، في -٤",
            "عبر الوطنية المنظمة الجريمة -٥",
            "حدة لمكافحة المت الأمم -٦",
            "ية الدول الأطراف في -٧",
            "المعني بالاتجار العامل -٨",
        ];
        assert!(!document_emits_words_from_the_left(runs.into_iter(), false));
        // Text as written, wrapped: lines that start with a sentence's end
        // and end with negative numbers counting up, in a paragraph that
        // ends with its sentence.
        let wrapped = [
            "الماضي. وفي الليل انخفضت الحرارة إلى -١",
            "الأمس. وفي الفجر نزلت الحرارة إلى -٢",
            "الماضي. وفي الصباح بلغت الحرارة -٣",
            "وكتب المراسل أن الحرارة ارتفعت في النهار.",
            "وسجلت المحطة أرقاماً قياسية في الشتاء.",
            "ثم هبطت في المساء.",
        ];
        assert!(!document_emits_words_from_the_left(wrapped.into_iter(), false));
        // Text as written: negative numbers that end lines and count up.
        let written =
            ["وتراوحت درجات الحرارة بين ٣ و -١", "وانخفضت في الليل إلى -٢", "المياه. هذا ما قاله الخبير عن الحرارة -٣"];
        assert!(!document_emits_words_from_the_left(written.into_iter(), false));
        // The code of an unmapped glyph (U+FFFF) for the hyphen and the
        // period (`corpus/in-the-wild/pdf-xelatex-kacst-pdfbox.broken.txt`).
        let unmapped: Vec<String> = turned.iter().map(|l| l.replace(['-', '.'], "\u{FFFF}")).collect();
        assert!(document_emits_words_from_the_left(unmapped.iter().map(String::as_str), false));
        // Lines in reading order with the same code (pdf.js) are no sign:
        // before a number that may be a label it is no sentence's period.
        let in_order = [
            "\u{FFFF}١ يتناول هذا التقرير التحديات التي تواجهها المدن في إدارة المياه\u{FFFF}",
            "\u{FFFF}٢ وقد أعد التقرير فريق من الخبراء بناء على طلب اللجنة في عام \u{FFFF}٢٠٢٣",
            "\u{FFFF}٣ ويستند التقرير إلى بيانات جمعتها الوزارة من ١٤ مدينة رئيسية\u{FFFF}",
            "\u{FFFF}٤ ارتفع استهلاك المياه في المدن بنسبة ١٨ في المائة خلال عشر سنوات\u{FFFF}",
        ];
        assert!(!document_emits_words_from_the_left(in_order.into_iter(), false));
        assert!(ends_a_sentence("\u{FFFF}٢٠٣٠") && !ends_a_sentence("\u{FFFF}١"));
        assert!(ends_a_sentence("السعودية\u{FFFF}"));
    }
}
