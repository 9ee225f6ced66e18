//! What the fuzz targets share: the input split into parts (the files and options of
//! an importer), temporary files for the importers to read, and the checks made on
//! what an importer returns.
//!
//! An importer that takes several files or options reads a fuzz input of parts
//! separated by [`SEPARATOR`] (a line `~~~`): see each target for their order. A
//! missing part is empty.

use std::path::PathBuf;
use std::sync::OnceLock;

use results_cli::import::ImportError;
use results_core::model::ResultsFile;

/// Separates the parts of a fuzz input: a line holding `~~~`.
pub const SEPARATOR: &[u8] = b"\n~~~\n";

/// The input's parts; there is always at least one.
pub fn parts(data: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let (mut start, mut at) = (0, 0);
    // Byte by byte rather than with slice comparisons: libFuzzer traces every memcmp.
    while at + SEPARATOR.len() <= data.len() {
        if SEPARATOR.iter().zip(&data[at..]).all(|(a, b)| a == b) {
            parts.push(&data[start..at]);
            at += SEPARATOR.len();
            start = at;
        } else {
            at += 1;
        }
    }
    parts.push(&data[start..]);
    parts
}

/// Part `n`, or nothing where the input has fewer parts.
pub fn part<'a>(parts: &[&'a [u8]], n: usize) -> &'a [u8] {
    parts.get(n).copied().unwrap_or_default()
}

/// Part `n` as text (an option such as a year or a borough).
pub fn text(parts: &[&[u8]], n: usize) -> String {
    String::from_utf8_lossy(part(parts, n)).into_owned()
}

/// This process's scratch directory, made once: the files are rewritten on every run.
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("results-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("cannot make the fuzz scratch directory");
        dir
    })
}

/// Writes `bytes` to this process's temporary file number `slot` and returns its path.
pub fn file(slot: usize, bytes: &[u8]) -> PathBuf {
    let path = scratch().join(format!("input-{slot}.csv"));
    std::fs::write(&path, bytes).expect("cannot write the fuzz input file");
    path
}

/// An import may fail, but its error must print, and a file it returns must be
/// one the widget loads: written as JSON and read back, it passes validation.
pub fn check_import(outcome: Result<ResultsFile, ImportError>) {
    match outcome {
        Ok(file) => {
            let json = serde_json::to_string(&file).expect("an imported file must serialise");
            if let Err(err) = results_core::load::parse_results(&json) {
                panic!("the imported file does not load: {err}\n{json}");
            }
        }
        Err(err) => {
            let message = err.to_string();
            if debug() {
                eprintln!("import error: {message}");
            }
        }
    }
}

/// With `RESULTS_FUZZ_DEBUG` set, import errors are printed: to see how far the
/// seeds get (`cargo fuzz run TARGET corpus/TARGET -- -runs=0`).
fn debug() -> bool {
    static DEBUG: OnceLock<bool> = OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("RESULTS_FUZZ_DEBUG").is_some())
}
