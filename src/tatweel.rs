//! Stage: remove the tatweel (kashida, U+0640) that justification inserted.
//!
//! Justified Arabic is stretched with tatweel, and extractors keep it:
//! `العضـــــوية`. A run of tatweel (marks between or after its strokes stay,
//! on the letter before) is removed when it stands
//! - between two letters of one word: always justification;
//! - at the end of a word, unless a number, a Latin word or a quotation
//!   follows (`الـ 20`, `بـ 22%`, `الـUNODC`, `بـ«`), or it is the one stroke
//!   of the Hijri abbreviation `هـ`;
//! - at the start of a word, when the run is two strokes or more (a piece of
//!   a word that the extractor cut at a line's runs: `ــقون`).
//!
//! Tatweel that carries meaning stays: the Hijri `هـ`, a proclitic or article
//! joined to a number, Latin word or quotation (`بـ 22%`), a single
//! stroke before a short suffix written alone (`ـه`, `ـها` in grammar
//! texts), a stroke that is the seat of a dagger alef or small waw/yeh
//! (`هَـٰذَا`), and tatweel that touches no letter at all (a rule `ــــــ`).

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::script::{
    is_arabic_digit, is_arabic_letter, is_arabic_mark, is_arabic_script, is_clitics_only, REPLACEMENT, TATWEEL,
};

const TATWEEL_UTF8: &[u8] = "\u{0640}".as_bytes();

/// A letter for the purpose of word shape: Arabic letters and the
/// placeholders that stand for them.
fn is_letter(c: char) -> bool {
    is_arabic_letter(c) || c == REPLACEMENT
}

/// Removes justification tatweel from one line.
pub(crate) fn remove_justification_tatweel<'a>(
    line: &'a str,
    _ctx: &LineContext<'_>,
    edits: &mut Edits,
) -> Cow<'a, str> {
    // (Built once: `memmem::find` builds a searcher per call, which costs
    // more than searching a line.)
    static TATWEEL_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(TATWEEL_UTF8));
    if TATWEEL_FINDER.find(line.as_bytes()).is_none() {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    let mut search_from = 0;
    while let Some(found) = TATWEEL_FINDER.find(&line.as_bytes()[search_from..]) {
        let start = search_from + found;
        let StrokeRun { end, last_stroke_end, strokes } = StrokeRun::at(line, start);
        search_from = last_stroke_end;
        if !is_seat(line, start, end) && is_justification(line, start, end, strokes) {
            let marks: String = line[start..last_stroke_end].chars().filter(|&c| c != TATWEEL).collect();
            let confidence = if touches_letters_on_both_sides(line, start, end) { 1.0 } else { 0.9 };
            out.replace(start..last_stroke_end, &marks, FixKind::Tatweel, confidence);
        }
    }
    out.finish()
}

/// A run of tatweel: strokes with the marks between and after them.
struct StrokeRun {
    /// Where the run ends, its marks included.
    end: usize,
    /// Where its last stroke ends.
    last_stroke_end: usize,
    strokes: usize,
}

impl StrokeRun {
    /// The run that starts at byte `start` of `line`.
    fn at(line: &str, start: usize) -> StrokeRun {
        let mut run = StrokeRun { end: start, last_stroke_end: start, strokes: 0 };
        for c in line[start..].chars() {
            if c == TATWEEL {
                run.strokes += 1;
                run.end += c.len_utf8();
                run.last_stroke_end = run.end;
            } else if is_arabic_mark(c) {
                run.end += c.len_utf8();
            } else {
                break;
            }
        }
        run
    }
}

/// A stroke that carries a dagger alef (U+0670), or a small waw or yeh
/// (U+06E5, U+06E6), is the seat of that letter in vocalized and Quranic
/// spelling: `هَـٰذَا`, `ٱلرَّحْمَـٰنِ`.
fn is_seat(line: &str, start: usize, end: usize) -> bool {
    line[start..end].contains('\u{0670}') || line[end..].starts_with(['\u{06E5}', '\u{06E6}'])
}

/// Whether the run of tatweel that starts at byte `start` of `line` carries
/// meaning and this stage keeps it (`الـ 20`, the Hijri `هـ`, `ـه`): no
/// sign of a word cut at a run's edge either (`reading_order::evidence`).
pub(crate) fn carries_meaning(line: &str, start: usize) -> bool {
    let StrokeRun { end, strokes, .. } = StrokeRun::at(line, start);
    strokes > 0 && (is_seat(line, start, end) || !is_justification(line, start, end, strokes))
}

fn before_run(line: &str, start: usize) -> Option<char> {
    line[..start].chars().rev().find(|&c| !is_arabic_mark(c))
}

fn after_run(line: &str, end: usize) -> Option<char> {
    line[end..].chars().next()
}

fn touches_letters_on_both_sides(line: &str, start: usize, end: usize) -> bool {
    before_run(line, start).is_some_and(is_letter) && after_run(line, end).is_some_and(is_letter)
}

/// Letters of the word that ends where the run starts (other tatweel of the
/// word skipped, so that the answer does not depend on whether those were
/// removed already).
fn letters_before(line: &str, start: usize) -> usize {
    line[..start].chars().rev().take_while(|&c| is_word_part(c)).filter(|&c| is_letter(c)).count()
}

/// Letters of the word that starts where the run ends.
fn letters_after(line: &str, end: usize) -> usize {
    line[end..].chars().take_while(|&c| is_word_part(c)).filter(|&c| is_letter(c)).count()
}

fn is_word_part(c: char) -> bool {
    is_letter(c) || is_arabic_mark(c) || c == TATWEEL
}

fn is_justification(line: &str, start: usize, end: usize, strokes: usize) -> bool {
    let prev = before_run(line, start);
    let next = after_run(line, end);
    let letter_before = prev.is_some_and(is_letter);
    let letter_after = next.is_some_and(is_letter);
    match (letter_before, letter_after) {
        (true, true) => true,
        (true, false) => {
            // The next visible character decides: a number, a Latin word or
            // a quotation that the tatweel links proclitics or the article
            // to (`الـ 20`, `بـ UNODC`, `بـ«`) keeps it, after a space or a
            // no-break one (web text: `بـ\u{A0}500ريال`). (A longer word is
            // cut: `الاتفــــ ٦`.)
            let word_start = line[..start].trim_end_matches(is_word_part).len();
            let linked = is_clitics_only(&line[word_start..start])
                && match line[end..].chars().find(|&c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')) {
                    None => false,
                    Some(c) => {
                        (c.is_alphanumeric() && !is_arabic_script(c))
                            || is_arabic_digit(c)
                            || matches!(c, '«' | '"' | '\'' | '“')
                    }
                };
            // One stroke after the one letter `ه` is the Hijri abbreviation.
            let hijri = strokes == 1 && letters_before(line, start) == 1 && prev == Some('ه');
            !linked && !hijri
        }
        (false, true) => strokes >= 2 || letters_after(line, end) > 3,
        (false, false) => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage;

    use super::*;

    #[test]
    fn justification_inside_words() {
        // ctoc-wg4-2018-3.broken.txt, line 9
        let line = "مؤقَّت مفتوح العضــــــوية يُعنى بالاتِّجار بالأشــــــخاص. وقد عُقدت اجتماعات الفريق العامل ";
        assert_eq!(
            run_stage(remove_justification_tatweel, line),
            "مؤقَّت مفتوح العضوية يُعنى بالاتِّجار بالأشخاص. وقد عُقدت اجتماعات الفريق العامل "
        );
        // ctoc-wg7-2021-5.broken.txt, line 6: single strokes between letters
        let line = "الأخرى، و�ـذلـك التعـاون الـدولي";
        assert_eq!(run_stage(remove_justification_tatweel, line), "الأخرى، و�ذلك التعاون الدولي");
    }

    #[test]
    fn strokes_linking_a_proclitic_to_a_number_stay() {
        for line in ["اشتريته بـ 500 ريال", "اشتريته بـ\u{A0}500ريال", "تعتمد الـ\u{202F}API على", "الـ 20"]
        {
            assert_eq!(run_stage(remove_justification_tatweel, line), line);
        }
    }

    #[test]
    fn pieces_cut_at_runs() {
        // ctoc-wg7-2021-5.broken.txt, line 1
        let line = "ــر�اء الأجانب  ــتخ�ار�ة، وتعمل فرقة العمل عن �ثب مع الشـــــــ ــقون جمع المعلومات الاســـــــ موظفي الدعم الذین ینســـــــ";
        assert_eq!(
            run_stage(remove_justification_tatweel, line),
            "ر�اء الأجانب  تخ�ار�ة، وتعمل فرقة العمل عن �ثب مع الش قون جمع المعلومات الاس موظفي الدعم الذین ینس"
        );
    }

    #[test]
    fn a_cut_word_before_a_number_loses_its_strokes() {
        // Generated sample-like damage (`sample2m`, line 6902): a word cut
        // inside its strokes before a number is no article linked to it.
        assert_eq!(run_stage(remove_justification_tatweel, "الاتفــــ ٦ و٧ حزيران"), "الاتف ٦ و٧ حزيران");
        assert_eq!(run_stage(remove_justification_tatweel, "وبالـ 20 دولاراً"), "وبالـ 20 دولاراً");
    }

    #[test]
    fn one_letter_pieces() {
        // ctoc-wg4-2018-3.broken.txt, line 114, and ctoc-wg7-2021-5.broken.txt, line 29
        assert_eq!(run_stage(remove_justification_tatweel, "على تحديد ضــــ  (م)"), "على تحديد ض  (م)");
        assert_eq!(run_stage(remove_justification_tatweel, "رورة سـ إلى ضـ"), "رورة س إلى ض");
    }

    #[test]
    fn marks_on_the_stroke_move_to_the_letter() {
        assert_eq!(run_stage(remove_justification_tatweel, "الاتـّـِجار"), "الات\u{0651}\u{0650}جار");
    }

    #[test]
    fn meaningful_tatweel_stays() {
        for line in [
            "توفي سنة 1445هـ في المدينة",
            "توفي سنة 1445 هـ الموافق 2024م",
            "نقلاً عن صحيفة بـ«الأهرام»",
            "زادت النسبة بـ 22% خلال العام",
            "تقرير الـ UNODC عن الاتجار",
            "احتفلت بالذكرى الـ20 لتأسيسها",
            "احتفلت بالذكرى الـ٢٠ لتأسيسها",
            "الضمير المتصل ـه في آخر الكلمة",
            "ـــــــــــــــ",
            "هَـٰذَا كِتَـٰبٌ أَنزَلْنَـٰهُ مُبَارَكٌ",
        ] {
            assert_eq!(run_stage(remove_justification_tatweel, line), line, "{line}");
        }
    }
}
