//! Writing results: atomically to files, or to standard output.

use std::io::{self, Write};
use std::path::Path;

use super::CliError;

/// Writes `text` to `path` atomically: into a temporary file in the same
/// directory, flushed to disk, then renamed over `path`. An interrupted run
/// leaves either the old file or the new one, never a truncated one. The
/// permissions of an existing file are kept.
pub(crate) fn write_atomically(path: &Path, text: &str) -> Result<(), CliError> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(text.as_bytes()).map_err(|source| CliError::Write { path: path.to_path_buf(), source })?;
    persist(tmp, path)
}

/// A temporary file in the directory of `path` (created if missing), to be
/// [`persist`]ed over `path` once complete; deleted if dropped.
pub(crate) fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile, CliError> {
    let fail = |source: io::Error| CliError::Write { path: path.to_path_buf(), source };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    tempfile::Builder::new().prefix(".arabic-repair-").suffix(".tmp").tempfile_in(dir).map_err(fail)
}

/// Flushes a temporary file to disk and renames it over `path`, keeping the
/// permissions of the file it replaces.
pub(crate) fn persist(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), CliError> {
    let fail = |source: io::Error| CliError::Write { path: path.to_path_buf(), source };
    tmp.as_file().sync_all().map_err(fail)?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions()).map_err(fail)?;
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Writes to standard output. A closed pipe (`arabic-repair fix f | head`)
/// is reported as [`CliError::BrokenPipe`], which ends the run quietly.
pub(crate) fn write_stdout(out: &mut impl Write, text: &str) -> Result<(), CliError> {
    out.write_all(text.as_bytes()).map_err(stdout_error)
}

pub(crate) fn stdout_error(source: io::Error) -> CliError {
    if source.kind() == io::ErrorKind::BrokenPipe {
        CliError::BrokenPipe
    } else {
        CliError::Write { path: "<stdout>".into(), source }
    }
}
