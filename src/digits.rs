//! Stage: digits in the configured script.
//!
//! Arabic text is written with Western (`0-9`), Arabic-Indic (`٠-٩`,
//! U+0660) or Extended Arabic-Indic (`۰-۹`, U+06F0, the Persian and Urdu
//! shapes) digits; an index usually wants one script. With
//! [`DigitStyle::Keep`](crate::DigitStyle::Keep) (the default) this stage
//! does nothing. The separators follow the digits: `٫` (decimal), `٬`
//! (thousands) and `٪` (percent) become `.` `,` `%` and back. Tokens with
//! Latin letters (`CTOC/COP/WG.7/2021/5`, URLs) keep their ASCII digits.

use std::borrow::Cow;

use crate::config::DigitStyle;
use crate::edit::{Edits, Rewriter};
use crate::fix::FixKind;
use crate::pipeline::LineContext;
use crate::script::is_digit;

/// The value of a digit of any of the three scripts.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Converts the digits of one line to the configured script.
pub(crate) fn convert_digits<'a>(line: &'a str, ctx: &LineContext<'_>, edits: &mut Edits) -> Cow<'a, str> {
    let style = ctx.config.digits;
    if style == DigitStyle::Keep {
        return Cow::Borrowed(line);
    }
    let mut out = Rewriter::new(line, edits);
    let mut token_start = 0;
    for token in line.split(' ') {
        if style == DigitStyle::ArabicIndic && token.chars().any(|c| c.is_ascii_alphabetic()) {
            token_start += token.len() + 1;
            continue;
        }
        let mut prev: Option<char> = None;
        let mut chars = token.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let replacement: Option<char> = match style {
                DigitStyle::Keep => None,
                DigitStyle::Ascii => match c {
                    '\u{066B}' => Some('.'),
                    '\u{066C}' => Some(','),
                    '\u{066A}' => Some('%'),
                    _ if c.is_ascii_digit() => None,
                    _ => digit_value(c).and_then(|d| char::from_digit(d, 10)),
                },
                DigitStyle::ArabicIndic => match c {
                    '.' if prev.is_some_and(is_digit) && next.is_some_and(is_digit) => Some('\u{066B}'),
                    ',' if prev.is_some_and(is_digit) && next.is_some_and(is_digit) => Some('\u{066C}'),
                    '%' if prev.is_some_and(is_digit) => Some('\u{066A}'),
                    '\u{0660}'..='\u{0669}' => None,
                    _ => digit_value(c).and_then(|d| char::from_u32(0x0660 + d)),
                },
            };
            if let Some(r) = replacement {
                let at = token_start + i;
                out.replace(at..at + c.len_utf8(), r.encode_utf8(&mut [0; 4]), FixKind::Digit, 1.0);
            }
            prev = Some(c);
        }
        token_start += token.len() + 1;
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use crate::pipeline::tests::run_stage_with;
    use crate::Config;

    use super::*;

    #[test]
    fn eastern_digits_to_ascii() {
        // ctoc-wg4-2018-3.gold.txt, line 2
        let line = "يومي ٢ و٣ تموز/يوليه ٢٠١٨";
        let config = Config::new().digits(DigitStyle::Ascii);
        assert_eq!(run_stage_with(convert_digits, line, &config), "يومي 2 و3 تموز/يوليه 2018");
        assert_eq!(run_stage_with(convert_digits, "نسبة ۱۲٫۵٪", &config), "نسبة 12.5%");
    }

    #[test]
    fn ascii_to_arabic_indic_keeps_document_symbols() {
        let line = "قضايا تهريب المهاجرين (CTOC/COP/WG.7/2021/3)؛ بلغت 12.5% من 1,200 حالة";
        let config = Config::new().digits(DigitStyle::ArabicIndic);
        assert_eq!(
            run_stage_with(convert_digits, line, &config),
            "قضايا تهريب المهاجرين (CTOC/COP/WG.7/2021/3)؛ بلغت ١٢٫٥٪ من ١٬٢٠٠ حالة"
        );
    }

    #[test]
    fn keep_is_the_default() {
        let line = "بلغت 12 و١٢ و۱۲";
        assert_eq!(run_stage_with(convert_digits, line, &Config::new()), line);
    }
}
