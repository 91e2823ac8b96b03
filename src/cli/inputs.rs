//! Finding the input files and reading them as UTF-8.

use std::io::Read;
use std::path::{Path, PathBuf};

use globset::GlobMatcher;

use super::CliError;

/// One input: a file, or standard input.
#[derive(Clone, Debug)]
pub(crate) struct Input {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// Where the output goes under `--out-dir`: the file name for a file
    /// named on the command line, the path below the directory for a file
    /// found by walking one.
    pub relative: PathBuf,
}

impl Input {
    pub fn display(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "<stdin>".to_string(),
        }
    }
}

/// Expands the command-line paths: `-` is standard input, a directory is
/// walked for files whose name matches `glob`. Errors (a missing path, a
/// directory without a match) are returned beside the inputs found, so that
/// one bad path does not stop the others.
pub(crate) fn collect(paths: &[PathBuf], glob: &GlobMatcher, glob_text: &str) -> (Vec<Input>, Vec<CliError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    if paths.is_empty() {
        inputs.push(Input { path: None, relative: PathBuf::from("stdin.txt") });
    }
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input { path: None, relative: PathBuf::from("stdin.txt") });
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(source) => {
                errors.push(CliError::Read { path: path.clone(), source });
                continue;
            }
        };
        if !meta.is_dir() {
            let name = path.file_name().map(PathBuf::from).unwrap_or_else(|| path.clone());
            inputs.push(Input { path: Some(path.clone()), relative: name });
            continue;
        }
        let before = inputs.len();
        let mut walk: Vec<_> = walkdir::WalkDir::new(path).follow_links(true).sort_by_file_name().into_iter().collect();
        for entry in walk.drain(..) {
            match entry {
                Ok(e) if e.file_type().is_file() && glob.is_match(e.file_name()) => {
                    let relative = e.path().strip_prefix(path).unwrap_or(e.path()).to_path_buf();
                    inputs.push(Input { path: Some(e.path().to_path_buf()), relative });
                }
                Ok(_) => {}
                Err(err) => {
                    let at = err.path().map(Path::to_path_buf).unwrap_or_else(|| path.clone());
                    errors.push(CliError::Read { path: at, source: err.into() });
                }
            }
        }
        if inputs.len() == before {
            errors.push(CliError::NoMatches { path: path.clone(), glob: glob_text.to_string() });
        }
    }
    (inputs, errors)
}

/// Reads an input as text. Invalid UTF-8 is an error naming the byte
/// offset, unless `lossy`, which replaces invalid sequences with U+FFFD.
pub(crate) fn read(input: &Input, lossy: bool) -> Result<String, CliError> {
    let bytes = match &input.path {
        Some(p) => std::fs::read(p).map_err(|source| CliError::Read { path: p.clone(), source })?,
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|source| CliError::Read { path: PathBuf::from("<stdin>"), source })?;
            buf
        }
    };
    decode(bytes, lossy).map_err(|offset| CliError::InvalidUtf8 { path: PathBuf::from(input.display()), offset })
}

/// UTF-8 decoding; the error is the byte offset of the first invalid byte.
pub(crate) fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, usize> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(e.utf8_error().valid_up_to()),
    }
}
