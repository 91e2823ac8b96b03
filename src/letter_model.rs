//! A trigram model of Arabic letters within words, estimated from the
//! lexicon (each word weighted by its frequency, word boundaries included).
//! It scores letter sequences that the lexicon does not hold: how word-like
//! an unknown filling of a placeholder is, or a decoding of a code table.
//!
//! The model is embedded as a table (`data/letter_trigrams.bin`, the
//! log-probabilities as little-endian `f32`), since estimating it streams
//! the whole lexicon: 45 ms, nine tenths of the repair of a short damaged
//! page. The test `embedded_table_is_the_model_of_the_lexicon` checks the
//! table against the lexicon; `scripts/make_lexicon.sh` writes it again
//! with the lexicon.

use std::sync::LazyLock;

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

    /// The model estimated from a lexicon (what the embedded table holds).
    #[cfg(test)]
    fn build(lexicon: &crate::lexicon::Lexicon) -> TrigramModel {
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

/// The model of the embedded lexicon, as `TrigramModel::build` estimates
/// it, stored (see the module documentation).
static EMBEDDED: &[u8; SYMBOLS * SYMBOLS * SYMBOLS * 4] = include_bytes!("../data/letter_trigrams.bin");

impl TrigramModel {
    fn embedded() -> TrigramModel {
        TrigramModel { logp: EMBEDDED.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect() }
    }

    /// The table as `data/letter_trigrams.bin` stores it.
    #[cfg(test)]
    fn to_bytes(&self) -> Vec<u8> {
        self.logp.iter().flat_map(|p| p.to_le_bytes()).collect()
    }
}

/// The model of the embedded lexicon, read on first use.
pub(crate) static TRIGRAMS: LazyLock<TrigramModel> = LazyLock::new(TrigramModel::embedded);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn trigram_model_prefers_arabic_letter_order() {
        let m = &*TRIGRAMS;
        let key = |w: &str| crate::lexicon::key(w).unwrap();
        assert!(m.score(&key("المهاجرين")) > m.score(&key("نيرجاهملا")));
        assert!(m.score(&key("مقبولية")) > m.score(&key("مقبولبة")));
    }

    /// The stored table is the model the lexicon gives (to float rounding:
    /// `powf` and `ln` may round differently on another platform).
    #[test]
    fn embedded_table_is_the_model_of_the_lexicon() {
        let built = TrigramModel::build(Lexicon::embedded());
        let stored = TrigramModel::embedded();
        assert_eq!(built.logp.len(), stored.logp.len());
        let worst = built.logp.iter().zip(&stored.logp).map(|(a, b)| (a - b).abs()).fold(0f32, f32::max);
        assert!(worst < 1e-4, "data/letter_trigrams.bin is stale (off by {worst}): run scripts/make_lexicon.sh");
    }

    /// Writes `data/letter_trigrams.bin` from the embedded lexicon; run by
    /// `scripts/make_lexicon.sh`, never by the test run.
    #[test]
    #[ignore = "writes data/letter_trigrams.bin; run by scripts/make_lexicon.sh"]
    fn write_letter_trigrams() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/letter_trigrams.bin");
        std::fs::write(path, TrigramModel::build(Lexicon::embedded()).to_bytes()).unwrap();
    }
}
