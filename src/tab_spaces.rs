//! Stage: the spaces between words written as tabs.
//!
//! In wkhtmltopdf's PDFs (Qt WebKit's print to PDF), PDFBox and the
//! `pdf-extract` crate read the spaces between words as tabs:
//! `تقرير<TAB>عن<TAB>إدارة<TAB>الموارد`, and in visual order
//! `ةيرضحلا<TAB>قطانملا<TAB>يف`. Every stage after this one cuts a line
//! into words at its spaces only, so such a line reads as one token.
//!
//! A tab is also what a writer puts between the cells of a table, so the
//! damage is judged once per document (`document_writes_spaces_as_tabs`):
//! at least `MIN_LINES` lines with `MIN_TABS` tabs or more, one between two
//! Arabic words, none of whose words are parted by a space (a table's
//! cells of several words are), and in which a word that a table's cell
//! rarely is stands alone between two tabs or at a line's edge next to
//! one: a preposition, a conjunction or a pronoun (`في`, `من`, `على`,
//! `التي` ...; or one of them reversed, `يف`, as a line in visual order
//! writes it). A table of such words alone, five columns and more
//! (`في<TAB>من<TAB>على<TAB>إلى<TAB>عن`), would pass, and its tabs become
//! spaces. Then every tab of a line with Arabic becomes a space
//! (`restore_tab_spaces`), or nothing beside a space (one gap: two spaces
//! would read as a wide gap, a run boundary).

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::script::{has_arabic_script, is_arabic_word_char};

/// Lines that show spaces written as tabs, needed before a document is
/// judged.
pub(crate) const MIN_LINES: usize = 3;

/// Words that stand alone in running text but not in a table's cell: the
/// commonest prepositions, conjunctions, pronouns and particles, and the
/// same reversed (a line in visual order).
#[rustfmt::skip]
const RUNNING_TEXT_WORDS: &[&str] = &[
    "في", "من", "على", "عن", "إلى", "أن", "إن", "ما", "لا", "هذا", "هذه", "التي", "الذي", "مع", "بين", "كما", "أو",
    "يف", "نم", "ىلع", "نع", "ىلإ", "نأ", "نإ", "ام", "ال", "اذه", "يتلا", "يذلا", "عم", "نيب", "امك", "وأ",
];

/// Whether `separator` stands between two Arabic word characters in `line`.
fn parts_words(line: &str, separator: char) -> bool {
    let mut previous = ' ';
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == separator && is_arabic_word_char(previous) && chars.peek().is_some_and(|&n| is_arabic_word_char(n)) {
            return true;
        }
        previous = c;
    }
    false
}

/// Whether a tab stands between two Arabic word characters in `line`.
pub(crate) fn has_tab_between_words(line: &str) -> bool {
    parts_words(line, '\t')
}

/// Tabs a line must hold to write its spaces as tabs: a line of running
/// text has a word boundary every few letters, a table a few columns.
const MIN_TABS: usize = 4;

/// Whether a line writes the spaces between its words as tabs: a tab
/// between two Arabic words, `MIN_TABS` tabs at least, no space between two
/// Arabic words (a table's cells of several words have them), and a word of
/// running text alone between tabs (or between a tab and the line's edge).
fn writes_spaces_as_tabs(line: &str) -> bool {
    if !has_tab_between_words(line) || line.matches('\t').count() < MIN_TABS || parts_words(line, ' ') {
        return false;
    }
    line.split('\t').any(|cell| RUNNING_TEXT_WORDS.contains(&cell.trim_matches(' ')))
}

/// Whether the document writes the spaces between its words as tabs (see
/// the module documentation).
pub(crate) fn document_writes_spaces_as_tabs<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    lines.filter(|line| line.contains('\t') && writes_spaces_as_tabs(line)).take(MIN_LINES).count() >= MIN_LINES
}

/// In a document that writes its spaces as tabs (`ctx.tabs_are_spaces`),
/// makes each tab of a line with Arabic a space.
pub(crate) fn restore_tab_spaces<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.tabs_are_spaces || !line.contains('\t') || !has_arabic_script(line) {
        return Cow::Borrowed(line);
    }
    let mut rw = Rewriter::new(line, edits);
    for (i, _) in line.match_indices('\t') {
        // (A tab beside a space is that space's: one gap, not a wide one.)
        let beside_a_space = line[..i].ends_with(' ') || line[i + 1..].starts_with(' ');
        rw.replace(i..i + 1, if beside_a_space { "" } else { " " }, FixKind::Spacing, 1.0);
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_judged_by_words_of_running_text_between_tabs() {
        let tabs = [
            "تقرير\tعن\tإدارة\tالموارد\tالمائية\tفي\tالمناطق",
            "ةيرضحلا\tقطانملا\tيف\tةيئاملا\tدراوملا",
            "يتناول\tهذا\tالتقرير\tالتحديات\tالتي\tتواجهها",
        ];
        // (A tab beside a space is that space's.)
        let ctx_line = ".٢٠٢٣ \tوقد\tأعد\tالتقرير\tفي\tعام\t -٢";
        let out = crate::pipeline::tests::run_stage_in_document(
            restore_tab_spaces,
            ctx_line,
            &crate::Config::default(),
            |c| c.tabs_are_spaces = true,
        );
        assert_eq!(out, ".٢٠٢٣ وقد أعد التقرير في عام -٢");
        assert!(document_writes_spaces_as_tabs(tabs.into_iter()));
        assert!(!document_writes_spaces_as_tabs(tabs[..2].iter().copied()));
        // Tables: one-word cells, cells of several words, a grammar table
        // whose first column is a preposition.
        let table = [
            "كتب\tيكتب\tاكتب\tكاتب",
            "درس\tيدرس\tادرس\tدارس",
            "فتح\tيفتح\tافتح\tفاتح",
            "الاسم\tالمدينة في الشمال\tالعمر",
            "أحمد\tمن القاهرة\t٣٠",
            "سارة\tعلى الساحل\t٢٥",
            "في\tفي البيت\tالظرفية\tاسم\tمجرور",
            "من\tمن المدرسة\tالابتداء\tاسم\tمجرور",
            "على\tعلى الطاولة\tالاستعلاء\tاسم\tمجرور",
            "إلى\tإلى السوق\tالانتهاء\tاسم\tمجرور",
        ];
        assert!(!document_writes_spaces_as_tabs(table.into_iter()));
    }
}
