//! The repair on the real extractions of `corpus/in-the-wild`.

mod common;

use arabic_repair::{diagnose, repair, repair_explained, Config, FixKind, Repairer, SUGGESTION_FLOOR};

fn broken_documents() -> Vec<(String, String)> {
    common::files("in-the-wild", ".broken.txt")
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), common::read(&p)))
        .collect()
}

/// The fonts of Typst's documents the judgements of `word_order` read
/// alike (Amiri's lines come in mixed shapes).
const TYPST_FONTS: [&str; 5] = ["dejavu", "kacst", "kacstoffice", "noto", "notokufi"];

/// Asserts that a document of `corpus/in-the-wild` comes out with a line
/// CER below `max_line_cer`, and these lines (0-based) as the gold has them.
fn assert_repaired(name: &str, max_line_cer: f64, exact_lines: &[usize]) {
    let (broken, gold) = common::in_the_wild(name);
    let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
    assert!(r.repaired.line_cer.unwrap() < max_line_cer, "{name}: {:?}", r.repaired.line_cer);
    let out = repair(&broken).into_owned();
    for &n in exact_lines {
        assert_eq!(out.lines().nth(n), gold.lines().nth(n), "{name}: line {}", n + 1);
    }
}

#[test]
fn line_structure_is_kept() {
    for (name, text) in broken_documents() {
        let out = repair(&text);
        assert_eq!(out.split('\n').count(), text.split('\n').count(), "{name}");
    }
}

#[test]
fn no_tatweel_farsi_letters_or_trailing_spaces_left() {
    for (name, text) in broken_documents() {
        let out = repair(&text);
        for (n, line) in out.lines().enumerate() {
            assert!(!line.contains('\u{0640}'), "{name}:{}: tatweel left: {line}", n + 1);
            assert!(!line.contains(['\u{06CC}', '\u{06A9}']), "{name}:{}: Farsi letter left: {line}", n + 1);
            if line.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                assert!(!line.ends_with(' '), "{name}:{}: trailing space left", n + 1);
                assert!(!line.trim_start().contains("  "), "{name}:{}: double space left", n + 1);
            }
        }
    }
}

#[test]
fn explained_fixes_rebuild_the_output_and_are_all_accounted_for() {
    for (name, text) in broken_documents() {
        let explained = repair_explained(&text);
        assert_eq!(explained.apply(&text), explained.text, "{name}");
        assert_eq!(explained.text, repair(&text), "{name}");
        for pair in explained.fixes.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{name}: overlapping fixes");
        }
        let tatweel = explained.fixes.iter().filter(|f| f.kind == FixKind::Tatweel).count();
        // (A tatweel removed from a line that a stage also rewrote whole is
        // part of that line's fix.)
        let removes_tatweel = explained.fixes.iter().filter(|f| f.before.contains('\u{0640}')).count();
        let d = diagnose(&text);
        // Every diagnosed tatweel run is removed; a fix may cover two runs
        // that a removed space between them joined.
        assert!(
            (removes_tatweel > 0 || d.tatweel_runs == 0) && tatweel <= d.tatweel_runs,
            "{name}: {tatweel} tatweel fixes, {} runs",
            d.tatweel_runs
        );
    }
}

#[test]
fn repair_is_idempotent_on_real_damage() {
    for (name, text) in broken_documents() {
        let once = repair(&text).into_owned();
        assert_eq!(repair(&once), once, "{name}");
    }
}

#[test]
fn diagnosis_of_the_samples() {
    // Counts described in corpus/in-the-wild/README.md: ctoc-wg7-2021-5 has
    // 515 U+FFFD and 132 Farsi yeh.
    let docs = broken_documents();
    let wg7 = &docs.iter().find(|(n, _)| n.starts_with("ctoc-wg7")).unwrap().1;
    let d = diagnose(wg7);
    assert_eq!(d.farsi_letters, 132);
    assert_eq!(d.placeholders, 515);
    assert!(d.damage_score > 0.4, "{d:?}");
    let wg4 = &docs.iter().find(|(n, _)| n.starts_with("ctoc-wg4")).unwrap().1;
    let d = diagnose(wg4);
    assert_eq!((d.placeholders, d.farsi_letters), (0, 0));
    assert!(d.tatweel_runs > 400, "{d:?}");
}

#[test]
fn fixes_below_the_threshold_are_reported_not_applied() {
    let mut by_name = std::collections::HashMap::new();
    for (name, text) in broken_documents() {
        let explained = repair_explained(&text);
        for s in &explained.suggestions {
            assert_eq!(text[s.span.clone()], s.before, "{name}: {s:?}");
            assert!((SUGGESTION_FLOOR..0.9).contains(&s.confidence), "{name}: {s:?}");
            assert!(matches!(s.kind, FixKind::Placeholder | FixKind::ReadingOrder | FixKind::WordBoundary), "{s:?}");
            assert!(!explained.fixes.contains(s), "{name}: {s:?} was applied");
        }
        assert!(explained.suggestions.windows(2).all(|p| p[0].span.start <= p[1].span.start), "{name}");
        by_name.insert(name, explained.suggestions);
    }
    // The placeholders ctoc-wg7-2021-5 keeps (`�ما`: `بما` or `كما`) are
    // suggested with the letters the lexicon ranks first (measured: 26
    // suggestions; of the 40 placeholders left, some have no filling above
    // 0.5 and some share a line's suggestion).
    let wg7 = &by_name["ctoc-wg7-2021-5.broken.txt"];
    let placeholders: Vec<_> = wg7.iter().filter(|s| s.kind == FixKind::Placeholder).collect();
    assert!(placeholders.len() >= 20, "{placeholders:?}");
    for s in placeholders {
        assert!(
            s.before.contains('\u{FFFD}') && s.after.matches('\u{FFFD}').count() < s.before.matches('\u{FFFD}').count()
        );
    }
    // A line of ctoc-wg4-2018-3 whose right reading beats it by less than the
    // margin (`بم` + `صادر`) is reported with that reading.
    let wg4 = &by_name["ctoc-wg4-2018-3.broken.txt"];
    assert!(
        wg4.iter().any(|s| s.kind == FixKind::ReadingOrder && s.after.starts_with("ويُستعان فيه بمصادر أخرى")),
        "{wg4:?}"
    );
}

#[test]
fn the_reading_order_asks_the_configured_confidence() {
    let text = common::read(&common::corpus_dir().join("in-the-wild/ctoc-wg4-2018-3.broken.txt"));
    let reordered = |min_confidence: f32| {
        let repairer = Repairer::new(Config::new().min_confidence(min_confidence));
        let explained = repairer.repair_explained(&text);
        explained.fixes.iter().filter(|f| f.kind == FixKind::ReadingOrder).count()
    };
    // (Measured: 224, 220 and 198 lines.)
    let (lenient, default, strict) = (reordered(0.5), reordered(0.9), reordered(0.99));
    assert!(lenient > default && default > strict, "{lenient} {default} {strict}");
}

/// `pdftotext -raw` wraps each run in RLE … PDF and, for these PDFs, writes
/// the runs of a line left to right: every line comes out in logical order.
/// The same runs wrapped in logical order (as a PDF that draws its runs in
/// reading order would give them) are only unwrapped, never turned.
#[test]
fn embedded_runs_are_read_in_the_order_the_document_shows() {
    let dir = common::corpus_dir().join("in-the-wild");
    for font in ["amiri", "kacst", "noto"] {
        let name = format!("pdf-{font}-pdftotext-raw");
        let broken = common::read(&dir.join(format!("{name}.broken.txt")));
        let gold = common::read(&dir.join(format!("{name}.gold.txt")));
        let repaired = repair(&broken);
        assert_eq!(repaired, gold, "{name}");
        // Each Arabic word of the gold in an embedding of its own, in
        // logical order: no word is cut, so the document shows nothing to
        // turn. (Lines without Arabic are never touched: they stay bare.)
        let arabic = |w: &str| w.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
        let logical: String = gold
            .lines()
            .map(|line| {
                let words: Vec<String> = line
                    .split(' ')
                    .map(|w| if arabic(w) { format!("\u{202B}{w}\u{202C}") } else { w.to_string() })
                    .collect();
                words.join(" ") + "\n"
            })
            .collect();
        assert_eq!(repair(&logical), gold, "{name}: runs in logical order were turned");
        // The extraction with each line's embeddings (cut words too) put in
        // reading order, as a PDF drawing its runs so would give them: the
        // cut words now read right as written, and nothing is turned.
        let in_reading_order: String = broken.lines().map(|line| embeddings_reversed(line) + "\n").collect();
        assert_eq!(repair(&in_reading_order), repaired, "{name}: runs in reading order were turned");
    }
}

/// A line's top-level RLE … PDF embeddings and the text between them in
/// reverse order, each embedding kept whole (the text between reversed by
/// characters, but for digits and Latin letters, which only the test lines'
/// own lines hold).
fn embeddings_reversed(line: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut inside = false;
    for c in line.chars() {
        match c {
            '\u{202B}' => {
                if !current.is_empty() {
                    parts.push(current.chars().rev().collect());
                }
                current = c.to_string();
                inside = true;
            }
            '\u{202C}' if inside => {
                current.push(c);
                parts.push(std::mem::take(&mut current));
                inside = false;
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        let keeps_order = current.chars().any(|c| c.is_alphanumeric());
        parts.push(if keeps_order || parts.is_empty() { current } else { current.chars().rev().collect() });
    }
    if parts.len() == 1 {
        return parts.remove(0);
    }
    parts.into_iter().rev().collect()
}

/// The paragraph label a line starts with (`١٤-`, `(أ)`, `أولاً-`), if any.
fn leading_label(line: &str) -> Option<&str> {
    let first = line.trim_start().split(' ').next()?;
    let number = first.strip_suffix('-').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_numeric()));
    let word = first.ends_with("\u{064B}-");
    let letter = first.starts_with('(') && first.ends_with(')') && first.chars().count() == 3;
    (number || word || letter).then_some(first)
}

#[test]
fn labels_that_pdfium_and_pdfjs_drew_apart_are_put_together() {
    // Every label of the gold starts its line in the repair of PDFium's and
    // pdf.js's extractions (and PyMuPDF's of the PDFs fpdf2 and ReportLab
    // draw), and nothing that is no label does; the text
    // after it too, but where a font's ligature came out as letters the
    // repair does not know (Amiri's `خب` as `خH` and a glyph of `ال` as `v`,
    // Noto Kufi's lam-alef turned: `corpus/known-failures.md`).
    let mut labels = 0;
    for path in common::files("in-the-wild", ".broken.txt") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // (fpdf2 with Amiri: spaces inside words and a ligature as `K`,
        // which the label cannot help: `corpus/known-failures.md`.)
        let python_library = name.contains("fpdf-") || name.contains("reportlab-");
        let extractor =
            name.contains("-pdfium.") || name.contains("-pdfjs.") || python_library && name.contains("-pymupdf.");
        // (WeasyPrint's PDFs, added later, have a test of their own;
        // Typst's, Chromium's, LaTeX's and wkhtmltopdf's, added later still, lay their labels out
        // in ways this does not read: `corpus/known-failures.md`.)
        // (Nor has the running text, `pdf-prose-*`, any label; the vowelled
        // text, `pdf-vowelled-*`, has none either, and is far from repaired:
        // `corpus/known-failures.md`.)
        let later = ["weasy-", "typst-", "chrome-", "latex-", "wkhtml-", "prose-", "vowelled-", "tech-"]
            .iter()
            .any(|p| name.contains(p));
        if !extractor || name.contains("fpdf-amiri") || later {
            continue;
        }
        let gold = common::read(&path.with_file_name(name.replace(".broken.", ".gold.")));
        let broken = common::read(&path);
        let out = repair(&broken).into_owned();
        let text_known = !["amiri-pdfjs", "notokufi", "fpdf-amiri", "pymupdf"].iter().any(|k| name.contains(k));
        for (n, ((g, o), b)) in gold.lines().zip(out.lines()).zip(broken.lines()).enumerate() {
            if name.contains("amiri-pdfjs") && b.contains(['H', 'v']) {
                continue; // Amiri's ligatures as Latin letters took the label with them
            }
            if name.contains("pymupdf") && b.contains(|c: char| c.is_ascii_uppercase()) {
                continue; // an abbreviation's run laid out left to right: not read
            }
            assert_eq!(leading_label(o), leading_label(g), "{name}:{}: {o}", n + 1);
            labels += usize::from(leading_label(g).is_some());
            if text_known {
                assert_eq!(o, g, "{name}:{}", n + 1);
            }
        }
    }
    assert!(labels > 250, "{labels} labels checked");
}

#[test]
fn runs_that_pdfbox_emitted_left_to_right_are_turned_back() {
    // PDFBox (Apache Tika) on LibreOffice's PDFs in fonts that hold the
    // line's punctuation emits a line's runs from its visual left, each as it
    // reads (`- يتناول ... المياه.١`): every line comes out as the gold,
    // but where Amiri's ligatures came out as Latin letters (`خH`, `الv`), which no repair
    // knows (`corpus/known-failures.md`).
    let mut lines = 0;
    for font in ["amiri", "dejavu", "schools-amiri", "schools-dejavu"] {
        let name = format!("pdf-{font}-pdfbox");
        let broken = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.broken.txt")));
        let gold = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.gold.txt")));
        let out = repair(&broken).into_owned();
        for (n, ((g, o), b)) in gold.lines().zip(out.lines()).zip(broken.lines()).enumerate() {
            if !b.contains(['H', 'v']) {
                assert_eq!(o, g, "{name}:{}", n + 1);
                lines += 1;
            }
        }
    }
    assert!(lines > 60, "{lines} lines checked");
}

#[test]
fn runs_that_pdfbox_cut_at_kerned_yehs_are_glued_back() {
    // PDFBox on Amiri PDFs (fpdf2, WeasyPrint, Chromium) starts a run where
    // a yeh is kerned under the letter before, and emits the runs from the
    // line's visual left (`يق من ... عام ٢٠٢٣. ٢- وقد أعد التقرير فر`): every
    // such line (starting with the yeh's piece, a label inside) comes out
    // as the gold, in the documents that show two such lines counting up.
    let mut lines = 0;
    for maker in ["fpdf", "weasy", "chrome", "schools-fpdf", "schools-weasy", "schools-chrome"] {
        let name = format!("pdf-{maker}-amiri-pdfbox");
        let broken = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.broken.txt")));
        let gold = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.gold.txt")));
        let out = repair(&broken).into_owned();
        for (n, ((g, o), b)) in gold.lines().zip(out.lines()).zip(broken.lines()).enumerate() {
            let label_inside = b.split(' ').skip(1).any(|t| t.ends_with('-') && t.len() > 1);
            if b.starts_with('ي') && label_inside {
                assert_eq!(o, g, "{name}:{}", n + 1);
                lines += 1;
            }
        }
    }
    assert!(lines >= 30, "{lines} lines checked");
}

#[test]
fn runs_that_pypdf_emits_from_chromium_pdfs_are_turned_back() {
    // pypdf on Chromium's PDFs in the fonts that Chromium writes as
    // presentation forms emits a line's runs from its visual left, each as
    // it reads, the label drawn as a unit and the numbers' digits reversed
    // (`.٣٢٠٢ وقد ... في عام -٢`, `.مايو / وستعرض ... أيار -١٤`): every line
    // of the eight documents comes out as the gold.
    let mut lines = 0;
    for text in ["", "schools-"] {
        for font in ["kacst", "kacstoffice", "noto", "notokufi"] {
            let name = format!("pdf-{text}chrome-{font}-pypdf");
            let broken = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.broken.txt")));
            let gold = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.gold.txt")));
            let out = repair(&broken).into_owned();
            for (n, (g, o)) in gold.lines().zip(out.lines()).enumerate() {
                assert_eq!(o, g, "{name}:{}", n + 1);
                lines += 1;
            }
        }
    }
    assert_eq!(lines, 4 * (22 + 15));
}

#[test]
fn labels_that_weasyprint_pdfs_lay_out_last_are_put_first() {
    // PyMuPDF and pypdf on WeasyPrint's PDFs glue a paragraph's label after
    // its sentence's punctuation (`يتناول ... المياه.-١`, `... عاجلة؛)أ(`):
    // every label of the gold starts its line in the repair, but in the
    // line whose abbreviation's run went first (`) قدم ....UNEP( ...-٧`,
    // not read) and where a glyph came out as a letter of another script.
    let mut labels = 0;
    for path in common::files("in-the-wild", ".broken.txt") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.contains("weasy-") && name.contains("-pymupdf.")) {
            continue;
        }
        let gold = common::read(&path.with_file_name(name.replace(".broken.", ".gold.")));
        let out = repair(&common::read(&path)).into_owned();
        for (n, ((g, o), b)) in gold.lines().zip(out.lines()).zip(common::read(&path).lines()).enumerate() {
            if b.contains(|c: char| c.is_ascii_uppercase() || ('\u{0900}'..='\u{0DFF}').contains(&c)) {
                continue;
            }
            assert_eq!(leading_label(o), leading_label(g), "{name}:{}: {o}", n + 1);
            labels += usize::from(leading_label(g).is_some());
        }
    }
    assert!(labels > 150, "{labels} labels checked");
}

#[test]
fn words_cut_before_a_kerned_yeh_are_joined() {
    // Amiri kerns an initial yeh back under reh, zain and waw; pdftotext,
    // pdf.js and PDFium put a space there (`فر يق`, `التوز يع`, `و يعزى`).
    // In every extraction of an Amiri PDF by one of them that shows it (a
    // word of two letters or more cut so, three times: the conjunction
    // alone is no sign, `pdf-fpdf-amiri-pdfium` shows only that), each gold
    // word that came out cut so is whole in the repair, and no gold word
    // that came out whole is cut.
    let mut joined = 0;
    for path in common::files("in-the-wild", ".broken.txt") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.contains("amiri-pdftotext") || name.contains("amiri-pdfjs") || name.contains("amiri-pdfium")) {
            continue;
        }
        // (LuaLaTeX's PDFs also cut `تقرير` as `تقر ير`, two pieces the word
        // lists hold at Zipf 3.8 each: `corpus/known-failures.md`.)
        if name.contains("latex-") {
            continue;
        }
        let gold = common::read(&path.with_file_name(name.replace(".broken.", ".gold.")));
        let broken = common::read(&path);
        let signs = ["فر يق", "التوز يع", "التشر يع", "الحضر ية", "طو يلة", "الر يفية", "ز يادة", "أبر يل"];
        if signs.iter().map(|s| broken.matches(s).count()).sum::<usize>() < 3 {
            continue;
        }
        let out = repair(&broken).into_owned();
        for (n, ((g, o), b)) in gold.lines().zip(out.lines()).zip(broken.lines()).enumerate() {
            // (Amiri's ligatures as letters of another script glued inside
            // a word (`الKخبراء`, `الిخبراء`), and a number glued to a word
            // (`الفر يق٢`: pdf.js's runs out of order), leave the line to the
            // reading order: `corpus/known-failures.md`.)
            let arabic_block = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
            let letter = |c: char| ('\u{0621}'..='\u{064A}').contains(&c);
            let chars: Vec<char> = b.chars().collect();
            let glued = |x: char, y: char| ((x.is_alphabetic() && !arabic_block(x)) || x.is_numeric()) && letter(y);
            if chars.windows(2).any(|w| glued(w[0], w[1]) || glued(w[1], w[0])) {
                continue;
            }
            let letters = |w: &str| w.trim_matches(|c: char| !('\u{0621}'..='\u{064A}').contains(&c)).to_string();
            let out_words: Vec<&str> = o.split(' ').collect();
            let broken_words: Vec<String> = b.split(' ').map(letters).collect();
            for word in g.split(' ').map(letters) {
                let cut = word.char_indices().skip(1).find_map(|(i, c)| {
                    let before = word[..i].chars().next_back()?;
                    (c == 'ي' && matches!(before, 'ر' | 'ز' | 'و')).then(|| (&word[..i], &word[i..]))
                });
                let Some((first, second)) = cut else { continue };
                let cut = format!("{first} {second}");
                // (The two pieces as tokens of their own: a piece glued to
                // another run, `الفر يقيل` from pdf.js's runs out of order,
                // is the reading order's.)
                if broken_words.windows(2).any(|w| w[0].ends_with(first) && w[1] == second) {
                    assert!(out_words.iter().any(|w| w.contains(&word)), "{name}:{}: {word} not joined in {o}", n + 1);
                    joined += 1;
                } else if b.split(' ').any(|w| w.contains(&word)) {
                    assert!(!o.contains(&cut), "{name}:{}: {word} cut in {o}", n + 1);
                }
            }
        }
    }
    assert!(joined > 150, "{joined} words cut before a kerned yeh");
}

#[test]
fn spaces_lost_between_all_words_are_put_back() {
    // LuaLaTeX draws no space glyphs, and pdfminer.six, pdf.js, pypdf,
    // PDFBox, PDFium and pdfplumber then write its lines without a space
    // (`٢-وقدأعدالتقريرفريقمن...`; some also in visual order). In every such
    // extraction (most of its letters in tokens of 16 letters or more), on
    // the lines whose letters the repair puts in the gold's order, it puts
    // back nearly all the gold's spaces, and nearly every space it writes is
    // one of the gold's. (Measured on 542 lines of 58 documents: 4,001 of
    // the gold's 4,101 spaces put back, 4,001 of 4,014 written right. The
    // 13 wrong are the extractors' own, inside a word: `أو لاً`, `برنامجا
    // لأمم`.)
    let long_share = |text: &str| {
        let letters = |t: &str| t.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).count();
        let all: usize = text.split_whitespace().map(letters).sum();
        let long: usize = text.split_whitespace().map(letters).filter(|&n| n >= 16).sum();
        long as f64 / all.max(1) as f64
    };
    // Where the spaces of a line stand, counted in its other characters.
    let spaces = |line: &str| -> (Vec<usize>, String) {
        let (mut at, mut rest) = (Vec::new(), String::new());
        for c in line.trim().chars() {
            if c == ' ' {
                at.push(rest.chars().count());
            } else {
                rest.push(c);
            }
        }
        (at, rest)
    };
    let (mut documents, mut lines, mut gold_spaces, mut found, mut written, mut wrong) = (0, 0, 0, 0, 0, 0);
    for path in common::files("in-the-wild", ".broken.txt") {
        let broken = common::read(&path);
        if long_share(&broken) < 0.5 {
            continue;
        }
        documents += 1;
        let gold = common::read(
            &path.with_file_name(path.file_name().unwrap().to_string_lossy().replace(".broken.", ".gold.")),
        );
        let out = repair(&broken).into_owned();
        for (o, g) in out.lines().zip(gold.lines()) {
            let ((o_at, o_rest), (g_at, g_rest)) = (spaces(o), spaces(g));
            if o_rest != g_rest {
                continue;
            }
            lines += 1;
            gold_spaces += g_at.len();
            found += g_at.iter().filter(|p| o_at.contains(p)).count();
            written += o_at.len();
            wrong += o_at.iter().filter(|p| !g_at.contains(p)).count();
        }
    }
    assert!(documents >= 40 && lines >= 300, "{documents} documents, {lines} lines");
    assert!(found as f64 >= 0.96 * gold_spaces as f64, "{found} of {gold_spaces} spaces put back");
    assert!((wrong as f64) < 0.01 * written as f64, "{wrong} of {written} spaces wrong");
}

#[test]
fn words_that_pdfbox_emits_from_xelatex_pdfs_are_turned_back() {
    // XeTeX draws each word as a chunk of its own, and PDFBox emits a line's
    // chunks from its visual left: `المياه. إدارة في ... يتناول -١`. With
    // the fonts whose hyphen and period map to text (Amiri, DejaVu Sans),
    // every line of both texts is repaired to the gold.
    let mut checked = 0;
    for text in ["", "schools-"] {
        for font in ["amiri", "dejavu"] {
            let name = format!("pdf-{text}xelatex-{font}-pdfbox");
            let dir = common::corpus_dir().join("in-the-wild");
            let broken = common::read(&dir.join(format!("{name}.broken.txt")));
            let gold = common::read(&dir.join(format!("{name}.gold.txt")));
            for (n, (o, g)) in repair(&broken).lines().zip(gold.lines()).enumerate() {
                assert_eq!(o, g, "{name}:{}", n + 1);
                checked += 1;
            }
        }
    }
    assert!(checked >= 70, "{checked} lines");
}

#[test]
fn spaces_that_pdfbox_reads_as_tabs_are_spaces_again() {
    // PDFBox and the `pdf-extract` crate read the spaces of wkhtmltopdf's
    // PDFs as tabs (`ةيرضحلا<TAB>قطانملا<TAB>يف`). No tab is left, and of
    // PDFBox's lines (visual order too) a third at least come out as the
    // gold (measured: 36.4–86.7% of each document's lines).
    let mut documents = 0;
    for path in common::files("in-the-wild", ".broken.txt") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // (The vowelled text's are far from repaired: `corpus/known-failures.md`.)
        if !(name.contains("wkhtml-")
            && !name.contains("vowelled-")
            && !name.contains("tech-")
            && (name.ends_with("-pdfbox.broken.txt") || name.ends_with("-pdf-extract.broken.txt")))
        {
            continue;
        }
        let broken = common::read(&path);
        let gold = common::read(&path.with_file_name(name.replace(".broken.", ".gold.")));
        let out = repair(&broken).into_owned();
        assert!(broken.contains('\t') && !out.contains('\t'), "{name}");
        if name.ends_with("-pdfbox.broken.txt") {
            let exact = out.lines().zip(gold.lines()).filter(|(o, g)| o == g).count();
            assert!(3 * exact >= gold.lines().count(), "{name}: {exact} lines right");
        }
        documents += 1;
    }
    // (12 of the first two texts, 6 of the running text.)
    assert_eq!(documents, 18);
}

#[test]
fn running_text_that_pdfium_writes_gets_its_punctuation_after_its_numbers() {
    // PDFium (and pdftext, which runs it) writes the words of running text
    // in order but the punctuation after a number before it (`عام ،٢٠٢٢
    // مقابل`, `عام .٢٠١٥ وتتصدر`); the stage-22 code read such lines as runs
    // out of order and made 60 of these documents worse than they came.
    // Every line of the 43 whose words and both signs are intact comes out
    // with its numbers and punctuation as the gold has them, and none of the
    // lines is reordered.
    let mut documents = 0;
    for path in common::files("in-the-wild", ".broken.txt") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let broken = common::read(&path);
        if !(name.starts_with("pdf-prose-")
            && broken.contains("عام ،٢٠٢٢ مقابل")
            && broken.contains("عام .٢٠١٥ وتتصدر"))
        {
            continue;
        }
        let gold = common::read(&path.with_file_name(name.replace(".broken.", ".gold.")));
        let out = repair(&broken).into_owned();
        for (o, g) in out.lines().zip(gold.lines()) {
            if g.contains("٢٠٢٢،") || g.contains("٢٠١٥.") || g.contains("٢٠٣٠.") {
                let number = |l: &str| l.split(' ').position(|t| t.starts_with('٢')).unwrap_or(usize::MAX);
                assert_eq!(number(o), number(g), "{name}: {o}");
                assert!(!o.contains(" ،٢") && !o.contains(" .٢"), "{name}: {o}");
            }
        }
        documents += 1;
    }
    assert_eq!(documents, 43);
}

#[test]
fn running_text_without_labels_is_judged_by_its_numbers_and_words() {
    // pypdf on LibreOffice's, WeasyPrint's and fpdf2's PDFs reverses every
    // number's digits (`في نهاية عام ٢٢٠٢، مقابل`): in running text with no
    // paragraph numbers, the shapes of its numbers alone judge the document
    // (two years that read right only backwards, one more sign, none
    // against). PDFium on Chromium's KacstBook PDFs turns each word's
    // letters in place (`تاسايس ةقاطلا، ذإ`): its punctuation after the
    // turned words judges it.
    for name in ["pdf-prose-noto-pypdf", "pdf-prose-weasy-dejavu-pypdf", "pdf-prose-fpdf-dejavu-pypdf"] {
        let out =
            repair(&common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.broken.txt")))).into_owned();
        let gold = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.gold.txt")));
        // (`/٣٢٠٢` in a date keeps its order: `number_order` does not know
        // how a date's numbers came out.)
        for year in ["٢٠٢٢،", "٢٠١٥.", "٢٠٣٠."] {
            assert_eq!(out.contains(year), gold.contains(year), "{name}: {year}");
        }
    }
    for name in ["pdf-prose-chrome-kacst-pdfium", "pdf-prose-chrome-kacstoffice-pdfium"] {
        let out =
            repair(&common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.broken.txt")))).into_owned();
        let gold = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.gold.txt")));
        let exact = out.lines().zip(gold.lines()).filter(|(o, g)| o.trim() == g.trim()).count();
        // Measured: 12 of 19 lines (the rest hold a word the lexicon lists
        // turned too, `تغلب` for `بلغت`, or a tanween drawn apart).
        assert!(exact >= 12, "{name}: {exact} lines right");
    }
}

#[test]
fn marks_written_before_their_letters_are_put_after_them() {
    // Fully vowelled text (`pdf-vowelled-*`): pdftotext on Chromium's PDFs
    // and PDFBox on LibreOffice's write each mark before its letter (`كاَن
    // في الَقْرَيِة َنْهٌر`), so a bare alef bears a short vowel and words
    // start with marks; PyMuPDF on LibreOffice's and fpdf2's PDFs draws a
    // line's last marks first (`ِحِكايَةُ ... الصَّغير`). None of those
    // shapes is left.
    let is_mark = |c: char| ('\u{064B}'..='\u{0652}').contains(&c);
    let vowels_on_alef = |text: &str| text.matches("اَ").count() + text.matches("اُ").count() + text.matches("اِ").count();
    let words_starting_with_marks = |text: &str| text.split_whitespace().filter(|w| w.starts_with(is_mark)).count();
    let lines_starting_with_marks =
        |text: &str| text.lines().filter(|l| l.trim_start_matches([' ', '.', '،']).starts_with(is_mark)).count();
    for name in [
        "chrome-dejavu-pdftotext",
        "chrome-kacst-pdftotext",
        "chrome-kacstoffice-pdftotext",
        "chrome-noto-pdftotext",
        "noto-pdfbox",
        "notokufi-pdfbox",
    ] {
        let broken = common::read(&common::corpus_dir().join(format!("in-the-wild/pdf-vowelled-{name}.broken.txt")));
        let out = repair(&broken).into_owned();
        assert!(vowels_on_alef(&broken) >= 3 && words_starting_with_marks(&broken) >= 3, "{name}");
        assert_eq!((vowels_on_alef(&out), words_starting_with_marks(&out)), (0, 0), "{name}");
    }
    for name in ["noto-pymupdf", "fpdf-dejavu-pymupdf"] {
        let broken = common::read(&common::corpus_dir().join(format!("in-the-wild/pdf-vowelled-{name}.broken.txt")));
        let out = repair(&broken).into_owned();
        assert!(lines_starting_with_marks(&broken) >= 3, "{name}");
        assert_eq!(lines_starting_with_marks(&out), 0, "{name}");
    }
}

/// PDFium (pypdfium2, and pdftext, which runs it) on the technical text
/// (`pdf-tech-*`): a list's `1.` comes out `.1` at its line's start, a
/// percent sign before its number, a date's comma before the date. The
/// stop-23 code read those shapes as runs out of order and moved the runs
/// of the list's lines; now the labels start their lines again, and the
/// lines whose only damage those shapes are come out as the gold (lines 7
/// to 9: `2. ذاكرة ... 20 GB؛`, `3. اتصال ...`, `... في 15/03/2024، ...`),
/// and so do the lines of an e-mail address and a phone number, whose
/// units PDFium read from the right (`org.example@support`, `.1234-800`).
#[test]
fn list_labels_and_dates_that_pdfium_drew_apart_are_put_back() {
    let mut documents = 0;
    for path in common::files("in-the-wild", ".broken.txt") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let pdfium = name.ends_with("-pdfium.broken.txt") || name.ends_with("-pdftext.broken.txt");
        // (LaTeX's PDFs are drawn otherwise: `.94 5%`.)
        if !(name.starts_with("pdf-tech-") && name.contains("amiri-") && pdfium && !name.contains("latex-")) {
            continue;
        }
        let broken = common::read(&path);
        let gold = common::read(&path.with_file_name(name.replace(".broken.", ".gold.")));
        let out = repair(&broken).into_owned();
        let (out, gold): (Vec<&str>, Vec<&str>) = (out.lines().collect(), gold.lines().collect());
        assert!(broken.lines().nth(5).unwrap().starts_with(".1 "), "{name}");
        assert!(out[5].starts_with("1. نظام"), "{name}: {}", out[5]);
        for n in [6, 7, 8, 10, 11] {
            assert_eq!(out[n], gold[n], "{name}:{}", n + 1);
        }
        documents += 1;
    }
    // LibreOffice, Chromium, fpdf2, ReportLab, Typst and WeasyPrint, each
    // read by both.
    assert_eq!(documents, 12);
}

/// PDFium on XeLaTeX's technical PDF (Amiri) and on LibreOffice's with
/// Noto Kufi: the list's labels start their lines (`.1 نظام`, the period
/// drawn on the label's left), so the document emits its runs in reading
/// order, and a line whose only sign is a neutral drawn by a number
/// (`في ،15/03/2024 ويمكن`, `بالرقم -800 .1234 هل`) keeps its words. The
/// stop-29 code judged the documents damaged by the labels' periods and
/// moved the words of those lines (`3.2 1 ويمكن تنزيله من الموقع 15/03/2024
/// في، صدر الإصدار.`): worse than they came. Only the line that PDFium
/// wrote from its visual left (it starts with a URL, `يرجى وللاستفسار
/// .ً مجانا https://...`) may have its words moved, and the labels go
/// first.
#[test]
fn lines_that_pdfium_wrote_in_reading_order_keep_their_words_beside_period_labels() {
    let mut documents = 0;
    for name in ["xelatex-amiri", "notokufi"] {
        for extractor in ["pdfium", "pdftext"] {
            let name = format!("pdf-tech-{name}-{extractor}");
            let (broken, _) = common::in_the_wild(&name);
            let out = repair(&broken).into_owned();
            for (n, (b, o)) in broken.lines().zip(out.lines()).enumerate() {
                if n != 9 {
                    assert_eq!(common::arabic_words(o), common::arabic_words(b), "{name}:{}: {o}", n + 1);
                }
            }
            let lines: Vec<&str> = out.lines().collect();
            assert!(lines[5].starts_with("1. نظام") && lines[6].starts_with("2. ذاكرة"), "{name}");
            documents += 1;
        }
    }
    assert_eq!(documents, 4);
}

/// XeTeX's hyphen, period, brackets and slash map to no character in its
/// PDFs with KacstBook, KacstOffice and Noto Kufi, and PDFBox writes the
/// noncharacter U+FFFF for them: `المياه￿ إدارة في ... يتناول ￿١`. The code
/// stands for a neutral, so where the judgement of words emitted from the
/// left looks for a label's hyphen or a sentence's period, it may be
/// either. The stop-28 code judged none of these documents (0.72-0.77 line
/// CER, no line's words in order); now each line's words come out in the
/// gold's order, but where Noto Kufi lost the spaces around `في`
/// (`الإقليميفي`, two lines) and a lam-alef its order (`خالل`, one line).
#[test]
fn words_pdfbox_emitted_from_the_left_are_turned_back_where_neutrals_map_to_nothing() {
    // (The neutrals stay U+FFFF.)
    let words = common::arabic_words;
    let mut documents = 0;
    for text in ["", "schools-", "prose-"] {
        for font in ["kacst", "kacstoffice", "notokufi"] {
            let name = format!("pdf-{text}xelatex-{font}-pdfbox");
            let path = common::corpus_dir().join(format!("in-the-wild/{name}.broken.txt"));
            if !path.exists() {
                continue;
            }
            let broken = common::read(&path);
            let gold = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.gold.txt")));
            assert!(broken.contains('\u{FFFF}'), "{name}");
            let out = repair(&broken).into_owned();
            let lines = gold.lines().count();
            let in_order = out.lines().zip(gold.lines()).filter(|(o, g)| words(o) == words(g)).count();
            let allowed = if font == "notokufi" { 2 } else { 0 };
            assert!(in_order + allowed >= lines, "{name}: {in_order} of {lines} lines' words in order");
            documents += 1;
        }
    }
    assert_eq!(documents, 8);
}

/// pypdf on Typst's PDFs writes a labelled line's label first, its hyphen
/// last, glued to the last word, and the words between from the line's
/// visual left: `٥ الصناعية. الأنشطة ... هذا ويعزى-`. Its other lines come
/// out in other shapes (runs cut at a ligature, words glued), so only the
/// lines of that shape are turned, in a document that shows three at
/// least. The stop-28 code left them as they came (0.68-0.72 line CER);
/// now each such line starts with its label, and all but one end with
/// their sentence's last word, as the gold's (most come out as the gold;
/// where a tanween or a lam-alef came apart, `يدعو،اًا وأخير-`, the search
/// moves the pieces),
/// and each document is better than it came by 0.3 at least (measured:
/// 0.34-0.44 line CER, from 0.73-0.74). KacstBook, KacstOffice and Noto
/// Kufi draw the sentence's period with the label (`٥. الصناعية ...
/// ويعزى-`).
#[test]
fn labelled_lines_whose_words_pypdf_emitted_from_the_left_are_turned_back() {
    for font in ["amiri", "dejavu", "noto", "kacst", "kacstoffice", "notokufi"] {
        let name = format!("pdf-typst-{font}-pypdf");
        let (broken, gold) = common::in_the_wild(&name);
        let out = repair(&broken).into_owned();
        let (mut shaped, mut ends_right) = (0, 0);
        for ((b, o), g) in broken.lines().zip(out.lines()).zip(gold.lines()) {
            let b = b.trim_matches(' ');
            let label = |n: &str| n.trim_end_matches('.').chars().all(|c| c.is_numeric());
            if b.ends_with('-') && b.split(' ').next().is_some_and(label) {
                shaped += 1;
                assert_eq!(o.split(' ').next(), g.split(' ').next(), "{name}: {o}");
                ends_right += usize::from(o.split(' ').next_back() == g.split(' ').next_back());
            }
        }
        assert!(shaped >= 8 && ends_right + 1 >= shaped, "{name}: {ends_right} of {shaped} lines");
        let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
        assert!(r.repaired.line_cer.unwrap() + 0.3 < r.raw.line_cer.unwrap(), "{name}");
    }
    // A line whose sentence holds a number has the hyphen before it, and
    // the period after it or after the sentence's last word
    // (`٣ من الوزارة ... ويستند-٤١ رئيسية. مدينة`): such lines are read too.
    for font in ["dejavu", "kacst"] {
        let name = format!("pdf-typst-{font}-pypdf");
        let (broken, gold) = common::in_the_wild(&name);
        let out = repair(&broken).into_owned();
        for start in ["٢ عام", "٣ من"] {
            let at = broken.lines().position(|l| l.starts_with(start)).unwrap();
            assert_eq!(out.lines().nth(at), gold.lines().nth(at), "{name}");
        }
    }
    // pdf.js glues the label to the first word and leaves the hyphen alone
    // (`١المياه. إدارة ... يتناول -`); its document of DejaVu's is judged
    // by its lines' edges, and those lines are turned as the label drawn
    // last (stop 28: 0.7199, worse than it came; measured now 0.2067).
    let name = "pdf-typst-dejavu-pdfjs";
    let dir = common::corpus_dir().join("in-the-wild");
    let broken = common::read(&dir.join(format!("{name}.broken.txt")));
    let gold = common::read(&dir.join(format!("{name}.gold.txt")));
    let out = repair(&broken).into_owned();
    let mut shaped = 0;
    for ((b, o), g) in broken.lines().zip(out.lines()).zip(gold.lines()) {
        if b.ends_with(" -") && b.starts_with(|c: char| c.is_numeric()) {
            shaped += 1;
            assert!(o.starts_with(g.split(' ').next().unwrap_or_default()), "{name}: {o}");
        }
    }
    assert!(shaped >= 8, "{name}: {shaped} lines");
    let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
    assert!(r.repaired.line_cer.unwrap() + 0.5 < r.raw.line_cer.unwrap(), "{name}");
}

/// pdf.js on Typst's PDFs of the report, beyond the labels drawn apart
/// (above): with KacstBook, KacstOffice and Noto Kufi it glues the
/// sentence's period between the label and the first word (`١.المياه ...
/// يتناول -`), and a labelled line whose sentence holds a number comes out
/// with the label glued first, the hyphen before the number and the
/// number glued to the word after it (`٣من الوزارة ... ويستند -١٤رئيسية.
/// مدينة`). Its documents are judged by their lines' edges as well as by
/// their labels; the labels now decide such lines. The stop-29 code left
/// the KacstBook, KacstOffice and Noto Kufi documents at 0.73 line CER (raw
/// 0.74-0.75) and read the numbered lines of the others as runs; measured
/// now 0.06-0.25. Lines 3, 4, 5 and 9 (the first paragraphs, two with a
/// number) come out as the gold in every document but Amiri's (whose
/// ligatures cut words into runs).
#[test]
fn labelled_lines_that_pdfjs_drew_from_the_left_are_turned_back_around_their_numbers() {
    for font in ["dejavu", "noto", "kacst", "kacstoffice", "notokufi"] {
        let name = format!("pdf-typst-{font}-pdfjs");
        let (broken, gold) = common::in_the_wild(&name);
        let out = repair(&broken).into_owned();
        let (out, gold): (Vec<&str>, Vec<&str>) = (out.lines().collect(), gold.lines().collect());
        for n in [3, 4, 5, 9] {
            assert_eq!(out[n - 1], gold[n - 1], "{name}:{n}");
        }
    }
}

/// PDFBox on LibreOffice's and Typst's technical PDFs, whose list labels
/// are `1.`: the line's runs come out from its visual left, the label last
/// as a run of its own (`؛GB 20 ومساحة فارغة قدرها GB 8. ذاكرة لا تقل عن
/// 2`). `level_runs` looked for the hyphen of `N-` labels only and left the
/// documents to the reading order's search (stop 28: 0.33-0.43 line CER);
/// read with the period too, they come back in order (measured 0.10-0.24,
/// from 0.55-0.64).
#[test]
fn runs_pdfbox_emitted_from_the_left_with_period_labels_are_turned_back() {
    let dir = common::corpus_dir().join("in-the-wild");
    let mut documents = 0;
    for maker in ["", "typst-"] {
        for font in ["dejavu", "kacst", "kacstoffice", "noto"] {
            let name = format!("pdf-tech-{maker}{font}-pdfbox");
            let broken = common::read(&dir.join(format!("{name}.broken.txt")));
            let gold = common::read(&dir.join(format!("{name}.gold.txt")));
            let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
            assert!(r.repaired.line_cer.unwrap() + 0.25 < r.raw.line_cer.unwrap(), "{name}");
            documents += 1;
        }
    }
    assert_eq!(documents, 8);
    let name = "pdf-tech-dejavu-pdfbox";
    let broken = common::read(&dir.join(format!("{name}.broken.txt")));
    let out = repair(&broken).into_owned();
    let at = broken.lines().position(|l| l.ends_with("نظام تشغيل 1")).unwrap();
    assert!(out.lines().nth(at).unwrap().starts_with("1. نظام تشغيل Linux أو"), "{name}");
    let at = broken.lines().position(|l| l.ends_with("ذاكرة ال تقل عن 2")).unwrap();
    assert_eq!(out.lines().nth(at).unwrap(), "2. ذاكرة لا تقل عن 8 GB ومساحة فارغة قدرها 20 GB؛");
}

/// PDFBox on XeLaTeX's PDFs of running text (`pdf-prose-xelatex-*-pdfbox`):
/// each word is a chunk of its own, and the words of a line come out from
/// its visual left. The text has no labels to judge it by; its lines'
/// edges do (`word_order::LineEdges`: lines start with the word that ends
/// their sentence). The stop-23 code left them at 0.62–0.70 line CER with
/// no line right; now most lines come out as the gold (measured: 12 to 17
/// of 19). Since stop 29 a number with its punctuation drawn on its left
/// inside a line (`عام ،٢٠٢٢ مقابل`) has it put back after it, and with
/// Amiri and DejaVu Sans every line is the gold's.
#[test]
fn words_pdfbox_emitted_from_the_left_in_running_text_are_turned_back() {
    for (font, at_least) in [("amiri", 19), ("dejavu", 19), ("noto", 12)] {
        let name = format!("pdf-prose-xelatex-{font}-pdfbox");
        let broken = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.broken.txt")));
        let gold = common::read(&common::corpus_dir().join(format!("in-the-wild/{name}.gold.txt")));
        let out = repair(&broken).into_owned();
        let exact = out.lines().zip(gold.lines()).filter(|(o, g)| o == g).count();
        assert!(exact >= at_least, "{name}: {exact} of {} lines right", gold.lines().count());
    }
}

/// pypdf and pdf.js on Typst's PDFs of the schools' report: three lines of
/// the label-first, hyphen-last shape (labels 1, 4 and 8), which did not
/// count up, so the document was not judged (stop 29: 0.63-0.72 line CER,
/// raw 0.69-0.72). The labels of the lines whose sentence holds a number
/// (6 and 7) count too now, and the list's lines with a bracket label drawn
/// last (`العامة؛ النقل وسائل نقص(أ)`, `.الحديثة ... قلة )ج(`) are turned in
/// such a document. Measured: 0.26-0.30, each document better than it came
/// by 0.39 at least. Lines 3, 7 to 10, 13 and 14 come out as the gold in all
/// but Amiri's (whose ligatures cut words: its lines 3, 7, 8).
#[test]
fn lists_that_typst_pdfs_lay_out_from_the_left_are_turned_back_in_the_schools_report() {
    for extractor in ["pypdf", "pdfjs"] {
        for font in ["amiri", "dejavu", "noto", "kacst", "kacstoffice", "notokufi"] {
            let name = format!("pdf-schools-typst-{font}-{extractor}");
            let (broken, gold) = common::in_the_wild(&name);
            let repaired = repair(&broken).into_owned();
            let (out, gold_lines): (Vec<&str>, Vec<&str>) = (repaired.lines().collect(), gold.lines().collect());
            let exact: &[usize] = if font == "amiri" { &[3, 7, 8] } else { &[3, 7, 8, 9, 10, 13, 14] };
            for &n in exact {
                assert_eq!(out[n - 1], gold_lines[n - 1], "{name}:{n}");
            }
            let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
            assert!(r.repaired.line_cer.unwrap() + 0.35 < r.raw.line_cer.unwrap(), "{name}");
        }
    }
}

/// pypdf and PyMuPDF on the technical text's PDFs that Chromium, fpdf2,
/// ReportLab and WeasyPrint make: each line's runs from the visual left,
/// the list's number glued to the line's last word and its period alone
/// between spaces (`؛GB 20  ومساحة فارغة قدرهاGB 8 . ذاكرة لا تقل عن2`).
/// The stop-29 code took the glued number for PyMuPDF's layout of
/// XeLaTeX's PDFs (whose period is glued to the run before it) and did not
/// judge the documents (0.45-0.62 line CER); now their runs are turned
/// back: 0.19-0.36, each better than it came by 0.3 at least (raw
/// 0.66-0.91), and the last line (`ملاحظة: ... نحو 3 دقائق.`) comes out as
/// the gold in Chromium's through pypdf, and so do the list's second and
/// third lines, their runs' edges tidied (`tidy_run_edges`: `2 . ذاكرة` is
/// `2. ذاكرة`, `3.. اتصال ... التحديثات` is `3. اتصال ... التحديثات.`), and
/// the lines of the URL and the e-mail address, whose neutrals stand no
/// worse as they came but which start with their first run's space
/// (` مجاناً. وللاستفسار يرجى https://...`): measured 0.09–0.22 now.
/// KacstBook and KacstOffice draw the
/// period at the left of the run after it (`نظام تشغيل. 1`; stop 30 first
/// read it so: 0.65 -> 0.36).
#[test]
fn runs_that_pypdf_and_pymupdf_emit_from_the_left_with_glued_list_numbers_are_turned_back() {
    let documents = [
        ("chrome", "amiri", "pymupdf"),
        ("chrome", "amiri", "pypdf"),
        ("chrome", "dejavu", "pypdf"),
        ("chrome", "noto", "pymupdf"),
        ("chrome", "noto", "pypdf"),
        ("chrome", "kacst", "pypdf"),
        ("chrome", "kacstoffice", "pypdf"),
        ("fpdf", "amiri", "pymupdf"),
        ("fpdf", "amiri", "pypdf"),
        ("fpdf", "dejavu", "pymupdf"),
        ("fpdf", "dejavu", "pypdf"),
        ("reportlab", "amiri", "pymupdf"),
        ("reportlab", "amiri", "pypdf"),
        ("weasy", "amiri", "pymupdf"),
        ("weasy", "amiri", "pypdf"),
        ("weasy", "dejavu", "pymupdf"),
        ("weasy", "dejavu", "pypdf"),
        ("weasy", "noto", "pymupdf"),
        ("weasy", "noto", "pypdf"),
        ("weasy", "notokufi", "pymupdf"),
    ];
    for (maker, font, extractor) in documents {
        let name = format!("pdf-tech-{maker}-{font}-{extractor}");
        let (broken, gold) = common::in_the_wild(&name);
        let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
        assert!(r.repaired.line_cer.unwrap() + 0.3 < r.raw.line_cer.unwrap(), "{name}");
        if maker == "chrome" && extractor == "pypdf" && !font.starts_with("kacst") {
            let out = repair(&broken).into_owned();
            // (The list's lines 7 and 8 with their runs' edges tidied:
            // `2. ذاكرة ... 20 GB؛`, `3. اتصال ... التحديثات.`; the URL's
            // and the e-mail address's lines 10 and 11, which start with
            // their first run's space; Noto's URL comes out spaced,
            // `https : //example . org`.)
            let lines: &[usize] = if font == "noto" { &[7, 8, 14] } else { &[7, 8, 10, 11, 14] };
            for &n in lines {
                assert_eq!(out.lines().nth(n - 1), gold.lines().nth(n - 1), "{name}:{n}");
            }
        }
    }
}

/// pypdf on Typst's PDFs of the technical text: each line's words from the
/// left within its runs, the first two glued (`استخدامدليل`), a tanween's
/// glyph cut off its word (`مجان`, `اًا`). The document's list labels
/// start their lines, so a reading must keep the line's words where they
/// stand unless the line shows signs of its own; the stop-29 code let a
/// reading through that joined two pieces side by side and moved the
/// line's URL from its start to its end, or cut a glued pair and moved its
/// halves apart (0.64-0.70 line CER, raw 0.53-0.54: worse than they came).
/// Now each document comes out better than it came (measured 0.51-0.53),
/// and the URL's line as it came.
#[test]
fn typst_technical_lines_from_pypdf_are_not_made_worse() {
    for font in ["dejavu", "kacst", "kacstoffice", "noto", "notokufi"] {
        let name = format!("pdf-tech-typst-{font}-pypdf");
        let (broken, gold) = common::in_the_wild(&name);
        let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
        assert!(r.repaired.line_cer.unwrap() < r.raw.line_cer.unwrap(), "{name}");
        let out = repair(&broken).into_owned();
        let url = broken.lines().position(|l| l.starts_with("https://")).unwrap();
        assert!(out.lines().nth(url).unwrap().starts_with("https://"), "{name}");
    }
}

/// pdf.js and PyMuPDF on XeLaTeX's vowelled PDFs draw each word's last
/// marks after the space, at the start of the next word (`القَرْيَة ِنَهْر
/// ٌصَغير`); PyMuPDF also starts each line with its last letter's marks and
/// loses spaces. The stop-30 code moved those marks onto the next word's
/// first letter or glued the two words (0.12-0.16 line CER). Now the
/// document is judged so and the marks go back before the space (measured
/// 0.000-0.037).
#[test]
fn final_marks_that_xelatex_pdfs_draw_after_the_space_go_back_to_their_words() {
    for font in ["amiri", "dejavu", "kacst", "kacstoffice", "noto", "notokufi"] {
        for extractor in ["pdfjs", "pymupdf"] {
            let name = format!("pdf-vowelled-xelatex-{font}-{extractor}");
            let lines: &[usize] = if name == "pdf-vowelled-xelatex-noto-pdfjs" { &[1] } else { &[] };
            assert_repaired(&name, 0.05, lines);
        }
    }
}

/// pypdf on WeasyPrint's vowelled PDFs loses the alefs that carry hamza
/// (`: ِنَّ هذا النَّهْرَ َقْدَمُ` for `: إِنَّ هذا النَّهْرَ أَقْدَمُ`); the
/// stop-30 code moved each vowel left behind onto the next letter, which
/// has its own (`نَِّ`, `قَْدَمُ`), and made the documents worse than they
/// came. A vowel before a letter with a vowel of its own now stays.
#[test]
fn vowels_of_lost_letters_are_not_put_on_the_next_letter() {
    for font in ["dejavu", "noto", "notokufi"] {
        let name = format!("pdf-vowelled-weasy-{font}-pypdf");
        let (broken, gold) = common::in_the_wild(&name);
        let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
        assert!(r.repaired.line_cer.unwrap() <= r.raw.line_cer.unwrap(), "{name}");
        if font != "notokufi" {
            // (Noto Kufi's lines come out turned, their colon last.)
            let out = repair(&broken).into_owned();
            let line = broken.lines().find(|l| l.contains(": ِنَّ")).unwrap();
            assert!(out.lines().any(|l| l == line.trim_end()), "{name}");
        }
    }
}

/// pypdf on Typst's running text emits each line's words from the visual
/// left, each with the space before it: the line starts with a space and
/// its first two words, emitted last, are glued (` العربية المنطقة في
/// المتجددةالطاقة`). With no label and no sentence end at the lines'
/// edges, no judgement read it: the search moved the glued word alone
/// (0.66-0.68 line CER, raw 0.69). Now such a document has its lines'
/// words turned and the glued pair cut (measured 0.28-0.35); Amiri's,
/// whose lines come out in other shapes too, is not judged so. In a
/// document judged by its labels' shapes, the lines of this shape are
/// turned too.
#[test]
fn words_that_pypdf_emits_from_the_left_with_their_spaces_are_turned_in_typst_running_text() {
    for font in TYPST_FONTS {
        // (The title, and the lines of two glued words at the end: lines 1,
        // 14, 15, 16 and 18.)
        assert_repaired(&format!("pdf-prose-typst-{font}-pypdf"), 0.4, &[0, 13, 14, 15, 17]);
    }
    // The reports and the schools' report through pypdf, judged by their
    // labels' shapes: their titles come out so too (measured 0.13-0.20 ->
    // 0.10-0.17 and 0.26-0.28 -> 0.23-0.25 line CER).
    for text in ["", "schools-"] {
        for font in ["amiri", "dejavu", "kacst", "kacstoffice", "noto", "notokufi"] {
            let name = format!("pdf-{text}typst-{font}-pypdf");
            let (broken, gold) = common::in_the_wild(&name);
            assert_eq!(repair(&broken).lines().next(), gold.lines().next(), "{name}");
        }
    }
}

/// pdf.js on Chromium's PDFs writes its lines in visual order, shaped
/// letters as presentation forms, but the letters drawn with no
/// presentation form as base letters, a run of them, with the spaces and
/// punctuation between, in logical order: `دةﺪﺠﺘﻤﻟا` for `ةدﺪﺠﺘﻤﻟا`
/// (`المتجددة`), `ﺪﻘﻌﻟل اﻼﺧ` for `العقد خلال`. Turned whole, the lines read
/// `المتجدةد` (the stop-30 code: 0.25-0.46 line CER). Now such a document
/// is judged by the lexicon and those runs turned first (measured
/// 0.018-0.112, the technical text 0.30-0.35).
#[test]
fn runs_of_unshaped_letters_that_pdfjs_writes_in_logical_order_are_turned() {
    for text in ["", "prose-", "schools-", "tech-"] {
        for font in ["dejavu", "noto"] {
            let name = format!("pdf-{text}chrome-{font}-pdfjs");
            let bound = if text == "tech-" { 0.36 } else { 0.12 };
            // (Lines 1, 2 and 4 of the running text in DejaVu.)
            let lines: &[usize] = if name == "pdf-prose-chrome-dejavu-pdfjs" { &[0, 1, 3] } else { &[] };
            assert_repaired(&name, bound, lines);
        }
    }
}

/// pypdf and PyMuPDF (and pdf.js on Amiri) on Chromium's, fpdf2's,
/// ReportLab's and WeasyPrint's technical PDFs write the line with a Latin
/// term in brackets from the left: `)Machine Learning( يعتمد ... الآلة`, or
/// with the brackets as they read, `(Machine Learning) يعتمد ...`. The
/// brackets went with the Arabic run, so the turned line put them wrong
/// and was left (the stop-30 code). Now the brackets are the Latin run's:
/// line 2 comes out right in the 22 documents (0.09-0.29 -> 0.03-0.23 line
/// CER).
#[test]
fn latin_words_in_brackets_go_with_their_brackets_when_runs_are_turned() {
    let documents = [
        "chrome-amiri-pdfjs",
        "chrome-amiri-pymupdf",
        "chrome-amiri-pypdf",
        "chrome-dejavu-pypdf",
        "chrome-kacst-pypdf",
        "chrome-kacstoffice-pypdf",
        "chrome-noto-pymupdf",
        "chrome-noto-pypdf",
        "chrome-notokufi-pypdf",
        "fpdf-amiri-pymupdf",
        "fpdf-amiri-pypdf",
        "fpdf-dejavu-pymupdf",
        "fpdf-dejavu-pypdf",
        "reportlab-amiri-pymupdf",
        "reportlab-amiri-pypdf",
        "weasy-amiri-pymupdf",
        "weasy-amiri-pypdf",
        "weasy-dejavu-pymupdf",
        "weasy-dejavu-pypdf",
        "weasy-noto-pymupdf",
        "weasy-noto-pypdf",
        "weasy-notokufi-pymupdf",
    ];
    for document in documents {
        let name = format!("pdf-tech-{document}");
        let (broken, gold) = common::in_the_wild(&name);
        assert_eq!(repair(&broken).lines().nth(1), gold.lines().nth(1), "{name}");
    }
}

/// KacstBook and Noto Kufi draw a list's period at the left of its run
/// (`نظام تشغيل. 1`, pypdf; `نظام تشغيل.1`, PyMuPDF, whose runs also end
/// with two spaces). PyMuPDF's glued form was no label, so the documents
/// were not judged to have their runs reversed (0.49, raw 0.67-0.68), and
/// in every such document the turned line kept the period after the
/// run (`1 نظام تشغيل. Linux`). Now the glued form is a label, and the
/// period goes back on its number (measured 0.15-0.16): the list's lines
/// 7 and 8, and the bracketed line 2, come out right.
#[test]
fn list_periods_that_kacstbook_draws_beside_the_run_go_back_to_their_numbers() {
    for document in [
        "chrome-kacst-pymupdf",
        "chrome-notokufi-pymupdf",
        "weasy-kacst-pypdf",
        "weasy-notokufi-pypdf",
        "chrome-kacst-pypdf",
    ] {
        // (Lines 2, 7 and 8.)
        assert_repaired(&format!("pdf-tech-{document}"), 0.17, &[1, 6, 7]);
    }
}

/// A labelled line of Typst's schools report whose sentence holds two
/// numbers and two words with a slash (`٢الفريق زار وقد -٣٥ونيسان/أبريل
/// آذار/مارس شهري خلال مدرسة٢٠٢٢.`, pdf.js; pypdf's the same with spaces):
/// the stop-30 shape took one number and words of letters only, so the
/// search scrambled the line. Now it reads as written (line 4).
#[test]
fn labelled_lines_with_two_numbers_and_slashed_words_are_turned_in_typst_lists() {
    // (Noto's slashed pairs come out in other shapes, `أبريل/ونيسان`,
    // `ونيسانمارس/ آذار`: not read.)
    for document in ["dejavu-pdfjs", "dejavu-pypdf"] {
        let name = format!("pdf-schools-typst-{document}");
        let (broken, gold) = common::in_the_wild(&name);
        assert_eq!(repair(&broken).lines().nth(3), gold.lines().nth(3), "{name}");
    }
}

/// PDFBox on XeLaTeX's vowelled PDFs emits each line's words from the left,
/// a word cut after its shadda in two pieces and its marks drawn before their
/// letters or as tokens of their own (`َمساٍء. ُكلَّ ِتِه ِضفَّ ... َوكاَن`). The
/// story's sentences end with indefinite words, so its lines' edges were no
/// sign; counted where the marks show the damage, the words are turned and
/// the pieces joined into known words (measured 0.73-0.78 -> 0.015-0.25).
#[test]
fn vowelled_lines_that_pdfbox_emits_from_the_left_are_turned() {
    for font in ["amiri", "dejavu", "kacst", "kacstoffice", "noto", "notokufi"] {
        let lines: &[usize] = if font == "noto" { &[0, 1, 7] } else { &[] };
        assert_repaired(&format!("pdf-vowelled-xelatex-{font}-pdfbox"), 0.3, lines);
    }
}

/// PDFBox on vowelled PDFs (WeasyPrint's, LibreOffice's, FPDF's) cuts a
/// line's runs between words and at a shadda and emits them from the left,
/// each as it reads (`غيِر ْهِر الصَّ ِحكاَيُة النَّ`), with no label, no
/// punctuation out of place, nothing glued: no line showed a sign. In such
/// vowelled text, lines that the search reads better with the pieces of a
/// word that stand apart joined show the damage (measured 0.35-0.75 ->
/// 0.16-0.60 in 12 documents).
#[test]
fn runs_that_pdfbox_cuts_at_a_shadda_in_vowelled_text_are_turned() {
    for name in [
        "pdf-vowelled-noto-pdfbox",
        "pdf-vowelled-notokufi-pdfbox",
        "pdf-vowelled-weasy-amiri-pdfbox",
        "pdf-vowelled-weasy-noto-pdfbox",
        "pdf-vowelled-weasy-notokufi-pdfbox",
        "pdf-vowelled-fpdf-amiri-pdfbox",
    ] {
        let (broken, gold) = common::in_the_wild(name);
        let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
        let (raw, repaired) = (r.raw.line_cer.unwrap(), r.repaired.line_cer.unwrap());
        assert!(repaired < 0.6 * raw, "{name}: {raw} -> {repaired}");
    }
    let (broken, gold) = common::in_the_wild("pdf-vowelled-weasy-noto-pdfbox");
    let out = repair(&broken).into_owned();
    for n in [0, 6] {
        assert_eq!(out.lines().nth(n), gold.lines().nth(n), "line {}", n + 1);
    }
}

/// pdf-extract on vowelled PDFs writes each line in visual order with its
/// words cut where a mark is drawn (`ِريغ َّصلا ِر ْهَّنلا  ُة َياك ِح`): pieces
/// too short to show visual order line by line, which the marks stage read
/// as marks written before their letters. Judged by the whole document's
/// pieces (the article reversed at their ends), each line is read
/// backwards (measured 0.27-0.89 -> 0.10-0.20 in 10 documents).
#[test]
fn vowelled_lines_in_visual_order_cut_at_their_marks_are_read_backwards() {
    for name in ["noto", "notokufi", "weasy-amiri", "weasy-noto", "weasy-notokufi", "xelatex-amiri", "xelatex-notokufi"]
    {
        let lines: &[usize] = if name == "weasy-noto" { &[6] } else { &[] };
        assert_repaired(&format!("pdf-vowelled-{name}-pdf-extract"), 0.2, lines);
    }
}

/// pdf.js on LibreOffice's Noto technical text draws a URL's colon and
/// period at its run's left, so the line starts with them (`: .https
/// //example org/downloadمجاناً. وللاستفسار يرجى`). In a document that emits
/// its runs in reading order, a line that starts with punctuation counted
/// as a glyph cut from its word, and the search moved the Latin run last:
/// the document came out worse than it came (0.0835 -> 0.1376). Punctuation
/// before a Latin word is that run's: the line keeps its words' order.
#[test]
fn neutrals_drawn_at_a_latin_runs_left_are_no_sign_of_runs_out_of_order() {
    let (broken, gold) = common::in_the_wild("pdf-tech-noto-pdfjs");
    let r = arabic_repair::eval::evaluate(&broken, &gold, &Repairer::default());
    assert!(r.repaired.line_cer.unwrap() < r.raw.line_cer.unwrap(), "{:?}", r.repaired.line_cer);
    let out = repair(&broken).into_owned();
    let line = out.lines().nth(9).unwrap();
    assert!(line.starts_with(": .https"), "{line}");
}

/// XeTeX's hyphen and brackets map to no character in some fonts; pypdf
/// writes their code as U+FFFF and the labels as drawn, last
/// (`ﻳﺘﻨﺎﻭﻝ...ﺍﻟﻤﻴﺎﻩ. ￿١`, `ﺍﻟﻨﺘﺎﺋﺞﺍﻟﺮﺋﻴﺴﻴﺔ ￿ﺛﺎﻧﻴﺎً`, `... ￿ﺏ￿`). A label's hyphen
/// or brackets may be that code now: the labels are read and go first,
/// written with a hyphen or brackets (measured: pypdf 0.18-0.32 ->
/// 0.08-0.20, pdf-extract and pdfminer 0.03-0.05 -> 0.02-0.04).
#[test]
fn labels_whose_hyphen_or_brackets_map_to_nothing_go_first() {
    for font in ["kacst", "kacstoffice", "noto", "notokufi"] {
        let lines: &[usize] = if font == "noto" { &[1, 2, 7, 9] } else { &[] };
        assert_repaired(&format!("pdf-xelatex-{font}-pypdf"), 0.1, lines);
    }
}

/// PDFBox, pdf-extract and pdfminer on XeLaTeX's KacstBook, KacstOffice and
/// Noto PDFs: once the words are in order, a line starts with its label,
/// whose hyphen or brackets are the code of an unmapped glyph (`ثانياً￿
/// التحديات`, `￿أ￿ نقص ...`); they are written, and so is the slash of a
/// month pair (`آذار￿مارس`) (measured 0.02-0.07 -> 0.01-0.06 in 56
/// documents).
#[test]
fn labels_that_start_their_lines_with_unmapped_marks_are_written() {
    let (broken, gold) = common::in_the_wild("pdf-schools-xelatex-kacst-pdfbox");
    let out = repair(&broken).into_owned();
    for n in [5, 7, 8] {
        assert_eq!(out.lines().nth(n), gold.lines().nth(n), "line {}", n + 1);
    }
    // The code that stands for a sentence's period stays: it may be a colon.
    assert!(out.lines().nth(2).unwrap().ends_with('\u{FFFF}'));
    // Between the two names of a month it is the slash.
    assert!(out.lines().nth(3).unwrap().contains("آذار/مارس ونيسان/أبريل"));
}

/// pdf.js on Typst's running text emits a line as its runs in reading
/// order, each run of Arabic words from the visual left, numbers and Latin
/// words glued to the runs beside them (`بلغت الشمسية الطاقة١٨عام نهاية
/// في غيغاواط٢٠٢٢مقابل ،`). No label and no line's edge shows it; the
/// clauses' ends do (`وتشير الكهرباء.`: the word that opens the next
/// clause stands before the end). Each run's words are turned in place
/// (measured 0.67-0.68 -> 0.02-0.04 line CER; Amiri's, whose lines come
/// in mixed shapes, is not judged).
#[test]
fn runs_of_words_that_pdfjs_emits_from_the_left_are_turned_in_place() {
    for font in TYPST_FONTS {
        // A line of words alone, one with two numbers, one with a Latin
        // word in brackets, one with a number between two clauses.
        assert_repaired(&format!("pdf-prose-typst-{font}-pdfjs"), 0.06, &[0, 5, 4, 16]);
    }
}

/// pypdf on Typst's running text emits each line's words from the left,
/// each with the space before it, and a number or a Latin word glued to
/// the runs beside it (` بلغت  الشمسيةالطاقة٨١ عام  نهاية في
/// غيغاواط٢٢٠٢ مقابل،`): each run is cut where its last two words are glued
/// and turned in place, and the numbers stay between their runs (measured
/// 0.28-0.35 -> 0.04-0.11 line CER).
#[test]
fn runs_of_words_that_pypdf_emits_with_spaces_before_are_turned_in_place() {
    for font in TYPST_FONTS {
        // Two numbers in a line, and one between two clauses.
        assert_repaired(&format!("pdf-prose-typst-{font}-pypdf"), 0.12, &[6, 17]);
    }
}

/// pypdf on Typst's technical text: lines of words emitted with the space
/// before each, whose two words glued end a run before a Latin word or a
/// number (` العنوان  على الدعممراسلةsupport@example.org أو`), not the line.
/// Such runs judge the document as its lines' ends judge running text
/// (measured 0.51-0.53 -> 0.11-0.14 line CER; Amiri's running text,
/// whose lines come in mixed shapes, 0.64 -> 0.25).
#[test]
fn documents_whose_runs_end_with_two_words_glued_are_turned() {
    for font in TYPST_FONTS {
        // Words alone, a Latin run in brackets, a version and a date, an
        // e-mail address, a telephone number.
        assert_repaired(&format!("pdf-tech-typst-{font}-pypdf"), 0.15, &[0, 1, 8, 10, 11]);
    }
}

/// Ghostscript's text output writes the alef of a lam-alef ligature as an
/// ideograph (`ل䐧` for `لا`, U+4427 for U+0627), a strong left-to-right
/// character that cut the visual lines of fpdf2's DejaVu PDFs into runs
/// the reading order read wrong. Read as the alef before anything else,
/// the lines come out whole (measured 0.14-0.37 -> 0 line CER).
#[test]
fn alefs_that_ghostscript_wrote_as_ideographs_are_alefs() {
    for name in ["pdf-fpdf-dejavu-gs", "pdf-prose-fpdf-dejavu-gs", "pdf-schools-fpdf-dejavu-gs"] {
        let (broken, gold) = common::in_the_wild(name);
        assert!(broken.contains('\u{4427}'), "{name}");
        // (Its lines end with CR LF, the gold's with LF.)
        assert!(repair(&broken).lines().eq(gold.lines()), "{name}");
    }
}

/// pdf-extract, on Typst's PDFs and LibreOffice's with Noto fonts, emits a
/// line's runs in reading order, each Arabic run drawn from its visual left
/// (` ٣ تغلب  قاحتلالا  ةبسن  نأ  نيبتو  -٨٧.ةيئادتبالا ...`): read backwards
/// whole, the runs came out in reverse order. The document starts its
/// visual lines with their labels; each line's runs are turned first, so
/// that each reads in place (measured in 29 documents: technical text
/// 0.32-0.47 -> 0.09-0.18, schools 0.16-0.30 -> 0.00-0.05, reports
/// 0.04-0.11 -> 0.00-0.035).
#[test]
fn visual_runs_that_pdf_extract_emits_in_reading_order_read_in_place() {
    for name in ["pdf-schools-typst-noto-pdf-extract", "pdf-schools-noto-pdf-extract", "pdf-schools-amiri-pdf-extract"]
    {
        assert_repaired(name, 0.05, &[0, 2]);
    }
    // A Latin run in brackets, a list's numbers with Latin words, a version
    // and a date, a telephone number.
    assert_repaired("pdf-tech-typst-dejavu-pdf-extract", 0.11, &[1, 5, 6, 8, 11]);
}

/// Amiri draws some letters with a glyph of their own beside the letter's
/// (a stroke of kaf after lam, a part of khah), which its PDFs map to a
/// code of another script: every extractor writes it inside the word
/// (`الvكهرباء`, `اwلكتب`, `الخHبراء`, `ءابرهكNلا`, `ءارب½خلا`). In a document
/// where such codes stand between letters and their words read without
/// them, they are taken out (measured: 30 documents better, 0.002-0.26 ->
/// 0.000-0.20; these five now equal their gold).
#[test]
fn codes_of_glyphs_that_stand_for_no_letter_are_taken_out() {
    for (name, code) in [
        ("pdf-amiri-pdfbox", "خHب"),
        ("pdf-prose-amiri-gs", "كNل"),
        ("pdf-schools-amiri-pdfbox", "لvك"),
        ("pdf-schools-amiri-pdf-extract", "كvل"),
        ("pdf-schools-fpdf-amiri-pdfjs", "اwل"),
    ] {
        let (broken, gold) = common::in_the_wild(name);
        assert!(broken.contains(code), "{name}");
        assert!(repair(&broken).lines().eq(gold.lines()), "{name}");
    }
}

/// pypdf on WeasyPrint's Noto PDF writes a numbered line's period first
/// and its label last (`. وتبين ... بلغت ٧٨ في المائة ...-٣`) and every
/// number's digits reversed, with no paragraph number of two digits to
/// show it: the shapes of its numbers do (a year only backwards, `٢٢٠٢`,
/// and a leading zero, `٠٠٤`), in a document whose labels' neutrals went
/// elsewhere (0.170 -> 0.158; lines 5, 13 and 14 equal their gold).
#[test]
fn reversed_digits_are_read_by_their_shapes_where_labels_went_elsewhere() {
    assert_repaired("pdf-schools-weasy-noto-pypdf", 0.165, &[4, 12, 13]);
}

/// Chromium's PDFs map some glyphs to U+0000: a piece of a ligature (Amiri,
/// `ال\0كهرباء`, `ال\0\0براء`) or a shadda drawn on its own (DejaVu and Noto
/// in vowelled text, `ﻣ \0 ﻞُﻛ`, `ﺘ\0ﻔ`). A line that holds a control
/// character is not read for its order, so such a line stayed as it came
/// (measured: 15 documents better, none worse; vowelled text through pdf.js
/// 0.505 -> 0.223 and 0.613 -> 0.404, through PDFBox 0.558 -> 0.384).
#[test]
fn glyphs_that_chromium_maps_to_nul_are_taken_out() {
    assert_repaired("pdf-prose-chrome-amiri-pdfminer", 0.01, &[3, 7, 14, 15]);
    // (The shadda is lost: the lines read, one mark short.)
    assert_repaired("pdf-vowelled-chrome-dejavu-pdfjs", 0.25, &[]);
    let out = repair(&common::in_the_wild("pdf-vowelled-chrome-dejavu-pdfjs").0).into_owned();
    assert_eq!(out.lines().nth(2), Some("وَكانَ الأَطْفالُ يَجْلِسونَ عَلى ضِفتِهِ كُل مَساءٍ."));
}

/// Other control codes stand for marks' glyphs: fpdf2's Amiri PDFs write a
/// part of the shadda as `\x06` (`لن\x06َّهْرِ`), LibreOffice's KacstBook
/// PDFs the fatha as `\x05`. Where the document shows such a code beside a
/// mark, it goes, and the lines it held are read (measured: 14 documents
/// better, none worse; fpdf2's vowelled text through pypdf and PyMuPDF
/// 0.027 and 0.100 -> 0.000 and 0.003, KacstBook's through PDFBox
/// 0.86-0.87 -> 0.48-0.55, through pdf.js and pypdf 0.88-0.94 ->
/// 0.79-0.82).
#[test]
fn controls_that_marks_glyphs_were_mapped_to_go() {
    let (broken, gold) = common::in_the_wild("pdf-vowelled-fpdf-amiri-pypdf");
    assert!(broken.contains('\u{6}'));
    assert!(repair(&broken).lines().eq(gold.lines()));
    assert_repaired("pdf-vowelled-fpdf-amiri-pymupdf", 0.01, &[0, 1, 2, 4]);
    assert_repaired("pdf-vowelled-kacstoffice-pdfbox", 0.6, &[]);
    assert_repaired("pdf-vowelled-kacst-pdfjs", 0.85, &[]);
}

/// pdftotext on LuaLaTeX's PDFs writes every left-to-right run (Latin words,
/// numbers, a URL) in an embedding of its own, turned character by
/// character (`LRE " 01 swodniW" PDF`, `LRE " daolnwod/gro.elpmaxe//:sptth"
/// PDF`). Where the document's embeddings show turned runs (words that end
/// with their capital, years only backwards) and none as written, each is
/// read backwards (measured: 8 documents, 0.19-0.20 -> 0.003-0.016).
#[test]
fn left_to_right_runs_that_luatex_turned_are_read_backwards() {
    for name in ["pdf-tech-lualatex-dejavu-pdftotext", "pdf-tech-lualatex-kacst-pdftotext"] {
        assert_repaired(name, 0.01, &[1, 3, 5, 6, 8, 9, 10, 11, 12]);
    }
}

/// pdfplumber turns each of LuaLaTeX's lines letter by letter, its Latin
/// words and numbers with it (`؛ثدحأ وأ 01 swodniW وأ xuniL ليغشت ماظن .1`):
/// where the document's Latin words and years show it (words that end with
/// their one capital, years only backwards, none as written), each line
/// that reads better so is read backwards whole (measured: 2 documents,
/// 0.18 -> 0.000).
#[test]
fn lines_that_pdfplumber_turned_with_their_latin_runs_read_backwards() {
    for name in ["pdf-tech-lualatex-amiri-pdfplumber", "pdf-tech-lualatex-dejavu-pdfplumber"] {
        let (broken, gold) = common::in_the_wild(name);
        assert!(repair(&broken).lines().eq(gold.lines()), "{name}");
    }
}

/// pypdf, on LibreOffice's vowelled PDFs, cuts each line where a mark is
/// drawn and emits the pieces from the line's visual left, each as it
/// reads (`ِغيرَّ الصِرْهَّ النُةَكايِح`; with the Noto fonts a space after
/// some pieces). Where the document's lines read with far fewer unknown
/// words so, the pieces are put back in reverse order (measured: 5
/// documents, 0.79-0.86 -> 0.000-0.17).
#[test]
fn vowelled_pieces_that_pypdf_emits_from_the_left_are_turned_back() {
    let (broken, gold) = common::in_the_wild("pdf-vowelled-noto-pypdf");
    assert!(repair(&broken).lines().eq(gold.lines()));
    assert_repaired("pdf-vowelled-notokufi-pypdf", 0.015, &[0, 1, 2, 4, 5, 6, 7, 8, 10]);
    // (DejaVu's pieces come a place off more often: `ضِتَّفِهِ`.)
    assert_repaired("pdf-vowelled-dejavu-pypdf", 0.07, &[0, 6]);
    // KacstBook's fatha is a control code (`\x05`): the lines read, without
    // their fathas.
    for font in ["kacst", "kacstoffice"] {
        let name = format!("pdf-vowelled-{font}-pypdf");
        assert_repaired(&name, 0.2, &[]);
        let (broken, gold) = common::in_the_wild(&name);
        let out = repair(&broken).into_owned();
        let without_fathas = |line: &str| line.replace('\u{64E}', "");
        let read = out.lines().zip(gold.lines()).filter(|(o, g)| without_fathas(o) == without_fathas(g)).count();
        assert!(read >= 8, "{name}: {read} lines");
    }
}

/// LuaLaTeX draws some glyphs apart from their run (hamzas with DejaVu and
/// Noto, shaddas with KacstBook), and pypdf, whose lines of LuaLaTeX's
/// PDFs lost their spaces and come in visual order, cuts each line there
/// and emits the pieces in reverse order (`... مَساءٍ. لأَ وَكانَا`). Where
/// the line read backwards reads better with its pieces put back, it is
/// read so (measured: 11 documents better, none worse; the vowelled text
/// 0.47-0.66 -> 0.013-0.24).
#[test]
fn runs_that_pypdf_cut_where_luatex_draws_glyphs_apart_are_put_back() {
    // (The lines left wrong have a space not put back, `فَجَفَّالنَّهْرُ`.)
    assert_repaired("pdf-vowelled-lualatex-dejavu-pypdf", 0.02, &[0, 1, 2, 3, 6, 7]);
    assert_repaired("pdf-vowelled-lualatex-noto-pypdf", 0.02, &[0, 1, 3, 6, 7]);
    assert_repaired("pdf-vowelled-lualatex-kacst-pypdf", 0.25, &[1, 6, 7]);
}

/// LibreOffice draws an alef, waw or yeh with hamza apart from its run in
/// vowelled text, and pdf.js cuts each line there and emits the pieces from
/// the line's visual left (`طْفال ُ ... مَساءٍ.َأَ وَكان َ ال`). Where the
/// document's lines read with far fewer unknown words so, the pieces are
/// put back in reverse order, the hamza's mark drawn twice dropped and the
/// spaces at the pieces' edges settled by the lexicon (measured: 3
/// documents, 0.35-0.51 -> 0.007-0.032).
#[test]
fn vowelled_lines_that_pdfjs_cut_at_hamzas_are_turned_back() {
    assert_repaired("pdf-vowelled-dejavu-pdfjs", 0.015, &[0, 1, 2, 3, 5, 6, 8, 10]);
    assert_repaired("pdf-vowelled-noto-pdfjs", 0.015, &[0, 1, 2, 3, 5, 6, 8, 9, 10]);
    // (Noto Kufi takes its tanween and punctuation from another font, drawn
    // after the line: the words read, some marks and stops go astray.)
    assert_repaired("pdf-vowelled-notokufi-pdfjs", 0.04, &[0]);
    // KacstBook's fatha, mapped to a control code, is drawn apart as a
    // hamza is: its lines are cut there too (0.817 -> 0.301; the fathas are
    // lost, and KacstOffice's document, 0.811, is not judged: its lines
    // turned still hold 4 unknown words for 10).
    assert_repaired("pdf-vowelled-kacst-pdfjs", 0.35, &[]);
}

/// pdftotext -raw on XeLaTeX's Noto Kufi PDF writes each word in an
/// embedding of its own, from the line's visual left, with the label's
/// hyphen and the sentence's period mapped to nothing (U+FFFD): the line's
/// ends show its order as a period and a hyphen would (measured: 0.761 ->
/// 0.037; the neutrals stay U+FFFD).
#[test]
fn embedded_runs_are_judged_by_ends_whose_neutrals_map_to_nothing() {
    assert_repaired("pdf-xelatex-notokufi-pdftotext-raw", 0.05, &[0]);
    let out = repair(&common::in_the_wild("pdf-xelatex-notokufi-pdftotext-raw").0).into_owned();
    let line = out.lines().nth(2).unwrap();
    assert_eq!(line, "١\u{FFFD} يتناول هذا التقرير التحديات التي تواجهها المدن في إدارة المياه\u{FFFD}");
}

/// pdf.js on wkhtmltopdf's KacstBook and KacstOffice PDFs writes each mark
/// before its letter and the alefs as presentation forms (`ﻛﺎَﻥ`): a
/// vowel after an alef in that form is the sign a bare alef's is
/// (`marks_before_letters`; measured: 0.48 -> 0.11-0.12).
#[test]
fn marks_before_letters_are_judged_by_alefs_in_their_presentation_forms() {
    for name in ["pdf-vowelled-wkhtml-kacst-pdfjs", "pdf-vowelled-wkhtml-kacstoffice-pdfjs"] {
        assert_repaired(name, 0.14, &[0]);
    }
}

/// PDFBox on XeLaTeX's technical text emits each line's words from the
/// visual left and its list's labels `N.` as `.N` at the line's end, one
/// clause's end a Latin word (`GB؛`): the labels count up and judge the
/// document as the hyphens of `-N` do (`word_order`; measured: 0.785 and
/// 0.725 -> 0.029 and 0.034).
#[test]
fn words_emitted_from_the_left_are_judged_by_labels_drawn_with_their_period_first() {
    assert_repaired("pdf-tech-xelatex-dejavu-pdfbox", 0.05, &[0, 2, 4, 5, 6, 7, 9, 10, 12, 13]);
    assert_repaired("pdf-tech-xelatex-amiri-pdfbox", 0.05, &[0, 2, 4, 5, 6, 9, 10, 13]);
    // (Its Latin words drawn one by one too: `Learning) (Machine`.)
    assert_repaired("pdf-tech-xelatex-dejavu-pdfbox", 0.02, &[1]);
}

/// PDFBox puts a vowel mark where its glyph's origin falls, a letter early
/// on XeLaTeX's and LibreOffice's vowelled PDFs (`كاَن في الَقْريَةِ`), a
/// letter late once LuaLaTeX's and wkhtmltopdf's lines are turned
/// (`بيَنَْ`): the marks go back where text as written puts them
/// (`displaced_marks`; measured on 11 documents, e.g. 0.253 -> 0.100,
/// 0.146 -> 0.058, 0.239 -> 0.140, 0.289 -> 0.199).
#[test]
fn vowel_marks_a_letter_off_their_own_are_put_back() {
    assert_repaired("pdf-vowelled-xelatex-dejavu-pdfbox", 0.12, &[4, 6]);
    assert_repaired("pdf-vowelled-xelatex-kacst-pdfbox", 0.08, &[1]);
    assert_repaired("pdf-vowelled-lualatex-dejavu-pdfbox", 0.17, &[]);
    assert_repaired("pdf-vowelled-wkhtml-dejavu-pdfbox", 0.23, &[]);
    // (Lines that hold the NUL a shadda's glyph was mapped to: Chromium's.)
    assert_repaired("pdf-vowelled-chrome-noto-pdfbox", 0.34, &[]);
    let out = repair(&common::in_the_wild("pdf-vowelled-dejavu-pdfbox").0).into_owned();
    assert!(out.lines().nth(1).unwrap().starts_with("كانَ في القَرْيَةِ نَهْرٌ صَغيرٌ يَجْري بَيْنَ"));
}

/// PDFium and pdftext on LuaLaTeX's PDFs (lines in visual order, spaces
/// lost) draw a number's comma or period on its other side (`لباقم٢٠٢٢،ماع`,
/// read backwards `عام،٢٠٢٢مقابل`) and cut the line where a fathatan is
/// drawn apart, its pieces in reverse order (`في ً ملحوظا ً شهدت...تحولا`):
/// both are put back (`lost_spaces`; measured: 0.228 -> 0.067, 0.154 ->
/// 0.043, 0.151 -> 0.065).
#[test]
fn numbers_and_fathatan_pieces_of_luatex_lines_read_backwards_are_put_back() {
    assert_repaired("pdf-prose-lualatex-kacst-pdfium", 0.08, &[1, 2, 5, 6, 11, 18]);
    assert_repaired("pdf-lualatex-kacst-pdfium", 0.08, &[2, 3, 4]);
    assert_repaired("pdf-prose-lualatex-amiri-pdftext", 0.06, &[5, 6]);
}

/// pypdf on XeLaTeX's technical text with DejaVu emits a line's runs from
/// the visual left and glues a list's period to the run after its number
/// (`أو أحدث؛ 10 Windows أو Linux .نظام تشغيل 1`): the labels judge the
/// document's runs reversed (`level_runs`; measured: 0.663 -> 0.393, and
/// pypdf on LuaLaTeX's DejaVu PDF, `10أو` spaced, 0.468 -> 0.354).
#[test]
fn runs_from_the_left_are_judged_by_labels_whose_period_leads_the_next_run() {
    assert_repaired("pdf-tech-xelatex-dejavu-pypdf", 0.45, &[0, 4, 5, 7]);
    assert_repaired("pdf-tech-lualatex-dejavu-pypdf", 0.40, &[]);
}

/// PyMuPDF on XeLaTeX's DejaVu running text reverses numbers' digits and
/// loses spaces between some words (`المتجددةفي`) in lines that stand in
/// order and end their sentences: the reversed numbers alone no longer make
/// that glue a sign of reversed runs, and the lines keep their order
/// (`word_order::lines_end_their_sentences`; measured: 0.574 -> 0.092).
#[test]
fn reversed_numbers_in_lines_that_end_their_sentences_leave_their_order() {
    assert_repaired("pdf-prose-xelatex-dejavu-pymupdf", 0.12, &[]);
    let out = repair(&common::in_the_wild("pdf-prose-xelatex-dejavu-pymupdf").0).into_owned();
    assert!(out.lines().nth(1).unwrap().starts_with("شهدت المنطقة العربية"));
    assert!(out.lines().nth(5).unwrap().contains("عام ٢٠٢٢"));
}
