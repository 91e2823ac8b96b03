//! Solving consistent placeholder codes as a substitution cipher.
//!
//! When every unmapped glyph has a code of its own (a private-use code
//! point, `(cid:N)`, a glyph id, a raw ASCII code), a document is a
//! substitution cipher over glyphs. A glyph is a letter in one positional
//! form (or a lam-alef ligature), so one letter has up to four codes, and the
//! cipher looks homophonic. The forms are what makes it tractable:
//!
//! 1. **Forms.** Whether a glyph joins the glyph before it and the one after
//!    it can be read off the document: a code at a word's start joins
//!    nothing before it, a code at a word's end nothing after it, and two
//!    adjacent codes agree on whether they join. Union-find over these
//!    equalities gives every code its form, hence which letters it can be
//!    (only a letter that joins both sides can join the glyph after it).
//! 2. **One code per glyph.** Within a form, each letter is one glyph, so the
//!    cipher becomes four simple (one-to-one) substitutions. A start by
//!    frequency rank per form, then simulated annealing over swaps and moves
//!    that keep the table one-to-one, scored by a letter-trigram model
//!    (`letter_model`).
//! 3. **Words.** A greedy pass against the lexicon: each decoded word is
//!    scored by a mixture of its lexicon frequency (with clitics) and, for
//!    the words the lexicon does not hold, the letter trigrams. Here every
//!    output is open to every code, whatever its inferred form, and a code
//!    may share a glyph with another (a document set in two fonts): the
//!    inferred forms guide the search, but do not bind the answer, because a
//!    second repair of the output, where decoded neighbours are letters whose
//!    forms cannot be seen, could not infer them again (idempotence). The confidence of
//!    each code is the margin by which its letter beats the next best, all
//!    other codes fixed, as a probability.
//!
//! A code is applied only if its confidence reaches the threshold and at
//! least half of the words holding it decode to known words; the whole table
//! is dropped if fewer than half of the coded words do (the text is then not
//! Arabic, or not solvable) — or fewer than 80%, and fewer than 30 words,
//! when no Arabic letter stands beside the codes. Codes that mostly touch
//! letters of another script are never decoded (a `(cid:3)` in
//! `(cid:3)nancial`). An ASCII code is taken only when it occurs
//! twice or more and its words read better decoded than cut at it.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::letter_model::{OUT_OF_LEXICON, SYMBOLS, TRIGRAMS};
use crate::lexicon::{byte_letter, letter_byte, Lexicon};
use crate::placeholders::{Code, Decoded, Item, Word};
use crate::rng::Rng;
use crate::script::joins_both_sides;

/// What a code can stand for: one letter (key byte), or lam + an alef (a
/// ligature).
fn outputs() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = (1..SYMBOLS as u8).map(|b| vec![b]).collect();
    let lam = letter_byte('ل').unwrap();
    for alef in ['ا', 'أ', 'إ', 'آ'] {
        v.push(vec![lam, letter_byte(alef).unwrap()]);
    }
    v
}

fn is_alef(b: u8) -> bool {
    matches!(byte_letter(b), 'ا' | 'أ' | 'إ' | 'آ')
}

/// Whether an output joins the glyph after it (a ligature ends in alef,
/// which does not).
fn output_joins_next(output: &[u8]) -> bool {
    output.len() == 1 && joins_both_sides(byte_letter(output[0]))
}

/// Whether an output joins the glyph before it (hamza joins nothing).
fn output_joins_previous(output: &[u8]) -> bool {
    byte_letter(output[0]) != 'ء'
}

/// Form index of a glyph: 2 × joins-previous + joins-next.
fn form_index(joins_previous: bool, joins_next: bool) -> usize {
    usize::from(joins_previous) * 2 + usize::from(joins_next)
}

/// How often each glyph (output × form) occurs in running Arabic text,
/// estimated from the lexicon weighted by frequency.
struct GlyphFrequencies {
    /// `[output][form]`.
    freq: Vec<[f64; 4]>,
}

static GLYPHS: LazyLock<GlyphFrequencies> = LazyLock::new(|| {
    let outs = outputs();
    let index: HashMap<Vec<u8>, usize> = outs.iter().enumerate().map(|(i, o)| (o.clone(), i)).collect();
    let mut freq = vec![[0f64; 4]; outs.len()];
    Lexicon::embedded().for_each(|key, zipf| {
        let w = 10f64.powf(f64::from(zipf) - 3.0);
        let mut i = 0;
        let mut previous_joins = false;
        while i < key.len() {
            let glyph: &[u8] = if byte_letter(key[i]) == 'ل' && i + 1 < key.len() && is_alef(key[i + 1]) {
                &key[i..i + 2]
            } else {
                &key[i..i + 1]
            };
            let Some(&o) = index.get(glyph) else { return };
            let joins_previous = previous_joins && output_joins_previous(glyph);
            let next = i + glyph.len();
            let joins_next = next < key.len() && output_joins_next(glyph) && byte_letter(key[next]) != 'ء';
            freq[o][form_index(joins_previous, joins_next)] += w;
            previous_joins = output_joins_next(glyph);
            i = next;
        }
    });
    GlyphFrequencies { freq }
});

/// A symbol of a coded word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Sym {
    Letter(u8),
    Code(usize),
}

/// Annealing runs from the same start with different seeds; the best wins.
const RESTARTS: u64 = 2;

/// Annealing proposals per code and run.
const ANNEAL_STEPS_PER_CODE: usize = 400;

/// Starting temperature of the annealing, in nats per letter.
const ANNEAL_START: f64 = 0.02;

/// Coded words needed to decode a text in which no Arabic letter stands
/// beside the codes.
const MIN_WORDS_WITHOUT_LETTERS: usize = 30;

/// Outputs per code that the greedy pass tries against the lexicon.
const POLISH_CANDIDATES: usize = 12;

/// Sweeps over all codes at most, in the greedy pass.
const MAX_SWEEPS: usize = 20;

struct Problem<'l> {
    /// The lexicon's frequency of a decoded word, remembered: the greedy
    /// pass and the margins ask about the same words many times.
    known: std::cell::RefCell<HashMap<Vec<u8>, Option<f32>>>,
    codes: Vec<Code>,
    code_count: Vec<usize>,
    words: Vec<(Vec<Sym>, usize)>,
    words_of_code: Vec<Vec<usize>>,
    outputs: Vec<Vec<u8>>,
    /// Form index of each code.
    form: Vec<usize>,
    /// The outputs each code can be, given its form.
    allowed: Vec<Vec<usize>>,
    lexicon: &'l Lexicon,
}

/// Union-find over the join variables of the codes, with the evidence that
/// a class does or does not join.
struct Joins {
    parent: Vec<usize>,
    /// (joins, does not join) evidence per root.
    evidence: Vec<(usize, usize)>,
}

impl Joins {
    fn new(n: usize) -> Joins {
        Joins { parent: (0..n).collect(), evidence: vec![(0, 0); n] }
    }

    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut y = x;
        while self.parent[y] != r {
            let next = self.parent[y];
            self.parent[y] = r;
            y = next;
        }
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra] = rb;
            let e = self.evidence[ra];
            self.evidence[rb].0 += e.0;
            self.evidence[rb].1 += e.1;
        }
    }

    fn observe(&mut self, x: usize, joins: bool, n: usize) {
        let r = self.find(x);
        if joins {
            self.evidence[r].0 += n;
        } else {
            self.evidence[r].1 += n;
        }
    }

    /// A class joins unless it was seen not to join more often than to;
    /// a class never seen at a boundary always had a glyph after (or
    /// before) it in its words, and joins.
    fn joins(&mut self, x: usize) -> bool {
        let r = self.find(x);
        let (yes, no) = self.evidence[r];
        no <= yes
    }
}

impl<'l> Problem<'l> {
    fn new(codes: Vec<Code>, words: Vec<(Vec<Sym>, usize)>, lexicon: &'l Lexicon) -> Problem<'l> {
        let n = codes.len();
        let mut words_of_code = vec![Vec::new(); n];
        let mut code_count = vec![0usize; n];
        for (w, (syms, count)) in words.iter().enumerate() {
            for s in syms {
                if let Sym::Code(k) = s {
                    code_count[*k] += count;
                    if words_of_code[*k].last() != Some(&w) {
                        words_of_code[*k].push(w);
                    }
                }
            }
        }
        // Forms: variable 2k is "code k joins the glyph before it", 2k + 1
        // "joins the glyph after it".
        let mut joins = Joins::new(2 * n);
        for (syms, count) in &words {
            for (i, s) in syms.iter().enumerate() {
                let Sym::Code(k) = *s else { continue };
                match i.checked_sub(1).map(|p| syms[p]) {
                    None => joins.observe(2 * k, false, *count),
                    Some(Sym::Letter(b)) => joins.observe(2 * k, joins_both_sides(byte_letter(b)), *count),
                    Some(Sym::Code(j)) => joins.union(2 * j + 1, 2 * k),
                }
                if i + 1 == syms.len() {
                    joins.observe(2 * k + 1, false, *count);
                }
            }
        }
        let outputs = outputs();
        let form: Vec<usize> = (0..n).map(|k| form_index(joins.joins(2 * k), joins.joins(2 * k + 1))).collect();
        let allowed: Vec<Vec<usize>> = form
            .iter()
            .map(|&f| {
                let (jp, jn) = (f >= 2, f % 2 == 1);
                (0..outputs.len())
                    .filter(|&o| (!jn || output_joins_next(&outputs[o])) && (!jp || output_joins_previous(&outputs[o])))
                    .collect()
            })
            .collect();
        Problem { known: Default::default(), codes, code_count, words, words_of_code, outputs, form, allowed, lexicon }
    }

    fn decode(&self, word: &[Sym], table: &[usize], into: &mut Vec<u8>) {
        into.clear();
        for s in word {
            match *s {
                Sym::Letter(b) => into.push(b),
                Sym::Code(k) => into.extend_from_slice(&self.outputs[table[k]]),
            }
        }
    }

    /// Log-probability of one word under `table`: by the letter trigrams
    /// alone, or, `with_lexicon`, as a mixture of the lexicon (the word's
    /// frequency) and the trigrams (a word the lexicon does not hold).
    fn word_score(&self, w: usize, table: &[usize], with_lexicon: bool, buf: &mut Vec<u8>) -> f32 {
        self.decode(&self.words[w].0, table, buf);
        let trigrams = TRIGRAMS.score(buf);
        if !with_lexicon {
            return trigrams;
        }
        let lexicon = self.zipf(buf).map_or(0.0, |z| 10f64.powf(f64::from(z) - 9.0));
        let p = (1.0 - OUT_OF_LEXICON) * lexicon + OUT_OF_LEXICON * f64::from(trigrams).exp();
        p.max(1e-300).ln() as f32
    }

    fn zipf(&self, key: &[u8]) -> Option<f32> {
        if let Some(&z) = self.known.borrow().get(key) {
            return z;
        }
        let z = self.lexicon.zipf_listed_or_below(key);
        self.known.borrow_mut().insert(key.to_vec(), z);
        z
    }

    fn is_known(&self, key: &[u8]) -> bool {
        self.zipf(key).is_some()
    }

    /// A one-to-one start: within each form, the most frequent code gets the
    /// most frequent glyph of that form, and so on.
    fn start_by_frequency(&self) -> Vec<usize> {
        let mut table = vec![0usize; self.codes.len()];
        for form in 0..4 {
            let mut codes: Vec<usize> = (0..self.codes.len()).filter(|&k| self.form[k] == form).collect();
            codes.sort_by_key(|&k| (std::cmp::Reverse(self.code_count[k]), k));
            let Some(&first) = codes.first() else { continue };
            let mut glyphs = self.allowed[first].clone();
            glyphs.sort_by(|&a, &b| GLYPHS.freq[b][form].total_cmp(&GLYPHS.freq[a][form]));
            for (i, &k) in codes.iter().enumerate() {
                table[k] = glyphs[i % glyphs.len()];
            }
        }
        table
    }

    /// Simulated annealing on the trigram score per letter. A move gives a
    /// code another output; if another code of the same form holds that
    /// output, the two swap, so the table stays one-to-one within a form.
    fn anneal(&self, table: &mut [usize], seed: u64) -> f64 {
        let mut rng = Rng::new(seed);
        let mut buf = Vec::new();
        let letters: f64 = self.words.iter().map(|(w, n)| (w.len() * n) as f64).sum::<f64>().max(1.0);
        let mut cache: Vec<f32> = (0..self.words.len()).map(|w| self.word_score(w, table, false, &mut buf)).collect();
        let mut total: f64 = cache.iter().zip(&self.words).map(|(s, (_, n))| f64::from(*s) * *n as f64).sum();
        let mut holder: HashMap<(usize, usize), usize> = HashMap::new();
        for (k, &o) in table.iter().enumerate() {
            holder.insert((o, self.form[k]), k);
        }
        let codes = self.codes.len();
        let steps = ANNEAL_STEPS_PER_CODE * codes;
        let mut touched: Vec<usize> = Vec::new();
        let mut scores: Vec<(usize, f32)> = Vec::new();
        for step in 0..steps {
            let temperature = ANNEAL_START * (1.0 - step as f64 / steps as f64) + 1e-7;
            let k = rng.below(codes);
            let options = &self.allowed[k];
            let new = options[rng.below(options.len())];
            let old = table[k];
            if new == old {
                continue;
            }
            let other = holder.get(&(new, self.form[k])).copied().filter(|&j| j != k && table[j] == new);
            if let Some(j) = other {
                if !self.allowed[j].contains(&old) {
                    continue;
                }
                table[j] = old;
            }
            table[k] = new;
            touched.clear();
            touched.extend_from_slice(&self.words_of_code[k]);
            if let Some(j) = other {
                touched.extend_from_slice(&self.words_of_code[j]);
                touched.sort_unstable();
                touched.dedup();
            }
            scores.clear();
            let mut delta = 0.0;
            for &w in &touched {
                let s = self.word_score(w, table, false, &mut buf);
                delta += f64::from(s - cache[w]) * self.words[w].1 as f64;
                scores.push((w, s));
            }
            let per_letter = delta / letters;
            let accept = per_letter >= 0.0
                || (per_letter / temperature).exp() > (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            if accept {
                total += delta;
                for &(w, s) in &scores {
                    cache[w] = s;
                }
                holder.insert((new, self.form[k]), k);
                match other {
                    Some(j) => {
                        holder.insert((old, self.form[j]), j);
                    }
                    None => {
                        if holder.get(&(old, self.form[k])) == Some(&k) {
                            holder.remove(&(old, self.form[k]));
                        }
                    }
                }
            } else {
                table[k] = old;
                if let Some(j) = other {
                    table[j] = new;
                }
            }
        }
        total
    }

    /// Greedy pass: each code in turn takes the allowed output that maximizes
    /// the word score with the lexicon bonus, until nothing changes. Only
    /// the outputs that the trigrams rank highest for the code are tried
    /// against the lexicon (asking the lexicon about every output of every
    /// code would cost most of the time for no gain).
    fn polish(&self, table: &mut [usize]) {
        let mut buf = Vec::new();
        let mut cache: Vec<f32> = (0..self.words.len()).map(|w| self.word_score(w, table, true, &mut buf)).collect();
        let mut order: Vec<usize> = (0..self.codes.len()).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(self.code_count[k]));
        for _ in 0..MAX_SWEEPS {
            let mut changed = false;
            for &k in &order {
                let current = table[k];
                let mut by_trigrams: Vec<(f32, usize)> = (0..self.outputs.len())
                    .filter(|&o| o != current)
                    .map(|o| {
                        table[k] = o;
                        let s: f32 = self.words_of_code[k]
                            .iter()
                            .map(|&w| self.word_score(w, table, false, &mut buf) * self.words[w].1 as f32)
                            .sum();
                        (s, o)
                    })
                    .collect();
                by_trigrams.sort_by(|a, b| b.0.total_cmp(&a.0));
                let mut best = (0.0f32, current);
                for &(_, o) in by_trigrams.iter().take(POLISH_CANDIDATES) {
                    table[k] = o;
                    let delta: f32 = self.words_of_code[k]
                        .iter()
                        .map(|&w| (self.word_score(w, table, true, &mut buf) - cache[w]) * self.words[w].1 as f32)
                        .sum();
                    if delta > best.0 + 1e-3 {
                        best = (delta, o);
                    }
                }
                table[k] = best.1;
                if best.1 != current {
                    changed = true;
                    for &w in &self.words_of_code[k] {
                        cache[w] = self.word_score(w, table, true, &mut buf);
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// Swaps the outputs of two codes of the same form when that raises the
    /// word score: a few codes stuck in a wrong permutation cannot leave it
    /// one at a time. Repeats until no swap helps.
    fn swap_pairs(&self, table: &mut [usize]) -> bool {
        let mut buf = Vec::new();
        let mut any = false;
        for _ in 0..MAX_SWEEPS {
            let mut changed = false;
            for k in 0..self.codes.len() {
                for j in k + 1..self.codes.len() {
                    let (ok, oj) = (table[k], table[j]);
                    if self.form[k] != self.form[j] || ok == oj {
                        continue;
                    }
                    let mut touched: Vec<usize> =
                        self.words_of_code[k].iter().chain(&self.words_of_code[j]).copied().collect();
                    touched.sort_unstable();
                    touched.dedup();
                    let score = |table: &[usize], buf: &mut Vec<u8>| -> f32 {
                        touched.iter().map(|&w| self.word_score(w, table, true, buf) * self.words[w].1 as f32).sum()
                    };
                    let before = score(table, &mut buf);
                    table[k] = oj;
                    table[j] = ok;
                    if score(table, &mut buf) > before + 1e-3 {
                        changed = true;
                        any = true;
                    } else {
                        table[k] = ok;
                        table[j] = oj;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        any
    }

    /// Margin (nats) by which each code's output beats its best alternative,
    /// all other codes fixed, under the word score with the lexicon bonus.
    fn margins(&self, table: &mut [usize]) -> Vec<f32> {
        let mut buf = Vec::new();
        (0..self.codes.len())
            .map(|k| {
                let current = table[k];
                let mut score_with = |table: &mut [usize], o: usize| {
                    table[k] = o;
                    self.words_of_code[k]
                        .iter()
                        .map(|&w| self.word_score(w, table, true, &mut buf) * self.words[w].1 as f32)
                        .sum::<f32>()
                };
                let best = score_with(table, current);
                let mut second = f32::NEG_INFINITY;
                for o in 0..self.outputs.len() {
                    if o != current {
                        second = second.max(score_with(table, o));
                    }
                }
                table[k] = current;
                best - second
            })
            .collect()
    }

    /// Share of the occurrences of the words holding code `k` (or of all
    /// words, for `None`) that the lexicon knows once decoded.
    fn known_share(&self, table: &[usize], k: Option<usize>) -> f32 {
        let mut buf = Vec::new();
        let all: Vec<usize>;
        let words: &[usize] = match k {
            Some(k) => &self.words_of_code[k],
            None => {
                all = (0..self.words.len()).collect();
                &all
            }
        };
        let (mut known, mut total) = (0usize, 0usize);
        for &w in words {
            self.decode(&self.words[w].0, table, &mut buf);
            total += self.words[w].1;
            if self.is_known(&buf) {
                known += self.words[w].1;
            }
        }
        if total == 0 {
            0.0
        } else {
            known as f32 / total as f32
        }
    }

    /// Whether the words holding ASCII code `k` read at least as well cut at
    /// it (both sides known words) as decoded.
    fn reads_as_separator(&self, table: &[usize], k: usize) -> bool {
        let mut buf = Vec::new();
        let (mut split, mut total) = (0usize, 0usize);
        for &w in &self.words_of_code[k] {
            let word = &self.words[w].0;
            total += self.words[w].1;
            let all_known = word.split(|s| *s == Sym::Code(k)).all(|part| {
                self.decode(part, table, &mut buf);
                buf.is_empty() || self.is_known(&buf)
            });
            if all_known {
                split += self.words[w].1;
            }
        }
        split * 2 >= total
    }
}

/// Solves the consistent codes of a document's placeholder words. Returns
/// every code with its decoding and confidence (the caller applies those
/// above its threshold); empty if the document does not decode to Arabic.
pub(crate) fn solve(words: &[Word], lexicon: &Lexicon) -> HashMap<Code, Decoded> {
    // Codes that mostly touch letters of another script are not Arabic
    // glyphs.
    let mut beside: HashMap<Code, (usize, usize)> = HashMap::new();
    for w in words {
        for i in &w.items {
            if let Item::Placeholder(code, _) = i {
                let e = beside.entry(*code).or_default();
                e.0 += usize::from(w.beside_latin);
                e.1 += 1;
            }
        }
    }
    let latin: std::collections::HashSet<Code> =
        beside.into_iter().filter(|(_, (latin, all))| latin * 2 >= *all).map(|(code, _)| code).collect();
    let mut codes: Vec<Code> = Vec::new();
    let mut code_index: HashMap<Code, usize> = HashMap::new();
    let mut counted: HashMap<Vec<Sym>, usize> = HashMap::new();
    let mut any_letter = false;
    for word in words {
        let excluded = |i: &Item| match i {
            Item::Placeholder(code, _) => *code == Code::Replacement || latin.contains(code),
            _ => false,
        };
        if word.items.iter().any(excluded) {
            continue;
        }
        any_letter |= word.items.iter().any(|i| matches!(i, Item::Letter(_)));
        let mut syms = Vec::with_capacity(word.items.len());
        for item in &word.items {
            match item {
                Item::Letter(b) => syms.push(Sym::Letter(*b)),
                Item::Named(letters, _) => syms.extend(letters.iter().map(|&b| Sym::Letter(b))),
                Item::Placeholder(code, _) => {
                    let k = *code_index.entry(*code).or_insert_with(|| {
                        codes.push(*code);
                        codes.len() - 1
                    });
                    syms.push(Sym::Code(k));
                }
            }
        }
        if syms.iter().any(|s| matches!(s, Sym::Code(_))) {
            *counted.entry(syms).or_default() += 1;
        }
    }
    if codes.is_empty() {
        return HashMap::new();
    }
    let mut words: Vec<(Vec<Sym>, usize)> = counted.into_iter().collect();
    words.sort();
    let problem = Problem::new(codes, words, lexicon);
    let start = problem.start_by_frequency();
    let mut best: Option<(f64, Vec<usize>)> = None;
    for seed in 0..RESTARTS {
        let mut table = start.clone();
        let score = problem.anneal(&mut table, seed);
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, table));
        }
    }
    let Some((_, mut table)) = best else { return HashMap::new() };
    problem.polish(&mut table);
    while problem.swap_pairs(&mut table) {
        problem.polish(&mut table);
    }
    // Codes with no Arabic letter beside them could be any script: decode
    // them only when they read as Arabic overwhelmingly.
    let coded_words: usize = problem.words.iter().map(|(_, n)| n).sum();
    let needed = if any_letter { 0.5 } else { 0.8 };
    if problem.known_share(&table, None) < needed || (!any_letter && coded_words < MIN_WORDS_WITHOUT_LETTERS) {
        return HashMap::new();
    }
    let margins = problem.margins(&mut table);
    let mut decoded = HashMap::new();
    for (k, code) in problem.codes.iter().enumerate() {
        let mut confidence = 1.0 / (1.0 + (-margins[k]).exp());
        if problem.known_share(&table, Some(k)) < 0.5 {
            confidence = confidence.min(0.5);
        }
        if let Code::Ascii(_) = code {
            if problem.code_count[k] < 2 || problem.reads_as_separator(&table, k) {
                continue;
            }
        }
        decoded.insert(*code, Decoded { letters: problem.outputs[table[k]].clone(), confidence });
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_frequencies_know_forms() {
        let outs = outputs();
        let o = |c: char| outs.iter().position(|x| x == &vec![letter_byte(c).unwrap()]).unwrap();
        // Teh marbuta only ends words; alef never joins the glyph after it.
        assert!(GLYPHS.freq[o('ة')][form_index(true, false)] > 0.0);
        assert_eq!(GLYPHS.freq[o('ة')][form_index(true, true)], 0.0);
        assert_eq!(GLYPHS.freq[o('ا')][form_index(false, true)], 0.0);
    }
}
