//! Stage: paragraph labels whose neutral characters an extractor put
//! elsewhere in the line.
//!
//! A paragraph label (`١٤-`, `(أ)`, `أولاً-`) is a left-to-right or neutral
//! run at the start of a right-to-left line. PDFium (pypdfium2, Chrome)
//! and pdf.js, on the PDFs LibreOffice writes, keep the line's words in
//! reading order but put the label's hyphen, its brackets, a heading's
//! tanween and the sentence's period where the glyphs were drawn or where
//! a left-to-right reading of the line puts them:
//!
//! | extraction | reads |
//! |---|---|
//! | `-١ يتناول ... المياه.` | `١- يتناول ... المياه.` |
//! | `١ يتناول ... المياه - .`, `١يتناول ... المياه. -` | `١- يتناول ... المياه.` |
//! | `٢وقد زار الفريق -٣٥مدرسة ...` | `٢- وقد زار الفريق ٣٥ مدرسة ...` |
//! | `)أ( تحتاج ...`, `) (أ تحتاج ...`, `أ تحتاج ...؛) (`, `تحتاج ...؛ أ) (` | `(أ) تحتاج ...؛` |
//! | `أولا -ً مقدمة`, `ً أولا- مقدمة`, `ً مقدمة أولا-` | `أولاً- مقدمة` |
//! | `... للبيئة )UNEP )قدم ...`, `... للبيئة( -UNEPقدم ... الفني. )` | `... للبيئة (UNEP) قدم ... الفني.` |
//! | `... أيار مايو. / -`, `٣٥ / / مدرسة ... آذار مارس ونيسان أبريل .٢٠٢٢` | `... أيار/مايو.`, `٣٥ مدرسة ... آذار/مارس ونيسان/أبريل ٢٠٢٢.` |
//!
//! No text writes these shapes, but each one alone could be a writer's
//! whim (a negative number starting a line, `-٥ درجات`), so the damage is
//! judged once per document (`document_detaches_labels`): two lines at
//! least whose label `gather_label` puts together, and, if every one of
//! them is a number, two in a row that count up. Then every line's label
//! is put together. The stage runs before the reading order, which would
//! otherwise read a label's hyphen in mid-line as a label emitted as a run
//! of its own.

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::reading_order::{is_label_number, is_label_word};
use crate::script::{
    digit_len, is_arabic_letter, is_arabic_mark, is_digit, split_leading_digits, FATHATAN, UNMAPPED_GLYPH,
    UNMAPPED_GLYPH_UTF8,
};

/// Month names as UN Arabic pairs them (`أيار/مايو`): the last word of the
/// Levantine name (`تشرين الأول` is written `تشرين الأول/أكتوبر`), then the
/// Gregorian one.
const LEVANTINE_MONTHS: &[&str] = &["الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "الأول"];
const GREGORIAN_MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "إبريل",
    "مايو",
    "يونيه",
    "يونيو",
    "يوليه",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Lines whose label `gather_label` puts together needed before a document
/// is judged to have its labels' neutrals drawn apart.
const MIN_DETACHED_LABELS: usize = 2;

/// Whether the document's paragraph labels came out with their neutrals
/// drawn apart (see the module documentation).
///
/// Paragraph numbers count up: where every label gathered is a number,
/// two of them in a row must (a table of negative numbers, `-٥ درجات`,
/// `-٣ درجات`, is no list of labels).
pub(crate) fn document_detaches_labels<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut gathered, mut other_labels, mut numbers) = (0usize, 0usize, CountingUp::default());
    for line in lines {
        let Some(label) = may_hold_detached_label(line.as_bytes()).then(|| gather_label(line)).flatten() else {
            continue;
        };
        gathered += 1;
        let (digits, _) = split_leading_digits(label.trim_start());
        if digits.is_empty() {
            other_labels += 1;
            continue;
        }
        numbers.add(crate::number_order::value(digits, false));
    }
    gathered >= MIN_DETACHED_LABELS && (numbers.counts_up() || other_labels > 0)
}

/// Paragraph numbers in the order a document gives them: whether two in a
/// row count up by one (a list of labels does; a table of negative
/// numbers, `-٥ درجات`, `-٣ درجات`, need not). `level_runs` judges its
/// documents by it too.
#[derive(Debug, Default)]
pub(crate) struct CountingUp {
    previous: Option<u64>,
    seen: bool,
}

impl CountingUp {
    /// The next number.
    pub(crate) fn add(&mut self, number: u64) {
        self.seen |= self.previous.is_some_and(|p| number == p + 1);
        self.previous = Some(number);
    }

    /// Whether two numbers in a row counted up.
    pub(crate) fn counts_up(&self) -> bool {
        self.seen
    }
}

/// In a document whose labels' neutrals were drawn apart
/// (`ctx.labels_detached`), puts the line's label together again.
pub(crate) fn restore_label_marks<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.labels_detached {
        return Cow::Borrowed(line);
    }
    let Some(gathered) = gather_label(line) else {
        return Cow::Borrowed(line);
    };
    rewrite_whole(line, &gathered, FixKind::ReadingOrder, 0.95, edits)
}

/// The neutrals whose glyphs map to nothing (the code U+FFFF; XeTeX's, in
/// KacstBook, KacstOffice, Noto and Noto Kufi), written where their place
/// tells what they were: the hyphen or brackets of the label that starts a
/// line, as the stages before leave it (`١￿ يعرض ...`, `أولاً￿ مقدمة`,
/// `￿أ￿ نقص ...` → `١- `, `أولاً- `, `(أ) `), and the slash between the two
/// names of a month (`آذار￿مارس`). No text holds the code; elsewhere (a
/// sentence's period, which may be a colon) it is left.
pub(crate) fn restore_unmapped_neutrals<'a>(line: &'a str, _: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    // (Most lines hold no such code: their bytes tell at once.)
    if memchr::memmem::find(line.as_bytes(), UNMAPPED_GLYPH_UTF8).is_none() {
        return Cow::Borrowed(line);
    }
    let labelled = unmapped_label_written(line);
    let months = unmapped_month_slashes_written(labelled.as_deref().unwrap_or(line));
    let Some(written) = months.or(labelled) else {
        return Cow::Borrowed(line);
    };
    rewrite_whole(line, &written, FixKind::ReadingOrder, 0.95, edits)
}

/// The line with the code between the two names of a month pair written as
/// its slash (`آذار￿مارس` → `آذار/مارس`, `ونيسان￿أبريل`), if it has one.
fn unmapped_month_slashes_written(line: &str) -> Option<String> {
    let mut changed = false;
    let tokens: Vec<Cow<'_, str>> = line
        .split(' ')
        .map(|token| {
            let Some((levantine, gregorian)) = token.split_once(UNMAPPED_GLYPH) else {
                return Cow::Borrowed(token);
            };
            let month = levantine.strip_prefix('و').filter(|m| LEVANTINE_MONTHS.contains(m)).unwrap_or(levantine);
            let gregorian_word = gregorian.trim_end_matches(|c: char| is_end_punctuation(c) || c == UNMAPPED_GLYPH);
            if LEVANTINE_MONTHS.contains(&month) && GREGORIAN_MONTHS.contains(&gregorian_word) {
                changed = true;
                Cow::Owned(format!("{levantine}/{gregorian}"))
            } else {
                Cow::Borrowed(token)
            }
        })
        .collect();
    changed.then(|| tokens.join(" "))
}

/// The line with the hyphen or brackets of the label that starts it
/// written (see `restore_unmapped_neutrals`), if they are the code.
fn unmapped_label_written(line: &str) -> Option<String> {
    let body = line.trim_start_matches(' ');
    let indent = &line[..line.len() - body.len()];
    let (first, rest) = body.split_once(' ')?;
    if rest.trim_start_matches(' ').is_empty() {
        return None;
    }
    let head = first.strip_suffix(UNMAPPED_GLYPH)?;
    let label = if let Some(inner) = head.strip_prefix(UNMAPPED_GLYPH) {
        crate::reading_order::is_bracket_label(inner).then(|| format!("({inner})"))?
    } else {
        // (A label word keeps its tanween: `أولاً`.)
        let letters: String = head.chars().filter(|&c| !is_arabic_mark(c)).collect();
        (is_label_number(head) || is_label_word(&letters)).then(|| format!("{head}-"))?
    };
    Some(format!("{indent}{label} {rest}"))
}

/// A cheap test on a line's bytes that passes every line `gather_label`
/// changes (the fast path asks it of every line): one starting (after
/// spaces) with a label number and holding a hyphen after it (`١ نص - .`,
/// `٢نص -٣٥نص`), with a hyphen before a digit (`-١ نص`) or a short one with
/// a hyphen and a space (`- أولاً مقدمة`), with a closing bracket (`) (أ
/// نص`, `)أ( نص`) or a tanween (`ً أولا- مقدمة`); one ending with a hyphen
/// near its end (`نص. -`, `مقدمة أولا-`) or with brackets closed before they
/// open (`نص؛) (`, `نص؛ ()`); one with a hyphen before a tanween (`أولا -ً
/// مقدمة`). Clean text passes it where a line starts with a number and
/// holds a hyphenated word (`كوفيد-19`), or ends with a dash.
pub(crate) fn may_hold_detached_label(line: &[u8]) -> bool {
    has_label_signs_at_its_edges(line) || memchr::memchr_iter(b'-', line).any(|at| is_hyphen_before_tanween(line, at))
}

/// Whether the hyphen at `at` stands before a fathatan (`أولا -ً مقدمة`).
#[inline]
pub(crate) fn is_hyphen_before_tanween(line: &[u8], at: usize) -> bool {
    line[at + 1..].starts_with(&[0xD9, 0x8B])
}

/// `may_hold_detached_label` but for a hyphen before a tanween, which the
/// fast path's walk over the bytes looks for itself: the signs at a line's
/// start and end, told in a few bytes.
pub(crate) fn has_label_signs_at_its_edges(line: &[u8]) -> bool {
    let start = line.iter().position(|&b| b != b' ').unwrap_or(line.len());
    let body = &line[start..];
    let end = body.iter().rposition(|&b| !matches!(b, b' ' | b'\r')).map_or(0, |e| e + 1);
    let body = &body[..end];
    let digits = {
        let mut at = 0;
        while at < body.len() && digit_len(&body[at..]) > 0 {
            at += digit_len(&body[at..]);
        }
        at
    };
    let starts = match body {
        _ if digits > 0 => {
            // (A label as it belongs, `١٥-`, is no sign; a hyphen after it is.)
            let after = if body.get(digits) == Some(&b'-') { digits + 1 } else { digits };
            memchr::memchr(b'-', &body[after..]).is_some()
        }
        [b'-', b' ', ..] => body.len() < 100,
        [b'-', ..] => digit_len(&body[1..]) > 0,
        [b')', ..] | [0xD9, 0x8B, ..] => true,
        _ => false,
    };
    // (A hyphen before an ordinal that ends the line, `مقدمة-ثانياً`: five
    // letters and a tanween.)
    let tail = &body[body.len().saturating_sub(14)..];
    // Brackets turned: `()`, or a `(` after the first `)` (an empty pair
    // is a `(` right before a `)`, so a `(` at the first `)` or after it).
    let brackets_turned =
        || tail.iter().position(|&b| b == b')').is_some_and(|close| tail[close.saturating_sub(1)..].contains(&b'('));
    starts || tail.contains(&b'-') || brackets_turned()
}

/// The line with its paragraph label put together again, if it holds a
/// label whose neutrals were drawn apart (see the module documentation);
/// `None` if it holds none, or if what it holds is not clear.
pub(crate) fn gather_label(line: &str) -> Option<String> {
    if !crate::script::has_arabic_script(line) {
        return None;
    }
    let body = line.trim_end_matches([' ', '\r']);
    let tail = &line[body.len()..];
    let text = body.trim_start_matches(' ');
    let indent = &body[..body.len() - text.len()];
    let tokens: Vec<&str> = text.split(' ').filter(|t| !t.is_empty()).collect();
    let (gathered, indent) = match label_laid_out_left_to_right(&tokens) {
        // Laid out left to right, the space after the label went to the
        // line's start (` يتناول ... المياه.-١`).
        Some(gathered) => (gathered, if indent == " " { "" } else { indent }),
        None => (number_label(&tokens).or_else(|| letter_label(&tokens)).or_else(|| word_label(&tokens))?, indent),
    };
    let out = format!("{indent}{gathered}{tail}");
    // A line in visual order has its label reversed with it (`)ج( ...
    // ةبقاعم`, `-٦ ... ٣و ٢`): the reading order turns the whole line.
    (out != line && !crate::reading_order::evidence(line).visual).then_some(out)
}

/// An Arabic letter, or a presentation form of one (ReportLab's text is
/// the reshaper's forms; the later stage turns them into letters).
fn is_letter(c: char) -> bool {
    is_arabic_letter(c) || crate::script::presentation_form(c).is_some()
}

/// `. يتناول ... المياه-١` → `١- يتناول ... المياه.`; `مقدمة-أولا` →
/// `أولا- مقدمة`: the line's neutral runs laid out as if the paragraph ran
/// left to right, which PyMuPDF shows of the PDFs that Python libraries
/// draw (fpdf2's shaped lines, ReportLab's reshaped ones): the sentence's
/// period first, the label last with its hyphen before it, glued to the
/// last word; a heading's ordinal after its title, glued by the hyphen.
/// PyMuPDF and pypdf show another layout of the PDFs WeasyPrint draws:
/// the label glued after the sentence's own punctuation (`يتناول ...
/// المياه.-١`, `تحتاج ... عاجلة؛)أ(`).
fn label_laid_out_left_to_right(tokens: &[&str]) -> Option<String> {
    let last = *tokens.last()?;
    let middle = || tokens[..tokens.len() - 1].join(" ");
    let after_punctuation = |text: &str| {
        text.strip_suffix(is_end_punctuation).is_some_and(|w| w.ends_with(|c: char| is_letter(c) || is_digit(c)))
    };
    if let Some((text, letter)) = last.strip_suffix('(').and_then(|t| t.rsplit_once(')')) {
        let one_letter = letter.chars().count() == 1 && letter.chars().all(is_arabic_letter);
        if tokens.len() > 1 && one_letter && after_punctuation(text) && !middle().contains(['-', '(', ')']) {
            return Some(format!("({letter}) {} {text}", middle()));
        }
    }
    let (text, number) = last.rsplit_once('-')?;
    let ends_with_letter = text.chars().next_back().is_some_and(|c| is_letter(c) || is_arabic_mark(c));
    // (The sentence may end with a number: `. ... أبريل ٢٢٠٢-٢`.)
    let ends_with_word = ends_with_letter || crate::script::is_number(text);
    if tokens.first() == Some(&".") && tokens.len() > 2 && is_label_number(number) && ends_with_word {
        let middle = tokens[1..tokens.len() - 1].join(" ");
        if middle.contains(['-', '(', ')']) {
            return None;
        }
        return Some(format!("{number}- {middle} {text}."));
    }
    // (WeasyPrint's: the label after the sentence's own punctuation.)
    if tokens.len() > 1 && is_label_number(number) && after_punctuation(text) && !middle().contains(['-', '(', ')']) {
        return Some(format!("{number}- {} {text}", middle()));
    }
    // A heading: the ordinal (without its tanween, which ReportLab's
    // reshaper deletes) after its title.
    let ordinal = number.trim_end_matches(FATHATAN);
    let heading = tokens.len() <= 6
        && is_label_word(ordinal)
        && ordinal.ends_with('ا')
        && ends_with_letter
        && !text.contains('-')
        && tokens[..tokens.len() - 1].iter().all(|t| t.chars().all(is_letter));
    heading.then(|| {
        let title: Vec<&str> = tokens[..tokens.len() - 1].iter().copied().chain([text]).collect();
        format!("{number}- {}", title.join(" "))
    })
}

/// Whether a token holds only neutral characters a label or a sentence's
/// end leaves behind.
fn is_neutrals(token: &str) -> bool {
    token.chars().all(|c| matches!(c, '-' | '.' | '/' | '(' | ')' | '،' | '؛' | ':'))
}

/// Sentence punctuation that ends a line.
pub(crate) fn is_end_punctuation(c: char) -> bool {
    matches!(c, '.' | '،' | '؛' | ':')
}

/// A label number at the line's start whose hyphen went elsewhere: `-١
/// نص`, `١ نص - .`, `١نص. -`, `٢نص -٣٥نص`. The hyphen must be found
/// exactly once where no text puts it (alone, at a token's edge before a
/// number or a Latin run, at the end of the last word), and no other hyphen
/// in the line; the line's other neutrals are put back as `rebuild` reads
/// them.
fn number_label(tokens: &[&str]) -> Option<String> {
    let first = *tokens.first()?;
    let (number, mut rest, hyphen_seen): (&str, Vec<String>, bool) =
        if let Some(number) = first.strip_prefix('-').filter(|n| is_label_number(n)) {
            (number, tokens[1..].iter().map(|t| t.to_string()).collect(), true)
        } else {
            // (A word glued to the number has two letters at least: `٣و` is
            // the `و٣` of a reversed run.)
            let (number, word) = split_leading_digits(first);
            let word_letters =
                word.chars().take_while(|&c| is_arabic_letter(c) || is_arabic_mark(c)).filter(|&c| is_arabic_letter(c));
            if !is_label_number(number) || !(word.is_empty() || word_letters.count() >= 2) {
                return None;
            }
            let mut rest: Vec<String> = Vec::with_capacity(tokens.len());
            if !word.is_empty() {
                rest.push(word.to_string());
            }
            rest.extend(tokens[1..].iter().map(|t| t.to_string()));
            (number, rest, false)
        };
    if !rest.first().is_some_and(|t| t.starts_with(is_arabic_letter) || t.starts_with(FATHATAN)) {
        return None;
    }
    // (Any other hyphen makes the stray one unclear: `٣ نص -١٤ و-١٥.`.)
    let all_hyphens: usize = rest.iter().map(|t| t.matches('-').count()).sum();
    let mut hyphens = 0;
    let mut kept: Vec<String> = Vec::with_capacity(rest.len() + 1);
    let last = rest.len() - 1;
    // A hyphen alone stands with the neutrals that end the line (`المياه -
    // .`), or with an abbreviation's bracket (`للبيئة -( UNEP`, `للبيئة -
    // )UNEP`); in mid-line it is a dash (`١ يناير - ٣١ مارس`).
    let trailing_from = rest.iter().rposition(|t| !is_neutrals(t)).map_or(0, |i| i + 1);
    let with_bracket: Vec<bool> = (0..rest.len())
        .map(|i| rest[i].contains(['(', ')']) || rest.get(i + 1).is_some_and(|n| n.starts_with(['(', ')'])))
        .collect();
    for (i, token) in rest.drain(..).enumerate() {
        if token.contains('-') && is_neutrals(&token) {
            if i < trailing_from && !with_bracket[i] {
                return None;
            }
            hyphens += token.matches('-').count();
            let other: String = token.chars().filter(|&c| c != '-').collect();
            if !other.is_empty() {
                kept.push(other);
            }
        } else if let Some(after) =
            token.strip_prefix('-').filter(|a| a.starts_with(|c: char| is_digit(c) || c.is_ascii_alphabetic()))
        {
            // `... يومي   -٦`: a label last and alone is a paragraph label
            // that a reversed run put at the end, the number first the
            // line's own (`٣ و ٢ ...`); the reading order reads it.
            if i == last && crate::script::is_number(after) {
                return None;
            }
            hyphens += 1;
            kept.push(after.to_string());
        } else if let Some(word) =
            (i == last).then(|| token.trim_end_matches(is_end_punctuation)).and_then(|w| w.strip_suffix('-'))
        {
            // `المياه-.`: the hyphen glued after the line's last word.
            hyphens += 1;
            kept.push(format!("{word}{}", &token[word.len() + 1..]));
        } else {
            kept.push(token);
        }
    }
    if hyphens != usize::from(!hyphen_seen) || all_hyphens != hyphens {
        return None;
    }
    let text = rebuild(kept)?;
    Some(format!("{number}- {text}"))
}

/// A letter label whose brackets went elsewhere: `)أ( نص`, `) (أ نص`, `أ
/// نص؛) (`, `ج نص ) ( .`, `نص؛ أ) (`. The line holds one opening and one
/// closing bracket with nothing between them but spaces, punctuation and
/// the label's letter, and a word of one letter first or last.
fn letter_label(tokens: &[&str]) -> Option<String> {
    let text = tokens.join(" ");
    if text.matches('(').count() != 1 || text.matches(')').count() != 1 {
        return None;
    }
    let (open, close) = (text.find('(')?, text.find(')')?);
    // Brackets round the letter as a label has them are a label in its
    // place, or one a reversed run moved (the reading order's); an empty
    // pair (`()`, pypdf) is not.
    let (from, to) = (open.min(close), open.max(close));
    let between = &text[from + 1..to];
    if open < close && between.contains(is_arabic_letter) {
        return None;
    }
    let letters = between.chars().filter(|&c| is_arabic_letter(c)).count();
    if letters > 1 || between.chars().any(|c| !(is_arabic_letter(c) || c == ' ' || is_end_punctuation(c))) {
        return None;
    }
    let without: Vec<String> = text
        .split(' ')
        .map(|t| t.chars().filter(|&c| c != '(' && c != ')').collect::<String>())
        .filter(|t| !t.is_empty())
        .collect();
    let is_letter_word = |t: &str| {
        let core = t.trim_end_matches(is_end_punctuation);
        core.chars().count() == 1 && core.chars().all(is_arabic_letter)
    };
    // First, or last before both brackets (`نص؛ أ) (`; a label last in its
    // brackets, `نص )ج(`, is a line in visual order). (Another word of one
    // letter may follow: pdf.js writes Noto's `لا` as `ل ا`.)
    let last_before_brackets = text.rfind(|c: char| is_arabic_letter(c)).is_some_and(|l| l < from);
    let at = if is_letter_word(without.first()?) {
        0
    } else if last_before_brackets && without.last().is_some_and(|t| is_letter_word(t)) {
        without.len() - 1
    } else {
        return None;
    };
    let mut rest = without.clone();
    let letter_token = rest.remove(at);
    let letter = letter_token.trim_end_matches(is_end_punctuation);
    // Punctuation glued to the letter (`ج.`) is the sentence's.
    if let Some(last) = rest.last_mut() {
        let punctuation = &letter_token[letter.len()..];
        if !punctuation.is_empty() && !last.ends_with(is_end_punctuation) {
            last.push_str(punctuation);
        }
    }
    let text = rebuild(rest)?;
    Some(format!("({letter}) {text}"))
}

/// A heading's ordinal label whose hyphen and tanween went elsewhere:
/// `أولا -ً مقدمة`, `ثانيا-ً التحديات`, `ً أولا- مقدمة`, `ً مقدمة أولا-`,
/// `أولا ً مقدمة-`, `- أولاً مقدمة`. A short line with the ordinal once,
/// one hyphen and one tanween, neither of them between two letters
/// (`ألف-باء`) nor the tanween on another word (`مقدمةً`).
fn word_label(tokens: &[&str]) -> Option<String> {
    if tokens.len() > 6 {
        return None;
    }
    let text = tokens.join(" ");
    if text.matches('-').count() != 1 || text.matches(FATHATAN).count() != 1 {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    // Not between two letters (a hyphenated word), and a tanween not after
    // a letter (on its word).
    let loose = |c: char| {
        let at = chars.iter().position(|&x| x == c).unwrap_or(0);
        let after_letter = at > 0 && is_arabic_letter(chars[at - 1]);
        let before_letter = chars.get(at + 1).is_some_and(|&n| is_arabic_letter(n));
        !(after_letter && (before_letter || c == FATHATAN))
    };
    // (The tanween may also sit where it belongs, on the ordinal, with the
    // hyphen alone first or last: `- أولاً مقدمة`, `أولاً مقدمة -`. A label
    // whole after its title, `مقدمة أولاً-`, is a run out of order: the
    // reading order's.)
    let on_ordinal = (tokens[0] == "-" || tokens[tokens.len() - 1] == "-")
        && tokens.iter().any(|t| t.strip_suffix(FATHATAN).is_some_and(|w| is_label_word(w) && w.ends_with('ا')));
    if !loose('-') || !(loose(FATHATAN) || on_ordinal) || chars.iter().any(|&c| is_arabic_mark(c) && c != FATHATAN) {
        return None;
    }
    let bare: Vec<String> = text
        .split(' ')
        .map(|t| t.chars().filter(|&c| c != '-' && c != FATHATAN).collect::<String>())
        .filter(|t| !t.is_empty())
        .collect();
    let ordinal = |t: &str| is_label_word(t) && t.ends_with('ا');
    if bare.iter().filter(|t| ordinal(t)).count() != 1 {
        return None;
    }
    let at = bare.iter().position(|t| ordinal(t))?;
    let title: Vec<&str> = bare.iter().enumerate().filter(|&(i, _)| i != at).map(|(_, t)| t.as_str()).collect();
    if title.is_empty() || title.iter().any(|t| !t.chars().all(is_arabic_letter)) {
        return None;
    }
    Some(format!("{}{FATHATAN}- {}", bare[at], title.join(" ")))
}

/// The text of a line whose label was taken off, with its other neutrals
/// put back: a tanween that fell before its word (`ً وأخيرا،`) or after its
/// comma (`وأخيرا،ً`) goes back on it; an abbreviation's brackets drawn
/// around its Latin run (`للبيئة )UNEP )قدم`) go round it; the slashes of
/// month pairs gathered elsewhere (`/ /`) go back between the months; the
/// sentence's period before the number that ends the line (`.٢٠٢٣`) or
/// apart from its last word (`المياه .`) goes to the end. `None` if a
/// neutral is left over that none of these explains.
fn rebuild(mut tokens: Vec<String>) -> Option<String> {
    tanween_back_on_its_word(&mut tokens);
    abbreviation_brackets(&mut tokens)?;
    month_slashes(&mut tokens)?;
    // The sentence's end: neutral tokens left at the end, a period that
    // starts the last token.
    let mut end = String::new();
    while let Some(last) = tokens.last() {
        if !is_neutrals(last) {
            break;
        }
        if last.contains(|c: char| !is_end_punctuation(c)) {
            return None;
        }
        end = format!("{last}{end}");
        tokens.pop();
    }
    if let Some(last) = tokens.last_mut() {
        if let Some(number) = last.strip_prefix('.').filter(|n| n.starts_with(is_digit)) {
            *last = number.to_string();
            end.insert(0, '.');
        }
    }
    // A number glued before a word (`٣٥مدرسة`, from `-٣٥مدرسة`) lost the
    // space after it with its hyphen.
    let mut spaced = Vec::with_capacity(tokens.len());
    for token in tokens {
        let (digits, word) = split_leading_digits(&token);
        if !digits.is_empty() && word.chars().nth(1).is_some_and(is_arabic_letter) {
            spaced.push(digits.to_string());
            spaced.push(word.to_string());
        } else {
            spaced.push(token);
        }
    }
    if spaced.is_empty() || spaced.iter().any(|t| t.contains('(') != t.contains(')')) {
        return None;
    }
    // One end mark: the period the line already ends with is the one the
    // neutrals held.
    let mut text = spaced.join(" ");
    let end: String = end.chars().filter(|&c| !text.ends_with(c)).take(1).collect();
    text.push_str(&end);
    Some(text)
}

/// `ً وأخيرا،` → `وأخيراً،`; `وأخيرا،ً` → `وأخيراً،`: a tanween alone before
/// a word that ends with alef, or after the punctuation that ends its word,
/// goes back on it.
fn tanween_back_on_its_word(tokens: &mut Vec<String>) {
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if token.chars().all(|c| c == FATHATAN) && token.chars().count() == 1 {
            let next = tokens.get(i + 1).map(|t| t.trim_end_matches(is_end_punctuation).to_string());
            if let Some(word) = next.filter(|w| w.ends_with('ا')) {
                let punctuation = tokens[i + 1][word.len()..].to_string();
                tokens[i + 1] = format!("{word}{FATHATAN}{punctuation}");
                tokens.remove(i);
                continue;
            }
        }
        if let Some(before) = token.strip_suffix(FATHATAN) {
            let word = before.trim_end_matches(is_end_punctuation);
            if word.len() < before.len() && word.ends_with('ا') {
                tokens[i] = format!("{word}{FATHATAN}{}", &before[word.len()..]);
            }
        }
        i += 1;
    }
}

/// An abbreviation whose brackets were drawn around its Latin run (`)UNEP
/// )قدم`, `للبيئة( -UNEPقدم ... )`, `- )UNEP قدم ... ( .`): with one
/// opening and one closing bracket in the line (or two of one kind, one
/// of them mirrored), not around a word, and one
/// Latin word of capitals, the brackets go round that word (and the word
/// apart from an Arabic word glued to it). `None` if the brackets are
/// neither round a word nor round such an abbreviation.
fn abbreviation_brackets(tokens: &mut Vec<String>) -> Option<()> {
    let brackets: usize = tokens.iter().map(|t| t.matches(['(', ')']).count()).sum();
    if brackets == 0 {
        return Some(());
    }
    if brackets != 2 {
        return None;
    }
    if tokens.iter().any(|t| t.starts_with('(') && t.trim_end_matches(is_end_punctuation).ends_with(')')) {
        return Some(()); // round a word already
    }
    let latin_start =
        |t: &str| t.trim_matches(|c| matches!(c, '(' | ')')).starts_with(|c: char| c.is_ascii_uppercase());
    if tokens.iter().filter(|t| latin_start(t)).count() != 1 {
        return None;
    }
    let mut out = Vec::with_capacity(tokens.len() + 1);
    // The sentence's period drawn inside the brackets (`UNEP.`) ends the
    // line.
    let mut period = false;
    for token in tokens.drain(..) {
        let bare: String = token.chars().filter(|&c| c != '(' && c != ')').collect();
        if bare.is_empty() {
            continue;
        }
        if latin_start(&bare) {
            let latin_end = bare.find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit())).unwrap_or(bare.len());
            let (abbreviation, rest) = bare.split_at(latin_end);
            let rest = match rest.strip_prefix('.') {
                Some(after) => {
                    period = true;
                    after
                }
                None => rest,
            };
            out.push(format!("({abbreviation})"));
            if !rest.is_empty() {
                if !rest.starts_with(is_arabic_letter) {
                    return None;
                }
                out.push(rest.to_string());
            }
        } else {
            out.push(bare);
        }
    }
    if period {
        out.push(".".to_string());
    }
    *tokens = out;
    Some(())
}

/// The line with the slashes of its month pairs put back (see
/// `month_slashes`), if it has stray ones.
pub(crate) fn month_slashes_of_line(line: &str) -> Option<String> {
    let body = line.trim_end_matches([' ', '\r']);
    let text = body.trim_start_matches(' ');
    let mut tokens: Vec<String> = text.split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect();
    let before = tokens.clone();
    month_slashes(&mut tokens)?;
    (tokens != before)
        .then(|| format!("{}{}{}", &body[..body.len() - text.len()], tokens.join(" "), &line[body.len()..]))
}

/// The month pairs of a line (`آذار مارس`, `أيارمايو`): the token where
/// each starts, and where its slash goes (after which token, or inside a
/// glued token at which byte).
fn month_pairs(tokens: &[String]) -> Vec<(usize, Option<usize>)> {
    fn levantine(t: &str) -> Option<(&str, usize)> {
        let t = t.strip_prefix('و').filter(|w| LEVANTINE_MONTHS.iter().any(|m| w.starts_with(m))).unwrap_or(t);
        LEVANTINE_MONTHS.iter().find(|m| t.starts_with(**m)).map(|m| (t, m.len()))
    }
    let gregorian = |t: &str| GREGORIAN_MONTHS.contains(&t.trim_matches(|c: char| is_end_punctuation(c) || c == '/'));
    let mut pairs = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Some((word, len)) = levantine(token.trim_matches('/')) else { continue };
        let prefix = token.trim_matches('/').len() - word.len();
        if word.len() == len {
            if tokens.get(i + 1).is_some_and(|next| gregorian(next)) {
                pairs.push((i, None));
            }
        } else if gregorian(&word[len..]) {
            pairs.push((i, Some(prefix + len)));
        }
    }
    pairs
}

/// The slashes of month pairs put back: stray slashes (tokens of neutrals,
/// a slash at a token's edge) as many as the pairs that lack one. `None`
/// if there are stray slashes and not as many pairs.
fn month_slashes(tokens: &mut Vec<String>) -> Option<()> {
    let stray = |t: &str| {
        if is_neutrals(t) {
            t.matches('/').count()
        } else {
            usize::from(t.starts_with('/')) + usize::from(t.ends_with('/'))
        }
    };
    let slashes: usize = tokens.iter().map(|t| stray(t)).sum();
    if slashes == 0 {
        return Some(());
    }
    let pairs = month_pairs(tokens);
    if pairs.len() != slashes {
        return None;
    }
    for t in tokens.iter_mut() {
        if is_neutrals(t) {
            *t = t.chars().filter(|&c| c != '/').collect();
        } else {
            *t = t.trim_matches('/').to_string();
        }
    }
    // Inside glued pairs first, then spaced pairs joined (back to front, so
    // indices hold).
    for &(i, inside) in pairs.iter().rev() {
        match inside {
            Some(at) => tokens[i].insert(at, '/'),
            None => {
                let second = tokens.remove(i + 1);
                tokens[i] = format!("{}/{second}", tokens[i]);
            }
        }
    }
    tokens.retain(|t| !t.is_empty());
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_whose_marks_map_to_nothing_are_written() {
        // pdf-schools-xelatex-kacst-pdfbox.broken.txt, lines 2, 3 and 8, as
        // the word order leaves them.
        assert_eq!(unmapped_label_written("أولاً\u{FFFF} مقدمة").as_deref(), Some("أولاً- مقدمة"));
        assert_eq!(
            unmapped_label_written("١\u{FFFF} يعرض هذا التقرير حالة المدارس في القرى النائية\u{FFFF}").as_deref(),
            Some("١- يعرض هذا التقرير حالة المدارس في القرى النائية\u{FFFF}")
        );
        assert_eq!(
            unmapped_label_written("\u{FFFF}أ\u{FFFF} نقص وسائل النقل العامة؛").as_deref(),
            Some("(أ) نقص وسائل النقل العامة؛")
        );
        assert_eq!(
            unmapped_month_slashes_written(
                "٢- وقد زار الفريق خلال شهري آذار\u{FFFF}مارس ونيسان\u{FFFF}أبريل ٢٠٢٢\u{FFFF}"
            )
            .as_deref(),
            Some("٢- وقد زار الفريق خلال شهري آذار/مارس ونيسان/أبريل ٢٠٢٢\u{FFFF}")
        );
        assert_eq!(unmapped_month_slashes_written("كانون الثاني\u{FFFF}قرار"), None);
        // Elsewhere the code is left: a word, a date, a label alone.
        for line in [
            "الريفية\u{FFFF} وقد أطلق البنك الدولي",
            "١٥\u{FFFF}٠٣\u{FFFF}٢٠٢٤ صدر الإصدار",
            "١\u{FFFF}",
            "١- يعرض هذا التقرير",
        ] {
            assert_eq!(unmapped_label_written(line), None, "{line}");
        }
    }

    #[test]
    fn labels_put_together() {
        for (broken, right) in [
            // PDFium
            ("-١ يتناول هذا التقرير التحديات.", "١- يتناول هذا التقرير التحديات."),
            ("١ يتناول هذا التقرير التحديات - .", "١- يتناول هذا التقرير التحديات."),
            ("-٢ وقد أعد التقرير في عام .٢٠٢٣", "٢- وقد أعد التقرير في عام ٢٠٢٣."),
            (
                "-٧ قدم برنامج الأمم المتحدة للبيئة )UNEP )الدعم الفني.",
                "٧- قدم برنامج الأمم المتحدة للبيئة (UNEP) الدعم الفني.",
            ),
            ("٧ قدم برنامج للبيئة - )UNEP الدعم الفني ( .", "٧- قدم برنامج للبيئة (UNEP) الدعم الفني."),
            ("٧ قدم برنامج للبيئة -( UNEP. الدعم الفني)", "٧- قدم برنامج للبيئة (UNEP) الدعم الفني."),
            (
                "-٢ وقد زار الفريق ٣٥ / / مدرسة في آذار مارس ونيسان أبريل .٢٠٢٢",
                "٢- وقد زار الفريق ٣٥ مدرسة في آذار/مارس ونيسان/أبريل ٢٠٢٢.",
            ),
            ("١٢ ً وأخيرا، يدعو الفريق - .", "١٢- وأخيراً، يدعو الفريق."),
            ("-١٢ وأخيرا،ً يدعو الفريق.", "١٢- وأخيراً، يدعو الفريق."),
            (")أ( تحتاج الأنابيب إلى صيانة؛", "(أ) تحتاج الأنابيب إلى صيانة؛"),
            (") (أ تحتاج الأنابيب إلى صيانة؛", "(أ) تحتاج الأنابيب إلى صيانة؛"),
            ("ج تتأخر الاستثمارات ) ( .", "(ج) تتأخر الاستثمارات."),
            ("أولا -ً مقدمة", "أولاً- مقدمة"),
            ("ثانيا-ً النتائج الرئيسية", "ثانياً- النتائج الرئيسية"),
            ("ً أولا- مقدمة", "أولاً- مقدمة"),
            ("- أولاً مقدمة", "أولاً- مقدمة"),
            // pdf.js
            ("١يتناول هذا التقرير التحديات. -", "١- يتناول هذا التقرير التحديات."),
            (
                "٢وقد زار الفريق -٣٥مدرسة في آذار مارس ونيسان أبريل/ /٢٠٢٢.",
                "٢- وقد زار الفريق ٣٥ مدرسة في آذار/مارس ونيسان/أبريل ٢٠٢٢.",
            ),
            ("١٤وستعرض اللجنة التقرير في شهر أيار مايو./ -", "١٤- وستعرض اللجنة التقرير في شهر أيار/مايو."),
            (
                "٧وأشار الخبراء إلى برنامج للبيئة( -UNEPقدم الدعم. )",
                "٧- وأشار الخبراء إلى برنامج للبيئة (UNEP) قدم الدعم.",
            ),
            ("أ تحتاج الأنابيب إلى صيانة؛) (", "(أ) تحتاج الأنابيب إلى صيانة؛"),
            ("تحتاج الأنابيب إلى صيانة؛ أ) (", "(أ) تحتاج الأنابيب إلى صيانة؛"),
            ("تتأخر الاستثمارات ج. ) (", "(ج) تتأخر الاستثمارات."),
            ("ً مقدمة أولا-", "أولاً- مقدمة"),
            // pypdf, PyMuPDF
            ("٥ ويعزى هذا الارتفاع إلى النمو-.", "٥- ويعزى هذا الارتفاع إلى النمو."),
            ("أولا ً مقدمة-", "أولاً- مقدمة"),
            // PyMuPDF on fpdf2's and ReportLab's PDFs
            (". يتناول هذا التقرير التحديات-١", "١- يتناول هذا التقرير التحديات."),
            (". وقد زار الفريق المدارس في عام ٢٠٢٢-٢", "٢- وقد زار الفريق المدارس في عام ٢٠٢٢."),
            // (laid out left to right, the label's space went first)
            (" مقدمة-أولا", "أولا- مقدمة"),
            ("أ تحتاج الأنابيب إلى صيانة؛ ()", "(أ) تحتاج الأنابيب إلى صيانة؛"),
            ("أولاً مقدمة -", "أولاً- مقدمة"),
            (" مقدمة ًأولا-", " أولاً- مقدمة"),
            ("١٤ وستعرض اللجنة نتائج التقرير في شهر أيارمايو -/.", "١٤- وستعرض اللجنة نتائج التقرير في شهر أيار/مايو."),
            // PyMuPDF and pypdf on WeasyPrint's PDFs
            (" يتناول هذا التقرير التحديات.-١", "١- يتناول هذا التقرير التحديات."),
            (" وقد أعد التقرير في عام ٣٢٠٢.-٢", "٢- وقد أعد التقرير في عام ٣٢٠٢."),
            (" تحتاج الأنابيب إلى صيانة عاجلة؛)أ(", "(أ) تحتاج الأنابيب إلى صيانة عاجلة؛"),
        ] {
            assert_eq!(gather_label(broken).as_deref(), Some(right), "{broken}");
            assert!(may_hold_detached_label(broken.as_bytes()), "{broken}");
            // Put together, a label stays.
            assert_eq!(gather_label(right), None, "{right}");
        }
    }

    #[test]
    fn text_that_only_looks_like_it_stays() {
        for line in [
            "١٥- يتناول هذا التقرير التحديات.",
            "(أ) تحتاج الأنابيب إلى صيانة؛",
            "أولاً- مقدمة",
            // A hyphen inside a word, or two stray ones.
            "١٩ جائحة كوفيد-19 وقد انتشرت.",
            "٣ نص - نص -",
            "٣ نص -١٤ و-١٥.",
            // A dash between dates.
            "١ يناير - ٣١ مارس",
            // Brackets round a word.
            "أ قال (نعم) ثم مضى",
            "ب يعمل برنامج (UNEP) في البلد",
            // A tanween on a word, the ordinal without its hyphen.
            "أولا - تقدم الطلاب تقدماً",
            "أولاً مقدمة",
            "ألف-باء اللغة",
            // No label.
            "تحتاج الأنابيب إلى صيانة.",
            "- قائمة بنود",
            // A range of years after a period, a letter in brackets as
            // they belong.
            "في الفترة ٢٠٢٠.-٢٠٢٣",
            "انظر الجدول (أ)",
            "انظر الجدول؛(أ)",
        ] {
            assert_eq!(gather_label(line), None, "{line}");
        }
    }

    #[test]
    fn one_line_does_not_make_a_document() {
        let one = ["-١ يتناول التقرير التحديات.", "نص آخر."];
        assert!(!document_detaches_labels(one.into_iter()));
        let two = ["-١ يتناول التقرير التحديات.", "-٢ وقد أعد التقرير فريق."];
        assert!(document_detaches_labels(two.into_iter()));
        // Numbers that do not count up are no labels.
        let temperatures = ["-٥ درجات في يناير", "-٣ درجات في فبراير"];
        assert!(!document_detaches_labels(temperatures.into_iter()));
        let headings = ["أولا -ً مقدمة", "ثانيا -ً النتائج"];
        assert!(document_detaches_labels(headings.into_iter()));
    }
}
