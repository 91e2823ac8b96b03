//! Pathological inputs: the repair must finish (the sizes are chosen so that
//! a quadratic step would not finish within the CI's time), keep the line
//! structure, stay idempotent and never panic.
//!
//! No test asserts a timing: a linear repair of these inputs takes seconds,
//! a quadratic one hours.

use arabic_repair::{diagnose, repair, repair_explained};

/// The checks every pathological input must pass.
fn check(name: &str, text: &str) {
    let once = repair(text);
    assert_eq!(once.split('\n').count(), text.split('\n').count(), "{name}: line count");
    let twice = repair(&once);
    assert!(twice == once, "{name}: not idempotent");
    let d = diagnose(text);
    assert!((0.0..=1.0).contains(&d.damage_score), "{name}");
}

#[test]
fn a_ten_megabyte_line_without_a_newline() {
    // Damage of every kind the stages handle, repeated into one line of
    // 10 MB: per-line work must be linear in the line's length.
    let unit = "المهاجر\u{FFFD}ن العضـــــوية الذین \u{FEFB}تفاقية   -١ ية، في ";
    let line: String = unit.repeat(10_000_000 / unit.len() + 1);
    assert!(line.len() >= 10_000_000 && !line.contains('\n'));
    let out = repair(&line);
    assert!(!out.contains('\n'));
    // The code-point repairs are applied along the whole line.
    assert!(!out.contains('\u{0640}') && !out.contains('\u{06CC}') && !out.contains('\u{FEFB}'));
}

#[test]
fn a_million_placeholders_in_a_row() {
    let text = "\u{FFFD}".repeat(1_000_000);
    check("placeholders", &text);
    // Nothing to read them by: they stay.
    assert_eq!(repair(&text), text);
}

#[test]
fn a_million_placeholders_between_words() {
    let text = "في \u{FFFD} ".repeat(300_000);
    check("placeholders between words", &text);
}

#[test]
fn a_line_of_a_hundred_thousand_one_letter_runs() {
    let line = "ب ".repeat(100_000);
    check("one-letter runs", &line);
    // Reversed-run pieces everywhere, in a document that shows the damage.
    let pieces = "ية، في   -١ يمة المنظمة عبر الوطن حة الجر كاف حدة ";
    let text = format!("{}\n{}\n{}\n", pieces.repeat(20_000), pieces, pieces);
    check("reversed pieces", &text);
}

#[test]
fn lines_of_a_hundred_thousand_letters_without_a_space() {
    // A document that lost its spaces (`lost_spaces`): every stretch of
    // letters is cut by a dynamic program whose words are bounded, so the
    // cost is linear in the stretch.
    let words = "وقد أعد التقرير فريق من الخبراء بناء على طلب اللجنة في إدارة المياه ";
    let glued: String = words.replace(' ', "").repeat(100_000 / words.len() + 1);
    let text = format!("{glued}\n{glued}\n{glued}\n");
    check("spaces lost", &text);
    let out = repair(&text);
    // The words come back.
    assert!(out.lines().all(|l| l.starts_with("وقد أعد التقرير فريق من الخبراء")), "{}", &out[..200]);
}

#[test]
fn deep_mixtures_of_scripts_digits_and_marks() {
    // A deterministic mixture of right-to-left and left-to-right runs,
    // digits of three scripts, marks, brackets and bidi controls.
    let atoms = [
        "ال", "ب", "\u{FFFD}", "ــ", "\u{064E}", "\u{0651}", "abc", "123", "٤٥", "۶", "(", ")", "[", "«", "\u{202B}",
        "\u{202A}", "\u{202C}", "\u{2067}", "\u{2069}", "\u{200F}", " ", "  ", "-", ".", "،", "ی", "ک", "\u{FEFB}",
        "\u{FE8E}", "/", "(cid:7)",
    ];
    let mut state = 0x2545F4914F6CDD1Du64;
    let mut text = String::new();
    for i in 0..400_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text.push_str(atoms[(state % atoms.len() as u64) as usize]);
        if i % 97 == 0 {
            text.push('\n');
        }
    }
    check("mixture", &text);
    let explained = repair_explained(&text);
    assert_eq!(explained.apply(&text), explained.text);
}

#[test]
fn lone_combining_marks() {
    let marks: String = ('\u{064B}'..='\u{065F}').collect();
    check("marks alone", &marks.repeat(10_000));
    check("marks after spaces", &format!(" {marks}\n").repeat(10_000));
    check("marks at line starts", &format!("{marks} كلمة\n").repeat(10_000));
}

#[test]
fn every_code_point_of_the_arabic_blocks() {
    let blocks = [
        0x0600..=0x06FF,
        0x0750..=0x077F,
        0x0870..=0x089F,
        0x08A0..=0x08FF,
        0xFB50..=0xFDFF,
        0xFE70..=0xFEFF,
        0x10E60..=0x10E7F,
        0x1EC70..=0x1ECBF,
        0x1EE00..=0x1EEFF,
    ];
    let all: Vec<char> = blocks.into_iter().flatten().filter_map(char::from_u32).collect();
    // All at once, one per line, and each between two letters.
    check("all", &all.iter().collect::<String>());
    check("one per line", &all.iter().map(|c| format!("{c}\n")).collect::<String>());
    check("between letters", &all.iter().map(|c| format!("ب{c}ن ")).collect::<String>());
}

#[test]
fn nul_bytes_and_control_characters() {
    let controls: String = (0u8..0x20).map(char::from).chain(['\u{7F}', '\u{85}', '\u{2028}', '\u{2029}']).collect();
    let text = format!("المهاجر\u{FFFD}ن{controls}العضـــوية\0\0 في\r\n").repeat(5_000);
    check("controls", &text);
    assert!(repair(&text).contains('\0'), "NUL is kept: it is not this tool's to remove");
}

#[test]
fn long_vowelled_lines_cut_into_pieces() {
    // Vowelled lines of 150,000 characters that start with a mark and set
    // spaces before marks: the signs of lines cut into pieces (at their
    // marks, at their hamzas) that two stages judge by reading every line
    // turned. A step that joins the whole line again per piece, or edits it
    // in place per piece's edge, would not finish.
    let words = ["كَتَبَ", "الوَلَدُ", "أَمْرٌ", "إِلى", "سُئِلَ", "مَساءٍ", "الأَطْفالُ", "رَأَى"];
    let line: String = (0..20_000).map(|i| words[(i * 7 + i / 3) % words.len()]).collect::<Vec<_>>().join(" ");
    let line = format!("\u{0650}{}", line.replace("\u{064F} ", "\u{064F}  \u{064F}"));
    assert!(line.len() > 150_000);
    check("vowelled pieces", &[line.as_str(), line.as_str(), line.as_str()].join("\n"));
    // Their spaces lost, in visual order: the lost spaces' reading with the
    // pieces drawn apart put back is linear too.
    let glued: String = line.replace(' ', "").chars().rev().collect();
    check("vowelled pieces, spaces lost", &[glued.as_str(), glued.as_str(), glued.as_str()].join("\n"));
}
