//! Properties that must hold for every input.

use std::borrow::Cow;

use arabic_repair::synthetic::{Damage, PlaceholderStyle};
use arabic_repair::{diagnose, repair, repair_explained, Config, DigitStyle, Repairer, SUGGESTION_FLOOR};
use proptest::prelude::*;
use unicode_normalization::is_nfc;

/// Characters that reach the deep stages: letters, marks, damage, spaces,
/// punctuation, digits, controls, line breaks.
const ALPHABET: &[char] = &[
    'ا', 'ب', 'ت', 'ج', 'د', 'ر', 'س', 'ع', 'ل', 'م', 'ن', 'ه', 'و', 'ي', 'ى', 'ة', 'أ', 'إ', 'آ', 'ء', 'ئ', 'ك',
    '\u{064B}', '\u{064E}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0670}', '\u{0653}', '\u{0613}', // marks
    '\u{0640}', '\u{0640}', '\u{0640}', // tatweel, often
    '\u{06CC}', '\u{06A9}', 'پ', 'گ', '\u{06D2}', // Farsi and Urdu letters
    '\u{FFFD}', '\u{E000}', // placeholders
    '\u{FE8D}', '\u{FEDF}', '\u{FEFB}', '\u{FEFC}', '\u{FE94}', '\u{FE70}', '\u{FE7D}', '\u{FBFC}',
    '\u{FDF2}', // presentation forms
    ' ', ' ', ' ', ' ', ' ', '\t', '\u{00A0}', '\u{202F}', '\n', '\r', // spacing
    '،', '؛', '؟', '.', ':', '(', ')', '-', '/', '«', '%', // punctuation
    '1', '2', '٣', '٤', '۵', '٫', '٬', '٪', // digits
    'a', 'Z', 'é', // Latin
    '\u{200F}', '\u{200E}', '\u{202B}', '\u{202C}', '\u{2067}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}',
    '\u{061C}',
];

fn arabic_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..120).prop_map(|v| v.into_iter().collect())
}

fn configs() -> impl Strategy<Value = Config> {
    (any::<bool>(), any::<bool>(), any::<bool>(), 0..3u8).prop_map(|(t, f, s, d)| {
        Config::new().tatweel(t).farsi_letters(f).spacing(s).digits(match d {
            0 => DigitStyle::Keep,
            1 => DigitStyle::Ascii,
            _ => DigitStyle::ArabicIndic,
        })
    })
}

fn has_arabic_script(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{0870}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{10E60}'..='\u{10E7F}' | '\u{10EC0}'..='\u{10EFF}' | '\u{1EE00}'..='\u{1EEFF}')
    })
}

fn check_all(text: &str, repairer: &Repairer) -> Result<(), TestCaseError> {
    let once = repairer.repair(text);
    // Idempotent.
    let twice = repairer.repair(&once);
    prop_assert_eq!(&*twice, &*once, "not idempotent");
    // Line structure kept.
    prop_assert_eq!(once.split('\n').count(), text.split('\n').count());
    // The fixes rebuild the output, lie inside the input, do not overlap.
    let explained = repairer.repair_explained(text);
    prop_assert_eq!(&explained.text, &once);
    prop_assert_eq!(explained.apply(text), once.to_string());
    for f in &explained.fixes {
        prop_assert!(f.span.end <= text.len() && (0.0..=1.0).contains(&f.confidence));
    }
    for pair in explained.fixes.windows(2) {
        prop_assert!(pair[0].span.end <= pair[1].span.start);
    }
    // Suggestions lie in the input too, below the threshold, none applied.
    let threshold = repairer.config().get_min_confidence();
    for s in &explained.suggestions {
        prop_assert_eq!(text.get(s.span.clone()), Some(s.before.as_str()));
        prop_assert!((SUGGESTION_FLOOR..threshold).contains(&s.confidence), "{:?}", s);
        prop_assert!(!explained.fixes.contains(s));
    }
    // Changed lines are NFC (when mark order is on); unchanged lines keep
    // their bytes.
    if repairer.config().get_mark_order() {
        for (before, after) in text.split('\n').zip(once.split('\n')) {
            if before != after {
                prop_assert!(is_nfc(after), "changed line not NFC: {:?}", after);
            }
        }
    }
    let _ = diagnose(text);
    Ok(())
}

/// 2,000 cases by default; `PROPTEST_CASES=N` for a longer run.
fn cases() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    ProptestConfig::with_cases(cases)
}

/// Clean lines to damage: the gold of the real extractions.
fn gold_lines() -> &'static [String] {
    static LINES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LINES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/in-the-wild");
        ["ctoc-wg4-2018-3.gold.txt", "ctoc-wg7-2021-5.gold.txt"]
            .iter()
            .flat_map(|f| std::fs::read_to_string(dir.join(f)).unwrap().lines().map(str::to_string).collect::<Vec<_>>())
            .filter(|l| !l.trim().is_empty())
            .collect()
    })
}

proptest! {
    #![proptest_config(cases())]

    /// The damages that the code-point stages handle are undone exactly
    /// (up to canonical mark order, which the repair normalizes on the
    /// lines it changes).
    #[test]
    fn handled_synthetic_damage_is_undone(
        start in 0usize..400,
        len in 3usize..8,
        seed in any::<u64>(),
        farsi in prop::bool::ANY,
        kashida in 0.0f64..1.0,
        presentation in prop::bool::ANY,
    ) {
        let lines = gold_lines();
        let start = start % (lines.len() - len);
        let clean = lines[start..start + len].join("\n") + "\n";
        let damage = Damage::new(seed).farsi_letters(if farsi { 1.0 } else { 0.0 }).kashida(kashida).presentation_forms(presentation);
        let damaged = damage.apply(&clean);
        let repaired: String = unicode_normalization::UnicodeNormalization::nfc(&*repair(&damaged.broken)).collect();
        let gold: String = unicode_normalization::UnicodeNormalization::nfc(damaged.gold.as_str()).collect();
        prop_assert_eq!(repaired, gold, "damaged: {}", damaged.broken);
    }

    #[test]
    fn arabic_like_text(text in arabic_like(), config in configs()) {
        check_all(&text, &Repairer::new(config))?;
    }

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check_all(&text, &Repairer::default())?;
    }

    /// Random text inside a real `pdftotext -raw` extraction, whose
    /// embedded runs the repair reads in reverse: every property holds for
    /// the lines it turns too.
    #[test]
    fn text_inside_an_extraction_with_embedded_runs(text in arabic_like(), at in 0usize..100) {
        static RAW: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let raw = RAW.get_or_init(|| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/in-the-wild/pdf-noto-pdftotext-raw.broken.txt");
            std::fs::read_to_string(path).unwrap()
        });
        let mut lines: Vec<&str> = raw.lines().collect();
        lines.insert(at % (lines.len() + 1), &text);
        check_all(&lines.join("\n"), &Repairer::default())?;
    }

    #[test]
    fn text_without_arabic_is_borrowed_and_unchanged(text in "[^\u{0600}-\u{06FF}\u{0750}-\u{077F}\u{0870}-\u{08FF}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFE}]*") {
        prop_assume!(!has_arabic_script(&text));
        prop_assert!(matches!(repair(&text), Cow::Borrowed(t) if t == text));
        prop_assert!(repair_explained(&text).fixes.is_empty());
    }
}

/// The heavy properties (whole documents through the reading-order search)
/// take a tenth of the cases.
fn heavy_cases() -> ProptestConfig {
    ProptestConfig::with_cases((cases().cases / 10).max(20))
}

proptest! {
    #![proptest_config(heavy_cases())]

    /// Damage of every kind the generator makes, reading order and
    /// placeholders included: no panic, idempotent, line count kept, fixes
    /// consistent with the output.
    #[test]
    fn damaged_text_of_every_kind(
        start in 0usize..400,
        len in 2usize..10,
        seed in any::<u64>(),
        visual in 0.0f64..0.5,
        runs in 0.0f64..0.6,
        style in 0..4u8,
        spaces in 0.0f64..0.1,
        glued in 0.0f64..0.1,
        numbers in prop::bool::ANY,
    ) {
        let lines = gold_lines();
        let start = start % (lines.len() - len);
        let clean = lines[start..start + len].join("\n") + "\n";
        let mut damage = Damage::new(seed)
            .farsi_letters(0.5)
            .kashida(0.2)
            .visual_order(visual)
            .run_reversal(runs)
            .stray_spaces(spaces)
            .glued_words(glued)
            .paragraph_numbers(numbers);
        damage = match style {
            0 => damage.placeholders(PlaceholderStyle::Replacement, "بيك", true, 1.0),
            1 => damage.placeholders(PlaceholderStyle::PrivateUse, "", false, 1.0),
            2 => damage.placeholders(PlaceholderStyle::Cid, "", false, 1.0),
            _ => damage,
        };
        let damaged = damage.apply(&clean);
        check_all(&damaged.broken, &Repairer::default())?;
    }

    /// Clean lines, in any combination, come out unchanged and borrowed.
    #[test]
    fn clean_lines_are_unchanged(picks in prop::collection::vec(0usize..10_000, 1..30)) {
        let lines = gold_lines();
        let text = picks.iter().map(|i| lines[i % lines.len()].as_str()).collect::<Vec<_>>().join("\n");
        prop_assert!(matches!(repair(&text), Cow::Borrowed(t) if t == text));
    }
}
