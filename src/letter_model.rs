//! A trigram model of Arabic letters within words, estimated from the
//! lexicon (each word weighted by its frequency, word boundaries included).
//! It scores letter sequences that the lexicon does not hold: how word-like
//! an unknown filling of a placeholder is, or a decoding of a code table.

use std::sync::LazyLock;

use crate::lexicon::Lexicon;

/// Share of running Arabic words the lexicon does not hold (wordfreq covers
/// about 98% of the word tokens of the two reports' gold). A word it lacks
/// has the token probability `OUT_OF_LEXICON × P(its letters)` under the
/// letter model, on the scale of a known word's frequency; the placeholder,
/// substitution and reading-order scores all weigh unknown words so.
pub(crate) const OUT_OF_LEXICON: f64 = 0.02;

/// Symbols of the letter model: 0 is the word boundary, 1..=42 the key
/// bytes of the lexicon alphabet.
pub(crate) const SYMBOLS: usize = 43;

/// Log-probabilities of a letter given the two before it.
pub(crate) struct TrigramModel {
    logp: Vec<f32>,
}

impl TrigramModel {
    fn index(a: u8, b: u8, c: u8) -> usize {
        (usize::from(a) * SYMBOLS + usize::from(b)) * SYMBOLS + usize::from(c)
    }

    fn build(lexicon: &Lexicon) -> TrigramModel {
        let mut tri = vec![0f64; SYMBOLS * SYMBOLS * SYMBOLS];
        let mut bi = vec![0f64; SYMBOLS * SYMBOLS];
        let mut uni = vec![0f64; SYMBOLS];
        lexicon.for_each(|key, zipf| {
            if key.iter().any(|&b| usize::from(b) >= SYMBOLS) {
                return;
            }
            let w = 10f64.powf(f64::from(zipf) - 3.0);
            let mut a = 0u8;
            let mut b = 0u8;
            for &c in key.iter().chain(std::iter::once(&0u8)) {
                tri[TrigramModel::index(a, b, c)] += w;
                bi[usize::from(b) * SYMBOLS + usize::from(c)] += w;
                uni[usize::from(c)] += w;
                a = b;
                b = c;
            }
        });
        // Interpolate trigram, bigram and unigram estimates.
        let uni_total: f64 = uni.iter().sum();
        let mut logp = vec![0f32; tri.len()];
        for a in 0..SYMBOLS {
            for b in 0..SYMBOLS {
                let ctx3: f64 = (0..SYMBOLS).map(|c| tri[(a * SYMBOLS + b) * SYMBOLS + c]).sum();
                let ctx2: f64 = (0..SYMBOLS).map(|c| bi[b * SYMBOLS + c]).sum();
                for c in 0..SYMBOLS {
                    let p3 = if ctx3 > 0.0 { tri[(a * SYMBOLS + b) * SYMBOLS + c] / ctx3 } else { 0.0 };
                    let p2 = if ctx2 > 0.0 { bi[b * SYMBOLS + c] / ctx2 } else { 0.0 };
                    let p1 = (uni[c] + 1.0) / (uni_total + SYMBOLS as f64);
                    logp[(a * SYMBOLS + b) * SYMBOLS + c] = (0.75 * p3 + 0.2 * p2 + 0.05 * p1).ln() as f32;
                }
            }
        }
        TrigramModel { logp }
    }

    /// Log-likelihood of a word (key bytes), boundaries included.
    pub fn score(&self, word: &[u8]) -> f32 {
        let mut a = 0u8;
        let mut b = 0u8;
        let mut s = 0.0;
        for &c in word.iter().chain(std::iter::once(&0u8)) {
            let c = if usize::from(c) < SYMBOLS { c } else { 0 };
            s += self.logp[TrigramModel::index(a, b, c)];
            a = b;
            b = c;
        }
        s
    }
}

/// The model of the embedded lexicon, built on first use.
pub(crate) static TRIGRAMS: LazyLock<TrigramModel> = LazyLock::new(|| TrigramModel::build(Lexicon::embedded()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigram_model_prefers_arabic_letter_order() {
        let m = &*TRIGRAMS;
        let key = |w: &str| crate::lexicon::key(w).unwrap();
        assert!(m.score(&key("المهاجرين")) > m.score(&key("نيرجاهملا")));
        assert!(m.score(&key("مقبولية")) > m.score(&key("مقبولبة")));
    }
}
