//! The command-line tool, run as a user runs it.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_arabic-repair"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run arabic-repair")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sample(name: &str) -> String {
    common::corpus_dir().join("in-the-wild").join(name).to_string_lossy().into_owned()
}

#[test]
fn fix_stdin_to_stdout() {
    let mut child = bin().arg("fix").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all("الذین ینســـــقون  \n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "الذين ينسقون\n");
}

/// Runs `fix` with `args` on `input` given on standard input.
fn fix_stdin(args: &[&str], input: &str) -> String {
    let mut child = bin().arg("fix").args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn lexicon_stages_can_be_switched_off() {
    // synthetic/spacing.broken.txt: lost and added spaces.
    let spaces = std::fs::read_to_string(common::corpus_dir().join("synthetic/spacing.broken.txt")).unwrap();
    let repaired = fix_stdin(&[], &spaces);
    assert!(repaired.contains("بروتوكول منع") && !repaired.contains("بروتوكولمنع"));
    let kept = fix_stdin(&["--no-word-boundaries"], &spaces);
    assert!(kept.contains("بروتوكولمنع"));
    assert_eq!(kept, arabic_repair::Repairer::new(arabic_repair::Config::new().word_boundaries(false)).repair(&spaces));
    // ctoc-wg4-2018-3.broken.txt, line 60: a label at the end.
    let label = "  ينبغي أن تقوم الدول الأطراف بما يلي:   -٧\n";
    assert_eq!(fix_stdin(&[], label), "٧- ينبغي أن تقوم الدول الأطراف بما يلي:\n");
    assert_eq!(fix_stdin(&["--no-reading-order"], label), "  ينبغي أن تقوم الدول الأطراف بما يلي: -٧\n");
}

#[test]
fn fix_file_matches_the_library() {
    let path = sample("ctoc-wg7-2021-5.broken.txt");
    let out = run(&["fix", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), arabic_repair::repair(&text));
}

/// Text the repair leaves alone is written back byte for byte, from one
/// chunk or many (a chunk the repair leaves is written from the bytes read).
#[test]
fn correct_text_comes_out_byte_identical_from_every_chunk() {
    for (path, _) in common::negative_texts() {
        let out = run(&["fix", &path.to_string_lossy()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(out.stdout == std::fs::read(&path).unwrap(), "{} changed", path.display());
    }
    // Over 1 MiB: several chunks, cut at paragraph breaks.
    let prose = std::fs::read(common::corpus_dir().join("negative/arabic-prose-mixed.txt")).unwrap();
    let big = prose.repeat((3 << 20) / prose.len() + 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &big).unwrap();
    let out = run(&["fix", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout == big, "3 MiB of correct prose changed");
}

#[test]
fn out_dir_walks_directories_and_keeps_relative_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::write(src.join("a.txt"), "العضـــــوية\n").unwrap();
    std::fs::write(src.join("sub/b.txt"), "الذین\n").unwrap();
    std::fs::write(src.join("notes.md"), "الذین\n").unwrap();
    let out_dir = tmp.path().join("out");
    let out = run(&["fix", src.to_str().unwrap(), "--out-dir", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(out_dir.join("a.txt")).unwrap(), "العضوية\n");
    assert_eq!(std::fs::read_to_string(out_dir.join("sub/b.txt")).unwrap(), "الذين\n");
    assert!(!out_dir.join("notes.md").exists(), "the default glob is *.txt");
    let out = run(&["fix", src.to_str().unwrap(), "--glob", "*.md", "--out-dir", out_dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(out_dir.join("notes.md")).unwrap(), "الذين\n");
}

#[test]
fn in_place_rewrites_changed_files_only_and_leaves_no_temp_files() {
    let tmp = tempfile::tempdir().unwrap();
    let damaged = tmp.path().join("damaged.txt");
    let clean = tmp.path().join("clean.txt");
    std::fs::write(&damaged, "العضـــــوية\n").unwrap();
    std::fs::write(&clean, "العضوية\n").unwrap();
    let clean_modified = std::fs::metadata(&clean).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = run(&["fix", "--in-place", damaged.to_str().unwrap(), clean.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&damaged).unwrap(), "العضوية\n");
    assert_eq!(std::fs::metadata(&clean).unwrap().modified().unwrap(), clean_modified);
    let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "temporary files left: {names:?}");
}

#[test]
fn invalid_utf8_names_the_file_and_offset_and_lossy_replaces() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.txt");
    let mut bytes = "نص".as_bytes().to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice("ـــنص\n".as_bytes());
    std::fs::write(&bad, &bytes).unwrap();
    let out = run(&["fix", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("bad.txt") && err.contains("invalid UTF-8 at byte 4"), "{err}");
    let out = run(&["fix", "--lossy", bad.to_str().unwrap()]);
    assert!(out.status.success());
    // the replacement stands for a letter, so the tatweel after it is justification
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "نص\u{FFFD}نص\n");
}

#[test]
fn missing_path_is_named_and_the_others_are_still_processed() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.txt");
    std::fs::write(&good, "الذین\n").unwrap();
    let missing = tmp.path().join("missing.txt");
    let out = run(&["fix", missing.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "الذين\n");
}

#[test]
fn directory_without_matches_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.md"), "x").unwrap();
    let out = run(&["diagnose", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no file matches '*.txt'"), "{}", stderr(&out));
}

#[test]
fn unwritable_output_is_exit_3() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in.txt");
    std::fs::write(&input, "الذین\n").unwrap();
    let blocker = tmp.path().join("file-not-dir");
    std::fs::write(&blocker, "").unwrap();
    let out = run(&["fix", input.to_str().unwrap(), "--out-dir", blocker.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

#[test]
fn diagnose_table_and_json() {
    let path = sample("ctoc-wg7-2021-5.broken.txt");
    let out = run(&["diagnose", &path]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.lines().next().unwrap().starts_with("file"), "{table}");
    assert!(table.contains("515"), "{table}");
    let out = run(&["diagnose", "--json", &path]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["placeholders"], 515);
    assert_eq!(json[0]["farsi_letters"], 132);
}

#[test]
fn explain_prints_one_line_per_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("x.txt");
    std::fs::write(&file, "سطر\nالذین \u{200F}العضـــوية\n").unwrap();
    let out = run(&["explain", file.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "2:4 farsi-letter 'ی' -> 'ي' (0.95)",
            "2:7 invisible-control '\\u{200F}' -> '' (1.00)",
            "2:12 tatweel 'ـــ' -> '' (1.00)",
        ]
    );
}

#[test]
fn explain_reports_what_it_left_undone() {
    let path = sample("ctoc-wg7-2021-5.broken.txt");
    let out = run(&["explain", &path]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let undone: Vec<&str> = text.lines().filter(|l| l.ends_with(", not applied)")).collect();
    assert!(undone.iter().any(|l| l.contains(" placeholder '\u{FFFD}' -> ")), "{undone:?}");
    let out = run(&["explain", "--json", &path]);
    let objects: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let not_applied = objects.iter().filter(|o| o["applied"] == false).count();
    assert_eq!(not_applied, undone.len());
    // At a threshold as low as the suggestions go, nothing is left to suggest.
    let out = run(&["explain", "--min-confidence", "0.5", &path]);
    assert!(!String::from_utf8(out.stdout).unwrap().contains("not applied"));
}

#[test]
fn closed_stdout_is_not_a_crash() {
    let path = sample("ctoc-wg4-2018-3.broken.txt");
    let args: Vec<&str> = std::iter::once("fix").chain(std::iter::repeat_n(path.as_str(), 200)).collect();
    let mut child = bin().args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn help_documents_exit_codes() {
    let out = run(&["--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Exit codes"), "{help}");
    assert!(Path::new(env!("CARGO_BIN_EXE_arabic-repair")).exists());
}

#[test]
fn empty_files_stay_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(&["fix", empty.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let dir = tmp.path().join("out");
    let out = run(&["fix", empty.to_str().unwrap(), "--out-dir", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.join("empty.txt")).unwrap(), b"");
    let out = run(&["fix", "--in-place", empty.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&empty).unwrap(), b"");
}

#[test]
fn a_binary_file_is_refused_with_its_offset_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let binary = tmp.path().join("image.txt");
    let bytes: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".iter().copied().chain(0..=255u8).collect();
    std::fs::write(&binary, &bytes).unwrap();
    let out = run(&["fix", "--in-place", binary.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("image.txt: invalid UTF-8 at byte 0"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&binary).unwrap(), bytes);
    let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "temporary files left: {names:?}");
}

#[test]
fn an_unreadable_path_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("file.txt");
    std::fs::write(&file, "نص\n").unwrap();
    // A path through a file: unreadable for every user, root included.
    let through = file.join("child.txt");
    let out = run(&["fix", through.to_str().unwrap(), file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("file.txt/child.txt"), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "نص\n", "the readable input is still processed");
}

#[test]
fn a_full_device_on_stdout_is_a_write_error() {
    if !Path::new("/dev/full").exists() {
        eprintln!("no /dev/full: skipped");
        return;
    }
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let path = sample("ctoc-wg7-2021-5.broken.txt");
    let out = bin().args(["fix", &path]).stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

/// A small file system that is full, where the platform lets the test make
/// one (Linux, as root); `None` otherwise.
struct SmallFs(std::path::PathBuf);

impl SmallFs {
    fn mount() -> Option<SmallFs> {
        let dir = tempfile::tempdir().ok()?.keep();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.to_str()?])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallFs(dir))
    }
}

impl Drop for SmallFs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

#[test]
fn a_full_disk_leaves_the_original_intact_with_in_place() {
    let Some(fs) = SmallFs::mount() else {
        eprintln!("cannot mount a small file system here: skipped");
        return;
    };
    // A damaged file of 20 KB, then filler until the disk is full.
    let text = "العضـــــوية الذین ینســـــقون\n".repeat(300);
    let file = fs.0.join("report.txt");
    std::fs::write(&file, &text).unwrap();
    let mut filler = std::fs::File::create(fs.0.join("filler")).unwrap();
    while filler.write_all(&[0u8; 4096]).is_ok() {}
    drop(filler);
    let out = run(&["fix", "--in-place", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("report.txt: cannot write"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "the original is intact");
    let names: Vec<_> = std::fs::read_dir(&fs.0).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "temporary files left: {names:?}");
}

#[test]
fn an_interrupt_during_in_place_leaves_every_file_whole() {
    // Many files, repaired in place; Ctrl-C (SIGINT) part way through.
    let tmp = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(sample("ctoc-wg7-2021-5.broken.txt")).unwrap();
    let repaired = arabic_repair::repair(&original).into_owned();
    let mut paths = Vec::new();
    for i in 0..60 {
        let p = tmp.path().join(format!("doc{i:02}.txt"));
        std::fs::write(&p, &original).unwrap();
        paths.push(p);
    }
    let mut cmd = bin();
    cmd.args(["fix", "--in-place", "--quiet"]).args(&paths);
    let child = cmd.stderr(Stdio::piped()).spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    let out = child.wait_with_output().unwrap();
    // Interrupted (130), or done before the signal came (0).
    assert!(matches!(out.status.code(), Some(130) | Some(0)), "{:?} {}", out.status, stderr(&out));
    let mut done = 0;
    for p in &paths {
        let now = std::fs::read_to_string(p).unwrap();
        assert!(now == original || now == repaired, "{} is half-written", p.display());
        done += usize::from(now == repaired);
    }
    let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), paths.len(), "temporary files left: {names:?}");
    if out.status.code() == Some(130) {
        assert!(done < paths.len(), "interrupted, yet every file was written");
        assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    }
}
