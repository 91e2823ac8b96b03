//! Stage: vowelled lines cut where a hamza is drawn apart, the pieces
//! emitted from the line's visual left, each as it reads.
//!
//! LibreOffice draws an alef, waw or yeh with hamza and its marks apart
//! from the run around it in vowelled text (and KacstBook's fatha, whose
//! glyph its PDFs map to a control code), and pdf.js emits a line's pieces
//! from its visual left: `طْفال ُ ... مَساءٍ.َأَ وَكان َ ال` for
//! `وَكانَ الأَطْفالُ ... مَساءٍ.` (pieces `طْفال ُ ... مَساءٍ.`, `َأَ`,
//! ` وَكان َ ال`). Put back in reverse order (`pieces_in_reverse_order`),
//! the line reads, but for what pdf.js does at the pieces' edges: it writes
//! the space that ends a piece (at its visual left) first, it draws the
//! hamza's mark twice (`َأَ`), and it sets a space before some final marks
//! (`وَكان َ`; `spacing` joins those that stay).
//!
//! No single line shows it for sure (`سَأَلَ` has a mark before its hamza
//! too), so the damage is judged once per document, in vowelled text that
//! sets a space before a mark somewhere (which the fast path sends the full
//! way), by the lexicon (`document_cuts_lines_at_hamzas`), as
//! `mark_pieces` judges its pieces (`mark_pieces::TurnedLines`): three
//! lines at least read better with their pieces turned, twice as many as
//! read worse so and half the lines with such a hamza, and turned they read
//! as text. Then each line is turned where it reads better so (fewer
//! unknown words, or as many and a better unigram score). The stage runs
//! first in phase 0, after `mark_pieces`, while the controls that marks'
//! glyphs were mapped to are there to cut the pieces (they go with them).

use std::borrow::Cow;

use crate::edit::{rewrite_whole, Edits};
use crate::fix::FixKind;
use crate::mark_pieces::{TurnedLine, TurnedLines};
use crate::pipeline::LineContext;
use crate::reading_order::WordScorer;
use crate::script::is_arabic_mark;

/// Whether a character is a control code the document's PDF mapped a
/// mark's glyph to (`controls`, a bit per code: `invisible_controls`).
fn is_mark_control(c: char, controls: u32) -> bool {
    c < ' ' && controls & (1 << c as u32) != 0
}

/// A letter that carries a hamza: alef (above or below), waw, yeh.
fn is_hamza_carrier(c: char) -> bool {
    matches!(c, 'أ' | 'إ' | 'ؤ' | 'ئ')
}

/// The line cut at its hamzas (and at the controls that marks' glyphs were
/// mapped to, `controls`): each with the marks on either side of it, and
/// the text between (`true` for a hamza's or control's piece).
fn pieces(line: &str, controls: u32) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in line.char_indices().filter(|&(_, c)| is_hamza_carrier(c) || is_mark_control(c, controls)) {
        if at < start {
            continue;
        }
        let from = line[start..at].trim_end_matches(is_arabic_mark).len() + start;
        // (With the lam of a lam-alef drawn after it, `ألَ`, `أَلَ`.)
        let marks_from = |from: usize| line[from..].find(|m: char| !is_arabic_mark(m)).map_or(line.len(), |e| from + e);
        let mut to = marks_from(at + c.len_utf8());
        if matches!(c, 'أ' | 'إ') && line[to..].starts_with('ل') {
            to = marks_from(to + 'ل'.len_utf8());
        }
        out.push((&line[start..from], false));
        out.push((&line[from..to], true));
        start = to;
    }
    out.push((&line[start..], false));
    out
}

/// A hamza's piece as it reads: without the mark drawn twice (the marks
/// before the hamza that end with its last marks, `َأَ`), and a lam-alef
/// with hamza, which comes alef first, lam first (`َألَ` is `لأَ`, `أَلَ` is
/// `لَأَ`).
fn hamza_as_it_reads(piece: &str) -> String {
    let hamza = piece.find(is_hamza_carrier).unwrap_or(0);
    let (before, rest) = piece.split_at(hamza);
    let carrier = rest.chars().next().unwrap_or('أ');
    let rest = &rest[carrier.len_utf8()..];
    let first_marks = &rest[..rest.len() - rest.trim_start_matches(is_arabic_mark).len()];
    let lam_marks = rest[first_marks.len()..].strip_prefix('ل');
    let last_marks = lam_marks.unwrap_or(first_marks);
    let before = match before.strip_suffix(last_marks) {
        Some(kept) if !last_marks.is_empty() => kept,
        _ => before,
    };
    let mut out = String::from(before);
    match lam_marks {
        Some(lam_marks) if first_marks.is_empty() => out.extend(['ل', carrier].into_iter().chain(lam_marks.chars())),
        Some(lam_marks) => {
            out.push('ل');
            out.push_str(lam_marks);
            out.push(carrier);
            out.push_str(first_marks);
        }
        None => {
            out.push(carrier);
            out.push_str(first_marks);
        }
    }
    out
}

/// The line with its pieces in reverse order, if it has a hamza's piece
/// inside it: the space that starts a piece, and the marks after it, moved
/// to its end (pdf.js writes a piece's visual left first); the mark drawn
/// twice dropped; no space before a mark. A space moved before a hamza may
/// be the line's or the extractor's (`وَكانَ ا لأَطْفالُ`, `قالَ الجَدُّ:
/// إِنَّ`), and a piece after a hamza's may have come without its space
/// (`امْتَلَأَالنَّهْرُ`): the lexicon tells (`mark_pieces::settle_piece_edges`).
fn pieces_in_reverse_order(scorer: &WordScorer, line: &str, controls: u32) -> Option<String> {
    let pieces = pieces(line, controls);
    if pieces.len() < 3 {
        return None;
    }
    let mut out = String::with_capacity(line.len() + 1);
    let (mut doubtful, mut gaps) = (Vec::new(), Vec::new());
    for &(piece, hamza) in pieces.iter().rev() {
        if hamza && piece.contains(|c| is_mark_control(c, controls)) {
            // (A mark's glyph mapped to a control, drawn apart as a hamza
            // is: KacstBook's fatha. The code goes; which mark it stands
            // for is not judged.)
            let marks: String = piece.chars().filter(|&c| !is_mark_control(c, controls)).collect();
            if !marks.is_empty() {
                push_text(&mut out, &marks);
            }
            gaps.push(out.len());
        } else if hamza {
            let hamza = hamza_as_it_reads(piece);
            if !hamza.starts_with(is_arabic_mark) && out.ends_with(' ') {
                doubtful.push(out.len() - 1);
            }
            push_text(&mut out, &hamza);
            gaps.push(out.len());
        } else if let Some(text) = piece.strip_suffix(' ').filter(|_| !piece.starts_with(' ')) {
            // (And the space that ends a piece, at its visual right, is at
            // its start: `جَديدٍ، ` before `َأَلَ`.)
            push_text(&mut out, " ");
            push_text(&mut out, text);
        } else if let Some(text) = piece.strip_prefix(' ') {
            let edge = text.len() - text.trim_start_matches(is_arabic_mark).len();
            // (With the space pdf.js sets before a final mark: ` َ نَّ`.)
            let rest = &text[edge..];
            push_text(&mut out, if edge > 0 { rest.strip_prefix(' ').unwrap_or(rest) } else { rest });
            push_text(&mut out, &text[..edge]);
            push_text(&mut out, " ");
        } else {
            push_text(&mut out, piece);
        }
    }
    let lead = crate::mark_pieces::trim_ends_keeping_spaces(&mut out, &mut doubtful);
    // (A gap after a hamza's piece, where the piece after came without its
    // space: `امْتَلَأَالنَّهْرُ`.)
    gaps.retain(|&at| {
        at > lead
            && at - lead < out.len()
            && out.is_char_boundary(at - lead)
            && !out[at - lead..].starts_with(|c: char| c == ' ' || is_arabic_mark(c))
    });
    gaps.iter_mut().for_each(|at| *at -= lead);
    Some(crate::mark_pieces::settle_piece_edges(scorer, out, &doubtful, &gaps))
}

/// Appends text to a line being joined: no space before a mark, nor two
/// in a row.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        if is_arabic_mark(c) {
            out.truncate(out.trim_end_matches(' ').len());
        }
        if c != ' ' || !out.ends_with(' ') {
            out.push(c);
        }
    }
}

/// How many words of a line the lexicon does not know, and the line's
/// unigram score.
fn reading(scorer: &WordScorer, line: &str) -> (usize, f64) {
    let tokens = line.split(' ').filter(|t| !t.is_empty());
    (tokens.clone().map(|t| scorer.unknown(t)).sum(), tokens.map(|t| scorer.word(t)).sum())
}

/// Whether a line sets a space before a mark, read on its bytes: the
/// common marks (U+064B..U+065F, U+0670) by their two bytes, any other
/// character after a space with a lead byte of the Arabic blocks decoded.
fn has_space_before_mark(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b' ', bytes).any(|at| match bytes.get(at + 1..at + 3) {
        Some(&[0xD9, second]) => matches!(second, 0x8B..=0x9F | 0xB0),
        Some(&[0xD8 | 0xDB..=0xDF | 0xE0..=0xEF, _]) => line[at + 1..].starts_with(is_arabic_mark),
        _ => false,
    })
}

/// Whether one reading (unknown words, unigram score) is better than
/// another: fewer unknown words, or as many and a better score.
fn reads_better((unknown, score): (usize, f64), (other_unknown, other_score): (usize, f64)) -> bool {
    unknown < other_unknown || (unknown == other_unknown && score > other_score)
}

/// A line turned, with its unknown words before and after, and whether it
/// reads better so (fewer unknown words, or as many and a better unigram
/// score).
fn turned_reading(scorer: &WordScorer, line: &str, controls: u32) -> Option<TurnedLine> {
    let body = line.trim_matches(' ');
    let mut text = pieces_in_reverse_order(scorer, body, controls)?;
    // (A period or colon that ends the line as it came ends a piece as it
    // reads, `الجَدُّ: إِنَّ`, or was drawn after the line (Noto Kufi's,
    // from another font) and cuts a word turned, `ال. أَطْفالُ`: it goes
    // to the end where the words read better so.)
    let (rest, stop) = crate::mark_pieces::split_final_stop(body, is_arabic_mark);
    if !stop.is_empty() {
        let mut stop_last = pieces_in_reverse_order(scorer, rest, controls)?;
        stop_last.push_str(stop);
        if reads_better(reading(scorer, &stop_last), reading(scorer, &text)) {
            text = stop_last;
        }
    }
    // (The line as it came read without its controls: they cut words.)
    let as_it_came: String = line.chars().filter(|&c| !is_mark_control(c, controls)).collect();
    let (before, after) = (reading(scorer, &as_it_came), reading(scorer, &text));
    Some(TurnedLine { text, unknown_before: before.0, unknown_after: after.0, better: reads_better(after, before) })
}

/// Whether the document's vowelled lines came out cut at their hamzas, the
/// pieces from the visual left (see the module documentation). `controls`:
/// the codes its PDF mapped marks' glyphs to (`invisible_controls`), which
/// are drawn apart as hamzas are; `vowelled`: whether the document is
/// (`script::is_vowelled`, asked once).
pub(crate) fn document_cuts_lines_at_hamzas<'l>(
    lines: impl Iterator<Item = &'l str> + Clone,
    scorer: &WordScorer,
    controls: u32,
    vowelled: impl FnOnce() -> bool,
) -> bool {
    // (The cheap signs first: a space before a mark, then vowelled text.)
    lines.clone().any(has_space_before_mark) && vowelled() && lines_read_better_turned(lines, scorer, controls)
}

/// Whether the lines read better with their pieces turned, by the lexicon,
/// as `mark_pieces` judges them (`TurnedLines`).
fn lines_read_better_turned<'l>(lines: impl Iterator<Item = &'l str>, scorer: &WordScorer, controls: u32) -> bool {
    TurnedLines::of(lines, |line| turned_reading(scorer, line, controls)).read_better()
}

/// In a document judged so (`ctx.lines_cut_at_hamzas`), a line with its
/// pieces turned where it reads better so.
pub(crate) fn restore_hamza_pieces<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    let controls = ctx.mark_glyph_controls;
    if !ctx.lines_cut_at_hamzas || !line.contains(|c| is_hamza_carrier(c) || is_mark_control(c, controls)) {
        return Cow::Borrowed(line);
    }
    match turned_reading(ctx.reading.scorer(), line, controls) {
        Some(turned) if turned.better => rewrite_whole(line, &turned.text, FixKind::ReadingOrder, 0.9, edits),
        _ => Cow::Borrowed(line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::{canonical, read_corpus, run_stage_judged, texts_as_written};

    /// The documents of `corpus/in-the-wild` pdf.js made of LibreOffice's
    /// vowelled PDFs, whose lines it cut at their hamzas.
    const CUT_AT_HAMZAS: [&str; 3] = ["noto", "notokufi", "dejavu"];

    #[test]
    fn hamzas_read_once_and_lam_first() {
        assert_eq!(hamza_as_it_reads("َأَ"), "أَ");
        assert_eq!(hamza_as_it_reads("ِإِ"), "إِ");
        assert_eq!(hamza_as_it_reads("َألَ"), "لأَ");
        assert_eq!(hamza_as_it_reads("َََأَلَ"), "ََلَأَ");
        // Marks of two letters stay.
        assert_eq!(hamza_as_it_reads("ُأَ"), "ُأَ");
    }

    #[test]
    fn pieces_turned_read_as_written() {
        let scorer = WordScorer::new(&[]);
        let turned = |line: &str| canonical(&pieces_in_reverse_order(&scorer, line, 0).unwrap());
        // (`corpus/in-the-wild/pdf-vowelled-noto-pdfjs`, `-dejavu-pdfjs`.)
        for (broken, gold) in [
            ("طْفال ُ يَجْلِسون َ عَلى ضِفَّتِه ِ كُل َّ مَساءٍ.َأَ وَكان َ ال", "وَكانَ الأَطْفالُ يَجْلِسونَ عَلى ضِفَّتِهِ كُلَّ مَساءٍ."),
            ("قْدَم ُ مِن َ القَرْيَة ِ نَفْسِها،َأَ َ ن َّ هذا النَّهْرِإِ قال َ الجَدُّ:", "قالَ الجَدُّ: إِنَّ هذا النَّهْرَ أَقْدَمُ مِنَ القَرْيَةِ نَفْسِها،"),
            ("ن َّ الماء َ نِعْمَة ٌ تُحْفَظُ.َأَ فَفَرِح َ الجَميعُ، وَتَعَلَّموا", "فَفَرِحَ الجَميعُ، وَتَعَلَّموا أَنَّ الماءَ نِعْمَةٌ تُحْفَظُ."),
            ("النَّهْر ُ مِن ْ جَديدٍ،َأَ َ وَلَمّا عاد َ المَطَر ُ في الخَريفِ، امْتَل", "وَلَمّا عادَ المَطَرُ في الخَريفِ، امْتَلَأَ النَّهْرُ مِنْ جَديدٍ،"),
            ("طْفال ُ يَجْلِسون َ عَلى ضِفَّتِه ِ كُل َّ مَساءٍ.َألَ وَكان َ ا", "وَكانَ الأَطْفالُ يَجْلِسونَ عَلى ضِفَّتِهِ كُلَّ مَساءٍ."),
        ] {
            assert_eq!(turned(broken), canonical(gold));
        }
        // A line without a hamza inside has no pieces to turn.
        assert_eq!(pieces_in_reverse_order(&scorer, "كان َ في القَرْيَة ِ نَهْر ٌ", 0), None);
        // KacstBook's fatha mapped to `\x05`, drawn apart as a hamza is
        // (`corpus/in-the-wild/pdf-vowelled-kacst-pdfjs`): a cut, and gone
        // (the spaces pdf.js set inside words, `القرْي ةِ`, are the later
        // stages').
        let kacst = "الحُقولِ، \u{5} يْن\u{5}جْري ب\u{5}غير ٌ ي \u{5}هْر ٌ ص\u{5} ة ِ ن\u{5} رْي\u{5}في الق \u{5} كان";
        assert_eq!(
            canonical(&pieces_in_reverse_order(&scorer, kacst, 1 << 5).unwrap()).replace(' ', ""),
            canonical("كان في القرْيةِ نهْرٌ صغيرٌ يجْري بيْن الحُقولِ،").replace(' ', "")
        );
    }

    #[test]
    fn documents_are_judged_by_their_lines_turned() {
        let scorer = WordScorer::new(&[]);
        for font in CUT_AT_HAMZAS {
            let broken = read_corpus(&format!("in-the-wild/pdf-vowelled-{font}-pdfjs.broken.txt"));
            assert!(document_cuts_lines_at_hamzas(broken.lines(), &scorer, 0, || true), "{font}");
            let gold = read_corpus(&format!("in-the-wild/pdf-vowelled-{font}-pdfjs.gold.txt"));
            assert!(!document_cuts_lines_at_hamzas(gold.lines(), &scorer, 0, || true), "{font}");
        }
        // Other layouts read better turned in places, not as text (lines in
        // visual order, marks before their letters, pieces cut at marks).
        for name in [
            "pdf-vowelled-wkhtml-noto-pdfbox",
            "pdf-vowelled-wkhtml-dejavu-pypdf",
            "pdf-vowelled-notokufi-pdf-extract",
            "pdf-vowelled-weasy-kacstoffice-pdf-extract",
            "pdf-vowelled-noto-pypdf",
        ] {
            let broken = read_corpus(&format!("in-the-wild/{name}.broken.txt"));
            assert!(!document_cuts_lines_at_hamzas(broken.lines(), &scorer, 0, || true), "{name}");
        }
        // Text as written, without the cheap signs.
        for (name, text) in texts_as_written() {
            assert!(!lines_read_better_turned(text.lines(), &scorer, 0), "{name}");
        }
    }

    #[test]
    fn lines_are_turned_where_they_read_better() {
        let run = |line: &str| run_stage_judged(restore_hamza_pieces, line, |c| c.lines_cut_at_hamzas = true);
        assert_eq!(canonical(&run("هْلَها جَميعاً.َأَ ن َّ ماءَه ُ كان َ يَكْفيِإِ و")), canonical("وإِنَّ ماءَهُ كانَ يَكْفي أَهْلَها جَميعاً."));
        // (Noto Kufi's period, drawn after the line, goes to its end; its
        // tanween, drawn apart too, is lost.)
        assert_eq!(
            canonical(&run("طْفال ُ يَجْلِسون َ عَلى ضِفَّتِه ِ كُل َّ مَساءَأَ وَكان َ ال.")),
            canonical("وَكانَ الأَطْفالُ يَجْلِسونَ عَلى ضِفَّتِهِ كُلَّ مَساء.")
        );
        // Lines as written stay.
        for line in ["قالَ الجَدُّ: إِنَّ هذا النَّهْرَ أَقْدَمُ مِنَ القَرْيَةِ نَفْسِها،", "سَأَلَ الرَّجُلُ عَنِ الطَّريقِ."]
        {
            assert_eq!(run(line), line);
        }
    }
}
