//! How stages write their output and report their edits, and how the edits
//! of successive stages are composed into fixes located in the input.
//!
//! A stage reads one line and writes through a [`Rewriter`], which copies
//! the unchanged stretches lazily: a stage that changes nothing allocates
//! nothing and returns the line borrowed. When the caller asked for an
//! explanation, the rewriter also logs each edit (its byte range in the
//! stage's input, the length of its replacement, kind and confidence).
//! [`ChangeMap`] composes the logs of the stages one after the other, so that
//! every change is finally known by its range in the original line.

use std::borrow::Cow;
use std::ops::Range;

use crate::fix::{Fix, FixKind};

/// One edit of one stage, in the coordinates of that stage's input.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Edit {
    pub range: Range<usize>,
    pub new_len: usize,
    pub kind: FixKind,
    pub confidence: f32,
}

/// The edit log of one stage run; records only when asked to.
#[derive(Debug, Default)]
pub(crate) struct Edits {
    recording: bool,
    pub list: Vec<Edit>,
}

impl Edits {
    pub fn new(recording: bool) -> Edits {
        Edits { recording, list: Vec::new() }
    }

    fn push(&mut self, range: Range<usize>, new_len: usize, kind: FixKind, confidence: f32) {
        if !self.recording {
            return;
        }
        // Adjacent edits of one kind read better as one fix.
        if let Some(last) = self.list.last_mut() {
            if last.range.end == range.start && last.kind == kind {
                last.range.end = range.end;
                last.new_len += new_len;
                last.confidence = last.confidence.min(confidence);
                return;
            }
        }
        self.list.push(Edit { range, new_len, kind, confidence });
    }
}

/// Writes a stage's output: the source with some ranges replaced. Ranges
/// must be given in increasing, non-overlapping order.
pub(crate) struct Rewriter<'a, 'e> {
    src: &'a str,
    out: Option<String>,
    done: usize,
    edits: &'e mut Edits,
}

impl<'a, 'e> Rewriter<'a, 'e> {
    pub fn new(src: &'a str, edits: &'e mut Edits) -> Rewriter<'a, 'e> {
        Rewriter { src, out: None, done: 0, edits }
    }

    /// Replaces `range` of the source by `with`.
    pub fn replace(&mut self, range: Range<usize>, with: &str, kind: FixKind, confidence: f32) {
        debug_assert!(range.start >= self.done && range.start <= range.end);
        if &self.src[range.clone()] == with {
            return;
        }
        let out = self.out.get_or_insert_with(|| String::with_capacity(self.src.len()));
        out.push_str(&self.src[self.done..range.start]);
        out.push_str(with);
        self.done = range.end;
        self.edits.push(range, with.len(), kind, confidence);
    }

    /// Removes `range` of the source.
    pub fn delete(&mut self, range: Range<usize>, kind: FixKind, confidence: f32) {
        self.replace(range, "", kind, confidence);
    }

    pub fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.src),
            Some(mut out) => {
                out.push_str(&self.src[self.done..]);
                Cow::Owned(out)
            }
        }
    }
}

/// A line rewritten whole by a stage that reads it in another order: one
/// fix over the line, or the line borrowed when `with` is the line.
pub(crate) fn rewrite_whole<'a>(
    line: &'a str,
    with: &str,
    kind: FixKind,
    confidence: f32,
    edits: &mut Edits,
) -> Cow<'a, str> {
    let mut rw = Rewriter::new(line, edits);
    rw.replace(0..line.len(), with, kind, confidence);
    rw.finish()
}

/// A change in the coordinates of the original line (`input`) and of the
/// current text (`output`).
#[derive(Clone, Debug, PartialEq)]
struct Change {
    input: Range<usize>,
    output: Range<usize>,
    kind: FixKind,
    confidence: f32,
    /// How much text the change covered in its own stage: picks the kind
    /// when changes are merged.
    weight: usize,
}

/// Whether two ranges overlap, counting an empty range as overlapping a
/// range that holds it strictly inside, and two empty ranges at one point.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.is_empty() && b.is_empty() && a.start == b.start)
}

/// The changes made so far to one line, located both in the original line and
/// in the current text.
#[derive(Debug, Default)]
pub(crate) struct ChangeMap {
    changes: Vec<Change>,
}

/// A group of edits of one stage, widened to cover the earlier changes they
/// touch.
struct Group {
    range: Range<usize>,
    delta: isize,
    kind: FixKind,
    weight: usize,
    confidence: f32,
    first_change: usize,
    end_change: usize,
}

impl ChangeMap {
    /// Composes a stage's edits (in the coordinates of the current text) into
    /// the map.
    pub fn compose(&mut self, edits: &[Edit]) {
        if edits.is_empty() {
            return;
        }
        let changes = &self.changes;
        // 1. Widen every edit over the earlier changes it overlaps, and merge
        // edits whose widened ranges overlap.
        let mut groups: Vec<Group> = Vec::with_capacity(edits.len());
        let mut j = 0; // first change not yet known to lie before the current edit
        for e in edits {
            while j < changes.len() && changes[j].output.end <= e.range.start && !overlaps(&changes[j].output, &e.range)
            {
                j += 1;
            }
            let mut range = e.range.clone();
            let mut k = j;
            let mut kind = e.kind;
            let mut weight = e.range.len().max(e.new_len);
            let mut confidence = e.confidence;
            while k < changes.len() && overlaps(&changes[k].output, &e.range) {
                let c = &changes[k];
                range.start = range.start.min(c.output.start);
                range.end = range.end.max(c.output.end);
                if c.weight >= weight {
                    kind = c.kind;
                    weight = c.weight;
                }
                confidence = confidence.min(c.confidence);
                k += 1;
            }
            let delta = e.new_len as isize - e.range.len() as isize;
            let (first, end) = if k > j { (j, k) } else { (j, j) };
            match groups.last_mut() {
                Some(g) if overlaps(&g.range, &range) || (k > j && first < g.end_change) => {
                    g.range.end = g.range.end.max(range.end);
                    g.delta += delta;
                    if weight > g.weight {
                        g.kind = kind;
                        g.weight = weight;
                    }
                    g.confidence = g.confidence.min(confidence);
                    g.end_change = g.end_change.max(end);
                }
                _ => {
                    groups.push(Group { range, delta, kind, weight, confidence, first_change: first, end_change: end })
                }
            }
        }

        // 2. Rebuild the change list: changes outside every group are
        // shifted, each group becomes one change.
        let mut out = Vec::with_capacity(changes.len() + groups.len());
        let mut shift: isize = 0; // output shift caused by this stage so far
        let mut offset: isize = 0; // output minus input, over changes before the position
        let mut ci = 0;
        for g in &groups {
            while ci < g.first_change {
                let c = &changes[ci];
                offset += c.output.len() as isize - c.input.len() as isize;
                out.push(Change { output: shift_range(&c.output, shift), ..c.clone() });
                ci += 1;
            }
            let inner = &changes[g.first_change..g.end_change];
            let input_start = match inner.first() {
                Some(c) if c.output.start <= g.range.start => c.input.start,
                _ => (g.range.start as isize - offset) as usize,
            };
            for c in inner {
                offset += c.output.len() as isize - c.input.len() as isize;
            }
            let input_end = match inner.last() {
                Some(c) if c.output.end >= g.range.end => c.input.end,
                _ => (g.range.end as isize - offset) as usize,
            };
            ci = g.end_change;
            let start = (g.range.start as isize + shift) as usize;
            let end = (g.range.end as isize + shift + g.delta) as usize;
            shift += g.delta;
            out.push(Change {
                input: input_start..input_end,
                output: start..end,
                kind: g.kind,
                confidence: g.confidence,
                weight: g.weight,
            });
        }
        for c in &changes[ci..] {
            out.push(Change { output: shift_range(&c.output, shift), ..c.clone() });
        }
        self.changes = out;
    }

    /// Whether a change of this kind is in the map.
    pub fn has_kind(&self, kind: FixKind) -> bool {
        self.changes.iter().any(|c| c.kind == kind)
    }

    /// The fixes, given the original line, the final line and the line's
    /// byte offset in the document. Changes that a later stage undid (same
    /// text before and after) are dropped.
    pub fn fixes(&self, input: &str, output: &str, line_offset: usize, into: &mut Vec<Fix>) {
        for c in &self.changes {
            let before = &input[c.input.clone()];
            let after = &output[c.output.clone()];
            if before == after {
                continue;
            }
            into.push(Fix {
                kind: c.kind,
                span: c.input.start + line_offset..c.input.end + line_offset,
                before: before.to_string(),
                after: after.to_string(),
                confidence: c.confidence,
            });
        }
    }
}

fn shift_range(r: &Range<usize>, shift: isize) -> Range<usize> {
    (r.start as isize + shift) as usize..(r.end as isize + shift) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Applies edits given as (range, replacement) to `text`.
    fn apply(text: &str, edits: &[(Range<usize>, String)]) -> String {
        let mut out = String::new();
        let mut done = 0;
        for (r, with) in edits {
            out.push_str(&text[done..r.start]);
            out.push_str(with);
            done = r.end;
        }
        out.push_str(&text[done..]);
        out
    }

    fn run_stage(text: &str, edits: &[(Range<usize>, String)], map: &mut ChangeMap) -> String {
        let log: Vec<Edit> = edits
            .iter()
            .map(|(r, w)| Edit { range: r.clone(), new_len: w.len(), kind: FixKind::Spacing, confidence: 1.0 })
            .collect();
        map.compose(&log);
        apply(text, edits)
    }

    fn check(input: &str, stages: &[Vec<(Range<usize>, String)>]) {
        let mut map = ChangeMap::default();
        let mut text = input.to_string();
        for stage in stages {
            text = run_stage(&text, stage, &mut map);
        }
        let mut fixes = Vec::new();
        map.fixes(input, &text, 0, &mut fixes);
        let explained = crate::Explained { text: text.clone().into(), fixes, suggestions: Vec::new() };
        assert_eq!(explained.apply(input), text, "stages {stages:?}");
        for pair in explained.fixes.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "overlap in {:?}", explained.fixes);
        }
    }

    #[test]
    fn deletion_then_insertion_at_the_same_point() {
        check("abcdef", &[vec![(2..3, String::new())], vec![(2..2, "X".into())]]);
        check("abcdef", &[vec![(2..3, String::new())], vec![(1..3, "Y".into())]]);
        check("abcdef", &[vec![(2..2, "Z".into())], vec![(2..3, String::new())]]);
    }

    #[test]
    fn later_edit_spanning_two_changes_merges_them() {
        let mut map = ChangeMap::default();
        let t1 = run_stage("aXbYc", &[(1..2, String::new()), (3..4, String::new())], &mut map);
        assert_eq!(t1, "abc");
        let t2 = run_stage(&t1, &[(0..3, "cba".into())], &mut map);
        let mut fixes = Vec::new();
        map.fixes("aXbYc", &t2, 0, &mut fixes);
        assert_eq!(fixes.len(), 1);
        assert_eq!(fixes[0].span, 0..5);
        assert_eq!(fixes[0].after, "cba");
    }

    proptest! {
        #[test]
        fn composed_fixes_reproduce_the_output(
            input in "[abcd]{0,12}",
            seeds in prop::collection::vec(prop::collection::vec((0usize..20, 0..3usize, "[xyz]{0,3}"), 0..4), 1..5),
        ) {
            // Build each stage's edits against the current text length.
            let mut map = ChangeMap::default();
            let mut text = input.clone();
            for raw in seeds {
                let len = text.len();
                let mut raw = raw;
                raw.sort_by_key(|r| r.0);
                let mut edits = Vec::new();
                let mut min = 0;
                for (start, l, with) in raw {
                    let start = (start % (len + 1)).max(min);
                    if start > len { break; }
                    let end = (start + l).min(len);
                    edits.push((start..end, with));
                    min = end + usize::from(end == start);
                }
                text = run_stage(&text, &edits, &mut map);
            }
            let mut fixes = Vec::new();
            map.fixes(&input, &text, 0, &mut fixes);
            let explained = crate::Explained { text: text.clone().into(), fixes, suggestions: Vec::new() };
            prop_assert_eq!(explained.apply(&input), text);
            for pair in explained.fixes.windows(2) {
                prop_assert!(pair[0].span.end <= pair[1].span.start);
            }
        }
    }
}
