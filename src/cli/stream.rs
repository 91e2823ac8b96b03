//! Running many files, and large ones, through the repair on all cores, with
//! output in input order and bounded memory.
//!
//! Every input is read in chunks of about [`CHUNK_BYTES`] that end at a
//! paragraph break (a blank line) where there is one, else at a line end, so
//! that chunks hold whole lines and the output keeps the line structure. A
//! chunk is the unit of work: it is repaired as one document (its own
//! placeholder code table, its own reading-order evidence), on a rayon pool.
//! At most [`IN_FLIGHT_PER_THREAD`] chunks per thread are read ahead and not
//! yet written; results are written strictly in input order. A file smaller
//! than a chunk is one chunk, so the CLI repairs it exactly as
//! [`arabic_repair::repair`] does.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use arabic_repair::Repairer;

use super::inputs::Input;
use super::CliError;

/// The size of a chunk: large enough for document statistics (a megabyte
/// holds some 100,000 words), small enough to bound memory.
pub(crate) const CHUNK_BYTES: usize = 1 << 20;

/// Set when the user interrupts the run (Ctrl-C): no further chunk is
/// started, no further file is written, and files being written are
/// discarded (their temporary files deleted), so that every file is either
/// as it was or completely repaired.
pub(crate) static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Installs the Ctrl-C handler that sets [`INTERRUPTED`]; a second Ctrl-C
/// ends the process at once.
pub(crate) fn stop_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
}

/// Chunks read and not yet written, per worker thread.
const IN_FLIGHT_PER_THREAD: usize = 2;

/// Splits a reader into chunks of whole lines.
pub(crate) struct Chunker<R> {
    reader: R,
    buffer: Vec<u8>,
    /// Offset in the input of `buffer[0]`.
    offset: u64,
    eof: bool,
}

impl<R: Read> Chunker<R> {
    pub fn new(reader: R) -> Chunker<R> {
        Chunker { reader, buffer: Vec::new(), offset: 0, eof: false }
    }

    /// The next chunk and its offset in the input, or `None` at the end.
    pub fn next_chunk(&mut self) -> io::Result<Option<(u64, Vec<u8>)>> {
        loop {
            if let Some(end) = self.cut() {
                let rest = self.buffer.split_off(end);
                let chunk = std::mem::replace(&mut self.buffer, rest);
                let at = self.offset;
                self.offset += chunk.len() as u64;
                return Ok(Some((at, chunk)));
            }
            if self.eof {
                if self.buffer.is_empty() {
                    return Ok(None);
                }
                let chunk = std::mem::take(&mut self.buffer);
                let at = self.offset;
                self.offset += chunk.len() as u64;
                return Ok(Some((at, chunk)));
            }
            // Read up to a chunk more.
            let start = self.buffer.len();
            self.buffer.resize(start + CHUNK_BYTES, 0);
            let mut filled = start;
            while filled < self.buffer.len() {
                match self.reader.read(&mut self.buffer[filled..]) {
                    Ok(0) => {
                        self.eof = true;
                        break;
                    }
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.buffer.truncate(filled);
                        return Err(e);
                    }
                }
            }
            self.buffer.truncate(filled);
        }
    }

    /// Where to end a chunk in the buffer: after the last paragraph break in
    /// its second half, else after its last line end; `None` while the
    /// buffer is shorter than a chunk (or holds no line end yet: a line is
    /// never cut, however long).
    fn cut(&self) -> Option<usize> {
        if self.buffer.len() < CHUNK_BYTES {
            return None;
        }
        let window = &self.buffer[..CHUNK_BYTES];
        if let Some(p) = memchr::memmem::rfind(&window[CHUNK_BYTES / 2..], b"\n\n") {
            return Some(CHUNK_BYTES / 2 + p + 2);
        }
        memchr::memrchr(b'\n', window).or_else(|| memchr::memchr(b'\n', &self.buffer)).map(|p| p + 1)
    }
}

/// Where the repaired text of the inputs goes.
#[derive(Clone, Debug)]
pub(crate) enum Destination {
    Stdout,
    /// One file per input under this directory.
    OutDir(PathBuf),
    /// Each input rewritten (only if the repair changed it).
    InPlace,
}

/// A unit of work, in input order.
enum Job {
    Chunk { input: usize, offset: u64, bytes: Vec<u8> },
    End { input: usize },
    Failed { input: usize, error: CliError },
}

/// What became of a job.
enum Done {
    /// `text`: the chunk repaired, UTF-8 (its bytes as read if unchanged).
    Repaired {
        input: usize,
        text: Vec<u8>,
        changed: bool,
        bytes: u64,
    },
    End {
        input: usize,
    },
    Failed {
        input: usize,
        error: CliError,
    },
}

/// What the run reports as it goes.
pub(crate) trait Observer {
    fn error(&mut self, error: CliError);
    fn bytes_done(&mut self, bytes: u64);
    fn file_done(&mut self);
}

/// Repairs every input, writing to `destination`. Errors of one input are
/// reported and the others go on; a closed standard output ends the run.
pub(crate) fn run(
    inputs: &[Input],
    repairer: &Repairer,
    lossy: bool,
    destination: &Destination,
    observer: &mut dyn Observer,
) -> Result<(), CliError> {
    let threads = rayon::current_num_threads().max(1);
    let in_flight_max = threads * IN_FLIGHT_PER_THREAD + 1;
    let mut jobs = Jobs::new(inputs);
    let mut writer = Writer::new(inputs, destination);
    let (tx, rx) = mpsc::channel::<(usize, Done)>();
    rayon::in_place_scope(|scope| -> Result<(), CliError> {
        let mut next_id = 0usize;
        let mut next_to_write = 0usize;
        let mut in_flight = 0usize;
        let mut finished: BTreeMap<usize, Done> = BTreeMap::new();
        loop {
            if INTERRUPTED.load(Ordering::SeqCst) {
                // Let the chunks at work finish, write nothing more.
                while in_flight > 0 && rx.recv().is_ok() {
                    in_flight -= 1;
                }
                return Err(CliError::Interrupted);
            }
            // Bounded by the chunks read and not yet written, not only those
            // at work: results that wait for an earlier, slower chunk count.
            while next_id - next_to_write < in_flight_max {
                let Some(job) = jobs.next() else { break };
                let id = next_id;
                next_id += 1;
                in_flight += 1;
                let tx = tx.clone();
                scope.spawn(move |_| {
                    let _ = tx.send((id, work(job, repairer, lossy, inputs)));
                });
            }
            if in_flight == 0 {
                return Ok(());
            }
            let Ok((id, done)) = rx.recv() else { return Ok(()) };
            in_flight -= 1;
            finished.insert(id, done);
            while let Some(done) = finished.remove(&next_to_write) {
                next_to_write += 1;
                writer.take(done, observer)?;
            }
        }
    })
}

/// Repairs one chunk (on a pool thread).
fn work(job: Job, repairer: &Repairer, lossy: bool, inputs: &[Input]) -> Done {
    match job {
        Job::Chunk { input, offset, bytes } => {
            let len = bytes.len() as u64;
            // Validated in place with SIMD (the standard library's check
            // took a quarter of a run over clean text); on an error, the
            // standard library's check finds where.
            let valid = simdutf8::basic::from_utf8(&bytes).or_else(|_| std::str::from_utf8(&bytes));
            let (text, changed) = match valid {
                Ok(text) => match repairer.repair(text) {
                    std::borrow::Cow::Borrowed(_) => (None, false),
                    std::borrow::Cow::Owned(repaired) => (Some(repaired), true),
                },
                Err(_) if lossy => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    match repairer.repair(&text) {
                        std::borrow::Cow::Borrowed(_) => (Some(text), false),
                        std::borrow::Cow::Owned(repaired) => (Some(repaired), true),
                    }
                }
                Err(e) => {
                    let at = offset as usize + e.valid_up_to();
                    let path = PathBuf::from(inputs[input].display());
                    return Done::Failed { input, error: CliError::InvalidUtf8 { path, offset: at } };
                }
            };
            // Unchanged: the bytes as read.
            let text = text.map_or(bytes, String::into_bytes);
            Done::Repaired { input, text, changed, bytes: len }
        }
        Job::End { input } => Done::End { input },
        Job::Failed { input, error } => Done::Failed { input, error },
    }
}

/// The jobs of all inputs, in order: each input's chunks, then its end.
struct Jobs<'i> {
    inputs: &'i [Input],
    next_input: usize,
    current: Option<(usize, Chunker<Box<dyn Read + Send>>)>,
}

impl<'i> Jobs<'i> {
    fn new(inputs: &'i [Input]) -> Jobs<'i> {
        Jobs { inputs, next_input: 0, current: None }
    }

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some((input, chunker)) = &mut self.current {
                let input = *input;
                return Some(match chunker.next_chunk() {
                    Ok(Some((offset, bytes))) => Job::Chunk { input, offset, bytes },
                    Ok(None) => {
                        self.current = None;
                        Job::End { input }
                    }
                    Err(source) => {
                        self.current = None;
                        let path = PathBuf::from(self.inputs[input].display());
                        Job::Failed { input, error: CliError::Read { path, source } }
                    }
                });
            }
            let input = self.next_input;
            let spec = self.inputs.get(input)?;
            self.next_input += 1;
            let reader: Box<dyn Read + Send> = match &spec.path {
                None => Box::new(io::stdin()),
                Some(path) => match File::open(path) {
                    Ok(f) => Box::new(f),
                    Err(source) => {
                        return Some(Job::Failed { input, error: CliError::Read { path: path.clone(), source } })
                    }
                },
            };
            self.current = Some((input, Chunker::new(reader)));
        }
    }
}

/// Writes results in order, one input at a time.
struct Writer<'i> {
    inputs: &'i [Input],
    destination: &'i Destination,
    stdout: io::BufWriter<io::StdoutLock<'static>>,
    /// The input being written, its temporary file (for files), whether the
    /// repair changed it, whether it failed.
    open: Option<OpenOutput>,
}

struct OpenOutput {
    input: usize,
    temp: Option<(tempfile::NamedTempFile, PathBuf)>,
    changed: bool,
    failed: bool,
}

impl<'i> Writer<'i> {
    fn new(inputs: &'i [Input], destination: &'i Destination) -> Writer<'i> {
        Writer { inputs, destination, stdout: io::BufWriter::new(io::stdout().lock()), open: None }
    }

    /// The output of `input`, opened on its first result.
    fn output(&mut self, input: usize) -> Result<&mut OpenOutput, CliError> {
        if self.open.as_ref().is_none_or(|o| o.input != input) {
            let target = match self.destination {
                Destination::Stdout => None,
                Destination::OutDir(dir) => Some(dir.join(&self.inputs[input].relative)),
                Destination::InPlace => match &self.inputs[input].path {
                    Some(p) => Some(p.clone()),
                    None => return Err(CliError::InPlaceStdin),
                },
            };
            let temp = match target {
                Some(path) => Some((super::output::temp_beside(&path)?, path)),
                None => None,
            };
            self.open = Some(OpenOutput { input, temp, changed: false, failed: false });
        }
        Ok(self.open.as_mut().expect("opened above"))
    }

    fn take(&mut self, done: Done, observer: &mut dyn Observer) -> Result<(), CliError> {
        match done {
            Done::Repaired { input, text, changed, bytes } => {
                let output = match self.output(input) {
                    Ok(o) => o,
                    Err(e) => {
                        observer.error(e);
                        self.open = Some(OpenOutput { input, temp: None, changed: false, failed: true });
                        return Ok(());
                    }
                };
                if output.failed {
                    return Ok(());
                }
                output.changed |= changed;
                match &mut output.temp {
                    Some((temp, path)) => {
                        if let Err(source) = temp.write_all(&text) {
                            output.failed = true;
                            observer.error(CliError::Write { path: path.clone(), source });
                        }
                    }
                    None => self.stdout.write_all(&text).map_err(super::output::stdout_error)?,
                }
                observer.bytes_done(bytes);
            }
            Done::Failed { input, error } => {
                observer.error(error);
                // The temporary file, if any, is deleted when dropped.
                self.open = Some(OpenOutput { input, temp: None, changed: false, failed: true });
            }
            Done::End { input } => {
                let in_place = matches!(self.destination, Destination::InPlace);
                // An empty input has no chunk: its output is opened here.
                let output = match self.output(input) {
                    Ok(o) => o,
                    Err(e) => {
                        observer.error(e);
                        self.open = None;
                        observer.file_done();
                        return Ok(());
                    }
                };
                if !output.failed {
                    if let Some((temp, path)) = output.temp.take() {
                        let keep_original = in_place && !output.changed;
                        if !keep_original {
                            if let Err(e) = super::output::persist(temp, &path) {
                                observer.error(e);
                            }
                        }
                    }
                }
                self.open = None;
                self.stdout.flush().map_err(super::output::stdout_error)?;
                observer.file_done();
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_hold_whole_lines_and_cover_the_input() {
        let line = "أقرَّ مؤتمر الأطراف في اتفاقية الأمم المتحدة\n";
        let mut text = String::new();
        let mut n = 0;
        while text.len() < 3 * CHUNK_BYTES + 1000 {
            text.push_str(line);
            n += 1;
            if n % 7 == 0 {
                text.push('\n');
            }
        }
        text.push_str("بلا سطر أخير");
        let mut chunker = Chunker::new(text.as_bytes());
        let mut joined = Vec::new();
        let mut chunks = 0;
        while let Some((offset, bytes)) = chunker.next_chunk().unwrap() {
            assert_eq!(offset as usize, joined.len());
            assert!(bytes.len() <= CHUNK_BYTES || !bytes[..CHUNK_BYTES].contains(&b'\n'));
            joined.extend_from_slice(&bytes);
            chunks += 1;
            if joined.len() < text.len() {
                // Cut after a paragraph break.
                assert!(bytes.ends_with(b"\n\n"), "chunk {chunks}");
            }
        }
        assert_eq!(joined, text.as_bytes());
        assert!(chunks >= 3);
    }

    #[test]
    fn a_line_longer_than_a_chunk_is_not_cut() {
        let text = "ب".repeat(CHUNK_BYTES) + "\nآخر\n";
        let mut chunker = Chunker::new(text.as_bytes());
        let (_, first) = chunker.next_chunk().unwrap().unwrap();
        assert_eq!(first.len(), 2 * CHUNK_BYTES + 1);
        let (_, second) = chunker.next_chunk().unwrap().unwrap();
        assert_eq!(second, "آخر\n".as_bytes());
        assert!(chunker.next_chunk().unwrap().is_none());
    }
}
