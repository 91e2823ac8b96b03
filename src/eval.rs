//! Scoring a repair against gold text (feature `eval`, on by default).
//!
//! [`score`] computes the metrics of the reference scorer
//! `../shared/tools/score.py` and agrees with it to four decimals (a test
//! checks this against the script's committed output): gold line *i* is the
//! truth for candidate line *i*, only the lines the gold covers are scored,
//! and every line is compared with its runs of whitespace collapsed and its
//! ends stripped.
//!
//! [`evaluate`] repairs a broken document and reports, beside the scores
//! before and after, what is left of each damage class.
//!
//! ```
//! use arabic_repair::eval::score;
//!
//! let gold = "في المنطقة\nالعضوية\n";
//! let candidate = "في  المنطقة \nالعضوي\n";
//! let s = score(gold, candidate);
//! assert_eq!(s.line_cer, Some(1.0 / 17.0));
//! assert_eq!(s.exact_lines, Some(0.5));
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rapidfuzz::distance::levenshtein;

use crate::Repairer;

/// The metrics of a candidate against its gold; the names and formulas are
/// those of `score.py`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// Sum of per-line edit distances (code points) over gold code points;
    /// `None` when the candidate has fewer lines than the gold covers.
    pub line_cer: Option<f64>,
    /// Sum of per-line word edit distances over gold words.
    pub wer: Option<f64>,
    /// Share of non-empty gold lines that the candidate matches exactly.
    pub exact_lines: Option<f64>,
    /// Edit distance of the whole range joined into one line, over gold code
    /// points: insensitive to where line breaks fall.
    pub doc_cer: f64,
    /// Gold lines scored.
    pub lines: usize,
}

/// Whitespace as Python's `str.split()` and `re`'s `\s` see it: Unicode
/// White_Space plus the information separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// Runs of whitespace to one space, ends stripped (`score.py`'s `squash`).
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_py_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The lines of a text: split at `\n`; a final newline ends the last line
/// rather than starting another.
pub fn lines_of(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

/// Levenshtein distance over code points.
pub fn char_distance(a: &str, b: &str) -> usize {
    levenshtein::distance(a.chars(), b.chars())
}

/// Levenshtein distance over whitespace-separated words.
pub fn word_distance(a: &str, b: &str) -> usize {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut id = |w| {
        let n = ids.len() as u32;
        *ids.entry(w).or_insert(n)
    };
    let a: Vec<u32> = a.split(is_py_space).filter(|w| !w.is_empty()).map(&mut id).collect();
    let b: Vec<u32> = b.split(is_py_space).filter(|w| !w.is_empty()).map(&mut id).collect();
    levenshtein::distance(a.iter().copied(), b.iter().copied())
}

/// Scores `candidate` against all the lines of `gold`.
pub fn score(gold: &str, candidate: &str) -> Scores {
    score_lines(&lines_of(gold), &lines_of(candidate), 1, None)
}

/// Scores gold lines `first..=last` (1-based; `last` defaults to the end of
/// the gold), as `score.py GOLD CANDIDATE FIRST LAST` does.
///
/// ```
/// use arabic_repair::eval::{lines_of, score_lines};
///
/// let s = score_lines(&lines_of("أ\nب\nج"), &lines_of("أ\nب\nد"), 1, Some(2));
/// assert_eq!((s.lines, s.line_cer), (2, Some(0.0)));
/// ```
pub fn score_lines(gold: &[&str], candidate: &[&str], first: usize, last: Option<usize>) -> Scores {
    let first = first.max(1);
    let last = last.map_or(gold.len(), |l| l.min(gold.len()));
    let g: &[&str] = if first <= last { &gold[first - 1..last] } else { &[] };
    let c: Option<&[&str]> =
        (candidate.len() >= last).then(|| if first <= last { &candidate[first - 1..last] } else { &[][..] });
    let g_squashed: Vec<String> = g.iter().map(|l| squash(l)).collect();
    let gchars = g_squashed.iter().map(|l| l.chars().count()).sum::<usize>().max(1) as f64;
    let mut scores = Scores { line_cer: None, wer: None, exact_lines: None, doc_cer: 0.0, lines: g.len() };
    if let Some(c) = c {
        let c_squashed: Vec<String> = c.iter().map(|l| squash(l)).collect();
        let chars: usize = g_squashed.iter().zip(&c_squashed).map(|(a, b)| char_distance(a, b)).sum();
        scores.line_cer = Some(chars as f64 / gchars);
        let gwords = g.iter().map(|l| l.split(is_py_space).filter(|w| !w.is_empty()).count()).sum::<usize>().max(1);
        let words: usize = g.iter().zip(c).map(|(a, b)| word_distance(a, b)).sum();
        scores.wer = Some(words as f64 / gwords as f64);
        let nonempty: Vec<(&String, &String)> =
            g_squashed.iter().zip(&c_squashed).filter(|(a, _)| !a.is_empty()).collect();
        let exact = nonempty.iter().filter(|(a, b)| a == b).count();
        scores.exact_lines = Some(exact as f64 / nonempty.len().max(1) as f64);
    }
    let gd = squash(&g.join(" "));
    let cd = squash(&c.unwrap_or(candidate).join(" "));
    scores.doc_cer = char_distance(&gd, &cd) as f64 / gd.chars().count().max(1) as f64;
    scores
}

/// A document of an evaluation corpus: `NAME.broken.txt` beside
/// `NAME.gold.txt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The path below the corpus directory, without `.broken.txt`
    /// (`in-the-wild/ctoc-wg7-2021-5`).
    pub name: String,
    /// The broken text.
    pub broken: PathBuf,
    /// Its gold.
    pub gold: PathBuf,
}

/// Finds every `*.broken.txt` with a `*.gold.txt` beside it under `dir`
/// (recursively), sorted by name.
///
/// ```
/// let docs = arabic_repair::eval::find_documents(std::path::Path::new("corpus/in-the-wild")).unwrap();
/// assert!(docs.iter().any(|d| d.name == "ctoc-wg7-2021-5"));
/// ```
pub fn find_documents(dir: &Path) -> std::io::Result<Vec<Document>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let Some(file) = path.file_name().and_then(|f| f.to_str()) else { continue };
            let Some(stem) = file.strip_suffix(".broken.txt") else { continue };
            let gold = path.with_file_name(format!("{stem}.gold.txt"));
            if gold.is_file() {
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                let name = rel.strip_suffix(".broken.txt").unwrap_or(&rel).to_string();
                found.push(Document { name, broken: path.clone(), gold });
            }
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

/// The placeholders of a line as the evaluation counts them: U+FFFD,
/// private-use code points, `(cid:N)` and glyph ids (raw ASCII codes are
/// only candidates, and are not counted).
fn placeholder_ranges(line: &str) -> Vec<std::ops::Range<usize>> {
    crate::placeholders::scan(line)
        .into_iter()
        .flat_map(|w| w.items)
        .filter_map(|item| match item {
            crate::placeholders::Item::Placeholder(code, range)
                if !matches!(code, crate::placeholders::Code::Ascii(_)) =>
            {
                Some(range)
            }
            _ => None,
        })
        .collect()
}

/// Restored letters right and wrong on one line: `unrestored` is the line
/// repaired without placeholder restoration, `restored` with it.
fn judge_restored(unrestored: &str, restored: &str, gold: &str) -> (usize, usize) {
    let ranges = placeholder_ranges(unrestored);
    if ranges.is_empty() {
        return (0, 0);
    }
    // Both lines with every placeholder token as one character (U+FFFD),
    // remembering which token each came from: a `(cid:N)` token then aligns
    // with the letter it became, or with itself if it stayed, as one unit.
    let collapse = |line: &str, ranges: &[std::ops::Range<usize>]| -> (Vec<char>, Vec<Option<usize>>) {
        let (mut chars, mut tokens) = (Vec::new(), Vec::new());
        let mut pos = 0;
        for (t, r) in ranges.iter().enumerate() {
            for c in line[pos..r.start].chars() {
                chars.push(c);
                tokens.push(None);
            }
            chars.push('\u{FFFD}');
            tokens.push(Some(t));
            pos = r.end;
        }
        for c in line[pos..].chars() {
            chars.push(c);
            tokens.push(None);
        }
        (chars, tokens)
    };
    let (uc, token_of) = collapse(unrestored, &ranges);
    let (o, _) = collapse(restored, &placeholder_ranges(restored));
    let g: Vec<char> = gold.chars().collect();
    let u_to_o = align(&uc, &o);
    let o_to_g = align(&o, &g);
    // A restored letter is also right if the word it stands in is a word of
    // the gold line: the alignment misjudges lines whose order is wrong.
    let gold_words: std::collections::HashSet<&str> = gold.split(is_py_space).collect();
    let word_of = |oi: usize| -> String {
        let start = o[..oi].iter().rposition(|c| is_py_space(*c)).map_or(0, |p| p + 1);
        let end = o[oi..].iter().position(|c| is_py_space(*c)).map_or(o.len(), |p| oi + p);
        o[start..end].iter().collect()
    };
    // Per placeholder token: right if the letter it became is the gold's.
    let mut verdicts: Vec<Option<bool>> = vec![None; ranges.len()];
    for (ui, token) in token_of.iter().enumerate() {
        let (Some(t), Some(oi)) = (*token, u_to_o[ui]) else { continue };
        if o[oi] == '\u{FFFD}' {
            continue; // not restored
        }
        let ok = match o_to_g[oi] {
            Some(gi) if g[gi] == o[oi] => true,
            _ => gold_words.contains(word_of(oi).as_str()),
        };
        verdicts[t] = Some(ok);
    }
    let right = verdicts.iter().filter(|v| **v == Some(true)).count();
    let wrong = verdicts.iter().filter(|v| **v == Some(false)).count();
    (right, wrong)
}

/// A minimal edit alignment of `a` to `b`: for each character of `a`, the
/// index of the character of `b` it is kept as or substituted by, `None` if
/// it is deleted. Matches are preferred on ties.
pub(crate) fn align(a: &[char], b: &[char]) -> Vec<Option<usize>> {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in 0..=n {
        d[at(i, 0)] = i as u32;
    }
    for j in 0..=m {
        d[at(0, j)] = j as u32;
    }
    for i in 1..=n {
        for j in 1..=m {
            let sub = d[at(i - 1, j - 1)] + u32::from(a[i - 1] != b[j - 1]);
            d[at(i, j)] = sub.min(d[at(i - 1, j)] + 1).min(d[at(i, j - 1)] + 1);
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let here = d[at(i, j)];
        if here == d[at(i - 1, j - 1)] + u32::from(a[i - 1] != b[j - 1]) {
            out[i - 1] = Some(j - 1);
            i -= 1;
            j -= 1;
        } else if here == d[at(i - 1, j)] + 1 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out
}

/// What is left of each damage class after a repair, over the lines the
/// gold covers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ClassCounts {
    /// Placeholders in the broken lines.
    pub placeholders: usize,
    /// Placeholders still in the repaired lines.
    pub placeholders_left: usize,
    /// Placeholders replaced by the letter the gold has.
    pub placeholders_right: usize,
    /// Placeholders replaced by another letter than the gold's.
    pub placeholders_wrong: usize,
    /// Tatweel in the repaired lines (the gold has none).
    pub tatweel_left: usize,
    /// Farsi yeh and keheh in the repaired lines.
    pub farsi_left: usize,
    /// Non-empty gold lines whose repaired line has the gold's word order:
    /// it shares at least one word with the gold, and every word it shares
    /// stands in the gold's order.
    pub order_ok_lines: usize,
    /// Non-empty gold lines.
    pub nonempty_lines: usize,
}

/// The evaluation of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Scores of the broken text as it is.
    pub raw: Scores,
    /// Scores of the repaired text.
    pub repaired: Scores,
    /// Damage classes after the repair.
    pub classes: ClassCounts,
    /// The repaired text.
    pub output: String,
    /// Time the repair took, in seconds.
    pub seconds: f64,
}

/// Repairs `broken` with `repairer` and scores the result against `gold`.
///
/// ```
/// use arabic_repair::{eval::evaluate, Repairer};
///
/// let report = evaluate("العضـــوية  \nالذین\n", "العضوية\nالذين\n", &Repairer::default());
/// assert!(report.raw.line_cer.unwrap() > 0.0);
/// assert_eq!(report.repaired.line_cer, Some(0.0));
/// assert_eq!(report.classes.tatweel_left, 0);
/// ```
pub fn evaluate(broken: &str, gold: &str, repairer: &Repairer) -> Report {
    let started = Instant::now();
    let output = repairer.repair(broken).into_owned();
    let seconds = started.elapsed().as_secs_f64();
    // The same repair without placeholder restoration shows where each
    // placeholder ended up; aligning the two outputs finds the letters that
    // were restored, aligning those with the gold judges them.
    let without = Repairer::new(repairer.config().clone().placeholders(false));
    let unrestored = without.repair(broken).into_owned();
    let unrestored_lines = lines_of(&unrestored);
    let gold_lines = lines_of(gold);
    let broken_lines = lines_of(broken);
    let output_lines = lines_of(&output);
    let raw = score_lines(&gold_lines, &broken_lines, 1, None);
    let repaired = score_lines(&gold_lines, &output_lines, 1, None);
    let mut classes = ClassCounts::default();
    for (i, g) in gold_lines.iter().enumerate() {
        let b = broken_lines.get(i).copied().unwrap_or("");
        let o = output_lines.get(i).copied().unwrap_or("");
        classes.placeholders += placeholder_ranges(b).len();
        classes.placeholders_left += placeholder_ranges(o).len();
        if repairer.config().get_placeholders() {
            let u = unrestored_lines.get(i).copied().unwrap_or("");
            let (right, wrong) = judge_restored(u, o, g);
            classes.placeholders_right += right;
            classes.placeholders_wrong += wrong;
        }
        classes.tatweel_left += o.chars().filter(|&c| c == '\u{0640}').count();
        classes.farsi_left += o.chars().filter(|&c| matches!(c, '\u{06CC}' | '\u{06A9}')).count();
        if !squash(g).is_empty() {
            classes.nonempty_lines += 1;
            if word_order_matches(g, o) {
                classes.order_ok_lines += 1;
            }
        }
    }
    Report { raw, repaired, classes, output, seconds }
}

/// Whether `candidate` shares at least one word with `gold` and every word it
/// shares stands in the gold's order: the longest common subsequence of
/// their words is as long as their common multiset.
pub fn word_order_matches(gold: &str, candidate: &str) -> bool {
    let g: Vec<&str> = gold.split(is_py_space).filter(|w| !w.is_empty()).collect();
    let c: Vec<&str> = candidate.split(is_py_space).filter(|w| !w.is_empty()).collect();
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for w in &g {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in &c {
        if let Some(n) = counts.get_mut(w) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    if common == 0 {
        return false;
    }
    // LCS over words, O(len(g) * len(c)) with two rows; lines are short.
    let mut prev = vec![0usize; c.len() + 1];
    let mut cur = vec![0usize; c.len() + 1];
    for gw in &g {
        for (j, cw) in c.iter().enumerate() {
            cur[j + 1] = if gw == cw { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[c.len()] == common
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The textbook dynamic programme, to check the fast distance against.
    fn naive_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, x) in a.iter().enumerate() {
            let mut cur = vec![i + 1];
            for (j, y) in b.iter().enumerate() {
                cur.push((prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + usize::from(x != y)));
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest! {
        #[test]
        fn fast_distance_equals_the_textbook_one(a in "[ابتثـ�a ]{0,80}", b in "[ابتثـ�b ]{0,80}") {
            let ac: Vec<char> = a.chars().collect();
            let bc: Vec<char> = b.chars().collect();
            prop_assert_eq!(char_distance(&a, &b), naive_distance(&ac, &bc));
            let aw: Vec<&str> = a.split_whitespace().collect();
            let bw: Vec<&str> = b.split_whitespace().collect();
            prop_assert_eq!(word_distance(&a, &b), naive_distance(&aw, &bw));
        }
    }

    #[test]
    fn long_documents() {
        let a = "العضوية ".repeat(3000);
        let b = "العضوبة ".repeat(3000);
        assert_eq!(char_distance(&a, &b), 3000);
    }

    #[test]
    fn squash_like_python() {
        assert_eq!(squash("  أ \t ب\u{00A0}\u{1F}ج  "), "أ ب ج");
        assert_eq!(squash(" \u{3000} "), "");
    }

    #[test]
    fn restored_letters_are_judged_against_the_gold() {
        assert_eq!(judge_restored("المهاجر\u{FFFD}ن و\u{FFFD}ان", "المهاجرين وكان", "المهاجرين وبان"), (1, 1));
        assert_eq!(judge_restored("(cid:3)ان", "كان", "كان"), (1, 0));
        assert_eq!(judge_restored("المهاجرين", "المهاجرين", "المهاجرين"), (0, 0));
    }

    #[test]
    fn word_order() {
        assert!(word_order_matches("أ ب ج د", "أ ب ج د"));
        assert!(word_order_matches("أ ب ج د", "أ س ج"));
        assert!(!word_order_matches("أ ب ج د", "ج د أ ب"));
        assert!(!word_order_matches("أ ب", "س ص"));
    }

    #[test]
    fn short_candidate_has_no_line_metrics() {
        let s = score("أ\nب\n", "أ\n");
        assert_eq!((s.line_cer, s.wer, s.exact_lines), (None, None, None));
        assert_eq!(s.doc_cer, 2.0 / 3.0);
    }
}
