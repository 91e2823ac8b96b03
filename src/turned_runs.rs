//! Stage: left-to-right runs turned with the letters of their line.
//!
//! LuaLaTeX writes the glyphs of a left-to-right run inside Arabic text in
//! the order they are drawn, right to left, so an extractor that turns a
//! whole line letter by letter (pdfplumber) turns such a run too:
//! `)gninraeL enihcaM( ةلآلا ملعت`, `؛ثدحأ وأ 01 swodniW وأ xuniL`,
//! `عقوملا نم ... ،4202/30/51 يف 1.2.3`. Read as a line in visual order,
//! its Arabic comes right and the runs stay turned. (pdftotext writes the
//! same runs in embeddings of their own: `invisible_controls`. PDFium
//! turns the words and not the numbers, `2024 ... swodniW`: not read.)
//!
//! No single run shows it for sure, so it is judged once per document
//! (`document_turns_ltr_runs`): in its lines with Arabic, Latin words
//! that end with their one capital (`nohtyP`) and years that read as one
//! only backwards (`4202`), `MIN_TURNED_SHAPES` at least, and none as
//! written (`Python`, `2024`). Then each line whose words read better
//! backwards (fewer words the lexicon does not know) is read backwards
//! letter by letter, runs and all (`restore_turned_lines`): the extractor
//! turned it so (its brackets and marks too: `)gninraeL enihcaM(` is
//! `(Machine Learning)`, `رِّوطُ` is `طُوِّر`).

use std::borrow::Cow;

use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;

/// Shapes of turned runs a document must show, and none as written,
/// before it is judged.
pub(crate) const MIN_TURNED_SHAPES: usize = 2;

/// What the Latin words and numbers of a left-to-right run say of its
/// order: words that end with their one capital (`gninraeL`, `nohtyP`) and
/// years that read as one only backwards (`4202`) against words that start
/// with it (`Python`) and years as they stand.
pub(crate) fn ltr_run_shapes(content: &str) -> (usize, usize) {
    let (mut turned, mut as_written) = (0, 0);
    for word in content.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| w.len() >= 3) {
        let (first, rest) = word.split_at(1);
        let (body, last) = word.split_at(word.len() - 1);
        if body.bytes().all(|b| b.is_ascii_lowercase()) && last.bytes().all(|b| b.is_ascii_uppercase()) {
            turned += 1;
        } else if first.bytes().all(|b| b.is_ascii_uppercase()) && rest.bytes().all(|b| b.is_ascii_lowercase()) {
            as_written += 1;
        } else if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            let year = |w: &str| w.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y));
            let backwards: String = word.chars().rev().collect();
            match (year(word), year(&backwards)) {
                (false, true) => turned += 1,
                (true, false) => as_written += 1,
                _ => {}
            }
        }
    }
    (turned, as_written)
}

/// Whether the document's lines hold their left-to-right runs turned (see
/// the module documentation).
pub(crate) fn document_turns_ltr_runs<'l>(lines: impl Iterator<Item = &'l str>) -> bool {
    let (mut turned, mut as_written) = (0, 0);
    for line in lines.filter(|l| l.bytes().any(|b| b.is_ascii_alphanumeric())) {
        if !crate::script::has_arabic_script(line) {
            continue;
        }
        let (t, w) = ltr_run_shapes(line);
        turned += t;
        as_written += w;
    }
    turned >= MIN_TURNED_SHAPES && as_written == 0
}

/// In a document that turns its runs with their lines
/// (`ctx.ltr_runs_turned`), reads each line whose words read better so
/// backwards, letter by letter (spaces at its ends stay where they are).
pub(crate) fn restore_turned_lines<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    if !ctx.ltr_runs_turned || !crate::script::has_arabic_script(line) {
        return Cow::Borrowed(line);
    }
    let body = line.trim_matches(' ');
    let start = line.len() - line.trim_start_matches(' ').len();
    let turned: String = body.chars().rev().collect();
    let scorer = ctx.reading.scorer();
    let unknown = |text: &str| text.split(' ').map(|t| scorer.unknown(t)).sum::<usize>();
    if unknown(&turned) >= unknown(body) {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    out.replace(start..start + body.len(), &turned, FixKind::ReadingOrder, 0.95);
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_judged_by_the_shapes_of_their_latin_words_and_years() {
        // pdfplumber on LuaLaTeX's technical PDF (`corpus/in-the-wild/pdf-tech-lualatex-*-pdfplumber`).
        let turned = [
            ")gninraeL enihcaM( ةلآلا ملعت تاينقت ىلع ماظنلا دمتعي",
            "؛ثدحأ وأ 01 swodniW وأ xuniL ليغشت ماظن .1",
            "عقوملا نم هليزنت نكميو ،4202/30/51 يف 1.2.3 رادصإلا ردص",
        ];
        assert!(document_turns_ltr_runs(turned.into_iter()));
        // One word as written, or a year (PDFium turns the words, not the
        // numbers: `2024`), and the document is not judged.
        assert!(!document_turns_ltr_runs(turned.into_iter().chain(["بلغة Python"])));
        assert!(!document_turns_ltr_runs(turned[..2].iter().copied().chain(["في 15/03/2024"])));
        for (name, text) in crate::pipeline::tests::texts_as_written() {
            assert!(!document_turns_ltr_runs(text.lines()), "{name}");
        }
        let run = |line: &str| {
            crate::pipeline::tests::run_stage_judged(restore_turned_lines, line, |c| c.ltr_runs_turned = true)
        };
        assert_eq!(run(turned[0]), "يعتمد النظام على تقنيات تعلم الآلة (Machine Learning)");
        assert_eq!(run(turned[1]), "1. نظام تشغيل Linux أو Windows 10 أو أحدث؛");
        // A line that reads as it stands stays.
        assert_eq!(run("يعتمد النظام على تقنيات تعلم الآلة"), "يعتمد النظام على تقنيات تعلم الآلة");
    }
}
