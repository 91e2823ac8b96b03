//! Stage: remove bidi controls and stray zero-width characters.
//!
//! Some extractors wrap every line and every number in embeddings, marks or
//! isolates (U+202A..U+202E, U+200E, U+200F, U+061C, U+2066..U+2069); in
//! plain text they only get in the way of search and comparison. Zero width
//! space, word joiner and a byte order mark inside the text are removed too.
//! ZWNJ and ZWJ are spelling in Persian and Urdu, so they are removed only
//! from paragraphs that are Arabic, and only beside an Arabic letter or
//! mark (between emoji, ZWJ joins them into one: `👨‍👩‍👧`). A NUL between
//! two Arabic letters is a glyph mapped to nothing (pypdf on Chromium's
//! Amiri PDFs: `الخ\0براء`, the piece of a ligature): it goes too, as do
//! two in a row, one after a word before a space, and one set apart by
//! spaces between two words, with one of them (a shadda's glyph drawn on
//! its own, `ﻣ \0 ﻞُﻛ`). Other control codes stand for glyphs too:
//! LibreOffice's KacstBook PDFs write the fatha as `\x05`, fpdf2's Amiri
//! PDFs a shadda's part as `\x06`; a code that the document shows beside
//! a mark is a mark's glyph (`mark_glyph_controls`, judged once per
//! document) and goes where a NUL would. A line holding a control is not read for its order, so such
//! lines stayed as they came.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::language::Language;
use crate::pipeline::LineContext;
use crate::script::{ends_an_arabic_word, is_arabic_letter, is_arabic_mark, is_bidi_control, is_zero_width};

/// Whether a character is a control code that a PDF maps a glyph to (NUL,
/// and the others of C0 but for tab, the line breaks, vertical tab and
/// form feed, which are layout).
fn is_glyph_control(c: char) -> bool {
    c.is_ascii() && is_glyph_control_byte(c as u8)
}

/// The control codes (other than NUL) that a document's PDF mapped the
/// glyphs of marks to, a bit per code: those that stand beside a mark
/// somewhere in it (KacstBook's fatha, `ي\x05ْج`, though pdf.js and pypdf
/// write it between two letters more often, `ب\x05ين`; Amiri's shadda,
/// `لن\x06َّ`). A code never beside a mark is a letter's glyph
/// (`ا\x1fرتفاع`, wkhtmltopdf's lam-alef): it stays.
pub(crate) fn mark_glyph_controls<'l>(lines: impl Iterator<Item = &'l str>) -> u32 {
    let mut beside_marks = 0u32;
    // (The smallest byte tells whether a line may hold one at all.)
    let may_hold_one =
        |l: &str| l.bytes().min().is_some_and(|b| b < 0x20) && l.bytes().any(|b| b != 0 && is_glyph_control_byte(b));
    for line in lines.filter(|l| may_hold_one(l)) {
        for (i, c) in line.char_indices().filter(|&(_, c)| c != '\0' && is_glyph_control(c)) {
            let (before, after) = (line[..i].chars().next_back(), line[i + 1..].chars().next());
            if before.is_some_and(is_arabic_mark) || after.is_some_and(is_arabic_mark) {
                beside_marks |= 1 << (c as u32);
            }
        }
    }
    beside_marks
}

/// As `is_glyph_control`, on a byte.
pub(crate) fn is_glyph_control_byte(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t'..=b'\r')
}

/// Whether a text starts with an Arabic letter or mark.
fn starts_with_letter_or_mark(s: &str) -> bool {
    s.chars().next().is_some_and(|c| is_arabic_letter(c) || is_arabic_mark(c))
}

/// Removes invisible controls from one line.
pub(crate) fn remove_invisible_controls<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    // Every character handled here is encoded with lead byte 0xE2, but for
    // U+FEFF (EF BB BF; other 0xEF-led characters are the presentation
    // forms, in every word of a text with code-point damage) and ALM
    // (U+061C, D8 9C).
    // (The searchers are built once: `memmem::find` builds one per call,
    // which costs more than searching a line.)
    static BYTE_ORDER_MARK: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("\u{FEFF}"));
    static ARABIC_LETTER_MARK: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("\u{061C}"));
    let bytes = line.as_bytes();
    // (The smallest byte tells whether a control may be there at all: a
    // scan without a branch per byte.)
    let may_hold_control =
        bytes.iter().copied().min().is_some_and(|b| b < 0x20) && bytes.iter().any(|&b| is_glyph_control_byte(b));
    if memchr::memchr(0xE2, bytes).is_none()
        && !may_hold_control
        && BYTE_ORDER_MARK.find(bytes).is_none()
        && ARABIC_LETTER_MARK.find(bytes).is_none()
    {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    // Depth of right-to-left embeddings around the current character, and
    // the end of a left-to-right embedding already rewritten as a whole.
    let mut rtl_depth = 0usize;
    let mut skip_to = 0usize;
    for (i, c) in line.char_indices() {
        if i < skip_to {
            continue;
        }
        match c {
            '\u{202B}' | '\u{202E}' | '\u{2067}' => rtl_depth += 1,
            '\u{202C}' | '\u{2069}' => rtl_depth = rtl_depth.saturating_sub(1),
            '\u{202A}' | '\u{2066}' if rtl_depth > 0 => {
                let in_order = if ctx.ltr_embeddings_reversed {
                    ltr_embedding_turned(line, i)
                } else {
                    ltr_embedding_in_logical_order(line, i)
                };
                if let Some((end, logical)) = in_order {
                    // A label's hyphen alone in the embedding, after its
                    // word and a space (`أولاً LRE " -" PDF مقدمة`, Noto
                    // Kufi): the hyphen is glued to the word.
                    let after_word = line[..i].strip_suffix(' ').is_some_and(ends_an_arabic_word);
                    let from = if logical.trim_end() == "-" && after_word { i - 1 } else { i };
                    out.replace(from..end, &logical, FixKind::ReadingOrder, 0.95);
                    skip_to = end;
                    continue;
                }
            }
            _ => {}
        }
        let remove = if is_bidi_control(c) {
            true
        } else if is_glyph_control(c) && (c == '\0' || ctx.mark_glyph_controls & (1 << (c as u32)) != 0) {
            let (before, after) =
                (line[..i].trim_end_matches(is_glyph_control), line[i + 1..].trim_start_matches(is_glyph_control));
            let between_words = |b: &str, a: &str| ends_an_arabic_word(b) && starts_with_letter_or_mark(a);
            if between_words(before, after) || (ends_an_arabic_word(before) && after.starts_with(' ')) {
                true
            } else if let (Some(b), Some(a)) = (before.strip_suffix(' '), after.strip_prefix(' ')) {
                // Set apart by spaces between two words (`ﻣ \0 ﻞُﻛ`): the
                // glyph goes with one of them.
                // (The last of a run takes the space after it.)
                if between_words(b, a) && !line[i + 1..].starts_with(is_glyph_control) {
                    out.delete(i..i + 2, FixKind::InvisibleControl, 1.0);
                    continue;
                }
                between_words(b, a)
            } else {
                false
            }
        } else if is_zero_width(c) {
            match c {
                // (Beside an Arabic letter or mark: between emoji, ZWJ makes
                // one of them, `👨‍👩‍👧`.)
                '\u{200C}' | '\u{200D}' => {
                    ctx.language() == Language::Arabic
                        && (ends_an_arabic_word(&line[..i]) || starts_with_letter_or_mark(&line[i + c.len_utf8()..]))
                }
                _ => true,
            }
        } else {
            false
        };
        if remove {
            out.delete(i..i + c.len_utf8(), FixKind::InvisibleControl, 1.0);
        }
    }
    out.finish()
}

/// The content of the left-to-right embedding (LRE or LRI) that starts at
/// `start`, and the end of its PDF or PDI: `None` if nested.
fn ltr_embedding_at(line: &str, start: usize) -> Option<(usize, &str)> {
    let opener = line[start..].chars().next()?;
    let content_start = start + opener.len_utf8();
    let closer = if opener == '\u{2066}' { '\u{2069}' } else { '\u{202C}' };
    let content_len = line[content_start..].find(|c: char| is_bidi_control(c))?;
    let content = &line[content_start..content_start + content_len];
    line[content_start + content_len..]
        .starts_with(closer)
        .then_some((content_start + content_len + closer.len_utf8(), content))
}

/// Whether a document's left-to-right embeddings hold their runs turned
/// character by character (pdftotext on LuaLaTeX's PDFs: `LRE " 01
/// swodniW" PDF`, `LRE " %5.49" PDF`, `LRE ")gninraeL enihcaM" PDF`, for
/// `Windows 10`, `94.5%`, `Machine Learning)`): two shapes of a turned run
/// at least in them (`turned_runs::ltr_run_shapes`), and none of one as
/// written.
pub(crate) fn document_reverses_ltr_embeddings<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut turned, mut as_written) = (0, 0);
    // (Both are encoded with lead byte 0xE2, which most lines lack.)
    for line in lines.filter(|l| memchr::memchr(0xE2, l.as_bytes()).is_some() && l.contains(['\u{202A}', '\u{2066}'])) {
        for (start, _) in line.match_indices(['\u{202A}', '\u{2066}']) {
            if let Some((_, content)) = ltr_embedding_at(line, start) {
                let (t, w) = crate::turned_runs::ltr_run_shapes(content);
                turned += t;
                as_written += w;
            }
        }
    }
    turned >= crate::turned_runs::MIN_TURNED_SHAPES && as_written == 0
}

/// A left-to-right embedding whose run came out turned (in a document that
/// shows it, `ctx.ltr_embeddings_reversed`): its end, and its content read
/// backwards (`LRE " .4321-008" PDF` is `800-1234. `).
fn ltr_embedding_turned(line: &str, start: usize) -> Option<(usize, String)> {
    let (end, content) = ltr_embedding_at(line, start)?;
    Some((end, content.chars().rev().collect()))
}

/// A left-to-right embedding (LRE or LRI at `start`) inside right-to-left
/// text, rewritten for reading without controls: its end (after the PDF or
/// PDI), and its content with the neutral characters it starts with moved
/// behind it, in reverse. pdftotext puts a number's or a bracket's
/// surroundings in visual order inside the embedding (`LRE " -٣" PDF` is
/// the label `٣-`, `LRE " ١٤" PDF` is `١٤ `, `LRE " )UNEP" PDF` is `UNEP) `).
/// `None` when the embedding needs nothing beyond removing its controls.
fn ltr_embedding_in_logical_order(line: &str, start: usize) -> Option<(usize, String)> {
    // (Nested controls: left as they are, only removed.)
    let (end, content) = ltr_embedding_at(line, start)?;
    let strong_at = content.find(|c: char| c.is_alphanumeric()).unwrap_or(content.len());
    if strong_at == 0 || content.chars().any(|c| c == '\n') {
        return None;
    }
    let mut logical = String::with_capacity(content.len());
    logical.push_str(&content[strong_at..]);
    // A label's hyphen is glued to its number: a space before it (after it
    // in the embedding's visual order) is the stretch of a justified line
    // (`LRE " - ١" PDF` is `١- `).
    let neutrals = &content[..strong_at];
    let glued = neutrals.trim_end_matches(' ');
    logical.extend(if glued.ends_with('-') { glued } else { neutrals }.chars().rev());
    Some((end, logical))
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage;

    use super::*;

    #[test]
    fn left_to_right_runs_that_came_out_turned_are_read_backwards() {
        // pdftotext on LuaLaTeX's PDF (`corpus/in-the-wild/pdf-tech-lualatex-*-pdftotext`).
        let lines = [
            "\u{202B}يعتمد النظام على تقنيات تعلم الآلة (\u{202A})gninraeL enihcaM\u{202C}\u{202C}",
            "\u{202B}\u{202A} .1\u{202C}نظام تشغيل \u{202A} xuniL\u{202C}أو \u{202A} 01 swodniW\u{202C}أو أحدث؛\u{202C}",
            "\u{202B}صدر الإصدار \u{202A} 1.2.3\u{202C}في \u{202A} ،4202/30/51\u{202C}ويمكن تنزيله من الموقع\u{202C}",
        ];
        assert!(document_reverses_ltr_embeddings(lines.into_iter()));
        let run = |line: &str| {
            crate::pipeline::tests::run_stage_judged(remove_invisible_controls, line, |c| {
                c.ltr_embeddings_reversed = true
            })
        };
        assert_eq!(run(lines[0]), "يعتمد النظام على تقنيات تعلم الآلة (Machine Learning)");
        assert_eq!(run(lines[1]), "1. نظام تشغيل Linux أو Windows 10 أو أحدث؛");
        // Runs as written, or with nothing to tell: not judged.
        let written = ["\u{202B}بلغة \u{202A}Python\u{202C} و\u{202A}Linux\u{202C} و\u{202A}nohtyP\u{202C}\u{202C}"];
        assert!(!document_reverses_ltr_embeddings(written.into_iter()));
        assert!(!document_reverses_ltr_embeddings(["\u{202B}بلغة \u{202A}.nohtyP\u{202C}\u{202C}"].into_iter()));
        for (name, text) in crate::pipeline::tests::texts_as_written() {
            assert!(!document_reverses_ltr_embeddings(text.lines()), "{name}");
        }
    }

    #[test]
    fn controls_that_marks_glyphs_were_mapped_to_go() {
        // As pdfbox read LibreOffice's KacstBook PDF and pypdf fpdf2's Amiri
        // one; a code between letters is a letter's (wkhtmltopdf's Noto).
        let mask = mark_glyph_controls(["يَ\x05ْجري ب\x05ين", "النَّ\x06َّهْرِ"].into_iter());
        assert_eq!(mask, 1 << 5 | 1 << 6);
        assert_eq!(mark_glyph_controls(["هذا ا\x1fرتفاع", "ا\x1fستثمار"].into_iter()), 0);
        // (Beside a mark once, between letters more often: pdf.js.)
        assert_eq!(mark_glyph_controls(["ب\x05ين و\x05لد", "قال\x05 ي\x05ْجري"].into_iter()), 1 << 5);
        let run = |line: &str, mask: u32| {
            crate::pipeline::tests::run_stage_judged(remove_invisible_controls, line, |c| c.mark_glyph_controls = mask)
        };
        assert_eq!(run("يَ\x05ْجري ب\x05ين", 1 << 5), "يَْجري بين");
        assert_eq!(run("يَ\x05ْجري ب\x05ين", 0), "يَ\x05ْجري ب\x05ين");
    }

    #[test]
    fn removes_embeddings_around_numbers() {
        let line = "\u{202B}عقد الاجتماع في \u{202A}2018\u{202C} في فيينا\u{202C}";
        assert_eq!(run_stage(remove_invisible_controls, line), "عقد الاجتماع في 2018 في فيينا");
        // NULs inside an Arabic word go, after one before a space, and set
        // apart between two words with one of the spaces (Chromium's PDFs:
        // the glyph of a ligature's piece or of a shadda); elsewhere they
        // stay.
        for (line, without) in [
            ("من الخ\0براء", "من الخبراء"),
            ("ال\0\0براء في", "البراء في"),
            ("مَساءٍ كُلَّ\0 يَوْمٍ", "مَساءٍ كُلَّ يَوْمٍ"),
            (".ٍءاسَم \0 لُكِ", ".ٍءاسَم لُكِ"),
            ("من \0\0 الخبراء", "من الخبراء"),
        ] {
            assert_eq!(run_stage(remove_invisible_controls, line), without);
        }
        for line in ["من الخبراء\0", "\0 الخبراء", "ab \0 cd في", "١٠ \0 ٢٠"] {
            assert_eq!(run_stage(remove_invisible_controls, line), line);
        }
    }

    #[test]
    fn neutrals_of_a_left_to_right_embedding_read_in_logical_order() {
        // pdf-amiri-pdftotext.broken.txt, lines 2 and 5
        let label = "\u{202B}أولاً\u{202A} -\u{202C}مقدمة\u{202C}";
        assert_eq!(run_stage(remove_invisible_controls, label), "أولاً- مقدمة");
        let numbers = "\u{202B}\u{202A} -٣\u{202C}ويستند التقرير إلى بيانات جمعتها الوزارة من \u{202A} ١٤\u{202C}مدينة رئيسية\u{202A}.\u{202C}\u{202C}";
        assert_eq!(
            run_stage(remove_invisible_controls, numbers),
            "٣- ويستند التقرير إلى بيانات جمعتها الوزارة من ١٤ مدينة رئيسية."
        );
        // A justified line stretches the gap inside the label (pdftotext on
        // a justified paragraph LibreOffice set in Amiri, 2026-12-06).
        let justified = "\u{202B}\u{202A} - ١\u{202C}شهدت السنوات العشر الأخيرة\u{202C}";
        assert_eq!(run_stage(remove_invisible_controls, justified), "١- شهدت السنوات العشر الأخيرة");
        // A label's hyphen alone after its word and a space (pdftotext on
        // the PDF LibreOffice set in Noto Kufi Arabic, 2026-12-06).
        let spaced = "\u{202B}ثانياً \u{202A} -\u{202C}النتائج الرئيسية\u{202C}";
        assert_eq!(run_stage(remove_invisible_controls, spaced), "ثانياً- النتائج الرئيسية");
        // Outside right-to-left text an embedding is only unwrapped.
        assert_eq!(run_stage(remove_invisible_controls, "a\u{202A} -3\u{202C}b"), "a -3b");
    }

    #[test]
    fn keeps_zwnj_in_persian_removes_it_in_arabic() {
        let persian = "من به مدرسه می\u{200C}روم و این کتاب را می\u{200C}خوانم";
        assert_eq!(run_stage(remove_invisible_controls, persian), persian);
        let arabic = "أقرَّ مؤتمر الأطراف في اتفاقية\u{200C} الأمم المتحدة";
        assert_eq!(run_stage(remove_invisible_controls, arabic), "أقرَّ مؤتمر الأطراف في اتفاقية الأمم المتحدة");
        // Between emoji, ZWJ makes one of them: it stays in Arabic too.
        let family = "عائلتي \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} سعيدة جداً";
        assert_eq!(run_stage(remove_invisible_controls, family), family);
    }

    #[test]
    fn clean_line_is_borrowed() {
        let line = "والملاحقة القضائية الفعالة في قضايا تهريب المهاجرين.";
        assert!(matches!(run_stage(remove_invisible_controls, line), Cow::Borrowed(_)));
    }
}
