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

#[test]
fn fix_file_matches_the_library() {
    let path = sample("ctoc-wg7-2021-5.broken.txt");
    let out = run(&["fix", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), arabic_repair::repair(&text));
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
