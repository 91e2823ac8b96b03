use arabic_repair::synthetic::{Damage, PlaceholderStyle};
fn main() {
    let line = "١- أقرَّ مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية، في (CTOC/COP/WG.4/2018/1) عام 2018\n";
    for (name, d) in [
        ("fffd", Damage::new(1).placeholders(PlaceholderStyle::Replacement, "بيكتن", true, 1.0)),
        ("pua", Damage::new(1).placeholders(PlaceholderStyle::PrivateUse, "", false, 1.0)),
        ("cid", Damage::new(1).placeholders(PlaceholderStyle::Cid, "", false, 1.0)),
        ("farsi+kashida", Damage::new(2).farsi_letters(1.0).kashida(0.5)),
        ("pres", Damage::new(1).presentation_forms(true)),
        ("visual", Damage::new(1).visual_order(1.0).paragraph_numbers(true)),
        ("visual-pres", Damage::new(1).visual_order(1.0).presentation_forms(true)),
        ("runs", Damage::new(4).run_reversal(1.0).paragraph_numbers(true).kashida(0.3)),
        ("spaces", Damage::new(1).stray_spaces(0.3).glued_words(0.2)),
    ] {
        println!("{name}: {}", d.apply(line).broken.trim_end());
    }
}
