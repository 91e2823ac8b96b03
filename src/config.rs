//! The one configuration record of a [`Repairer`](crate::Repairer).

/// Which digit script the repair writes.
///
/// The default, [`DigitStyle::Keep`], leaves every digit as it is. The two
/// conversions touch digits only on lines that hold Arabic-script text, and
/// never digits inside a token with Latin letters (document symbols such as
/// `CTOC/COP/WG.7/2021/5`).
///
/// ```
/// use arabic_repair::{Config, DigitStyle, Repairer};
///
/// let ascii = Repairer::new(Config::new().digits(DigitStyle::Ascii));
/// assert_eq!(ascii.repair("عددهم ١٢٫٥٪"), "عددهم 12.5%");
/// let indic = Repairer::new(Config::new().digits(DigitStyle::ArabicIndic));
/// assert_eq!(indic.repair("عددهم 12.5%"), "عددهم ١٢٫٥٪");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DigitStyle {
    /// Leave digits in whatever script the input has (default).
    #[default]
    Keep,
    /// Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits
    /// to ASCII `0-9`; `٫` to `.`, `٬` to `,`, `٪` to `%`.
    Ascii,
    /// ASCII and Extended Arabic-Indic digits to Arabic-Indic `٠-٩`; `.` and
    /// `,` between digits to `٫` and `٬`, `%` after a digit to `٪`.
    ArabicIndic,
}

/// What to repair. Every option has a documented default; start from
/// [`Config::new`] (the same as `Config::default()`) and change what you need
/// with the chained setters, then build a [`Repairer`](crate::Repairer).
///
/// | option | default | what it does |
/// |---|---|---|
/// | [`invisible_controls`](Config::invisible_controls) | `true` | remove bidi controls and stray zero-width characters |
/// | [`presentation_forms`](Config::presentation_forms) | `true` | presentation forms and lam-alef ligatures to base letters |
/// | [`tatweel`](Config::tatweel) | `true` | remove justification tatweel (kashida) |
/// | [`farsi_letters`](Config::farsi_letters) | `true` | Farsi yeh and keheh to Arabic yeh and kaf in Arabic text |
/// | [`mark_order`](Config::mark_order) | `true` | canonical mark order (NFC) on the lines the repair changes |
/// | [`digits`](Config::digits) | [`DigitStyle::Keep`] | digit script |
/// | [`spacing`](Config::spacing) | `true` | collapse spaces, no space before Arabic punctuation, reattach cut-off marks, trim line ends |
/// | [`reading_order`](Config::reading_order) | `true` | put lines with reversed runs, misplaced labels or visual order back into reading order |
/// | [`word_boundaries`](Config::word_boundaries) | `true` | in a document that shows lost and added spaces, join split words and cut glued ones |
/// | [`placeholders`](Config::placeholders) | `true` | restore the letters behind placeholders (U+FFFD, private use, `(cid:N)`, glyph names) |
/// | [`placeholder_letters`](Config::placeholder_letters) | `بتثنيئىك` | the letters a U+FFFD is tried as |
/// | [`min_confidence`](Config::min_confidence) | `0.9` | lexicon-based fixes below this confidence are not applied |
///
/// ```
/// use arabic_repair::{Config, DigitStyle, Repairer};
///
/// let config = Config::new().tatweel(false).digits(DigitStyle::Ascii);
/// assert!(!config.get_tatweel());
/// let repairer = Repairer::new(config);
/// assert_eq!(repairer.repair("العضـــــوية ٢٠"), "العضـــــوية 20");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub(crate) invisible_controls: bool,
    pub(crate) presentation_forms: bool,
    pub(crate) tatweel: bool,
    pub(crate) farsi_letters: bool,
    pub(crate) mark_order: bool,
    pub(crate) digits: DigitStyle,
    pub(crate) spacing: bool,
    pub(crate) reading_order: bool,
    pub(crate) word_boundaries: bool,
    pub(crate) placeholders: bool,
    pub(crate) placeholder_letters: Vec<char>,
    pub(crate) min_confidence: f32,
}

/// The letters a U+FFFD is tried as, by default: the letters that share the
/// tooth and kaf shapes, whose glyphs fonts most often leave unmapped.
pub const DEFAULT_PLACEHOLDER_LETTERS: &str = "بتثنيئىك";

/// The default of [`Config::min_confidence`]: the reading-order margins are
/// calibrated so that a reading that just clears them has this confidence.
pub(crate) const DEFAULT_MIN_CONFIDENCE: f32 = 0.9;

impl Default for Config {
    fn default() -> Config {
        Config {
            invisible_controls: true,
            presentation_forms: true,
            tatweel: true,
            farsi_letters: true,
            mark_order: true,
            digits: DigitStyle::Keep,
            spacing: true,
            reading_order: true,
            word_boundaries: true,
            placeholders: true,
            placeholder_letters: DEFAULT_PLACEHOLDER_LETTERS.chars().collect(),
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        }
    }
}

impl Config {
    /// The default configuration: every repair on, digits kept.
    ///
    /// ```
    /// use arabic_repair::Config;
    /// assert_eq!(Config::new(), Config::default());
    /// ```
    pub fn new() -> Config {
        Config::default()
    }

    /// Remove bidi controls (LRM, RLM, ALM, U+202A..U+202E, U+2066..U+2069)
    /// and stray zero-width characters from lines with Arabic text; ZWNJ and
    /// ZWJ are kept in Persian and Urdu paragraphs. Default `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// let off = Repairer::new(Config::new().invisible_controls(false));
    /// assert_eq!(off.repair("\u{200F}نص"), "\u{200F}نص");
    /// ```
    pub fn invisible_controls(mut self, yes: bool) -> Config {
        self.invisible_controls = yes;
        self
    }

    /// Turn presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFF) into base
    /// letters and lam-alef ligatures into lam + alef. Symbols such as the
    /// rial sign and the word ligatures U+FDF0..U+FDFF are kept. Default `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// let on = Repairer::new(Config::new());
    /// assert_eq!(on.repair("\u{FEDF}\u{FEFC}"), "للا");
    /// let off = Repairer::new(Config::new().presentation_forms(false));
    /// assert_eq!(off.repair("\u{FEDF}\u{FEFC}"), "\u{FEDF}\u{FEFC}");
    /// ```
    pub fn presentation_forms(mut self, yes: bool) -> Config {
        self.presentation_forms = yes;
        self
    }

    /// Remove tatweel that justification inserted; tatweel that carries
    /// meaning (`هـ`, `بـ 22%`, `الـ UNODC`) always stays. Tatweel a
    /// writer types inside a word for emphasis (`الســـلام عليكم`, in chat
    /// and headings) looks like justification's and goes too: a
    /// normalization search indexes want, but a change to typed text, so
    /// `false` keeps all tatweel. Default `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// assert_eq!(arabic_repair::repair("الســـلام عليكم"), "السلام عليكم");
    /// let keep = Repairer::new(Config::new().tatweel(false));
    /// assert_eq!(keep.repair("العضـــــوية"), "العضـــــوية");
    /// ```
    pub fn tatweel(mut self, yes: bool) -> Config {
        self.tatweel = yes;
        self
    }

    /// Map Farsi yeh (U+06CC) and keheh (U+06A9) to Arabic yeh (U+064A)
    /// and kaf (U+0643) in paragraphs that are Arabic; Persian and Urdu
    /// paragraphs are left alone. Default `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// let off = Repairer::new(Config::new().farsi_letters(false));
    /// assert_eq!(off.repair("الذین في"), "الذین في");
    /// ```
    pub fn farsi_letters(mut self, yes: bool) -> Config {
        self.farsi_letters = yes;
        self
    }

    /// Put the marks of every line that the repair changed into canonical
    /// order (NFC). Lines the repair leaves alone keep their bytes, so
    /// correct text typed with shadda before kasra stays as it is.
    /// Default `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// // Tatweel removal changes the line, so its shadda + kasra is reordered.
    /// let on = Repairer::new(Config::new());
    /// assert_eq!(on.repair("الاتـّـِجار"), "الات\u{0650}\u{0651}جار");
    /// let off = Repairer::new(Config::new().mark_order(false));
    /// assert_eq!(off.repair("الاتـّـِجار"), "الات\u{0651}\u{0650}جار");
    /// ```
    pub fn mark_order(mut self, yes: bool) -> Config {
        self.mark_order = yes;
        self
    }

    /// The digit script to write. Default [`DigitStyle::Keep`].
    ///
    /// ```
    /// use arabic_repair::{Config, DigitStyle};
    /// assert_eq!(Config::new().get_digits(), DigitStyle::Keep);
    /// assert_eq!(Config::new().digits(DigitStyle::Ascii).get_digits(), DigitStyle::Ascii);
    /// ```
    pub fn digits(mut self, style: DigitStyle) -> Config {
        self.digits = style;
        self
    }

    /// Normalize spacing on lines with Arabic text: runs of spaces to one,
    /// no space before `،` `؛` `؟` (nor before `.` `:` after an Arabic
    /// word), a mark cut off from its letter by a space put back
    /// (`عملا ً` → `عملاً`), trailing spaces removed. Leading indentation
    /// is kept. Default `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// let on = Repairer::new(Config::new());
    /// assert_eq!(on.repair("نص  آخر ، عملا ً "), "نص آخر، عملاً");
    /// ```
    pub fn spacing(mut self, yes: bool) -> Config {
        self.spacing = yes;
        self
    }

    /// Put lines whose runs came out in reverse order, whose paragraph label
    /// ended up at the wrong end, or that are in visual order, back into
    /// reading order, joining the word pieces that the cuts left; and, in a
    /// document whose runs came out left to right each in an embedding of
    /// its own (`pdftotext -raw`), put them in order. Only lines that show
    /// this damage are considered, and only a clearly better reading
    /// replaces a line. Default `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// // ctoc-wg4-2018-3.broken.txt, line 60
    /// let broken = "  ينبغي أن تقوم الدول الأطراف بما يلي:   -٧";
    /// assert_eq!(Repairer::new(Config::new()).repair(broken), "٧- ينبغي أن تقوم الدول الأطراف بما يلي:");
    /// let off = Repairer::new(Config::new().reading_order(false));
    /// assert_eq!(off.repair(broken), "  ينبغي أن تقوم الدول الأطراف بما يلي: -٧");
    /// ```
    pub fn reading_order(mut self, yes: bool) -> Config {
        self.reading_order = yes;
        self
    }

    /// Join the pieces of words that a stray space split (`ا لمنظمة` →
    /// `المنظمة`) and cut tokens that are two words glued together
    /// (`بروتوكولمنع` → `بروتوكول منع`), by the lexicon, in a document that
    /// shows this damage by a sign that needs no lexicon (letters standing
    /// alone, at least 3 and one per 50 lines). Only pieces of words are
    /// joined and only tokens the lexicon does not know are cut. Default
    /// `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// let broken = "الجريمة ا لمنظمة\nالصلةوأشار و م ن\nبروتوكولمنع وقمع";
    /// assert_eq!(Repairer::new(Config::new()).repair(broken), "الجريمة المنظمة\nالصلة وأشار و من\nبروتوكول منع وقمع");
    /// let off = Repairer::new(Config::new().word_boundaries(false));
    /// assert_eq!(off.repair(broken), broken);
    /// ```
    pub fn word_boundaries(mut self, yes: bool) -> Config {
        self.word_boundaries = yes;
        self
    }

    /// Whether word boundaries are restored.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_word_boundaries());
    /// ```
    pub fn get_word_boundaries(&self) -> bool {
        self.word_boundaries
    }

    /// Whether reading order is restored.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_reading_order());
    /// ```
    pub fn get_reading_order(&self) -> bool {
        self.reading_order
    }

    /// Restore the letters behind placeholders: U+FFFD (per word, with the
    /// lexicon and the document's statistics), private-use code points,
    /// `(cid:N)`, glyph ids and raw ASCII codes (solved per document as a
    /// substitution), glyph names such as `/uni0628` (decoded). Default
    /// `true`.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// let on = Repairer::new(Config::new());
    /// assert_eq!(on.repair("المهاجر�ن"), "المهاجرين");
    /// let off = Repairer::new(Config::new().placeholders(false));
    /// assert_eq!(off.repair("المهاجر�ن"), "المهاجر�ن");
    /// ```
    pub fn placeholders(mut self, yes: bool) -> Config {
        self.placeholders = yes;
        self
    }

    /// The letters a U+FFFD may stand for. Default
    /// [`DEFAULT_PLACEHOLDER_LETTERS`] (the tooth and kaf shapes); widen it
    /// for fonts that lose other glyphs.
    ///
    /// ```
    /// use arabic_repair::{Config, Repairer};
    /// let wide = Repairer::new(Config::new().placeholder_letters("بتثنيئىكإ"));
    /// assert_eq!(wide.repair("�نشاء"), "إنشاء");
    /// ```
    pub fn placeholder_letters(mut self, letters: &str) -> Config {
        self.placeholder_letters = letters.chars().collect();
        self
    }

    /// The confidence (0..=1) a lexicon-based fix (a placeholder's letter,
    /// a line's reading order, a word joined or cut) needs to be applied;
    /// fixes below it are left undone and reported in
    /// [`Explained::suggestions`](crate::Explained::suggestions). Default
    /// `0.9`; the reading-order margins are calibrated to it, and a higher
    /// threshold reorders fewer lines (on `ctoc-wg4-2018-3`: 198 at 0.99,
    /// 220 at 0.9, 224 at 0.5).
    ///
    /// ```
    /// use arabic_repair::Config;
    /// assert_eq!(Config::new().min_confidence(0.99).get_min_confidence(), 0.99);
    /// ```
    pub fn min_confidence(mut self, confidence: f32) -> Config {
        self.min_confidence = confidence.clamp(0.0, 1.0);
        self
    }

    /// Whether placeholders are restored.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_placeholders());
    /// ```
    pub fn get_placeholders(&self) -> bool {
        self.placeholders
    }

    /// The letters a U+FFFD may stand for.
    ///
    /// ```
    /// assert_eq!(arabic_repair::Config::new().get_placeholder_letters(), &['ب', 'ت', 'ث', 'ن', 'ي', 'ئ', 'ى', 'ك']);
    /// ```
    pub fn get_placeholder_letters(&self) -> &[char] {
        &self.placeholder_letters
    }

    /// The confidence a lexicon-based fix needs.
    ///
    /// ```
    /// assert_eq!(arabic_repair::Config::new().get_min_confidence(), 0.9);
    /// ```
    pub fn get_min_confidence(&self) -> f32 {
        self.min_confidence
    }

    /// Whether bidi controls and zero-width characters are removed.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_invisible_controls());
    /// ```
    pub fn get_invisible_controls(&self) -> bool {
        self.invisible_controls
    }

    /// Whether presentation forms are turned into base letters.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_presentation_forms());
    /// ```
    pub fn get_presentation_forms(&self) -> bool {
        self.presentation_forms
    }

    /// Whether justification tatweel is removed.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_tatweel());
    /// ```
    pub fn get_tatweel(&self) -> bool {
        self.tatweel
    }

    /// Whether Farsi yeh and keheh are mapped in Arabic paragraphs.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_farsi_letters());
    /// ```
    pub fn get_farsi_letters(&self) -> bool {
        self.farsi_letters
    }

    /// Whether changed lines are put into canonical mark order.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_mark_order());
    /// ```
    pub fn get_mark_order(&self) -> bool {
        self.mark_order
    }

    /// The digit script written.
    ///
    /// ```
    /// use arabic_repair::{Config, DigitStyle};
    /// assert_eq!(Config::new().get_digits(), DigitStyle::Keep);
    /// ```
    pub fn get_digits(&self) -> DigitStyle {
        self.digits
    }

    /// Whether spacing is normalized.
    ///
    /// ```
    /// assert!(arabic_repair::Config::new().get_spacing());
    /// ```
    pub fn get_spacing(&self) -> bool {
        self.spacing
    }
}
